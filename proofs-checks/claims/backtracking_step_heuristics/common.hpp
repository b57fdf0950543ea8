// Helpers shared by the claims of this group (000 §2.4-2.5, Example 2.12; 001): rule factories,
// a recorded run of an update rule in double, the lattice {delta0 beta^k}, JSON of points.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "optim/core/optimizer.hpp"
#include "optim/core/random.hpp"
#include "optim/core/vector.hpp"

namespace ov::problems {
class Problem;
}

namespace ov::claims::step_heuristics {

using DVec = optim::Vector<double>;
using RulePtr = std::unique_ptr<optim::Optimizer<double>>;

// A backtracking-type rule made from (delta0, alpha, beta) (for Two-way: delta0 is the cap).
using BacktrackingFactory = std::function<RulePtr(double delta0, double alpha, double beta)>;
// Standard GD (2) with a constant learning rate.
using StandardGdFactory = std::function<RulePtr(double lr)>;

BacktrackingFactory library_backtracking_gd();        // optim::BacktrackingGd<double>
BacktrackingFactory library_two_way_backtracking_gd();  // optim::TwoWayBacktrackingGd<double>, cap = delta0 (L241)
StandardGdFactory library_standard_gd();              // optim::Sgd<double> (full gradient)

struct RunRecord {
  std::vector<DVec> z;          // z_0 .. z_N (z.size() = steps.size() + 1)
  std::vector<double> steps;    // delta_n of each taken step
  std::vector<double> values;   // f(z_n), n = 0..N
  std::string stop;             // "horizon", "stationary", "refused: ...", "frozen", "diverged", or a custom stop
  long long evaluations = 0;    // function values + gradients charged by the oracle
  long long value_evals = 0;
  long long gradient_evals = 0;
};

// Runs `rule` from x0 on the problem in double for at most `max_steps` steps. Stops at a
// stationary point, a refusal, a frozen iterate (z_{n+1} == z_n bitwise with a taken step),
// ||z|| > 1e8 ("diverged"), or when `stop(n, z_n, delta_n)` returns true after step n.
RunRecord run_rule(const problems::Problem& p, optim::Optimizer<double>& rule, const DVec& x0, int max_steps,
                   const std::function<bool(int, const DVec&, double)>& stop = {});

// The largest delta0 beta^k (k >= 0) that is <= t (t > 0), walking the lattice in double the way the rules do.
double largest_lattice_point(double t, double delta0, double beta);
// k with x == delta0 beta^k on the rules' double lattice walk, or -1.
int lattice_index(double x, double delta0, double beta);

nlohmann::json point_json(const DVec& x);
// A seeded start in the open unit disc with sin(theta_0) < 0 (the case of 000 L253): r_0 uniform in
// [r_lo, r_hi], theta_0 uniform in (-pi, 0).
DVec mexican_hat_start(optim::SplitMix64& rng, double r_lo = 0.1, double r_hi = 0.9);
// The stabilisation index of a step sequence: the smallest k with steps[n] == steps[k] for all n >= k
// (0 for an empty or constant sequence).
int stabilisation_index(const std::vector<double>& steps);
DVec uniform_start(const problems::Problem& p, optim::SplitMix64& rng);

// A Series object of docs/report-schema.md.
nlohmann::json series(const std::string& name, const std::string& plot, const std::string& role,
                      const nlohmann::json& x, const nlohmann::json& y, const std::string& x_label,
                      const std::string& y_label, bool log_y, bool log_x = false);

}  // namespace ov::claims::step_heuristics
