// Claim "backtracking.mmt-nag-step-invariants": Backtracking MMT and Backtracking NAG (000 §2.3,
// L213-L225; guide A7, A8) keep, at every step, the Inexact Backtracking conditions (4)-(5) for their
// search direction w_n, Armijo (6) along w_n, the stage-2 lattice {beta^k} with its maximality, monotone
// descent, the proof inequality and the telescoping bound (what the proof of Thm 2.11 uses).
#pragma once

#include "proofs-checks/claims/backtracking_step_invariants/step_invariants_common.hpp"

namespace ov::claims::bt_invariants {

InvariantSpec mmt_nag_spec(const std::string& label);
// Runs the check for `mmt` then `nag` (each labelled); refuted at the first counterexample.
Finding check_mmt_nag(const ProbedRuleFactory& mmt, const ProbedRuleFactory& nag, const RunContext& ctx);
Claim mmt_nag_step_invariants_claim();

}  // namespace ov::claims::bt_invariants
