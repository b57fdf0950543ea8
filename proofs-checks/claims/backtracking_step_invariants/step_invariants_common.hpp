// Shared engine of the group backtracking_step_invariants: the per-step invariants of the
// backtracking family (000_47ba9189a2c8a171.txt §2.1 (6)-(8) L89-L101, §2.2 L169-L181, §2.3 L213-L225,
// §2.5 L241; proof inequality L448-L452; guide seed-000-001-backtracking.md invariants I1-I5), checked
// at every accepted step of a rule run in double, each real-number comparison decided at the exact
// binary64 data by a two-rung ladder (double with the rounding margin, then exact rational).
//
// A rule under test is wrapped as a ProbedRule: it makes one step and reports the data the invariants
// need (z_n, z_{n+1}, the accepted lattice multiplier sigma_n and the search direction w_n). The
// library's rules are wrapped by the probe_* factories; tests pass mutants.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "optim/core/oracle.hpp"
#include "optim/core/vector.hpp"
#include "proofs-checks/claim.hpp"

namespace ov::claims::bt_invariants {

using DVec = optim::Vector<double>;

// One accepted step. The search is  f(z - sigma w) - f(z) <= -alpha sigma <grad f(z), w>  over the
// lattice sigma in {top beta^k} (top = delta0 for GD, inexact and two-way; top = 1 for stage 2 of
// Backtracking MMT/NAG, where delta_n = sigma_n delta0). When w is empty the direction is the exact
// gradient grad f(z_n) (Backtracking GD, two-way).
struct StepRecord {
  DVec z, z_next;
  double sigma = 0;
  DVec w;  // empty: w = grad f(z_n)
};

class ProbedRule {
 public:
  virtual ~ProbedRule() = default;
  virtual std::string name() const = 0;
  // One step from x (updated in place); nullopt when the rule stops (stationary or refused).
  virtual std::optional<StepRecord> step(optim::Oracle<double>& f, DVec& x) = 0;
};

// The hyper-parameters as exact constant strings (dyadic where the lattice must be exact) and their
// binary64 values.
struct RuleParams {
  std::string delta0 = "1", alpha = "1/2", beta = "1/2", gamma0 = "9/10";
  std::uint64_t seed = 0;  // of the inexact direction policy
};
using ProbedRuleFactory = std::function<std::unique_ptr<ProbedRule>(const RuleParams&)>;

ProbedRuleFactory probe_backtracking_gd();
ProbedRuleFactory probe_inexact_backtracking_gd();  // A1 = 1/2, A2 = 2, mu = 1/2 (library defaults)
ProbedRuleFactory probe_two_way_backtracking_gd();  // paper cap = delta0, delta_{-1} = delta0
ProbedRuleFactory probe_backtracking_momentum();    // A1 = 1/2, A2 = 2, mu = 1/2
ProbedRuleFactory probe_backtracking_nesterov();    // look-ahead "shrunk" (library default)

// What to check and how the rule's lattice is defined.
struct InvariantSpec {
  std::string rule_label;        // for the evidence
  bool top_is_one = false;       // lattice top 1 (MMT/NAG stage 2) instead of delta0
  bool full_maximality = true;   // every larger lattice point fails (A3, A4); false: only sigma/beta (A9)
  double mu = 1;                 // (5) constant in the proof inequality (1 for gradient directions)
  bool direction_conditions = false;  // check (4)-(5) for w_n exactly (A4, A7/A8)
  std::string A1 = "1/2", A2 = "2", mu_s = "1/2";
  bool compare_with_backtracking = false;  // two-way: count steps where delta_n != delta(f, delta0, z_n)
};

struct InvariantConfig {
  std::vector<std::string> problems;
  std::vector<RuleParams> params;
  int starts = 1;
  int steps = 40;
};

// The proofs' (1, 1/2, 1/2), the experiments' (1/100, 1/10000, 1/2) (GD-type only) and `random_draws`
// seeded dyadic draws alpha = a/1024, beta = b/64 in [1/8, 15/16], delta0 = 2^j; for MMT/NAG delta0 in
// {1/2, 1, 2} (stage 1 needs A1 <= delta0 <= A2) and gamma0 = c/16.
std::vector<RuleParams> draw_params(std::uint64_t seed, int random_draws, bool momentum);

// Smooth, rational-exact problems of the library (quick: 3; full: 9).
std::vector<std::string> invariant_problems(bool quick);

// The search every per-step invariant claim runs: invariant_problems, draw_params (1 random draw in quick
// mode, 4 in full), 1 (2) seeded starts and 30 (120) steps per run.
InvariantConfig invariant_config(const RunContext& ctx, bool momentum);

// The check procedure, in words, of the gradient-step rules (Backtracking, Inexact and Two-way).
const char* gradient_rule_invariants_check();

Finding check_step_invariants(const InvariantSpec& spec, const InvariantConfig& cfg, const ProbedRuleFactory& rule,
                              const RunContext& ctx);

// A report-schema Series (convergence kind).
nlohmann::json series(const std::string& name, const std::string& plot, const std::string& role,
                      const std::vector<double>& x, const std::vector<double>& y, const std::string& xl,
                      const std::string& yl, bool log_x, bool log_y);

}  // namespace ov::claims::bt_invariants
