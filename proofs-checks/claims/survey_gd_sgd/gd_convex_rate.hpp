// 004 section 4.2, Proposition 1, eq (24): gradient descent on a convex f with L-Lipschitz
// gradient (step 1/L, eq (3): the proposition states none) satisfies
//   f(w^(t+1)) - f* <= 2 L ||w^(0) - w*||^2 / (t + 1)        (survey.prop1-gd-convex-rate)
// and the textbook bound f(w^(t)) - f* <= L ||w^(0) - w*||^2 / (2t), t >= 1, [EXT], not in
// the document (survey.gd-convex-textbook-bound-ext). One check, parameterised by the bound.
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "analysis/numeric/scalars.hpp"
#include "optim/core/optimizer.hpp"
#include "proofs-checks/claim.hpp"

namespace ov::claims::survey {

// The rule under test, given the step 1/L (exact).
using GdFactory = std::function<std::unique_ptr<optim::Optimizer<rational>>(const rational& step)>;
GdFactory library_gd();  // optim::Sgd<rational> (deterministic oracle: plain GD) with lr = step

struct ConvexRateBound {
  std::string name;
  int shift = 1;   // the gap at w^(t + shift) is compared with value(L, R^2, t)
  long t_min = 0;  // t >= t_min
  std::function<rational(const rational& L, const rational& R2, long t)> value;
};
ConvexRateBound prop1_bound();     // 004 (24): shift 1, 2 L R^2 / (t + 1), t >= 0
ConvexRateBound textbook_bound();  // [EXT]: shift 0, L R^2 / (2 t), t >= 1

Finding check_gd_convex_rate(const GdFactory& rule, const ConvexRateBound& bound, const RunContext& ctx);

Claim prop1_gd_convex_rate_claim();
Claim gd_convex_textbook_bound_claim();

}  // namespace ov::claims::survey
