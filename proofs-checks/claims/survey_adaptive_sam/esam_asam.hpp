// ESAM's stochastic weight perturbation (004 §7.2.1, eq (55)) and ASAM's adaptive sharpness (004 §7.3, eqs
// (57)-(58)).
#pragma once

#include <functional>
#include <vector>

#include "analysis/numeric/scalars.hpp"
#include "optim/core/vector.hpp"
#include "proofs-checks/claim.hpp"

namespace ov::claims::survey_sam {

// (mask m, epsilon*, beta) -> epsilon_hat: the SWP perturbation under test.
using SwpPerturbation = std::function<optim::Vector<rational>(const std::vector<int>& mask,
                                                              const optim::Vector<rational>& eps_star,
                                                              const rational& beta)>;
SwpPerturbation swp_hadamard();         // m_i epsilon*_i / beta (erratum 19's reading; optim/rules/esam.hpp)
SwpPerturbation swp_printed_scalar();   // (1/beta) m' epsilon*, a scalar, as every coordinate (as printed)
SwpPerturbation swp_without_rescale();  // mutant: m_i epsilon*_i (no 1/beta)

// `library_monte_carlo`: also average the library's Esam<double> perturbation over seeded masks.
Finding check_esam_swp_unbiased(const SwpPerturbation& swp, bool library_monte_carlo, const RunContext& ctx);
Claim esam_swp_unbiased_claim();
Claim esam_swp_printed_scalar_claim();  // erratum 19

// SDS (56): is every sample of the batch in exactly one of B+ and B-? `minus_inclusive`: B- = {diff <= alpha}
// (the library's convention, optim/rules/esam.hpp: the corrected statement), else B- = {diff < alpha} (as printed).
Finding check_sds_partition(bool minus_inclusive, const RunContext& ctx);
Claim esam_sds_partition_claim();  // erratum 20

// w -> the diagonal of T_w (the ASAM normalisation operator).
using NormalisationOperator = std::function<optim::Vector<double>(const optim::Vector<double>&)>;
NormalisationOperator t_abs_w();    // T_w = diag(|w|) [EXT, Kwon et al. with eta = 0]: satisfies (57)
NormalisationOperator t_identity(); // T_w = I: plain SAM sharpness (51) (mutant)

enum class Scaling { relu_rescaling_symmetry, incoming_weights_only };
Finding check_asam_invariance(const NormalisationOperator& t, Scaling scaling, const RunContext& ctx);
Claim asam_invariance_claim();
Claim asam_invariance_any_scaling_claim();  // erratum 21

}  // namespace ov::claims::survey_sam
