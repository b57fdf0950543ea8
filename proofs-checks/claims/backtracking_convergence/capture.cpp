#include "proofs-checks/claims/backtracking_convergence/capture.hpp"

#include <fmt/core.h>

#include <cmath>

#include "analysis/problems/problem.hpp"
#include "analysis/stats/binomial_interval.hpp"
#include "optim/core/random.hpp"
#include "proofs-checks/claims/backtracking_convergence/theorem_2_1_outcomes.hpp"

namespace ov::claims::btconv {

CaptureStudy capture_study(bool quick) {
  CaptureStudy s;
  s.problems = quick ? std::vector<std::string>{"double_well", "nesterov_example"}
                     : std::vector<std::string>{"double_well", "nesterov_example", "himmelblau", "three_hump_camel",
                                                "styblinski_tang", "cubic_linear"};
  s.starts = quick ? 8 : 100;
  s.options.max_steps = 5000;
  return s;
}

Finding check_capture(const CaptureStudy& study, const NamedRule& rule, const RunContext& ctx) {
  Finding out;
  optim::SplitMix64 rng(ctx.seed * 0xBF58476D1CE4E5B9ULL + 11);
  int runs = 0, captured = 0, minima = 0;
  double max_dist = 0;
  nlohmann::json counterexample = nullptr, xs = nlohmann::json::array(), ys = nlohmann::json::array(),
                 lo = nlohmann::json::array(), hi = nlohmann::json::array(), labels = nlohmann::json::array();
  for (const auto& name : study.problems) {
    const problems::Problem problem = problems::make_problem(name);
    const Target t = library_target(name);
    for (std::size_t ci = 0; ci < problem.info().critical_points.size(); ++ci) {
      const auto& cp = problem.info().critical_points[ci];
      if (cp.kind != problems::PointKind::minimum) continue;
      ++minima;
      const DVec m = problem.point<double>(cp.x);
      int ok = 0;
      for (int s = 0; s < study.starts; ++s) {
        DVec u(m.size());
        double n2 = 0;
        do {  // uniform in the unit ball by rejection
          n2 = 0;
          for (Eigen::Index i = 0; i < u.size(); ++i) {
            u[i] = 2 * rng.uniform() - 1;
            n2 += u[i] * u[i];
          }
        } while (n2 > 1 || n2 == 0);
        const DVec x0 = m + study.radius * u;
        auto opt = rule.make(rng.next());
        const RunResult r = classify_run(t, *opt, x0, study.options);
        ++runs;
        const double dist = std::sqrt((r.x_final - m).squaredNorm());
        if (r.outcome == Outcome::converged && dist <= 1e-4) {
          ++ok;
          ++captured;
          max_dist = std::max(max_dist, dist);
        } else if (counterexample.is_null()) {
          counterexample = {{"problem", name},         {"minimum", cp.x},
                            {"start", point_json(x0)}, {"outcome", to_string(r.outcome)},
                            {"kind", r.kind},          {"z_final", point_json(r.x_final)},
                            {"distance", dist},        {"steps", r.steps},
                            {"seed", ctx.seed},        {"rule", rule.name}};
        }
      }
      const auto ci95 = stats::clopper_pearson_interval(static_cast<std::uint64_t>(ok), static_cast<std::uint64_t>(study.starts));
      xs.push_back(minima - 1);
      const double p = static_cast<double>(ok) / study.starts;
      ys.push_back(p);
      lo.push_back(std::min(ci95.lo, p));
      hi.push_back(std::max(ci95.hi, p));
      std::string label = name + " (";
      for (std::size_t i = 0; i < cp.x.size(); ++i) label += (i ? ", " : "") + cp.x[i];
      labels.push_back(label + ")");
    }
  }
  if (!xs.empty())
    out.evidence.series.push_back({{"name", "captured"},
                                   {"plot", fmt::format("proportion of starts in B(minimum, {:g}) converging to that "
                                                        "minimum (Clopper-Pearson 95%)",
                                                        study.radius)},
                                   {"kind", "proportion"}, {"role", "measured"}, {"x", xs}, {"y", ys}, {"lo", lo},
                                   {"hi", hi}, {"labels", labels}, {"x_label", "minimum"},
                                   {"y_label", "proportion"}});
  out.evidence.figures = {{"minima", minima}, {"runs", runs}, {"captured", captured},
                          {"max_final_distance_of_captured_runs", max_dist}};
  out.parameters = {{"problems", study.problems}, {"radius", study.radius}, {"starts_per_minimum", study.starts},
                    {"rule", rule.name}};
  // Each run's "converged" decision uses the classifier's mp50 gradient norm at the final iterate.
  out.precision = "mp50";
  out.escalations.push_back({"mp50", "policy: every run's final gradient norm is evaluated in mp50 at the binary64 "
                                     "final iterate (outcomes.hpp); the iterates themselves are double"});
  if (!counterexample.is_null()) {
    out.verdict = Verdict::refuted;
    out.evidence.counterexample = counterexample;
    out.evidence.summary = fmt::format("capture FAILS: {} of {} runs from B(minimum, {:g}) did not converge to their "
                                       "minimum; first: {} from {} -> {} ({})",
                                       runs - captured, runs, study.radius, counterexample["problem"].get<std::string>(),
                                       counterexample["start"].dump(), counterexample["outcome"].get<std::string>(),
                                       counterexample["kind"].get<std::string>());
  } else if (runs == 0) {
    out.verdict = Verdict::inconclusive;
    out.evidence.summary = "no minimum to start near";
  } else {
    out.verdict = Verdict::holds;
    out.evidence.summary = fmt::format(
        "all {} runs started in balls of radius {:g} around {} isolated minima converged to their own minimum (final "
        "distance <= {:.2g}); a finite sample, not a proof",
        runs, study.radius, minima, max_dist);
  }
  return out;
}

Claim capture_claim() {
  Claim c;
  c.id = "backtracking.remark-2-4-capture";
  c.title = "Remark 2.4(1): Backtracking GD started near an isolated local minimum converges to it (capture theorem)";
  c.source = {"000_47ba9189a2c8a171.txt", "2.1, Remark 2.4 1)", "", "L141"};
  c.hypotheses =
      "f C^1 with an isolated local minimum m (here: the non-degenerate minima listed by double_well, nesterov_example, "
      "himmelblau, three_hump_camel, styblinski_tang, cubic_linear); Backtracking GD (8), delta0 = 1, alpha = beta = 1/2";
  c.statement = "if z_0 is close enough to m, then z_n -> m (cited: Bertsekas, Prop. 1.2.5)";
  c.check =
      "For each minimum, 100 (quick: 8) seeded uniform starts in B(m, 0.05) (our choice of 'close enough'); each run "
      "classified (outcomes.hpp) and must be converged with ||z_N - m|| <= 1e-4. A run ending elsewhere refutes.";
  c.precision = {"double", {"double", "mp50"}, "the classifier confirms the final gradient norm in mp50"};
  c.run = [](const RunContext& ctx) { return check_capture(capture_study(ctx.quick), library_backtracking_gd_rule(), ctx); };
  return c;
}

}  // namespace ov::claims::btconv
