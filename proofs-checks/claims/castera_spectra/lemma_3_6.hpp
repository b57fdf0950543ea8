// Claim "castera.ch3.lemma-3-6-complex-band": Lemma 3.6 (002 L1669-L1671, L1701): for alpha >= 0, beta > 0,
// Delta(lambda) = (alpha + beta lambda)^2 - 4 lambda <= 0 iff alpha beta <= 1 and lambda in [x-, x+],
// x+- = (2 - alpha beta +- 2 sqrt(1 - alpha beta))/beta^2; moreover x- >= 0.
#pragma once

#include <functional>
#include <utility>

#include "analysis/numeric/scalars.hpp"
#include "proofs-checks/claim.hpp"

namespace ov::claims::castera_ch3 {

// The band ends as a function of (alpha, beta, s) with s = sqrt(1 - alpha beta) >= 0 given exactly.
using BandFormula =
    std::function<std::pair<rational, rational>(const rational& alpha, const rational& beta, const rational& s)>;

BandFormula thesis_band();  // (2 - alpha beta -+ 2 s)/beta^2 (L1669)

Finding check_lemma_3_6(const BandFormula& band, const RunContext& ctx);
Claim lemma_3_6_claim();

}  // namespace ov::claims::castera_ch3
