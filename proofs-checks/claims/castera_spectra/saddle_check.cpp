#include "proofs-checks/claims/castera_spectra/saddle_check.hpp"

#include <fmt/core.h>

#include <cmath>
#include <optional>

#include "analysis/problems/problem.hpp"
#include "analysis/problems/problem_objective.hpp"
#include "analysis/stats/binomial_interval.hpp"
#include "optim/core/oracle.hpp"
#include "optim/core/random.hpp"
#include "proofs-checks/claims/castera_spectra/ch3_common.hpp"

namespace ov::claims::castera_ch3 {

namespace {

using DVec = optim::Vector<double>;

class DinRk4 : public optim::Optimizer<double> {
 public:
  DinRk4(double alpha, double beta, double h, double psi_noise, std::uint64_t seed)
      : alpha_(alpha), beta_(beta), h_(h), noise_(psi_noise), rng_(seed) {}
  std::string name() const override { return "din_rk4"; }
  std::vector<optim::Hyperparameter> hyperparameters() const override {
    return {{"alpha", fmt::format("{}", alpha_)}, {"beta", fmt::format("{}", beta_)}, {"h", fmt::format("{}", h_)}};
  }
  void reset() override { started_ = false; }
  optim::StepReport<double> step(optim::Oracle<double>& f, DVec& x) override {
    if (!started_) {
      psi_ = (1 - alpha_ * beta_) * x;
      for (Eigen::Index i = 0; i < x.size(); ++i) {
        const double n = normal(rng_);
        if (!(i == 0 && x[0] == 0)) psi_[i] += noise_ * n;
      }
      started_ = true;
    }
    const double a = alpha_ - 1 / beta_;
    auto field = [&](const DVec& th, const DVec& ps, DVec& dth, DVec& dps) {
      const DVec g = f.gradient(th);
      dps = -a * th - ps / beta_;
      dth = dps - beta_ * g;
    };
    DVec k1t, k1p, k2t, k2p, k3t, k3p, k4t, k4p;
    field(x, psi_, k1t, k1p);
    field(x + 0.5 * h_ * k1t, psi_ + 0.5 * h_ * k1p, k2t, k2p);
    field(x + 0.5 * h_ * k2t, psi_ + 0.5 * h_ * k2p, k3t, k3p);
    field(x + h_ * k3t, psi_ + h_ * k3p, k4t, k4p);
    x += h_ / 6 * (k1t + 2 * k2t + 2 * k3t + k4t);
    psi_ += h_ / 6 * (k1p + 2 * k2p + 2 * k3p + k4p);
    optim::StepReport<double> r;
    r.step_size = h_;
    return r;
  }

