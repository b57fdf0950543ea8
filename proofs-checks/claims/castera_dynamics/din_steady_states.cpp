#include "proofs-checks/claims/castera_dynamics/din_steady_states.hpp"

#include <fmt/core.h>

#include <optional>
#include <string>
#include <vector>

#include "analysis/numeric/string_io.hpp"
#include "analysis/problems/problem.hpp"
#include "analysis/problems/problem_objective.hpp"
#include "optim/core/oracle.hpp"
#include "optim/rules/inna.hpp"

namespace ov::claims::castera_dyn {

PsiStar thesis_psi_star() {
  return [](const rational& theta, const rational& alpha, const rational& beta) {
    return rational((rational(1) - alpha * beta) * theta);
  };
}

Finding check_steady_states(const DinField& field, const PsiStar& psi_star, const RunContext& ctx) {
  Finding out;
  out.precision = "rational";
  optim::SplitMix64 rng(ctx.seed);
  std::optional<nlohmann::json> cex;
  const std::vector<std::string> names = {"castera_quadratic", "castera_quartic", "rosenbrock", "himmelblau", "beale"};
  const int reps = ctx.quick ? 3 : 10;
  int identity_points = 0, critical_points = 0, inna_fixed = 0, perturbed = 0;
  auto fail = [&](nlohmann::json j) {
    if (!cex) {
      j["seed"] = ctx.seed;
      cex = std::move(j);
    }
  };
  for (const auto& name : names) {
    const problems::Problem problem = problems::make_problem(name);
    problems::ProblemObjective<rational> J(problem);
    const int p = problem.dim();
    // (i) identities at seeded points.
    for (int r = 0; r < reps && !cex; ++r) {
      Vec<rational> z(2 * p);
      for (int i = 0; i < 2 * p; ++i) z[i] = random_rational(rng, 16, 8);
      const rational alpha = ratio(static_cast<long>(rng.below(21)), 10);
      const rational beta = ratio(static_cast<long>(rng.below(20)) + 1, 10);
      const Vec<rational> F = field.q(J, alpha, beta, z);
      const Vec<rational> g = J.gradient(Vec<rational>(z.head(p)));
      ++identity_points;
      for (int i = 0; i < p; ++i) {
        const rational psi_line = -(z[p + i] - psi_star(z[i], alpha, beta)) / beta;
        if (F[p + i] != psi_line || F[i] - F[p + i] != -beta * g[i]) {
          fail({{"part", "identity"}, {"problem", name}, {"z", vec_json(z)}, {"alpha", ov::to_string(alpha)},
                {"beta", ov::to_string(beta)}, {"field", vec_json(F)},
                {"meaning", "psi' = -(psi - psi*(theta))/beta and theta' - psi' = -beta grad J must hold"}});
          break;
        }
      }
    }
    // (ii)-(iii) at the rational critical points.
    for (const auto& cp : problem.info().critical_points) {
      if (cex) break;
      Vec<rational> th;
      try {
        th = problem.point<rational>(cp.x);
      } catch (const std::exception&) {
        continue;  // irrational coordinates (e.g. sqrt(2)): not exact in rational
      }
      if (!cp.exact || !J.gradient(th).isZero()) continue;
      for (int r = 0; r < reps && !cex; ++r) {
        const rational alpha = ratio(static_cast<long>(rng.below(21)), 10);
        const rational beta = ratio(static_cast<long>(rng.below(20)) + 1, 10);
        Vec<rational> ps(p);
        for (int i = 0; i < p; ++i) ps[i] = psi_star(th[i], alpha, beta);
        Vec<rational> z(2 * p);
        z << th, ps;
        ++critical_points;
        const Vec<rational> F = field.q(J, alpha, beta, z);
        if (!F.isZero()) {
          fail({{"part", "steady state"}, {"problem", name}, {"z", vec_json(z)}, {"alpha", ov::to_string(alpha)},
                {"beta", ov::to_string(beta)}, {"field", vec_json(F)},
                {"meaning", "the field must vanish at (theta*, psi*(theta*))"}});
          break;
        }
        // INNA (2.13) from (theta*, psi*): nothing moves.
        optim::InnaOptions<rational> o;
        o.alpha = alpha;
        o.beta = beta;
        o.lr = ratio(1, static_cast<long>(rng.below(20)) + 1);
        optim::Inna<rational> inna(o);
        inna.set_state({ps, 0});
        Vec<rational> x = th;
        optim::Oracle<rational> oracle(J);
        const auto rep = inna.step(oracle, x);
        ++inna_fixed;
        if (x != th || inna.state().psi != ps || rep.status != optim::StepStatus::stationary) {
          fail({{"part", "inna fixed point"}, {"problem", name}, {"z", vec_json(z)}, {"alpha", ov::to_string(alpha)},
                {"beta", ov::to_string(beta)}, {"theta_1", vec_json(x)}, {"psi_1", vec_json(inna.state().psi)}});
          break;
        }
        // Off S: psi moved, or theta moved along a seeded direction.
        Vec<rational> z1 = z, z2 = z;
        const int i = static_cast<int>(rng.below(static_cast<std::uint64_t>(p)));
        z1[p + i] += ratio(1, 8);
        z2[i] += ratio(1, 8);
        z2[p + i] = psi_star(z2[i], alpha, beta);
        ++perturbed;
        if (field.q(J, alpha, beta, z1).isZero()) {
          fail({{"part", "off S (psi)"}, {"problem", name}, {"z", vec_json(z1)}, {"alpha", ov::to_string(alpha)},
                {"beta", ov::to_string(beta)}, {"meaning", "the field vanishes at a point with psi != psi*"}});
        } else if (!J.gradient(Vec<rational>(z2.head(p))).isZero() && field.q(J, alpha, beta, z2).isZero()) {
          fail({{"part", "off S (theta)"}, {"problem", name}, {"z", vec_json(z2)}, {"alpha", ov::to_string(alpha)},
                {"beta", ov::to_string(beta)}, {"meaning", "the field vanishes at a non-critical theta"}});
        }
      }
    }
  }
  out.parameters = {{"problems", names}, {"repetitions", reps}, {"field", field.name}};
  out.evidence.figures = {{"identity_points", identity_points},
                          {"critical_point_checks", critical_points},
                          {"inna_fixed_point_checks", inna_fixed},
                          {"off_s_checks", perturbed}};
  if (cex) {
    out.verdict = Verdict::refuted;
    out.evidence.counterexample = *cex;
    out.evidence.summary = fmt::format("S of (2.16) is not the zero set of the field: {} fails on {} (exact)",
                                       (*cex)["part"].get<std::string>(), (*cex)["problem"].get<std::string>());
  } else {
    out.verdict = Verdict::holds;
    out.evidence.summary = fmt::format(
        "exact: the identities psi' = -(psi - (1 - alpha beta) theta)/beta and theta' - psi' = -beta grad J hold at "
        "{} seeded points (so F = 0 iff grad J = 0 and psi = (1 - alpha beta) theta); the field vanishes at {} "
        "(critical point, alpha, beta) cases, INNA stays put there ({} steps, status stationary), and {} perturbed "
        "points off S move",
        identity_points, critical_points, inna_fixed, perturbed);
  }
  return out;
}

Claim steady_states_claim() {
  Claim c;
  c.id = "castera.din.steady-states";
  c.title = "Steady states of DIN/INNA: the field (2.6) vanishes iff grad J(theta) = 0 and psi = (1 - alpha beta) theta";
  c.source = {"002_dc929347c6f8ce02.txt", "2.4.4", "(2.16)", "L1185-L1189"};
  c.hypotheses = "J differentiable (here polynomial problems, so 0 in DJ(theta) reads grad J(theta) = 0); alpha >= 0, "
                 "beta > 0";
  c.statement = "S = {(theta, psi) : 0 in DJ(theta), psi = (1 - alpha beta) theta} is the set of initial values for "
                "which (2.12) does not evolve; INNA (2.13) with the full gradient is stationary exactly on S";
  c.check = "exact rational: the two field identities that give 'F = 0 iff z in S' at seeded points of 5 polynomial "
            "problems; F = 0 and one optim::Inna<rational> step changes nothing at the problems' rational critical "
            "points with psi = (1 - alpha beta) theta (seeded alpha, beta, gamma); F != 0 after perturbing psi or theta";
  c.precision = {"rational", {"rational"}, "exact arithmetic throughout"};
  c.run = [](const RunContext& ctx) { return check_steady_states(library_din_field(), thesis_psi_star(), ctx); };
  return c;
}

}  // namespace ov::claims::castera_dyn
