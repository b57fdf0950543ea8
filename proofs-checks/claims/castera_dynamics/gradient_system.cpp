#include "proofs-checks/claims/castera_dynamics/gradient_system.hpp"

#include <fmt/core.h>

#include <optional>
#include <string>

#include "analysis/numeric/string_io.hpp"
#include "analysis/problems/problem.hpp"
#include "analysis/problems/problem_objective.hpp"

namespace ov::claims::castera_dyn {

AlphaBetaList gradient_system_parameters() {
  return {{rational(2), rational(1)}, {rational(1), ratio(11, 10)}, {rational(3), ratio(1, 2)}, {ratio(1, 2), rational(4)}};
}

namespace {

int sign_changes(const std::vector<double>& x) {
  int n = 0, last = 0;
  for (double v : x) {
    const int s = v > 0 ? 1 : (v < 0 ? -1 : 0);
    if (s != 0) {
      if (last != 0 && s != last) ++n;
      last = s;
    }
  }
  return n;
}

}  // namespace

Finding check_gradient_system(const DinField& field, const AlphaBetaList& params, const RunContext& ctx) {
  Finding out;
  out.precision = "rational";
  optim::SplitMix64 rng(ctx.seed);
  std::optional<nlohmann::json> cex;
  // (a) exact.
  const std::vector<std::string> names = {"castera_quadratic", "castera_quartic", "rosenbrock"};
  const int points = ctx.quick ? 3 : 10;
  int exact_points = 0;
  for (const auto& [alpha, beta] : params) {
    if (cex) break;
    const rational c = alpha * beta - rational(1);
    if (!(beta > 0 && c > 0)) {  // M = [[beta, c], [c, alpha c]]: PD iff beta > 0 and det = c > 0
      cex = nlohmann::json{{"part", "metric"}, {"alpha", ov::to_string(alpha)}, {"beta", ov::to_string(beta)},
                           {"det_M", ov::to_string(c)},
                           {"meaning", "M = [[beta, c], [c, alpha c]], c = alpha beta - 1, is not positive definite"}};
      break;
    }
    for (const auto& name : names) {
      if (cex) break;
      const problems::Problem problem = problems::make_problem(name);
      problems::ProblemObjective<rational> J(problem);
      const int p = problem.dim();
      for (int k = 0; k < points && !cex; ++k) {
        Vec<rational> z(2 * p);
        for (int m = 0; m < 2 * p; ++m) z[m] = random_rational(rng, 16, 8);
        const Vec<rational> F = field.q(J, alpha, beta, z);
        const rational a = alpha - rational(1) / beta;
        const Vec<rational> th = z.head(p), ps = z.tail(p), g = J.gradient(th);
        const Vec<rational> w = a * th + ps / beta;
        const Vec<rational> wd = a * Vec<rational>(F.head(p)) + Vec<rational>(F.tail(p)) / beta;
        // -M grad V with grad V = (g, w/c).
        const Vec<rational> th_rhs = -(beta * g + c * (w / c));
        const Vec<rational> w_rhs = -(c * g + alpha * c * (w / c));
        ++exact_points;
        if (Vec<rational>(F.head(p)) != th_rhs || wd != w_rhs)
          cex = nlohmann::json{{"part", "identity"}, {"problem", name}, {"z", vec_json(z)},
                               {"alpha", ov::to_string(alpha)}, {"beta", ov::to_string(beta)},
                               {"meaning", "(theta', w') must equal -M grad V"}};
      }
    }
  }
  // (b) trajectories on castera_quadratic (double).
  const problems::Problem quad = problems::make_problem("castera_quadratic");
  problems::ProblemObjective<double> Jd(quad);
  const int starts = ctx.quick ? 2 : 6;
  const int samples = ctx.quick ? 201 : 801;
  std::vector<double> times;
  for (int k = 0; k < samples; ++k) times.push_back(20.0 * k / (samples - 1));
  int runs = 0, max_changes = 0, j_not_monotone = 0;
  double worst_v_increase = 0;
  auto run_one = [&](double alpha, double beta, const Vec<double>& th0, const Vec<double>& v0) {
    const Vec<double> g0 = Jd.gradient(th0);
    Vec<double> z0(4);
    z0 << th0, Vec<double>(-beta * v0 - beta * beta * g0 - (alpha * beta - 1) * th0);
    return integrate_samples(field.d, Jd, alpha, beta, z0, times, 1e-12, 1000000);
  };
  for (const auto& [qa, qb] : params) {
    if (cex) break;
    const double alpha = to_double(qa), beta = to_double(qb), c = alpha * beta - 1;
    for (int s = 0; s < starts && !cex; ++s) {
      Vec<double> th0(2), v0(2);
      for (int i = 0; i < 2; ++i) {
        const double k = static_cast<double>(rng.below(8) + 1) / 4;
        th0[i] = rng.below(2) ? k : -k;
      }
      // The thesis's initial velocity -grad J(theta_0) (L1481) for the first start, seeded ones after.
      if (s == 0) {
        v0 = -Jd.gradient(th0);
      } else {
        for (int i = 0; i < 2; ++i) v0[i] = static_cast<double>(static_cast<long>(rng.below(33)) - 16) / 4;
      }
      const auto zs = run_one(alpha, beta, th0, v0);
      ++runs;
      std::vector<double> x1, x2, V, Jt;
      for (const auto& z : zs) {
        const Vec<double> th = z.head(2), ps = z.tail(2);
        const Vec<double> w = (alpha - 1 / beta) * th + ps / beta;
        x1.push_back(th[0]);
        x2.push_back(th[1]);
        Jt.push_back(Jd.value(th));
        V.push_back(Jd.value(th) + w.squaredNorm() / (2 * c));
      }
      for (std::size_t k = 1; k < V.size(); ++k) {
        worst_v_increase = std::max(worst_v_increase, (V[k] - V[k - 1]) / (1 + std::abs(V[0])));
        if (Jt[k] > Jt[k - 1] * (1 + 1e-12) + 1e-300) {
          ++j_not_monotone;
          break;
        }
      }
      const int ch = std::max(sign_changes(x1), sign_changes(x2));
      max_changes = std::max(max_changes, ch);
      if (ch > 1 || worst_v_increase > 1e-9)
        cex = nlohmann::json{{"part", "trajectory"}, {"problem", "castera_quadratic"},
                             {"alpha", alpha}, {"beta", beta}, {"theta_0", {th0[0], th0[1]}},
                             {"theta_dot_0", {v0[0], v0[1]}}, {"max_sign_changes", ch},
                             {"max_relative_V_increase", worst_v_increase}, {"seed", ctx.seed}};
      if (runs == 1) {
        const std::string plot = "DIN on castera_quadratic: theta_2(t), alpha beta > 1 vs a spiral";
        out.evidence.series.push_back(series(plot, fmt::format("alpha = {}, beta = {}", alpha, beta), "measured",
                                             times, x2, "t", "theta_2(t)", false, false));
        const auto sp = run_one(2.0, 0.1, th0, v0);
        std::vector<double> y;
        for (const auto& z : sp) y.push_back(z[1]);
        out.evidence.series.push_back(series(plot, "alpha = 2, beta = 0.1 (alpha beta < 1, for contrast)", "measured",
                                             times, y, "t", "theta_2(t)", false, false));
        out.evidence.figures["spiral_contrast_sign_changes"] = sign_changes(y);
      }
    }
  }
  nlohmann::json plist = nlohmann::json::array();
  for (const auto& [a, b] : params) plist.push_back({ov::to_string(a), ov::to_string(b)});
  out.parameters = {{"alpha_beta", plist}, {"problems_exact", names}, {"starts", starts}, {"horizon", 20},
                    {"field", field.name}};
  out.evidence.figures["exact_points"] = exact_points;
  out.evidence.figures["trajectory_runs"] = runs;
  out.evidence.figures["max_sign_changes_per_coordinate"] = max_changes;
  out.evidence.figures["max_relative_V_increase"] = worst_v_increase;
  out.evidence.figures["runs_with_J_not_monotone"] = j_not_monotone;
  if (cex) {
    out.verdict = Verdict::refuted;
    out.evidence.counterexample = *cex;
    out.evidence.summary = fmt::format("not a gradient system ({}) for the listed (alpha, beta)",
                                       (*cex)["part"].get<std::string>());
  } else {
    out.verdict = Verdict::holds;
    out.evidence.summary = fmt::format(
        "exact: (theta', w') = -M grad V with M positive definite (det M = alpha beta - 1 > 0) at {} seeded points for "
        "each listed (alpha, beta); measured on {} castera_quadratic trajectories: V non-increasing (max relative "
        "increase {:.2g}), each eigen-coordinate changes sign at most {} time(s) (the spiral alpha = 2, beta = 0.1: "
        "{}); J(theta(t)) was not monotone in {} run(s) (not claimed)",
        exact_points, runs, worst_v_increase, max_changes,
        out.evidence.figures.value("spiral_contrast_sign_changes", -1), j_not_monotone);
  }
  return out;
}

Claim gradient_system_claim() {
  Claim c;
  c.id = "castera.din.gradient-system-ab-gt-1";
  c.title = "For alpha beta > 1, DIN (2.6) is a gradient system: (theta', w') = -M grad V, no oscillation";
  c.source = {"002_dc929347c6f8ce02.txt", "2.5.3, Remark 2.11(b)", "(2.8)", "L1432"};
  c.hypotheses = "J in C^1 (polynomial problems for the identity, castera_quadratic for trajectories); alpha beta > 1";
  c.statement = "if alpha beta > 1, (2.8) is equivalent to a gradient system (measured: with w = (alpha - 1/beta) theta "
                "+ psi/beta, (theta', w') = -M grad V, V = J + ||w||^2/(2(alpha beta - 1)), M = [[beta, alpha beta - "
                "1], [alpha beta - 1, alpha(alpha beta - 1)]] positive definite; V decreases and no eigen-coordinate "
                "oscillates)";
  c.check = "(a) exact rational identities at seeded points of castera_quadratic, castera_quartic, rosenbrock and M "
            "positive definite for (alpha, beta) in {(2, 1), (1, 11/10), (3, 1/2), (1/2, 4)}; (b) castera_quadratic "
            "trajectories (double, Dormand-Prince 1e-12, t in [0, 20]) from seeded starts, the thesis's initial "
            "velocity -grad J(theta_0) and seeded ones: V non-increasing (relative 1e-9), each coordinate changes sign "
            "at most once";
  c.precision = {"rational", {"double", "rational"}, "identities exact; trajectories in double (evidence)"};
  c.run = [](const RunContext& ctx) {
    return check_gradient_system(library_din_field(), gradient_system_parameters(), ctx);
  };
  return c;
}

}  // namespace ov::claims::castera_dyn
