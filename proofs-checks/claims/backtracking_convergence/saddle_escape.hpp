// Claim "backtracking.theorem-2-3-saddle-escape" (000_47ba9189a2c8a171.txt Theorem 2.3, L129-L139;
// slides' Main Theorem 4), S-L596-S-L599; guide C10): Monte-Carlo escape statistics of Backtracking GD
// from random starts in shrinking balls around generalised saddle points, with Clopper-Pearson
// intervals; the control start on the stable manifold converges to the saddle. The same machinery
// gives the evidence for Conjecture 5.1 (conjecture_5_1.hpp).
#pragma once

#include <string>
#include <vector>

#include "proofs-checks/claim.hpp"
#include "proofs-checks/claims/backtracking_convergence/outcomes.hpp"

namespace ov::claims::btconv {

struct SaddleTarget {
  Target target;
  DVec saddle;
  std::vector<int> unstable;  // coordinates of the negative Hessian eigen-directions at the saddle
  DVec control_start;         // on the stable manifold: the orbit converges to the saddle
};

// nesterov_example 2 x1^2 + x2^4 - x2^2 (slides S-L304-S-L317): saddle (0, 0), Hessian diag(4, -2),
// stable manifold {x2 = 0}, control start (1, 0).
SaddleTarget nesterov_saddle();
// double_well x^2 + y^4/4 - y^2/2: saddle (0, 0), stable manifold {y = 0}, control (1, 0).
SaddleTarget double_well_saddle();
// Defined here (not in the library): the 5-dimensional quadratic-plus-quartic saddle
//   f(x, y) = 1/2 x1^2 + x2^2 + 2 x3^2 - y1^2 - 1/2 y2^2 + y1^4 + y2^4,
// saddle 0 with Hessian diag(1, 2, 4, -2, -1) (two negative eigenvalues), stable manifold {y = 0},
// minima x = 0, y = (+-1/sqrt(2), +-1/2); control start (1, 1, 1, 0, 0).
SaddleTarget quartic_saddle_5d();

enum class StartKind { ball, stable_manifold };

struct EscapeStudy {
  std::vector<SaddleTarget> targets;
  std::vector<double> radii;
  int runs_per_radius = 100;
  StartKind starts = StartKind::ball;  // stable_manifold: the false variant (starts on {unstable = 0})
  double threshold = 0.9;              // measured statement: P(escape) >= threshold at every radius
  ClassifierOptions options;
  std::string statement_label;
};

EscapeStudy theorem_2_3_study(bool quick);

// Runs `rule` from uniform starts in B(saddle, r) (or on the stable manifold inside it); a run
// "accumulates at the saddle" when it is classified converged with ||z_N - saddle|| <= 1e-3;
// otherwise it escaped (diverged runs escape too). Verdict: refuted when the Clopper-Pearson 95%
// upper bound of the escape proportion is below the threshold at some radius (counterexample: the
// first start that accumulated at the saddle), holds when every lower bound is >= threshold and the
// control run converges to the saddle, inconclusive otherwise.
Finding check_saddle_escape(const EscapeStudy& study, const NamedRule& rule, const RunContext& ctx);

Claim theorem_2_3_saddle_escape_claim();

}  // namespace ov::claims::btconv
