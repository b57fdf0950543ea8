#include "proofs-checks/claims/backtracking_convergence/saddle_escape.hpp"

#include <fmt/core.h>

#include <cmath>

#include "analysis/numeric/elementary.hpp"
#include "analysis/numeric/scalars.hpp"
#include "analysis/stats/binomial_interval.hpp"
#include "optim/core/oracle.hpp"
#include "optim/core/random.hpp"
#include "proofs-checks/claims/backtracking_convergence/theorem_2_1_outcomes.hpp"

namespace ov::claims::btconv {

namespace {

// f(x, y) = sum a_i x_i^2 - sum b_j y_j^2 + sum y_j^4 with a = (1/2, 1, 2), b = (1, 1/2).
template <class T>
T quartic_value_and_gradient(const optim::Vector<T>& z, optim::Vector<T>* g) {
  static const double a[3] = {0.5, 1.0, 2.0}, b[2] = {1.0, 0.5};
  T f(0);
  if (g) g->resize(5);
  for (int i = 0; i < 3; ++i) {
    f += T(a[i]) * z[i] * z[i];
    if (g) (*g)[i] = T(2 * a[i]) * z[i];
  }
  for (int j = 0; j < 2; ++j) {
    const T y = z[3 + j], y2 = y * y;
    f += y2 * y2 - T(b[j]) * y2;
    if (g) (*g)[3 + j] = T(4) * y2 * y - T(2 * b[j]) * y;
  }
  return f;
}

class QuarticSaddle : public optim::Objective<double> {
 public:
  int dim() const override { return 5; }
  double value(const DVec& x) const override { return quartic_value_and_gradient<double>(x, nullptr); }
  DVec gradient(const DVec& x) const override {
    DVec g;
    quartic_value_and_gradient<double>(x, &g);
    return g;
  }
  double value_and_gradient(const DVec& x, DVec& g) const override { return quartic_value_and_gradient<double>(x, &g); }
};

SaddleTarget two_dim_saddle(const std::string& name) {
  SaddleTarget s;
  s.target = library_target(name);
  s.saddle = DVec::Zero(2);
  s.unstable = {1};
  s.control_start = DVec::Zero(2);
  s.control_start[0] = 1;
  return s;
}

// Uniform in the unit ball of R^d (Gaussian direction, radius U^{1/d}).
DVec unit_ball_point(optim::SplitMix64& rng, int d) {
  DVec v(d);
  for (int i = 0; i < d; ++i) {
    const double u1 = 1.0 - rng.uniform(), u2 = rng.uniform();  // u1 in (0, 1]
    v[i] = std::sqrt(-2 * std::log(u1)) * std::cos(2 * M_PI * u2);
  }
  const double n = std::sqrt(v.squaredNorm());
  if (!(n > 0)) return DVec::Zero(d);
  return v * (std::pow(rng.uniform(), 1.0 / d) / n);
}

std::string radius_label(double r) { return fmt::format("{:g}", r); }

}  // namespace

SaddleTarget nesterov_saddle() { return two_dim_saddle("nesterov_example"); }
SaddleTarget double_well_saddle() { return two_dim_saddle("double_well"); }

SaddleTarget quartic_saddle_5d() {
  SaddleTarget s;
  Target& t = s.target;
  t.name = "quartic_saddle_5d";
  t.f = std::make_shared<QuarticSaddle>();
  t.grad_norm_hi = [](const DVec& z) {
    optim::Vector<mp50> x(z.size());
    for (Eigen::Index i = 0; i < z.size(); ++i) x[i] = mp50(z[i]);
    optim::Vector<mp50> g;
    quartic_value_and_gradient<mp50>(x, &g);
    mp50 s2(0);
    for (Eigen::Index i = 0; i < g.size(); ++i) s2 += g[i] * g[i];
    return static_cast<double>(num::sqrt(s2));
  };
  // Critical points: x = 0, y_j in {0, +-sqrt(b_j / 2)}; values sum_j (0 or -b_j^2/4).
  t.critical_values = std::vector<double>{0.0, -0.25, -0.0625, -0.3125};
  t.box_lo = std::vector<double>(5, -2.0);
  t.box_hi = std::vector<double>(5, 2.0);
  s.saddle = DVec::Zero(5);
  s.unstable = {3, 4};
  s.control_start = DVec::Zero(5);
  s.control_start[0] = s.control_start[1] = s.control_start[2] = 1;
  return s;
}

EscapeStudy theorem_2_3_study(bool quick) {
  EscapeStudy s;
  s.targets = {nesterov_saddle(), quartic_saddle_5d()};
  s.radii = quick ? std::vector<double>{1e-1, 1e-3, 1e-6} : std::vector<double>{1e-1, 1e-2, 1e-3, 1e-4, 1e-6, 1e-9};
  s.runs_per_radius = quick ? 40 : 1000;
  s.threshold = 0.9;
  s.options.max_steps = 3000;
  s.statement_label = "P(the orbit does not accumulate at the saddle | z_0 uniform in B(saddle, eps)) >= 0.9 for every "
                      "eps measured";
  return s;
}

Finding check_saddle_escape(const EscapeStudy& study, const NamedRule& rule, const RunContext& ctx) {
  Finding out;
  optim::SplitMix64 rng(ctx.seed * 0xD1B54A32D192ED03ULL + 7);
  nlohmann::json counterexample = nullptr, table = nlohmann::json::object();
  bool any_below = false, all_above = true, controls_ok = true;
  int runs = 0, undecided = 0, total_escaped = 0;
  std::string control_note;
  for (const auto& st : study.targets) {
    const Target& t = st.target;
    const int d = t.f->dim();
    // The control: the orbit from the stable manifold converges to the saddle.
    {
      auto opt = rule.make(rng.next());
      const RunResult r = classify_run(t, *opt, st.control_start, study.options);
      const double dist = std::sqrt((r.x_final - st.saddle).squaredNorm());
      const bool at_saddle = r.outcome == Outcome::converged && dist <= 1e-3;
      controls_ok = controls_ok && at_saddle;
      control_note += fmt::format("{}{}: control start {} -> {} ({}), ||z_N - saddle|| = {:.3g}",
                                  control_note.empty() ? "" : "; ", t.name, point_json(st.control_start).dump(),
                                  to_string(r.outcome), at_saddle ? "at the saddle" : "NOT at the saddle", dist);
      nlohmann::json xs = nlohmann::json::array(), ys = nlohmann::json::array();
      for (std::size_t i = 0; i < r.grad_history.size(); ++i)
        if (r.grad_history[i] > 0) {
          xs.push_back(i);
          ys.push_back(r.grad_history[i]);
        }
      if (!xs.empty())
        out.evidence.series.push_back({{"name", t.name + " control (stable manifold)"},
                                       {"plot", "||grad f(z_n)||: control start vs a random start near the saddle"},
                                       {"kind", "convergence"}, {"role", "measured"}, {"x", xs}, {"y", ys},
                                       {"x_label", "n"}, {"y_label", "||grad f(z_n)||"}, {"log_y", true}});
    }
    nlohmann::json xs = nlohmann::json::array(), ys = nlohmann::json::array(), lo = nlohmann::json::array(),
                   hi = nlohmann::json::array(), labels = nlohmann::json::array(), proof_cond = nlohmann::json::array();
    for (std::size_t ri = 0; ri < study.radii.size(); ++ri) {
      const double eps = study.radii[ri];
      int escaped = 0, n = 0, first_step_below = 0;
      for (int k = 0; k < study.runs_per_radius; ++k) {
        DVec x0 = st.saddle + eps * unit_ball_point(rng, d);
        if (study.starts == StartKind::stable_manifold)
          for (int j : st.unstable) x0[j] = st.saddle[j];
        auto opt = rule.make(rng.next());
        const RunResult r = classify_run(t, *opt, x0, study.options);
        ++n;
        ++runs;
        {  // the proof's sufficient condition: f(z_1) < f(saddle) (descent then forbids a return)
          auto one = rule.make(0);
          optim::Oracle<double> oracle(*t.f);
          DVec z = x0;
          one->step(oracle, z);
          if (t.f->value(z) < t.f->value(st.saddle)) ++first_step_below;
        }
        const double dist = std::sqrt((r.x_final - st.saddle).squaredNorm());
        const bool at_saddle = r.outcome == Outcome::converged && dist <= 1e-3;
        if (r.outcome == Outcome::other) ++undecided;
        if (!at_saddle && r.outcome != Outcome::other) {
          ++escaped;
        } else if (at_saddle && counterexample.is_null()) {
          counterexample = {{"target", t.name},        {"radius", eps},
                            {"start", point_json(x0)}, {"z_final", point_json(r.x_final)},
                            {"distance_to_saddle", dist}, {"steps", r.steps},
                            {"seed", ctx.seed},        {"rule", rule.name}};
        }
        if (ri == study.radii.size() - 1 && k == 0 && !r.grad_history.empty()) {
          nlohmann::json gx = nlohmann::json::array(), gy = nlohmann::json::array();
          for (std::size_t i = 0; i < r.grad_history.size(); ++i)
            if (r.grad_history[i] > 0) {
              gx.push_back(i);
              gy.push_back(r.grad_history[i]);
            }
          if (!gx.empty())
            out.evidence.series.push_back({{"name", fmt::format("{} random start, eps = {:g}", t.name, eps)},
                                           {"plot", "||grad f(z_n)||: control start vs a random start near the saddle"},
                                           {"kind", "convergence"}, {"role", "measured"}, {"x", gx}, {"y", gy},
                                           {"x_label", "n"}, {"y_label", "||grad f(z_n)||"}, {"log_y", true}});
        }
      }
      total_escaped += escaped;
      const auto ci = stats::clopper_pearson_interval(static_cast<std::uint64_t>(escaped), static_cast<std::uint64_t>(n));
      const auto wi = stats::wilson_interval(static_cast<std::uint64_t>(escaped), static_cast<std::uint64_t>(n));
      const double p = static_cast<double>(escaped) / n;
      if (ci.hi < study.threshold) any_below = true;
      if (ci.lo < study.threshold) all_above = false;
      table[fmt::format("{} eps={:g}", t.name, eps)] =
          fmt::format("escaped {}/{} = {:.4f}, Clopper-Pearson 95% [{:.4f}, {:.4f}], Wilson [{:.4f}, {:.4f}]; "
                      "f(z_1) < f(saddle) in {}/{}",
                      escaped, n, p, ci.lo, ci.hi, wi.lo, wi.hi, first_step_below, n);
      xs.push_back(static_cast<int>(ri));
      ys.push_back(p);
      lo.push_back(std::min(ci.lo, p));
      hi.push_back(std::max(ci.hi, p));
      labels.push_back(radius_label(eps));
      proof_cond.push_back(static_cast<double>(first_step_below) / n);
    }
    out.evidence.series.push_back({{"name", t.name + ": escape proportion"},
                                   {"plot", t.name + ": escape proportion vs ball radius (Clopper-Pearson 95%)"},
                                   {"kind", "proportion"}, {"role", "measured"}, {"x", xs}, {"y", ys},
                                   {"lo", lo}, {"hi", hi}, {"labels", labels},
                                   {"x_label", "radius eps"}, {"y_label", "P(escape)"}});
  }
  auto& fig = out.evidence.figures;
  fig["runs"] = runs;
  fig["escaped"] = total_escaped;
  fig["undecided_runs"] = undecided;
  fig["controls_converge_to_saddle"] = controls_ok ? "yes" : "no";
  fig["controls"] = control_note;
  fig["per_radius"] = table.dump();
  out.parameters = {{"radii", study.radii},
                    {"runs_per_radius", study.runs_per_radius},
                    {"threshold", study.threshold},
                    {"starts", study.starts == StartKind::ball ? "uniform in the ball" : "on the stable manifold"},
                    {"rule", rule.name},
                    {"per_radius", table}};
  // Each run's "converged" decision uses the classifier's mp50 gradient norm at the final iterate.
  out.precision = "mp50";
  out.escalations.push_back({"mp50", "policy: every run's final gradient norm is evaluated in mp50 at the binary64 "
                                     "final iterate (outcomes.hpp); the iterates themselves are double"});
  if (any_below) {
    out.verdict = Verdict::refuted;
    out.evidence.counterexample = counterexample;
    out.evidence.summary = fmt::format(
        "'{}' FAILS: at some radius the Clopper-Pearson 95% upper bound of the escape proportion is below {} "
        "({} of {} runs escaped; first start accumulating at the saddle kept as counterexample)",
        study.statement_label, study.threshold, total_escaped, runs);
  } else if (!controls_ok || undecided > 0 || !all_above) {
    out.verdict = Verdict::inconclusive;
    out.evidence.summary = fmt::format("escape statistics undecided: controls {}, {} undecided runs, every lower "
                                       "bound >= {}: {} ({} of {} escaped)",
                                       controls_ok ? "ok" : "failed", undecided, study.threshold,
                                       all_above ? "yes" : "no", total_escaped, runs);
  } else {
    out.verdict = Verdict::holds;
    out.evidence.summary = fmt::format(
        "evidence (a Monte-Carlo measurement, not a proof): {} of {} random starts in balls of radius {} .. {} around "
        "the saddles escaped; every Clopper-Pearson 95% lower bound >= {}; the control starts on the stable manifold "
        "converge to the saddle ({})",
        total_escaped, runs, fmt::format("{:g}", study.radii.front()), fmt::format("{:g}", study.radii.back()),
        study.threshold, control_note);
  }
  return out;
}

Claim theorem_2_3_saddle_escape_claim() {
  Claim c;
  c.id = "backtracking.theorem-2-3-saddle-escape";
  c.title = "Theorem 2.3: random starts near a generalised saddle point escape it (Monte-Carlo, shrinking balls)";
  c.source = {"000_47ba9189a2c8a171.txt", "2.1, Theorem 2.3 and Remark 2.4(2)", "", "L129-L139, L143"};
  c.also_in = {{"001_ca0824e53e7404e9.txt", "Main Theorem 4)", "", "S-L596-S-L599"}};
  c.hypotheses =
      "f C^1, C^2 near the generalised saddle z_inf (Hessian with a negative eigenvalue, L129); Backtracking GD (8) "
      "with delta0 = 1, alpha = beta = 1/2; functions: nesterov_example (saddle (0,0), Hessian diag(4,-2)) and a "
      "5-d quadratic-plus-quartic saddle with two negative eigenvalues (defined in the check)";
  c.statement =
      "document: for every eps > 0 there is a non-empty open U(eps) in D(z_inf) cap B(z_inf, eps) with Vol(U)/Vol(B) "
      "-> 1 as eps -> 0. Measured statement: for each eps in {1e-1, ..., 1e-9}, the proportion of uniform starts in "
      "B(z_inf, eps) whose orbit does not accumulate at z_inf is >= 0.9 (Clopper-Pearson 95% lower bound)";
  c.check =
      "For each radius, 1000 (quick: 40) seeded uniform starts in the ball; each run classified (outcomes.hpp); it "
      "accumulates at the saddle when converged with ||z_N - z_inf|| <= 1e-3. Escape proportion with Clopper-Pearson "
      "and Wilson 95% intervals, plotted against eps; the proof's sufficient condition f(z_1) < f(z_inf) is counted "
      "too. Control: the start (1, 0) (resp. (1,1,1,0,0)) on the stable manifold must converge to the saddle. "
      "Evidence, not a proof: refuted only if an upper bound falls below 0.9.";
  c.precision = {"double", {"double", "mp50"},
                 "double iterates (the unstable coordinate is computed with relative precision); the classifier "
                 "confirms the final gradient norm in mp50"};
  c.run = [](const RunContext& ctx) {
    return check_saddle_escape(theorem_2_3_study(ctx.quick), library_backtracking_gd_rule(), ctx);
  };
  return c;
}

}  // namespace ov::claims::btconv
