#include "proofs-checks/claims/backtracking_step_heuristics/mexican_hat_convergence.hpp"

#include <fmt/core.h>

#include <cmath>
#include <optional>

#include "analysis/numeric/exact_constant.hpp"
#include "analysis/numeric/scalars.hpp"
#include "analysis/numeric/string_io.hpp"
#include "analysis/problems/problem.hpp"
#include "analysis/problems/problem_objective.hpp"
#include "optim/core/oracle.hpp"
#include "optim/rules/backtracking_gd.hpp"
#include "optim/rules/sgd.hpp"
#include "optim/rules/two_way_backtracking_gd.hpp"

namespace ov::claims::mexican_hat_convergence {

using step_heuristics::DVec;

namespace {

constexpr double kPi = 3.14159265358979323846;
using MVec = Vec<mp50>;

bool in_flat_region(const DVec& z) {  // x^2 + y^2 >= 1, exactly
  const mp50 x = z[0], y = z[1];
  return x * x + y * y >= mp50(1);
}

double unwrapped_turns(const std::vector<DVec>& zs) {
  double total = 0;
  for (std::size_t n = 1; n < zs.size(); ++n) {
    double d = std::atan2(zs[n][1], zs[n][0]) - std::atan2(zs[n - 1][1], zs[n - 1][0]);
    if (d > kPi) d -= 2 * kPi;
    if (d < -kPi) d += 2 * kPi;
    total += d;
  }
  return total / (2 * kPi);
}

// The library's rule in mp50: the same templates as the double runs (optim::Sgd, BacktrackingGd,
// TwoWayBacktrackingGd, cap = delta0, Armijo (7)), started afresh at the last double iterate (so a
// Two-way continuation's first search starts from delta0, as plain Backtracking's does).
std::unique_ptr<optim::Optimizer<mp50>> mp50_rule(const Method& m) {
  const mp50 step = constant<mp50>(m.step);
  if (m.kind == "standard_gd") {
    optim::SgdOptions<mp50> o;
    o.lr = step;
    return std::make_unique<optim::Sgd<mp50>>(o);
  }
  const mp50 alpha = constant<mp50>(m.alpha), beta = constant<mp50>(m.beta);
  if (m.kind == "two_way") return std::make_unique<optim::TwoWayBacktrackingGd<mp50>>(step, alpha, beta);
  return std::make_unique<optim::BacktrackingGd<mp50>>(step, alpha, beta);
}

}  // namespace

std::string Method::label() const {
  if (kind == "standard_gd") return "Standard GD lr = " + step;
  return (kind == "two_way" ? "Two-way BT delta0 = " : "Backtracking GD delta0 = ") + step + ", alpha = " + alpha;
}

MethodFactory library_methods() {
  return [](const Method& m) -> step_heuristics::RulePtr {
    const double s = constant<double>(m.step), a = constant<double>(m.alpha), b = constant<double>(m.beta);
    if (m.kind == "standard_gd") {
      optim::SgdOptions<double> o;
      o.lr = s;
      return std::make_unique<optim::Sgd<double>>(o);
    }
    if (m.kind == "two_way") return std::make_unique<optim::TwoWayBacktrackingGd<double>>(s, a, b);
    return std::make_unique<optim::BacktrackingGd<double>>(s, a, b);
  };
}

HatConfig hat_config(bool quick) {
  HatConfig c;
  c.methods = {{"standard_gd", "1/10"},           {"standard_gd", "1"},
               {"backtracking", "1", "1/10000"},  {"backtracking", "1", "1/2"},
               {"two_way", "1", "1/10000"},       {"two_way", "1", "1/2"}};
  c.random_starts = quick ? 2 : 10;
  c.curve_r0 = quick ? std::vector<double>{0.5} : std::vector<double>{0.3, 0.5, 0.7, 0.85};
  c.horizon = quick ? 1500 : 100000;
  c.mp50_steps = quick ? 20 : 400;
  return c;
}

Finding check_mexican_hat_convergence(const HatConfig& cfg, const MethodFactory& make, const RunContext& ctx) {
  Finding out;
  optim::SplitMix64 rng(ctx.seed);
  const problems::Problem hat = problems::make_problem("mexican_hat");
  const auto& e50 = hat.in<mp50>();
  std::vector<std::pair<std::string, DVec>> starts;
  for (int s = 0; s < cfg.random_starts; ++s) {
    const double r = 0.1 + 0.85 * rng.uniform(), t = 2 * kPi * rng.uniform();
    DVec z(2);
    z << r * std::cos(t), r * std::sin(t);
    starts.emplace_back(fmt::format("random start {}", s), z);
  }
  for (double r0 : cfg.curve_r0) {
    const double c0 = 1 / (1 - r0 * r0);  // theta_0 = 1/(1 - r_0^2): on the curve of L249
    DVec z(2);
    z << r0 * std::cos(c0), r0 * std::sin(c0);
    starts.emplace_back(fmt::format("curve start r0 = {}", r0), z);
  }
  int runs = 0, flat = 0, interior_critical = 0, frozen = 0, moving = 0, cycles = 0;
  std::optional<nlohmann::json> counterexample;
  nlohmann::json per_run = nlohmann::json::array();
  double max_turns_undecided = 0, min_mp_dtheta = 1e300, min_grad50 = 1e300, min_dr = 1e300, max_dr = -1e300;
  int plotted = 0;
  for (const auto& [label, x0] : starts) {
    for (const auto& m : cfg.methods) {
      ++runs;
      auto rule = make(m);
      const auto r = step_heuristics::run_rule(hat, *rule, x0, cfg.horizon);
      const DVec& zN = r.z.back();
      std::string outcome;
      nlohmann::json extra = nlohmann::json::object();
      // Exact cycle of the computed orbit (non-convergence certificate).
      std::optional<std::pair<std::size_t, int>> cycle;
      for (std::size_t n = 2; n < r.z.size() && !cycle; ++n)
        for (int p = 2; p <= 8 && p <= static_cast<int>(n); ++p)
          if (r.z[n] == r.z[n - p] && r.z[n] != r.z[n - 1]) {
            cycle = std::make_pair(n, p);
            break;
          }
      if (cycle) {
        outcome = "cycle";
        ++cycles;
        if (!counterexample)
          counterexample = nlohmann::json{{"method", m.label()},
                                          {"start", step_heuristics::point_json(x0)},
                                          {"start_kind", label},
                                          {"cycle_at_step", cycle->first},
                                          {"period", cycle->second},
                                          {"z_n", step_heuristics::point_json(r.z[cycle->first])},
                                          {"seed", ctx.seed}};
      } else if (in_flat_region(zN)) {
        outcome = "converged: entered r >= 1 (grad f = 0 exactly, stationary forever)";
        ++flat;
      } else if (r.stop == "stationary") {
        outcome = "converged: stationary at an interior critical point";
        ++interior_critical;
      } else {
        // Undecided: continue in mp50 from the last double state.
        MVec z(2);
        z << mp50(zN[0]), mp50(zN[1]);
        const double g50 = static_cast<double>(e50.gradient(z).norm());
        const problems::ProblemObjective<mp50> objective50(hat);
        optim::Oracle<mp50> oracle50(objective50);
        const auto rule50 = mp50_rule(m);
        const double th0 = std::atan2(zN[1], zN[0]);
        double dtheta = 0, last = th0;
        int taken = 0;
        for (int k = 0; k < cfg.mp50_steps; ++k) {
          if (rule50->step(oracle50, z).status != optim::StepStatus::taken) break;
          ++taken;
          const double th = std::atan2(static_cast<double>(z[1]), static_cast<double>(z[0]));
          double d = th - last;
          if (d > kPi) d -= 2 * kPi;
          if (d < -kPi) d += 2 * kPi;
          dtheta += d;
          last = th;
        }
        const double r_end = std::sqrt(static_cast<double>(z.squaredNorm()));
        if (r.stop == "frozen") {
          outcome = "undecided: frozen in double at a point with grad f != 0 (rounding stall)";
          ++frozen;
        } else {
          outcome = "undecided: still moving at the horizon";
          ++moving;
        }
        const double turns = unwrapped_turns(r.z);
        max_turns_undecided = std::max(max_turns_undecided, std::abs(turns));
        min_mp_dtheta = std::min(min_mp_dtheta, std::abs(dtheta));
        min_grad50 = std::min(min_grad50, g50);
        min_dr = std::min(min_dr, r_end - std::sqrt(zN.squaredNorm()));
        max_dr = std::max(max_dr, r_end - std::sqrt(zN.squaredNorm()));
        extra = {{"r_end", std::sqrt(zN.squaredNorm())},
                 {"f_end", r.values.back()},
                 {"grad_norm_end_mp50", g50},
                 {"turns_in_double", turns},
                 {"mp50_steps", taken},
                 {"mp50_dtheta", dtheta},
                 {"mp50_r_end", r_end},
                 {"mp50_f_end", ov::to_string(e50.value(z))}};
      }
      nlohmann::json run = {{"start_kind", label},  {"start", step_heuristics::point_json(x0)}, {"method", m.label()},
                            {"outcome", outcome},   {"steps", r.steps.size()},                  {"stop", r.stop}};
      run.update(extra);
      per_run.push_back(run);
      if (plotted < 12 && (label == starts.front().first || label.rfind("curve", 0) == 0)) {
        ++plotted;
        const std::size_t stride = std::max<std::size_t>(1, r.z.size() / 400);
        nlohmann::json xs = nlohmann::json::array(), ys = nlohmann::json::array(), ns = nlohmann::json::array(),
                       fs = nlohmann::json::array();
        for (std::size_t n = 0; n < r.z.size(); n += stride) {
          xs.push_back(r.z[n][0]);
          ys.push_back(r.z[n][1]);
          if (r.values[n] > 0) {
            ns.push_back(n);
            fs.push_back(r.values[n]);
          }
        }
        xs.push_back(zN[0]);
        ys.push_back(zN[1]);
        const std::string name = m.label();
        out.evidence.series.push_back(step_heuristics::series(name, "Mexican hat trajectories (x, y): " + label,
                                                              "measured", xs, ys, "x", "y", false));
        if (!ns.empty())
          out.evidence.series.push_back(step_heuristics::series(name, "Mexican hat f(z_n) (log): " + label, "measured",
                                                                ns, fs, "n", "f(z_n)", true));
      }
    }
  }
  out.parameters = {{"horizon", cfg.horizon}, {"mp50_steps", cfg.mp50_steps}, {"random_starts", cfg.random_starts},
                    {"curve_r0", cfg.curve_r0}};
  out.precision = frozen + moving > 0 ? "mp50" : "double";
  auto& fig = out.evidence.figures;
  fig["runs"] = runs;
  fig["converged_flat_region"] = flat;
  fig["converged_interior_critical"] = interior_critical;
  fig["undecided_frozen_in_double"] = frozen;
  fig["undecided_moving"] = moving;
  fig["cycles"] = cycles;
  if (frozen + moving > 0) {
    fig["max_turns_of_undecided_runs"] = max_turns_undecided;
    fig["min_mp50_angle_change"] = min_mp_dtheta;
    fig["min_grad_norm_undecided_mp50"] = min_grad50;
    fig["min_mp50_radius_change"] = min_dr;
    fig["max_mp50_radius_change"] = max_dr;
  }
  fig["per_run"] = per_run.dump();
  if (counterexample) {
    out.verdict = Verdict::refuted;
    out.evidence.counterexample = *counterexample;
    out.evidence.summary = fmt::format("a computed orbit cycles ({}, period {}): it does not converge",
                                       (*counterexample)["method"].get<std::string>(),
                                       (*counterexample)["period"].get<int>());
  } else if (frozen + moving == 0) {
    out.verdict = Verdict::holds;
    out.evidence.summary = fmt::format(
        "all {} runs converged: {} entered the flat region r >= 1 (grad f = 0 exactly), {} stopped at an interior "
        "critical point",
        runs, flat, interior_critical);
  } else {
    out.verdict = Verdict::inconclusive;
    out.evidence.summary = fmt::format(
        "{} of {} runs converged with certainty (they entered the flat region r >= 1, where grad f = 0); {} are still "
        "moving in the spiral valley after {} steps (at most {:.2f} turns) and {} froze in double; every undecided run "
        "is at a non-critical point (mp50: |grad f| >= {:.3g}) and moves on in the mp50 continuation ({} steps: r "
        "changes by {:.3g} .. {:.3g}); a finite run cannot decide whether these converge, so 'all these three discrete "
        "methods do converge' is confirmed only for the runs that jump into the flat region",
        flat + interior_critical, runs, moving, cfg.horizon, max_turns_undecided, frozen, min_grad50, cfg.mp50_steps,
        min_dr, max_dr);
  }
  return out;
}

Claim mexican_hat_convergence_claim() {
  Claim c;
  c.id = "backtracking.mexican-hat-discrete-methods-converge";
  c.title = "Mexican hat (Example 2.12): Standard GD, Backtracking GD and Two-way Backtracking GD all converge";
  c.source = {"000_47ba9189a2c8a171.txt", "2.5, Example 2.12", "", "L245-L251"};
  c.hypotheses =
      "f = mexican_hat (L247, C^2, critical set r >= 1 plus three interior points); seeded random z_0 in the open disc "
      "(r_0 in [0.1, 0.95]) and z_0 on the curve theta_0 (1 - r_0^2) = 1 (L249); Standard GD with lr in {1/10, 1}, "
      "Backtracking GD and Two-way (cap delta0 = 1) with beta = 1/2 and alpha in {1e-4, 1/2} (the paper gives no "
      "values for this example)";
  c.statement =
      "for random choices of initial values z_0, Standard GD, pure Backtracking GD and Two-way Backtracking GD do "
      "converge (in contrast to the gradient flow from the curve theta(1 - r^2) = 1) (L251)";
  c.check =
      "Run each method in double for the horizon (quick 1500, full 100000 steps). A run converges with certainty when "
      "an iterate has x^2 + y^2 >= 1 (exact in mp50; f = 0 and grad f = 0 there, so it stays) or the rule reports "
      "grad f = 0; it fails to converge with certainty when the computed orbit cycles exactly (period 2..8). Other "
      "runs are undecided: those frozen in double (z_{n+1} == z_n) and those still moving are continued in mp50 with "
      "the rule written out (quick 20, full 400 steps) to measure their further winding. Refuted on a cycle; holds "
      "when every run converged with certainty; inconclusive otherwise.";
  c.precision = {"double", {"double", "mp50"},
                 "double runs; the flat-region test x^2 + y^2 >= 1 is exact in mp50 (products of binary64 fit); the "
                 "undecided runs are evaluated and continued in mp50, because double cannot follow the slow spiral "
                 "(its steps fall below the spacing of binary64 near r = 1)"};
  c.run = [](const RunContext& ctx) { return check_mexican_hat_convergence(hat_config(ctx.quick), library_methods(), ctx); };
  return c;
}

}  // namespace ov::claims::mexican_hat_convergence
