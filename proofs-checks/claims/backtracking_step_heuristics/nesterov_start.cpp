#include "proofs-checks/claims/backtracking_step_heuristics/nesterov_start.hpp"

#include <fmt/core.h>

#include <cmath>
#include <optional>

#include "analysis/numeric/scalars.hpp"
#include "analysis/numeric/string_io.hpp"
#include "analysis/problems/problem.hpp"

namespace ov::claims::nesterov_start {

using mexican_hat_convergence::Method;
using step_heuristics::DVec;

NesterovConfig nesterov_config(bool quick) {
  NesterovConfig c;
  c.methods = {{"standard_gd", "1/10"},           {"standard_gd", "1/5"},
               {"backtracking", "1", "1/10000"},  {"backtracking", "1", "1/2"},
               {"two_way", "1", "1/10000"},       {"two_way", "1", "1/2"}};
  c.steps = quick ? 2000 : 20000;
  c.random_starts = quick ? 4 : 32;
  return c;
}

Finding check_nesterov_start(const NesterovConfig& cfg, const mexican_hat_convergence::MethodFactory& make,
                             const RunContext& ctx) {
  Finding out;
  const problems::Problem p = problems::make_problem("nesterov_example");
  const auto& er = p.in<rational>();
  const auto q = [](long a, long b) { return rational(a) / rational(b); };
  const std::vector<rational> pts = {q(-3, 2), q(-1, 3), q(1, 7), q(2, 1), q(5, 4)};
  // (a) d f / d x2 (t, 0) == 0 at 5 points.
  bool line_invariant = true;
  for (const auto& t : pts) {
    Vec<rational> z(2);
    z << t, rational(0);
    if (er.gradient(z)[1] != 0) line_invariant = false;
  }
  // (b) d f / d x1 (s, t) == 4 s on a 4 x 4 grid; d f / d x2 (0, t) == 4 t^3 - 2 t at 5 points.
  bool first_linear = true, second_cubic = true;
  for (int i = 0; i < 4; ++i)
    for (int j = 0; j < 4; ++j) {
      Vec<rational> z(2);
      z << pts[i], pts[j + 1];
      if (er.gradient(z)[0] != 4 * pts[i]) first_linear = false;
    }
  for (const auto& t : pts) {
    Vec<rational> z(2);
    z << rational(0), t;
    if (er.gradient(z)[1] != 4 * t * t * t - 2 * t) second_cubic = false;
  }
  Vec<rational> origin(2);
  origin << rational(0), rational(0);
  const Mat<rational> h0 = er.hessian(origin);
  const bool saddle = h0(0, 0) == 4 && h0(1, 1) == -2 && h0(0, 1) == 0 && h0(1, 0) == 0;
  const bool certified = line_invariant && first_linear && second_cubic && saddle;
  // (c) runs from the start, and the contrast from random nearby starts.
  DVec x0(2);
  x0 << cfg.start.at(0), cfg.start.at(1);
  int to_saddle = 0, stayed_on_line = 0;
  std::optional<nlohmann::json> counterexample;
  nlohmann::json rows = nlohmann::json::array();
  for (const auto& m : cfg.methods) {
    auto rule = make(m);
    const auto r = step_heuristics::run_rule(p, *rule, x0, cfg.steps);
    bool on_line = true;
    for (const auto& z : r.z) on_line = on_line && z[1] == 0.0;
    const DVec& zN = r.z.back();
    const bool near_saddle = zN.norm() <= 1e-8;
    if (on_line) ++stayed_on_line;
    if (near_saddle) ++to_saddle;
    rows.push_back({{"method", m.label()}, {"steps", r.steps.size()}, {"x2_stays_0", on_line},
                    {"z_end", step_heuristics::point_json(zN)}});
    if ((!on_line || !near_saddle) && !counterexample)
      counterexample = nlohmann::json{{"method", m.label()},
                                      {"start", step_heuristics::point_json(x0)},
                                      {"z_end", step_heuristics::point_json(zN)},
                                      {"x2_stays_0", on_line},
                                      {"steps", r.steps.size()},
                                      {"seed", ctx.seed}};
    if (m.kind == "two_way" && m.alpha == "1/2") {
      nlohmann::json ns = nlohmann::json::array(), xs = nlohmann::json::array();
      for (std::size_t n = 0; n < r.z.size() && n < 200; ++n)
        if (r.z[n].norm() > 0) {
          ns.push_back(n);
          xs.push_back(r.z[n].norm());
        }
      if (!ns.empty())
        out.evidence.series.push_back(step_heuristics::series(
            m.label() + " from (" + ov::to_string(x0[0]) + ", " + ov::to_string(x0[1]) + ")",
            "Nesterov's example: distance to the saddle (0, 0)", "measured", ns, xs, "n", "|z_n|", true));
    }
  }
  optim::SplitMix64 rng(ctx.seed);
  int random_to_minimum = 0, random_to_saddle = 0;
  for (int s = 0; s < cfg.random_starts; ++s) {
    DVec z0(2);
    z0 << 1.0, (2 * rng.uniform() - 1) * 1e-3;
    for (const auto& m : cfg.methods) {
      auto rule = make(m);
      const auto r = step_heuristics::run_rule(p, *rule, z0, cfg.steps);
      const DVec& zN = r.z.back();
      if (std::abs(zN[0]) < 1e-6 && std::abs(std::abs(zN[1]) - std::sqrt(0.5)) < 1e-6) ++random_to_minimum;
      if (zN.norm() < 1e-6) ++random_to_saddle;
    }
  }
  out.parameters = {{"start", cfg.start}, {"steps", cfg.steps}, {"random_starts", cfg.random_starts}};
  out.precision = "rational";
  auto& fig = out.evidence.figures;
  fig["line_x2_0_invariant_exact"] = line_invariant;
  fig["critical_points_exactly_three_exact"] = first_linear && second_cubic;
  fig["origin_hessian_diag_4_minus_2_exact"] = saddle;
  fig["runs_from_start"] = static_cast<int>(cfg.methods.size());
  fig["runs_staying_on_x2_0"] = stayed_on_line;
  fig["runs_reaching_saddle"] = to_saddle;
  fig["random_runs"] = cfg.random_starts * static_cast<int>(cfg.methods.size());
  fig["random_runs_to_a_minimum"] = random_to_minimum;
  fig["random_runs_to_the_saddle"] = random_to_saddle;
  fig["runs"] = rows.dump();
  if (!certified) {
    out.verdict = Verdict::refuted;
    out.evidence.counterexample = {{"line_invariant", line_invariant}, {"first_linear", first_linear},
                                   {"second_cubic", second_cubic}, {"origin_saddle", saddle}};
    out.evidence.summary = "the exact computation contradicts the slides' description of the critical points";
  } else if (counterexample) {
    out.verdict = Verdict::refuted;
    out.evidence.counterexample = *counterexample;
    out.evidence.summary = fmt::format("from ({}, {}) the run of {} does not stay on x2 = 0 and reach the saddle (0, 0)",
                                       ov::to_string(x0[0]), ov::to_string(x0[1]),
                                       (*counterexample)["method"].get<std::string>());
  } else {
    out.verdict = x0[1] == 0.0 ? Verdict::holds_certified : Verdict::holds;
    out.evidence.summary = fmt::format(
        "proved exactly: the critical points are (0, 0) (saddle, Hessian diag(4, -2)) and (0, +-1/sqrt 2), and every "
        "sequence z_(n+1) = z_n - delta_n grad f(z_n) from (1, 0) keeps x2 = 0, so its only possible critical limit is "
        "the saddle; all {} runs from (1, 0) stay on x2 = 0 and reach it; from {} random starts (1, u), |u| <= 1e-3, "
        "{} of {} runs reach a minimum and {} the saddle",
        cfg.methods.size(), cfg.random_starts, random_to_minimum, fig["random_runs"].get<int>(), random_to_saddle);
  }
  return out;
}

Claim nesterov_start_claim() {
  Claim c;
  c.id = "backtracking.slides-nesterov-example-non-random-start";
  c.title = "Nesterov's example: from (1, 0) the only possible critical limit is the saddle (0, 0)";
  c.source = {"001_ca0824e53e7404e9.txt", "Part 3: previous work on GD (Example (Nesterov))", "", "S-L304-S-L318"};
  c.also_in = {{"000_47ba9189a2c8a171.txt", "1", "(1)", "L39"}};
  c.hypotheses = "f(x1, x2) = 2 x1^2 + x2^4 - x2^2 (nesterov_example; the slides' exponents are reconstructed from the "
                 "garbled text, guide §5.2), z_0 = (1, 0), any sequence of the form (1) z_{n+1} = z_n - delta_n grad "
                 "f(z_n), delta_n > 0";
  c.statement = "this function has 3 critical points, and if x_n converges to a critical point, then that point must be "
                "(0, 0), which is a saddle point; the point (1, 0) is not random (S-L314-S-L318)";
  c.check =
      "Exact (rational) evaluations of the library's gradient: d f/d x2 (t, 0) = 0 at 5 points and the gradient's "
      "polynomial identities on a grid prove (by the degree bound) that the line x2 = 0 is invariant for every step "
      "size and that the critical points are exactly (0,0), (0,+-1/sqrt 2); the exact Hessian at (0,0) is diag(4,-2). "
      "Then Standard GD (lr 1/10, 1/5), Backtracking GD and Two-way (delta0 = 1, alpha 1e-4 or 1/2) run from (1, 0) in "
      "double (x2 stays exactly 0.0, |z_N| <= 1e-8), and from (1, u), |u| <= 1e-3 seeded, for contrast.";
  c.precision = {"rational", {"double", "rational"},
                 "the structural part is exact (rational, degree-bound argument: a proof); the runs are double, where "
                 "x2 = 0 is also exact (0 - delta * 0 = 0)"};
  c.run = [](const RunContext& ctx) {
    return check_nesterov_start(nesterov_config(ctx.quick), mexican_hat_convergence::library_methods(), ctx);
  };
  return c;
}

}  // namespace ov::claims::nesterov_start
