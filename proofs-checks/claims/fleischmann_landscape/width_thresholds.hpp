// Width/sample-size thresholds for zero-loss landscapes:
//  - fleischmann.soudry-carmon-width: 003 Theorem 3.6 (Soudry & Carmon), statistical width sweep;
//  - survey.soltanolkotabi-no-spurious-minima: 004 Proposition 4 items 1-2 (quadratic activations);
//  - survey.soltanolkotabi-interpolation-threshold: 004 Proposition 4 item 3 with the [DERIVED]
//    threshold n <= d(d+1)/2, exact rank argument in rational.
// docs/claims-fleischmann_landscape.md.
#pragma once

#include <functional>
#include <vector>

#include "analysis/numeric/linear_algebra.hpp"
#include "proofs-checks/claim.hpp"

namespace ov::claims::landscape {

// Soudry-Carmon: `applies(n, d0, d1)` says for which widths the statement is asserted (Theorem 3.6:
// n <= d1 d0); runs at other widths are evidence only. The tests pass "always" (a false variant).
using WidthCondition = std::function<bool(long n, int d0, int d1)>;
WidthCondition theorem_3_6_condition();
Finding check_soudry_carmon(const WidthCondition& applies, const RunContext& ctx);
Claim soudry_carmon_claim();

// Proposition 4: the network configurations (d, fixed output weights v, k = v.size()) the statement is
// asserted for, each run with n = d .. d(d+1)/2 samples.
struct QuadraticConfig {
  int d = 2;
  std::vector<double> v;
};
std::vector<QuadraticConfig> proposition_4_configs(bool quick);
Finding check_soltanolkotabi(const std::vector<QuadraticConfig>& configs, const RunContext& ctx);
Claim soltanolkotabi_no_spurious_claim();

// Item 3: zero global optimum for d <= n <= c d^2; the claim uses c(d) = (d+1)/(2d) (n <= d(d+1)/2),
// the tests pass c = 1.
using SampleBound = std::function<long(int d)>;  // the largest n asserted to give a zero optimum
SampleBound derived_sample_bound();
Finding check_interpolation_threshold(const SampleBound& bound, const RunContext& ctx);
Claim soltanolkotabi_threshold_claim();

// Exact rank of a rational matrix (Gaussian elimination).
int exact_rank(Mat<rational> A);

}  // namespace ov::claims::landscape
