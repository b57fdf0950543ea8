#include "proofs-checks/claims/castera_dynamics/lyapunov_family.hpp"

#include <fmt/core.h>

#include <optional>
#include <string>
#include <vector>

#include "analysis/numeric/string_io.hpp"
#include "analysis/problems/problem.hpp"
#include "analysis/problems/problem_objective.hpp"

namespace ov::claims::castera_dyn {

LambdaInterval thesis_lambda_interval() {
  return [](const rational&, const rational&, const rational& s) {
    return std::make_pair(rational((rational(1) - s) * (rational(1) - s)), rational((rational(1) + s) * (rational(1) + s)));
  };
}

Vec<rational> adversarial_state(const optim::Objective<rational>& J, const rational& alpha, const rational& beta,
                                const Vec<rational>& theta, const rational& t) {
  const Vec<rational> g = J.gradient(theta);
  const Vec<rational> thd = t * g;
  const Vec<rational> w = -beta * g - thd;                          // theta' = -beta g - w
  const Vec<rational> psi = beta * (w - (alpha - rational(1) / beta) * theta);  // w = a theta + psi/beta
  Vec<rational> z(2 * theta.size());
  z << theta, psi;
  return z;
}

Finding check_e_lambda_family(const DinField& field, const LambdaInterval& interval, const RunContext& ctx) {
  Finding out;
  out.precision = "rational";
  optim::SplitMix64 rng(ctx.seed);
  std::optional<nlohmann::json> cex;
  const std::vector<std::string> names = ctx.quick ? std::vector<std::string>{"castera_quartic", "rosenbrock"}
                                                   : std::vector<std::string>{"castera_quartic", "rosenbrock",
                                                                              "himmelblau", "castera_quadratic"};
  const int cases = ctx.quick ? 3 : 10;
  const int points = ctx.quick ? 3 : 6;
  int evaluations = 0, zero_at_endpoint = 0, sharp_found = 0, sharp_tried = 0;
  rational max_rate_inside(-1000000);
  for (const auto& name : names) {
    if (cex) break;
    const problems::Problem problem = problems::make_problem(name);
    problems::ProblemObjective<rational> J(problem);
    const int p = problem.dim();
    for (int c = 0; c < cases && !cex; ++c) {
      // alpha = (i/4)^2, beta = (j/4)^2, i, j in [1, 8]: sqrt(alpha beta) = i j / 16.
      const long i = static_cast<long>(rng.below(8)) + 1, j = static_cast<long>(rng.below(8)) + 1;
      const rational alpha = ratio(i * i, 16), beta = ratio(j * j, 16), s = ratio(i * j, 16);
      const auto [lo, hi] = interval(alpha, beta, s);
      Vec<rational> theta(p);
      do {
        for (int k = 0; k < p; ++k) theta[k] = random_rational(rng, 16, 8);
      } while (J.gradient(theta).isZero());
      auto rate = [&](const rational& lambda, const Vec<rational>& z) {
        auto El = [&](const Vec<rational>& x) { return e_lambda(J, alpha, beta, lambda, x); };
        ++evaluations;
        return exact_directional_derivative(El, z, field.q(J, alpha, beta, z), 8);
      };
      for (const rational& lambda : {lo, hi, rational((lo + hi) / 2)}) {
        std::vector<Vec<rational>> zs;
        zs.push_back(adversarial_state(J, alpha, beta, theta, (lambda - alpha * beta - rational(1)) / (rational(2) * alpha)));
        for (int k = 0; k < points; ++k) {
          Vec<rational> z(2 * p);
          for (int m = 0; m < 2 * p; ++m) z[m] = random_rational(rng, 16, 8);
          zs.push_back(z);
        }
        for (std::size_t k = 0; k < zs.size(); ++k) {
          const rational r = rate(lambda, zs[k]);
          if (r > max_rate_inside) max_rate_inside = r;
          if (k == 0 && r == 0 && (lambda == lo || lambda == hi)) ++zero_at_endpoint;
          if (r > 0 && !cex) {
            cex = nlohmann::json{{"problem", name},
                                 {"alpha", ov::to_string(alpha)},
                                 {"beta", ov::to_string(beta)},
                                 {"interval", {ov::to_string(lo), ov::to_string(hi)}},
                                 {"lambda", ov::to_string(lambda)},
                                 {"z", vec_json(zs[k])},
                                 {"dE_lambda_dt", ov::to_string(r)},
                                 {"adversarial_point", k == 0},
                                 {"seed", ctx.seed}};
          }
        }
      }
      // Sharpness: just outside the true interval the adversarial point increases E_lambda.
      const auto [tlo, thi] = thesis_lambda_interval()(alpha, beta, s);
      for (const rational& lambda : {rational(thi + ratio(1, 16)), rational(tlo - ratio(1, 16))}) {
        if (lambda < 0) continue;
        ++sharp_tried;
        const Vec<rational> z =
            adversarial_state(J, alpha, beta, theta, (lambda - alpha * beta - rational(1)) / (rational(2) * alpha));
        if (rate(lambda, z) > 0) ++sharp_found;
      }
    }
  }
  out.parameters = {{"problems", names}, {"alpha_beta_cases_per_problem", cases}, {"random_points_per_lambda", points},
                    {"field", field.name}};
  out.evidence.figures = {{"rate_evaluations", evaluations},
                          {"max_dE_lambda_dt_inside", to_double(max_rate_inside)},
                          {"adversarial_zero_at_endpoints", zero_at_endpoint},
                          {"outside_lambdas_tried", sharp_tried},
                          {"outside_lambdas_with_increase", sharp_found}};
  if (cex) {
    out.verdict = Verdict::refuted;
    out.evidence.counterexample = *cex;
    out.evidence.summary = fmt::format("E_lambda increases along (2.6) for lambda = {} in the stated interval [{}, {}] "
                                       "(dE_lambda/dt = {} > 0, exact)",
                                       (*cex)["lambda"].get<std::string>(), (*cex)["interval"][0].get<std::string>(),
                                       (*cex)["interval"][1].get<std::string>(),
                                       (*cex)["dE_lambda_dt"].get<std::string>());
  } else {
    out.verdict = Verdict::holds;
    out.evidence.summary = fmt::format(
        "exact: dE_lambda/dt <= 0 at every tested point for lambda in {{lo, hi, mid}} of "
        "[(1 - sqrt(ab))^2, (1 + sqrt(ab))^2] ({} exact derivatives; at the endpoints the adversarial point gives "
        "exactly 0 in {} cases); sharp: lambda 1/16 outside gives an increase in {} of {} cases",
        evaluations, zero_at_endpoint, sharp_found, sharp_tried);
  }
  return out;
}

Claim e_lambda_family_claim() {
  Claim c;
  c.id = "castera.lyapunov.e-lambda-family";
  c.title = "E_lambda = lambda J + ||w||^2/2 is non-increasing along DIN for lambda in [(1 - sqrt(ab))^2, (1 + sqrt(ab))^2]";
  c.source = {"002_dc929347c6f8ce02.txt", "2.4.4, proof of Lemma 2.5", "(2.17)-(2.20)", "L1198-L1228"};
  c.hypotheses = "J in C^1 (here polynomial problems); alpha > 0, beta > 0 (the proof divides by alpha); "
                 "w = (alpha - 1/beta) theta + psi/beta";
  c.statement = "for lambda in [(1 - sqrt(alpha beta))^2, (1 + sqrt(alpha beta))^2], E_lambda is non-increasing along "
                "the solutions of (2.6) (E_min, E_max of (2.17) are the endpoints)";
  c.check = "alpha = (i/4)^2, beta = (j/4)^2 (seeded i, j in 1..8) so that the interval is rational; for lambda at both "
            "ends and the middle, dE_lambda/dt computed exactly (interpolation of E_lambda(z + e F(z))) at seeded "
            "points and at the adversarial point theta' = (lambda - alpha beta - 1)/(2 alpha) grad J of castera_quartic, "
            "rosenbrock, himmelblau, castera_quadratic; sharpness: lambda 1/16 outside gives dE_lambda/dt > 0";
  c.precision = {"rational", {"rational"}, "exact arithmetic throughout"};
  c.run = [](const RunContext& ctx) {
    return check_e_lambda_family(library_din_field(), thesis_lambda_interval(), ctx);
  };
  return c;
}

}  // namespace ov::claims::castera_dyn
