// SGD with a fixed step in 003 §4.4.1-4.4.2 and §5.3, checked EXACTLY with the SGD expectation oracle
// (analysis/stochastic/sgd_expectation.hpp) on the canonical finite-sum quadratics (common.hpp):
//
//   fleischmann.lemma-4-5-expected-decrease  (4.14), the conditional expected decrease at seeded theta_k
//   fleischmann.lemma-4-7-expected-decrease  (4.17) with the problems' (M, M_G), and Assumption 4.6 itself
//   fleischmann.thm-4-8-fixed-step           (4.19) for EVERY K <= K_max, the mini-batch constants M/|B|,
//                                            and the exact stationary value alpha sigma^2/(2 - alpha)
//   fleischmann.thm-4-8-plateau-shape        §5.3: mean of (1/K) sum E||grad f||^2 linear in alpha through
//                                            the origin and proportional to 1/|B|
#pragma once

#include "analysis/numeric/scalars.hpp"
#include "proofs-checks/claim.hpp"

namespace ov::claims::fleischmann_sgd {

// A false variant of the lemmas: L replaced by L_scale * L in the bound.
struct LemmaVariant {
  rational L_scale = 1;
};
Finding check_lemma_4_5(const LemmaVariant& v, const RunContext& ctx);
Finding check_lemma_4_7(const LemmaVariant& v, const RunContext& ctx);
Claim lemma_4_5_claim();
Claim lemma_4_7_claim();

// Theorem 4.8 as checked: alpha = u * alpha_scale / (L M_G) with u in (0, 1], bound alpha L M + two (f_1 - f_inf)/(K alpha).
struct Thm48Variant {
  rational alpha_scale = 1;  // > 1 violates (4.18)
  rational two = 2;          // the factor 2 of (4.19)
};
Finding check_thm_4_8(const Thm48Variant& v, const RunContext& ctx);
Claim thm_4_8_claim();

// §5.3 shapes. `sum_estimator`: the mini-batch gradient is the SUM over the batch (step b alpha), a false variant.
struct ShapeVariant {
  bool sum_estimator = false;
};
Finding check_plateau_shape(const ShapeVariant& v, const RunContext& ctx);
Claim plateau_shape_claim();

}  // namespace ov::claims::fleischmann_sgd
