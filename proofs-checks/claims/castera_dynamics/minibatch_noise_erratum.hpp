// Claim "castera.inna.minibatch-noise-zero-mean" (erratum): L1105 says that in INNA (2.13) "the vectors
// v_k may be written as v_k = v~_k + eta_k, where v~_k in DJ(theta_k) and eta_k ... can be seen as a
// zero-mean noise", with J = sum_n J_n (2.4) and the mini-batch loss J_B = sum_{n in B} J_n (2.10), a
// SUM over the batch. Then E[grad J_B] = (|B|/N) grad J, so for |B| < N the noise has mean
// (|B|/N - 1) grad J != 0 wherever grad J != 0 (guide seed-002 §4.6 item 1: the normalisation is
// inconsistent; (1.19) silently uses means). The corrected statement (both means, the library's
// convention, docs/optimizers-castera.md) has E[grad J_B] = grad J exactly.
// Check, exact in rational: least_squares (N = 20 samples, the library's per-sample terms J_n),
// seeded theta; E over every batch of the law (ordered tuples with replacement, |B| in {1, 2}, and
// uniform subsets, |B| in {2, 5}), enumerated exactly, against the full gradient of the convention.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "proofs-checks/claim.hpp"
#include "proofs-checks/claims/castera_dynamics/din_common.hpp"

namespace ov::claims::castera_dyn {

// How a convention turns per-sample gradients into the batch direction v_B and the full gradient.
struct LossConvention {
  std::string name;
  std::function<Vec<rational>(const std::vector<Vec<rational>>& per_sample, const std::vector<std::size_t>& batch)> v;
  std::function<Vec<rational>(const std::vector<Vec<rational>>& per_sample)> full;
};
LossConvention thesis_chapter2_convention();  // J = sum (2.4), J_B = sum over B (2.10)
LossConvention mean_convention();             // J and J_B means (the corrected statement)

Finding check_minibatch_noise(const LossConvention& conv, const RunContext& ctx);
Claim minibatch_noise_erratum_claim();

}  // namespace ov::claims::castera_dyn
