#include "proofs-checks/claims/castera_dynamics/lemma25_erratum.hpp"

#include <fmt/core.h>

#include <optional>
#include <vector>

#include "analysis/numeric/string_io.hpp"
#include "analysis/problems/problem.hpp"
#include "analysis/problems/problem_objective.hpp"

namespace ov::claims::castera_dyn {

Lemma25Variant lemma25_as_printed() { return {"as printed (Lemma 2.5, (2.20))", +1, -1}; }
Lemma25Variant lemma25_corrected() { return {"corrected (signs from (2.6))", -1, +1}; }

Finding check_lemma25(const Lemma25Variant& v, const RunContext& ctx) {
  Finding out;
  out.precision = "rational";
  optim::SplitMix64 rng(ctx.seed);
  std::optional<nlohmann::json> cex;
  const DinField field = library_din_field();
  const std::vector<std::string> names = {"castera_quadratic", "castera_quartic", "rosenbrock"};
  const int points = ctx.quick ? 4 : 12;
  int checked = 0, sum_ok = 0;
  for (const auto& name : names) {
    if (cex) break;
    const problems::Problem problem = problems::make_problem(name);
    problems::ProblemObjective<rational> J(problem);
    const int p = problem.dim();
    for (int k = 0; k < points && !cex; ++k) {
      const long i = static_cast<long>(rng.below(8)) + 1, j = static_cast<long>(rng.below(8)) + 1;
      const rational alpha = ratio(i * i, 16), beta = ratio(j * j, 16), sa = ratio(i, 4), sb = ratio(j, 4);
      const rational s = sa * sb;
      Vec<rational> z(2 * p);
      for (int m = 0; m < 2 * p; ++m) z[m] = random_rational(rng, 16, 8);
      const Vec<rational> F = field.q(J, alpha, beta, z);
      const Vec<rational> thd = F.head(p), psd = F.tail(p), g = J.gradient(Vec<rational>(z.head(p)));
      const rational lmin = (rational(1) - s) * (rational(1) - s), lmax = (rational(1) + s) * (rational(1) + s);
      auto rate = [&](const rational& lambda) {
        auto El = [&](const Vec<rational>& x) { return e_lambda(J, alpha, beta, lambda, x); };
        return exact_directional_derivative(El, z, F, 8);
      };
      const rational dmin = rate(lmin), dmax = rate(lmax);
      const rational sg(v.min_sign);
      const rational fmin = -Vec<rational>(sa * thd + sg * (psd - thd) / sb).squaredNorm();
      const rational fmax = -Vec<rational>(sa * thd - sg * (psd - thd) / sb).squaredNorm();
      const Vec<rational> dj = rational(v.dj_sign) * (thd - psd) / beta;
      ++checked;
      if (dmin + dmax == energy_rate_rhs(alpha, beta, F) / rational(1)) ++sum_ok;
      if (dj != g || dmin != fmin || dmax != fmax) {
        cex = nlohmann::json{{"problem", name},
                             {"alpha", ov::to_string(alpha)},
                             {"beta", ov::to_string(beta)},
                             {"z", vec_json(z)},
                             {"grad_J", vec_json(g)},
                             {"stated_DJ_element", vec_json(dj)},
                             {"dE_min_dt_exact", ov::to_string(dmin)},
                             {"dE_min_dt_stated", ov::to_string(fmin)},
                             {"dE_max_dt_exact", ov::to_string(dmax)},
                             {"dE_max_dt_stated", ov::to_string(fmax)},
                             {"variant", v.name},
                             {"seed", ctx.seed}};
      }
    }
  }
  out.parameters = {{"problems", names}, {"points_per_problem", points}, {"variant", v.name}};
  out.evidence.figures = {{"points", checked}, {"points_where_dEmin_plus_dEmax_equals_2_32", sum_ok}};
  if (cex) {
    out.verdict = Verdict::refuted;
    out.evidence.counterexample = *cex;
    out.evidence.summary = fmt::format(
        "Lemma 2.5 ({}) fails on {}: exact dE_min/dt = {} vs stated {}, dE_max/dt = {} vs stated {}; the DJ element "
        "(theta' - psi')/beta is -grad J (the two formulas are exchanged; their sum (2.32) is right)",
        v.name, (*cex)["problem"].get<std::string>(), (*cex)["dE_min_dt_exact"].get<std::string>(),
        (*cex)["dE_min_dt_stated"].get<std::string>(), (*cex)["dE_max_dt_exact"].get<std::string>(),
        (*cex)["dE_max_dt_stated"].get<std::string>());
  } else {
    out.verdict = Verdict::holds;
    out.evidence.summary = fmt::format("Lemma 2.5 ({}) holds exactly at all {} seeded points", v.name, checked);
  }
  return out;
}

Claim lemma25_erratum_claim() {
  Claim c;
  c.id = "castera.lyapunov.lemma-2-5-signs";
  c.title = "Erratum: Lemma 2.5's element of DJ has the wrong sign and its dE_min/dt and dE_max/dt are exchanged";
  c.source = {"002_dc929347c6f8ce02.txt", "2.4.4, Lemma 2.5 and its proof", "(2.17), (2.20)", "L1204-L1228"};
  c.hypotheses = "J in C^1 (here polynomial problems); alpha > 0, beta > 0; (theta, psi) a solution of (2.6)";
  c.statement = "(as printed) (theta' - psi')/beta in DJ(theta(t)) and dE_min/dt = -||sqrt(alpha) theta' - "
                "(1/sqrt(beta))(psi' - theta')||^2, dE_max/dt = -||sqrt(alpha) theta' + (1/sqrt(beta))(psi' - "
                "theta')||^2";
  c.check = "alpha = (i/4)^2, beta = (j/4)^2 (seeded), seeded rational (theta, psi) on castera_quadratic, "
            "castera_quartic, rosenbrock: dE_min/dt, dE_max/dt by exact interpolation of E_lambda(z + e F(z)) and "
            "grad J, compared exactly with the printed formulas (the test checks that the corrected ones hold)";
  c.precision = {"rational", {"rational"}, "exact arithmetic throughout"};
  c.erratum = true;
  c.run = [](const RunContext& ctx) { return check_lemma25(lemma25_as_printed(), ctx); };
  return c;
}

}  // namespace ov::claims::castera_dyn
