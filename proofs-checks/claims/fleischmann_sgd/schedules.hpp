// Claims on the step-size schedules of 003 §4.5.2 (and 004 §4.1 / Proposition 2) against the
// Robbins-Monro conditions 003 (4.23): sum alpha_k = inf and sum alpha_k^2 < inf.
//
//   fleischmann.schedules-robbins-monro        which of the documents' schedules, as parameterised there,
//                                              satisfy (4.23) (exact decision: p-series exponents compared in
//                                              rational, geometric ratios, eventually-constant tails), cross-checked
//                                              against the library's analytic SeriesProperties (optim/schedules).
//   fleischmann.piecewise-schedule-definition  (erratum) 003's piecewise-constant rule "alpha_k = alpha_i if
//                                              k_i <= k <= k_{i+1}, alpha_i = alpha_1 gamma^i" is not a well-defined
//                                              schedule starting at alpha_1 (guide §6 item 5).
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "analysis/numeric/scalars.hpp"
#include "optim/schedules/schedule.hpp"
#include "proofs-checks/claim.hpp"

namespace ov::claims::fleischmann_sgd {

// How a schedule's tail is decided exactly.
enum class TailKind {
  power,              // alpha_k ~ c k^(-p), c > 0: sum diverges iff p <= 1, squares sum iff 2p > 1
  geometric,          // alpha_k = c r^k, 0 < r < 1 (r = e^(-lambda), lambda > 0): both sums finite
  eventually_constant,// alpha_k = c > 0 for all large k: both sums diverge
  geometric_blocks    // block i has length ell q^i and value a gamma^i: block sums ratios q gamma and q gamma^2
};

struct ScheduleCase {
  std::string name;     // e.g. "003 (iii) polynomial, beta = 1, gamma = 1/2 (Fig. 4.6)"
  std::string source;   // document, section, line
  bool in_document = true;
  TailKind kind = TailKind::power;
  rational p = 0;                          // power
  rational lambda = 0;                     // geometric: r = e^(-lambda)
  rational q = 0, gamma = 0;               // geometric_blocks
  bool asserted_robbins_monro = false;     // what the claim states
  // The library's schedule (index k >= 0 = the document's k + 1), or empty where the library has none.
  std::function<std::unique_ptr<optim::Schedule<double>>()> library;
};

// The cases the claim states (003 §4.5.2 with Fig. 4.6's parameters; 004 §4.1 and Prop. 2 (25)-(29)).
std::vector<ScheduleCase> document_schedules();

Finding check_schedules_robbins_monro(const std::vector<ScheduleCase>& cases, const RunContext& ctx);
Claim schedules_robbins_monro_claim();

// The piecewise-constant rule as a specification: block i (i = 1, 2, ...) covers k_i <= k <= k_{i+1}
// (right end included when `right_inclusive`, else k_i <= k < k_{i+1}) with value alpha1 gamma^(i - exponent_offset).
struct PiecewiseSpec {
  bool right_inclusive = true;  // 003 as printed
  int exponent_offset = 0;      // 003 as printed: alpha_i = alpha1 gamma^i
};
Finding check_piecewise_definition(const PiecewiseSpec& spec, const RunContext& ctx);
Claim piecewise_schedule_definition_claim();

}  // namespace ov::claims::fleischmann_sgd
