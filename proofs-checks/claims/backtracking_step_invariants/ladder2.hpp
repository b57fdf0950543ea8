// A two-rung precision ladder for the group backtracking_step_invariants: double (decides when
// |value| > error_ulps * eps * scale, the project's rounding heuristic), else exact rational (always
// decides for the rational-exact problems used here). It returns the framework's SignDecision, so
// EscalationLog records it like analysis/numeric/precision_ladder.hpp's decide_sign; it skips
// mp50/mp100/interval to keep compile time low (the group only decides rational functions).
#pragma once

#include "analysis/numeric/precision_ladder.hpp"

namespace ov::claims::bt_invariants {

template <class F>
ladder::SignDecision decide_exact(F&& f, const ladder::Options& opt) {
  ladder::SignDecision out;
  if (ladder::detail::floating_rung<double>(f, ladder::Rung::double_, opt, out)) return out;
  ladder::Attempt a;
  a.rung = ladder::Rung::rational;
  try {
    const ladder::Estimate<rational> est = f(ladder::tag<rational>{});
    a.value = ov::to_string(est.value);
    a.decided = true;
    out.decided = out.certified = true;
    out.sign = est.value > 0 ? 1 : (est.value < 0 ? -1 : 0);
    out.rung = ladder::Rung::rational;
  } catch (const inexact_operation& e) {
    a.why = std::string("not rational: ") + e.what();
  }
  out.attempts.push_back(a);
  return out;
}

}  // namespace ov::claims::bt_invariants
