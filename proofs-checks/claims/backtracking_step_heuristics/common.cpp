#include "proofs-checks/claims/backtracking_step_heuristics/common.hpp"

#include <cmath>

#include "analysis/numeric/string_io.hpp"
#include "analysis/problems/problem.hpp"
#include "analysis/problems/problem_objective.hpp"
#include "optim/core/oracle.hpp"
#include "optim/rules/backtracking_gd.hpp"
#include "optim/rules/sgd.hpp"
#include "optim/rules/two_way_backtracking_gd.hpp"

namespace ov::claims::step_heuristics {

BacktrackingFactory library_backtracking_gd() {
  return [](double d0, double a, double b) -> RulePtr { return std::make_unique<optim::BacktrackingGd<double>>(d0, a, b); };
}

BacktrackingFactory library_two_way_backtracking_gd() {
  return [](double d0, double a, double b) -> RulePtr {
    return std::make_unique<optim::TwoWayBacktrackingGd<double>>(d0, a, b);
  };
}

StandardGdFactory library_standard_gd() {
  return [](double lr) -> RulePtr {
    optim::SgdOptions<double> o;
    o.lr = lr;
    return std::make_unique<optim::Sgd<double>>(o);
  };
}

RunRecord run_rule(const problems::Problem& p, optim::Optimizer<double>& rule, const DVec& x0, int max_steps,
                   const std::function<bool(int, const DVec&, double)>& stop) {
  problems::ProblemObjective<double> objective(p);
  optim::Oracle<double> oracle(objective);
  RunRecord r;
  DVec x = x0;
  r.z.push_back(x);
  r.values.push_back(objective.value(x));
  r.stop = "horizon";
  for (int n = 0; n < max_steps; ++n) {
    const DVec before = x;
    const auto rep = rule.step(oracle, x);
    if (rep.status == optim::StepStatus::stationary) {
      r.stop = "stationary";
      break;
    }
    if (rep.refused()) {
      r.stop = std::string("refused: ") + rep.message;
      break;
    }
    r.steps.push_back(rep.step_size ? *rep.step_size : std::nan(""));
    r.z.push_back(x);
    r.values.push_back(objective.value(x));
    if (x == before) {
      r.stop = "frozen";
      break;
    }
    if (!(x.norm() <= 1e8)) {
      r.stop = "diverged";
      break;
    }
    if (stop && stop(n, x, r.steps.back())) {
      r.stop = "stopped";
      break;
    }
  }
  const auto& e = oracle.evaluations();
  r.value_evals = e.values;
  r.gradient_evals = e.gradients;
  r.evaluations = e.values + e.gradients;
  return r;
}

double largest_lattice_point(double t, double delta0, double beta) {
  double s = delta0;
  for (int k = 0; k < 2000 && s > t; ++k) s *= beta;
  return s;
}

int lattice_index(double x, double delta0, double beta) {
  double s = delta0;
  for (int k = 0; k < 2000; ++k, s *= beta) {
    if (s == x) return k;
    if (s < x) return -1;
  }
  return -1;
}

nlohmann::json point_json(const DVec& x) {
  nlohmann::json a = nlohmann::json::array();
  for (Eigen::Index i = 0; i < x.size(); ++i) a.push_back(ov::to_string(x[i]));
  return a;
}

DVec mexican_hat_start(optim::SplitMix64& rng, double r_lo, double r_hi) {
  const double r = r_lo + (r_hi - r_lo) * rng.uniform();
  constexpr double kPi = 3.14159265358979323846;
  const double t = -kPi * (0.02 + 0.96 * rng.uniform());
  DVec x(2);
  x << r * std::cos(t), r * std::sin(t);
  return x;
}

int stabilisation_index(const std::vector<double>& steps) {
  int k = static_cast<int>(steps.size()) - 1;
  while (k > 0 && steps[k - 1] == steps.back()) --k;
  return std::max(k, 0);
}

DVec uniform_start(const problems::Problem& p, optim::SplitMix64& rng) {
  const auto& info = p.info();
  DVec x(p.dim());
  for (int i = 0; i < p.dim(); ++i) x[i] = info.box_lo.at(i) + (info.box_hi.at(i) - info.box_lo.at(i)) * rng.uniform();
  return x;
}

nlohmann::json series(const std::string& name, const std::string& plot, const std::string& role,
                      const nlohmann::json& x, const nlohmann::json& y, const std::string& x_label,
                      const std::string& y_label, bool log_y, bool log_x) {
  return {{"name", name}, {"plot", plot},       {"kind", "convergence"}, {"role", role},   {"x", x},
          {"y", y},       {"x_label", x_label}, {"y_label", y_label},    {"log_x", log_x}, {"log_y", log_y}};
}

}  // namespace ov::claims::step_heuristics
