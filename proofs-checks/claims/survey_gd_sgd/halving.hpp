// 004 section 2.3, Algorithm 1, eqs (5)-(7): gradient descent with the halving line search
// (start at eta = 1, halve until f(w - eta grad f(w)) < f(w)). Two claims:
//   survey.halving-line-search-step-bound   (7) and its consequences on L-smooth f with
//       grad f != 0: accepted step >= min(1, 1/L), halvings <= max(0, floor(log2(L/2)) + 1);
//   survey.halving-stationary-erratum       (erratum) the inner loop "is repeated until" (6)
//       holds: false at a stationary point, where no eta gives strict decrease.
#pragma once

#include <functional>
#include <string>

#include "analysis/numeric/scalars.hpp"
#include "optim/core/oracle.hpp"
#include "optim/line_search/line_search_result.hpp"
#include "proofs-checks/claim.hpp"

namespace ov::claims::survey {

// The inner search of Algorithm 1 at x (value fx, gradient g, direction v = g).
template <class S>
using HalvingSearch = std::function<optim::LineSearchResult<S>(optim::Oracle<S>&, const optim::Vector<S>& x,
                                                               const S& fx, const optim::Vector<S>& g)>;

struct HalvingSearches {
  HalvingSearch<rational> exact;  // on the rational quadratics
  HalvingSearch<mp100> mp;        // on logistic regression
};
HalvingSearches library_halving();  // optim::halving_search, default parameters (eta_0 = 1, 60 trials)

// The statement's bounds as functions of L (a false variant can be passed).
struct HalvingBounds {
  std::string name;
  std::function<rational(const rational& L)> min_step;  // accepted step >= min_step(L)
  std::function<long(const rational& L)> max_halvings;  // halvings <= max_halvings(L)
};
HalvingBounds derived_halving_bounds();  // min(1, 1/L) and max(0, floor(log2(L/2)) + 1)
long floor_log2(const rational& q);      // exact, q > 0

Finding check_halving_step_bound(const HalvingSearches& search, const HalvingBounds& bounds, const RunContext& ctx);

// The erratum: Algorithm 1's inner loop as printed, run exactly at stationary points
// (stationary = true) or, for the corrected hypothesis grad f != 0, at seeded
// non-stationary points (stationary = false); `library` is run at the same points.
Finding check_halving_stationary(const HalvingSearch<rational>& library, bool stationary, const RunContext& ctx);

Claim halving_step_bound_claim();
Claim halving_stationary_erratum_claim();

}  // namespace ov::claims::survey
