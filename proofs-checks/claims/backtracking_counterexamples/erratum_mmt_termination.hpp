// Claim "backtracking.erratum-mmt-stage1-termination" (erratum; 000_47ba9189a2c8a171.txt, Section 2.3,
// Backtracking MMT, L215-L221): "It can be easily checked that after a finite number of such steps [gamma' ->
// gamma' beta], condition i) [of Inexact Backtracking GD, (4)-(5)] will be satisfied". False in two cases
// the paper does not exclude (guide A7 and errata item 3):
//  (a) grad f(z_n) = 0 and v_{n-1} != 0: (4) forces w = 0, but w = gamma0 beta^k v_{n-1} != 0 for every k;
//  (b) delta0 outside [A1, A2] (only 0 < A1 < 1 < A2 and delta0 > 0 are assumed): with v_{n-1} = 0,
//      w = delta0 grad f(z_n) for every k and ||w|| = delta0 ||g|| violates (4).
// Check, as a function of the scenarios (z_n, v_{n-1}, constants): the literal stage 1 of the prose, run in
// exact rationals for K trials (bounded search, flagged), plus the exact argument that no k works: in (a)
// ||w||^2 = (gamma0 beta^k)^2 ||v||^2 > 0 = A2^2 ||g||^2; in (b) w does not depend on k. The evidence records
// that the library's BacktrackingMomentum guards both (v_n = 0 and `stationary` in (a); the constructor
// refuses delta0 outside [A1, A2] in (b)).
#pragma once

#include <string>
#include <vector>

#include "proofs-checks/claim.hpp"

namespace ov::claims::erratum_mmt {

struct Scenario {
  std::string label;
  std::string problem;
  std::vector<rational> z, v_prev;
  rational A1, A2, delta0, gamma0, mu, beta;
};
std::vector<Scenario> paper_gap_scenarios();  // (a) and (b) above

Finding check_mmt_termination(const std::vector<Scenario>& scenarios, const RunContext& ctx);
Claim mmt_termination_claim();

}  // namespace ov::claims::erratum_mmt
