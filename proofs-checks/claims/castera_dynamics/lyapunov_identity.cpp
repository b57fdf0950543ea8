#include "proofs-checks/claims/castera_dynamics/lyapunov_identity.hpp"

#include <fmt/core.h>

#include <optional>
#include <string>
#include <vector>

#include "analysis/numeric/string_io.hpp"
#include "analysis/problems/problem.hpp"
#include "analysis/problems/problem_objective.hpp"
#include "optim/components/din_system.hpp"

namespace ov::claims::castera_dyn {

Finding check_energy_rate_identity(const DinField& field, const RunContext& ctx) {
  Finding out;
  out.precision = "rational";
  optim::SplitMix64 rng(ctx.seed);
  std::optional<nlohmann::json> cex;
  const std::vector<std::string> names =
      ctx.quick ? std::vector<std::string>{"castera_quadratic", "castera_quartic", "rosenbrock"}
                : std::vector<std::string>{"castera_quadratic", "castera_quartic", "rosenbrock", "himmelblau", "beale"};
  const int points = ctx.quick ? 4 : 15;
  int checked = 0, on_s = 0, negative = 0;
  for (const auto& name : names) {
    if (cex) break;
    const problems::Problem problem = problems::make_problem(name);
    problems::ProblemObjective<rational> J(problem);
    const int p = problem.dim();
    for (int s = 0; s < points && !cex; ++s) {
      Vec<rational> z(2 * p);
      for (int i = 0; i < 2 * p; ++i) z[i] = random_rational(rng, 16, 8);
      const rational alpha = ratio(static_cast<long>(rng.below(21)), 10);
      const rational beta = ratio(static_cast<long>(rng.below(20)) + 1, 10);
      const Vec<rational> F = field.q(J, alpha, beta, z);
      auto E = [&](const Vec<rational>& x) { return energy(J, alpha, beta, x); };
      const rational dE = exact_directional_derivative(E, z, F, 8);
      const rational rhs1 = energy_rate_rhs(alpha, beta, F);
      const Vec<rational> th = z.head(p), ps = z.tail(p);
      const Vec<rational> g = J.gradient(th);
      const Vec<rational> w = (alpha - rational(1) / beta) * th + ps / beta;
      const rational rhs2 = -rational(2) * alpha * Vec<rational>(beta * g + w).squaredNorm() -
                            rational(2) * beta * g.squaredNorm();
      const rational lib = optim::DinSystem<rational>(J, alpha, beta).energy_rate(z);
      ++checked;
      if (dE < 0) ++negative;
      if (dE != rhs1 || dE != rhs2 || dE != lib) {
        cex = nlohmann::json{{"part", "identity"},       {"problem", name},
                             {"z", vec_json(z)},         {"alpha", ov::to_string(alpha)},
                             {"beta", ov::to_string(beta)}, {"dE_dt", ov::to_string(dE)},
                             {"rhs_2_32_first", ov::to_string(rhs1)}, {"rhs_2_32_last", ov::to_string(rhs2)},
                             {"din_system_energy_rate", ov::to_string(lib)}, {"seed", ctx.seed}};
      }
      // On S (theta arbitrary, psi = (1 - alpha beta) theta): E = 2 (1 + alpha beta) J.
      Vec<rational> zs(2 * p);
      zs << th, Vec<rational>((rational(1) - alpha * beta) * th);
      ++on_s;
      if (!cex && energy(J, alpha, beta, zs) != rational(2) * (rational(1) + alpha * beta) * J.value(th))
        cex = nlohmann::json{{"part", "E on S"}, {"problem", name}, {"z", vec_json(zs)},
                             {"alpha", ov::to_string(alpha)}, {"beta", ov::to_string(beta)}, {"seed", ctx.seed}};
    }
  }
  out.parameters = {{"problems", names}, {"points_per_problem", points}, {"field", field.name}};
  out.evidence.figures = {{"points", checked}, {"points_with_dE_dt_negative", negative}, {"e_on_s_checks", on_s}};
  if (cex) {
    out.verdict = Verdict::refuted;
    out.evidence.counterexample = *cex;
    out.evidence.summary = fmt::format("(2.32) fails on {} ({}): <grad E, z'> differs from the right-hand side "
                                       "(exact)",
                                       (*cex)["problem"].get<std::string>(), (*cex)["part"].get<std::string>());
  } else {
    out.verdict = Verdict::holds;
    out.evidence.summary = fmt::format(
        "exact (rational): <grad E, F> = -2 alpha ||theta'||^2 - (2/beta)||psi' - theta'||^2 = -2 alpha ||beta grad J "
        "+ w||^2 - 2 beta ||grad J||^2 = DinSystem::energy_rate at all {} seeded points ({} with dE/dt < 0), and E = "
        "2 (1 + alpha beta) J on S at {} points",
        checked, negative, on_s);
  }
  return out;
}

Claim energy_rate_identity_claim() {
  Claim c;
  c.id = "castera.lyapunov.energy-rate-identity";
  c.title = "Lyapunov function of DIN: dE/dt = -2 alpha ||theta'||^2 - (2/beta) ||psi' - theta'||^2 along (2.6) (2.32)";
  c.source = {"002_dc929347c6f8ce02.txt", "2.4.4 Lemma 2.6; 2.5.3 proof of Theorem 2.10", "(2.17), (2.32)",
              "L1198-L1240, L1392-L1398"};
  c.hypotheses = "J in C^1 (here polynomial problems); alpha >= 0, beta > 0; E = 2 (1 + alpha beta) J(theta) + "
                 "||(alpha - 1/beta) theta + psi/beta||^2";
  c.statement = "along solutions of (2.6), dE/dt = -2 alpha ||theta'||^2 - (2/beta)||psi' - theta'||^2 = -2 alpha "
                "||-beta grad J - w||^2 - 2 beta ||grad J||^2 <= 0; on S, E = 2 (1 + alpha beta) J";
  c.check = "at seeded rational (theta, psi, alpha, beta) on castera_quadratic, castera_quartic, rosenbrock, himmelblau, "
            "beale: <grad E, F(z)> = d/de E(z + e F(z)) at e = 0 computed exactly by interpolation (degree <= 8), "
            "compared exactly with both forms of (2.32) and with optim::DinSystem::energy_rate; E on S exactly";
  c.precision = {"rational", {"rational"}, "exact arithmetic throughout"};
  c.run = [](const RunContext& ctx) { return check_energy_rate_identity(library_din_field(), ctx); };
  return c;
}

}  // namespace ov::claims::castera_dyn
