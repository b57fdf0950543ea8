// 004 section 5, eqs (36)/(37): the expected squared mini-batch gradient error
//   E||e_t||^2 = (1 - b/n) sigma^2 / b   (without replacement)   (36)
//   E||e_t||^2 = sigma^2 / b             (with replacement)      (37)
// with ONE symbol sigma^2, "the variance of whole dataset". Exact enumeration (all C(n, b)
// subsets, all n^b tuples merged into multisets with multinomial weights), n = 6, b = 1..6:
//   survey.minibatch-error-single-sigma-erratum  (erratum) one sigma^2 for both: refuted;
//   survey.minibatch-error-corrected             (36) with the (n-1)-normalised variance and
//       (37) with the population variance: exact for every b (holds-certified on the instances).
#pragma once

#include <functional>
#include <string>

#include "analysis/numeric/scalars.hpp"
#include "proofs-checks/claim.hpp"

namespace ov::claims::survey {

// The predicted E||e||^2 for n samples, batch b, from the population variance (1/n) sum ||g_i - g||^2
// and the sample variance (1/(n-1)) sum ||g_i - g||^2.
struct MinibatchFormulas {
  std::string name;
  std::function<rational(int n, int b, const rational& var_pop, const rational& var_sample)> without, with;
};
MinibatchFormulas corrected_formulas();                 // (36) with var_sample, (37) with var_pop
MinibatchFormulas single_sigma_formulas(bool sample);  // the printed pair with sigma^2 = var_sample or var_pop

// Compares the formulas with the exact enumeration (and the library's SGD expectation oracle) on
// seeded rational data sets; holds-certified when every prediction is exact, refuted otherwise.
Finding check_minibatch_error(const MinibatchFormulas& formulas, const RunContext& ctx);
// The erratum: both single-sigma readings, and the normalisation-free argument at b = 1.
Finding check_minibatch_single_sigma(const RunContext& ctx);

Claim minibatch_error_corrected_claim();
Claim minibatch_single_sigma_erratum_claim();

}  // namespace ov::claims::survey
