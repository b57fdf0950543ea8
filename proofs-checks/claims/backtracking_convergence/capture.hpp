// Claim "backtracking.remark-2-4-capture": Remark 2.4(1) of 000_47ba9189a2c8a171.txt (L141; cited:
// Bertsekas Prop. 1.2.5, capture theorem): a Backtracking GD orbit started close enough to an
// isolated local minimum converges to that minimum (guide C11).
#pragma once

#include <string>
#include <vector>

#include "proofs-checks/claim.hpp"
#include "proofs-checks/claims/backtracking_convergence/outcomes.hpp"

namespace ov::claims::btconv {

struct CaptureStudy {
  std::vector<std::string> problems;  // library problems; their listed critical points of kind "minimum"
  double radius = 0.05;               // starts uniform in B(minimum, radius)
  int starts = 20;                    // per minimum
  ClassifierOptions options;
};
CaptureStudy capture_study(bool quick);

// Refuted when a run from B(m, radius) does not converge to m (||z_N - m|| > 1e-4 or not converged).
Finding check_capture(const CaptureStudy& study, const NamedRule& rule, const RunContext& ctx);

Claim capture_claim();

}  // namespace ov::claims::btconv
