// Claim "backtracking.two-way-stabilises-mexican-hat" (slides 001_ca0824e53e7404e9.txt, Experiment 1,
// S-L699-S-L703: "for the Mexican hat example, Two-way Backtracking GD stabilises to Standard GD in only
// 6 iterates"; paper 000 §4.2 L584 / Figure 2(a) shows the curve without the number; guide C19/C20).
// Neither document gives the start point or the hyper-parameters of that run: we use the experiments'
// alpha = 1e-4, beta = 1/2 (000 L580), the paper's cap delta0 in {1, 1/10} (L241) and the slides' cap 100
// with delta_{-1} = 1/100 (S-L664, the MBT starting rate L626), from seeded starts with sin(theta_0) < 0
// (the case of L253). Measured: the stabilisation index k* (delta_n constant for n >= k*) of each run.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "proofs-checks/claim.hpp"
#include "proofs-checks/claims/backtracking_step_heuristics/common.hpp"

namespace ov::claims::two_way_stabilisation {

// Two-way Backtracking GD with delta_{-1} = start and the given cap.
using TwoWayFactory =
    std::function<step_heuristics::RulePtr(double start, double cap, double alpha, double beta)>;
TwoWayFactory library_two_way();

struct Setting {
  std::string start, cap, alpha, beta;  // exact constants
  bool decides;                         // part of the verdict (the experiments' alpha) or evidence only
};

struct StabilisationConfig {
  std::vector<Setting> settings;
  int starts = 4;
  int horizon = 400;
  int slides_count = 6;  // S-L701
};

StabilisationConfig stabilisation_config(bool quick);

Finding check_two_way_stabilisation(const StabilisationConfig& cfg, const TwoWayFactory& rule, const RunContext& ctx);

Claim two_way_stabilisation_claim();

}  // namespace ov::claims::two_way_stabilisation