 private:
  double alpha_, beta_, h_, noise_;
  optim::SplitMix64 rng_;
  bool started_ = false;
  DVec psi_;
};

struct Outcome {
  int minus = 0, plus = 0, saddle = 0, other = 0;
  double escape_sum = 0;
  int escaped = 0;
  double log_r0_sum = 0;  // sum of ln ||theta_0|| over the off-manifold starts
};

// 0: (-sqrt2, 0), 1: (sqrt2, 0), 2: (0, 0), 3: none within tol.
int classify(const DVec& x, double tol) {
  const double s2 = std::sqrt(2.0);
  if (std::hypot(x[0] + s2, x[1]) < tol) return 0;
  if (std::hypot(x[0] - s2, x[1]) < tol) return 1;
  if (std::hypot(x[0], x[1]) < tol) return 2;
  return 3;
}

nlohmann::json pi_json(const stats::ProportionInterval& p) { return {p.lo, p.hi}; }

}  // namespace

SeededRule din_rk4_rule(double alpha, double beta, double h, double psi_noise) {
  return [=](std::uint64_t seed) {
    return std::unique_ptr<optim::Optimizer<double>>(std::make_unique<DinRk4>(alpha, beta, h, psi_noise, seed));
  };
}

Finding check_saddle_avoidance(const std::vector<SaddleMethod>& methods, const SaddleSetup& setup,
                               const RunContext& ctx) {
  Finding out;
  out.precision = "double";
  const problems::Problem problem = problems::make_problem("castera_quartic");
  problems::ProblemObjective<double> objective(problem);
  std::optional<nlohmann::json> counterexample;
  std::vector<std::string> problems_seen;
  nlohmann::json table = nlohmann::json::array();
  int unconverged = 0, manifold_failures = 0, manifold_theta1_nonzero = 0;
  const std::string prop_plot = "Table 3.1: share of off-manifold starts reaching each critical point";
  for (std::size_t m = 0; m < methods.size(); ++m) {
    const SaddleMethod& method = methods[m];
    optim::SplitMix64 rng(ctx.seed * 1000003ULL + m);
    Outcome o;
    std::vector<double> traj_k, traj_norm, pred;
    for (int s = 0; s < setup.starts; ++s) {
      DVec x(2);
      x[0] = setup.start_std * normal(rng);
      x[1] = setup.start_std * normal(rng);
      const DVec x0 = x;
      const double r0 = x0.norm();
      o.log_r0_sum += std::log(r0);
      auto opt = method.rule(rng.next());
      optim::Oracle<double> oracle(objective);
      int escape = -1;
      for (int k = 1; k <= setup.iterations; ++k) {
        opt->step(oracle, x);
        if (escape < 0 && x.norm() > setup.escape_radius) escape = k;
        if (s == 0 && (k % std::max(1, setup.iterations / 400) == 0)) {
          traj_k.push_back(k / method.steps_per_unit);
          traj_norm.push_back(x.norm());
          pred.push_back(r0 * std::pow(method.sigma_plus, k));
        }
      }
      if (escape >= 0) {
        o.escape_sum += escape / method.steps_per_unit;
        ++o.escaped;
      }
      const int c = classify(x, setup.converged_tol);
      (c == 0 ? o.minus : c == 1 ? o.plus : c == 2 ? o.saddle : o.other)++;
      if (c == 2 && !counterexample)
        counterexample = nlohmann::json{{"method", method.label},
                                        {"start", s},
                                        {"theta_0", {fmt::format("{:.17g}", x0[0]), fmt::format("{:.17g}", x0[1])}},
                                        {"theta_K", {x[0], x[1]}},
                                        {"iterations", setup.iterations},
                                        {"seed", ctx.seed},
                                        {"meaning", "an off-manifold start converged to the strict saddle (0, 0)"}};
      if (c == 3) ++unconverged;
    }
    // The control: starts on the stable manifold {theta1 = 0} must converge to the saddle.
    int manifold_saddle = 0;
    for (int s = 0; s < setup.manifold_starts; ++s) {
      DVec x(2);
      x[0] = 0;
      x[1] = normal(rng);
      auto opt = method.rule(rng.next());
      optim::Oracle<double> oracle(objective);
      for (int k = 1; k <= setup.iterations; ++k) opt->step(oracle, x);
      if (x[0] != 0) ++manifold_theta1_nonzero;
      if (classify(x, setup.converged_tol) == 2) ++manifold_saddle;
    }
    manifold_failures += setup.manifold_starts - manifold_saddle;
    const auto n = static_cast<std::uint64_t>(setup.starts);
    const std::vector<int> counts{o.minus, o.plus, o.saddle};
    std::vector<double> ys, los, his;
    nlohmann::json cps = nlohmann::json::array(), wil = nlohmann::json::array();
    for (int c : counts) {
      const auto cp = stats::clopper_pearson_interval(static_cast<std::uint64_t>(c), n);
      const auto w = stats::wilson_interval(static_cast<std::uint64_t>(c), n);
      ys.push_back(static_cast<double>(c) / setup.starts);
      los.push_back(cp.lo);
      his.push_back(cp.hi);
      cps.push_back(pi_json(cp));
      wil.push_back(pi_json(w));
    }
    const double mean_escape = o.escaped ? o.escape_sum / o.escaped : -1;
    const double mean_log_r0 = o.log_r0_sum / setup.starts;
    const double predicted_escape =
        (std::log(setup.escape_radius) - mean_log_r0) / std::log(method.sigma_plus) / method.steps_per_unit;
    nlohmann::json row = {{"method", method.label},
                          {"percent_minus_sqrt2", 100.0 * ys[0]},
                          {"percent_plus_sqrt2", 100.0 * ys[1]},
                          {"percent_saddle", 100.0 * ys[2]},
                          {"clopper_pearson_95", cps},
                          {"wilson_95", wil},
                          {"not_converged", o.other},
                          {"mean_escape_iterations", mean_escape},
                          {"predicted_escape_iterations_linear", predicted_escape},
                          {"sigma_plus", method.sigma_plus},
                          {"manifold_to_saddle_percent",
                           setup.manifold_starts ? 100.0 * manifold_saddle / setup.manifold_starts : 0.0}};
    if (method.thesis_minus >= 0) {
      row["thesis"] = {{"percent_minus_sqrt2", method.thesis_minus},
                       {"percent_plus_sqrt2", method.thesis_plus},
                       {"percent_saddle", method.thesis_saddle},
                       {"escape_iterations", method.thesis_escape}};
      // The escape radius at which linear growth sigma_+^k from the mean ||theta_0|| takes the thesis's count.
      row["thesis_escape_implied_radius"] =
          std::exp(mean_log_r0 + method.thesis_escape * method.steps_per_unit * std::log(method.sigma_plus));
      const auto w = stats::wilson_interval(static_cast<std::uint64_t>(o.minus), n);
      row["thesis_minus_share_in_our_wilson_95"] =
          method.thesis_minus / 100 >= w.lo && method.thesis_minus / 100 <= w.hi;
    }
    table.push_back(row);
    auto series = make_series(method.label, prop_plot, "proportion", "measured", {0, 1, 2}, ys, "critical point",
                              "share of starts");
    series["lo"] = los;
    series["hi"] = his;
    series["labels"] = {"(-sqrt2, 0)", "(sqrt2, 0)", "(0, 0)"};
    out.evidence.series.push_back(series);
    if (method.thesis_minus >= 0) {
      const std::vector<double> ty{method.thesis_minus / 100, method.thesis_plus / 100, method.thesis_saddle / 100};
      auto ts = make_series(method.label + " (thesis Table 3.1)", prop_plot, "proportion", "bound", {0, 1, 2}, ty,
                            "critical point", "share of starts");
      ts["lo"] = ty;
      ts["hi"] = ty;
      ts["labels"] = {"(-sqrt2, 0)", "(sqrt2, 0)", "(0, 0)"};
      out.evidence.series.push_back(ts);
    }
    const std::string tplot = "escape from the saddle: ||theta_k|| of the first start";
    out.evidence.series.push_back(
        make_series(method.label, tplot, "convergence", "measured", traj_k, traj_norm, "iteration", "||theta_k||", true));
    out.evidence.series.push_back(make_series(method.label + ": ||theta_0|| sigma_+^k (linearisation)", tplot,
                                              "convergence", "fit", traj_k, pred, "iteration", "||theta_k||", true));
  }
  out.parameters = {{"problem", "castera_quartic (theta1^4 - 4 theta1^2 + theta2^2)"},
                    {"starts", setup.starts},
                    {"manifold_starts", setup.manifold_starts},
                    {"iterations", setup.iterations},
                    {"start_distribution", fmt::format("N_2(0, {:g}^2 I)", setup.start_std)},
                    {"manifold_distribution", "(0, N(0, 1))"},
                    {"escape_criterion", fmt::format("first k with ||theta_k|| > {:g}", setup.escape_radius)},
                    {"converged_tol", setup.converged_tol}};
  out.evidence.figures = {{"table", table},
                          {"not_converged", unconverged},
                          {"manifold_not_at_saddle", manifold_failures},
                          {"manifold_theta1_became_nonzero", manifold_theta1_nonzero}};
  std::string rows;
  for (const auto& r : table)
    rows += fmt::format("; {}: {:.1f}/{:.1f}/{:.1f}% escape {:.1f} (thesis {})", r["method"].get<std::string>(),
                        r["percent_minus_sqrt2"].get<double>(), r["percent_plus_sqrt2"].get<double>(),
                        r["percent_saddle"].get<double>(), r["mean_escape_iterations"].get<double>(),
                        r.contains("thesis") ? fmt::format("{:.1f}/{:.1f}/{:.0f}% escape {:.0f}",
                                                           r["thesis"]["percent_minus_sqrt2"].get<double>(),
                                                           r["thesis"]["percent_plus_sqrt2"].get<double>(),
                                                           r["thesis"]["percent_saddle"].get<double>(),
                                                           r["thesis"]["escape_iterations"].get<double>())
                                             : std::string("none"));
  if (counterexample) {
    out.verdict = Verdict::refuted;
    out.evidence.counterexample = *counterexample;
    out.evidence.summary = fmt::format("an off-manifold start converged to the strict saddle ({}){}",
                                       (*counterexample)["method"].get<std::string>(), rows);
  } else if (unconverged > 0 || manifold_failures > 0) {
    out.verdict = Verdict::inconclusive;
    out.evidence.summary = fmt::format(
        "{} off-manifold run(s) did not reach a critical point and {} on-manifold control run(s) did not reach the "
        "saddle within {} iterations: nothing decided{}",
        unconverged, manifold_failures, setup.iterations, rows);
  } else {
    out.verdict = Verdict::holds;
    out.evidence.summary = fmt::format(
        "evidence (finite sample, not a proof): every off-manifold start ({} per method) reached a minimiser, every "
        "on-manifold control ({}) the saddle; percent (-sqrt2,0)/(sqrt2,0)/(0,0) and mean escape (first k, or t for "
        "DIN, with ||theta|| > {:g}){}",
        setup.starts, setup.manifold_starts, setup.escape_radius, rows);
  }
  return out;
}

}  // namespace ov::claims::castera_ch3
