#include "proofs-checks/claims/castera_dynamics/gradient_system_erratum.hpp"

#include <fmt/core.h>

#include <optional>

#include "analysis/numeric/string_io.hpp"
#include "analysis/problems/problem.hpp"
#include "analysis/problems/problem_objective.hpp"

namespace ov::claims::castera_dyn {

AlphaBetaList gradient_system_ge1_parameters() {
  return {{rational(1), rational(1)}, {rational(2), ratio(1, 2)}, {rational(2), rational(1)}, {rational(1), ratio(11, 10)}};
}

Finding check_gradient_linearisation(const DinField& field, const AlphaBetaList& params, const RunContext& ctx) {
  Finding out;
  out.precision = "rational";
  std::optional<nlohmann::json> cex;
  const problems::Problem problem = problems::make_problem("castera_quadratic");
  problems::ProblemObjective<rational> J(problem);
  const int p = problem.dim(), n = 2 * p;
  int blocks = 0;
  for (const auto& [alpha, beta] : params) {
    if (cex) break;
    auto F = [&](const Vec<rational>& z) { return field.q(J, alpha, beta, z); };
    const Vec<rational> z0 = Vec<rational>::Zero(n);
    if (!F(z0).isZero()) throw std::runtime_error("0 is not an equilibrium of the field");
    Eigen::Matrix<rational, Eigen::Dynamic, Eigen::Dynamic> A(n, n);
    for (int j = 0; j < n; ++j) {
      Vec<rational> e = Vec<rational>::Zero(n);
      e[j] = rational(1);
      A.col(j) = exact_directional_derivative(F, z0, e, 2);
    }
    for (int i = 0; i < n; ++i)
      for (int j = 0; j < n; ++j)
        if (i % p != j % p && A(i, j) != 0) throw std::runtime_error("the Jacobian does not split into 2x2 blocks");
    for (int i = 0; i < p && !cex; ++i) {
      const rational a11 = A(i, i), a12 = A(i, p + i), a21 = A(p + i, i), a22 = A(p + i, p + i);
      const rational tr = a11 + a22, det = a11 * a22 - a12 * a21, disc = tr * tr - rational(4) * det;
      ++blocks;
      const bool scalar = a12 == 0 && a21 == 0 && a11 == a22;
      if (disc < 0 || (disc == 0 && !scalar)) {
        cex = nlohmann::json{{"problem", "castera_quadratic"},
                             {"alpha", ov::to_string(alpha)},
                             {"beta", ov::to_string(beta)},
                             {"alpha_beta", ov::to_string(rational(alpha * beta))},
                             {"equilibrium", "theta = psi = 0"},
                             {"coordinate", i + 1},
                             {"block", nlohmann::json::array({nlohmann::json::array({ov::to_string(a11), ov::to_string(a12)}),
                                                   nlohmann::json::array({ov::to_string(a21), ov::to_string(a22)})})},
                             {"discriminant", ov::to_string(disc)},
                             {"meaning", disc < 0 ? "complex eigenvalues: not the linearisation of a gradient field"
                                                  : "a Jordan block (double eigenvalue, not diagonalisable): not the "
                                                    "linearisation of a gradient field for any metric"},
                             {"seed", ctx.seed}};
      }
    }
  }
  nlohmann::json plist = nlohmann::json::array();
  for (const auto& [a, b] : params) plist.push_back({ov::to_string(a), ov::to_string(b)});
  out.parameters = {{"alpha_beta", plist}, {"problem", "castera_quadratic"}, {"field", field.name}};
  out.evidence.figures = {{"blocks_checked", blocks}};
  if (cex) {
    out.verdict = Verdict::refuted;
    out.evidence.counterexample = *cex;
    out.evidence.summary = fmt::format(
        "alpha = {}, beta = {} (alpha beta = {}): the Jacobian of (2.6) at the equilibrium of castera_quadratic has the "
        "block [[{}, {}], [{}, {}]] on (theta_{}, psi_{}) with discriminant {}: not diagonalisable over R, so (2.12) is "
        "not a gradient system there (exact)",
        (*cex)["alpha"].get<std::string>(), (*cex)["beta"].get<std::string>(),
        (*cex)["alpha_beta"].get<std::string>(),
        (*cex)["block"][0][0].get<std::string>(), (*cex)["block"][0][1].get<std::string>(),
        (*cex)["block"][1][0].get<std::string>(), (*cex)["block"][1][1].get<std::string>(),
        (*cex)["coordinate"].get<int>(), (*cex)["coordinate"].get<int>(), (*cex)["discriminant"].get<std::string>());
  } else {
    out.verdict = Verdict::holds;
    out.evidence.summary = fmt::format("all {} Jacobian blocks at the equilibrium are diagonalisable with real "
                                       "eigenvalues (exact), as the linearisation of a gradient system must be",
                                       blocks);
  }
  return out;
}

Claim gradient_system_erratum_claim() {
  Claim c;
  c.id = "castera.din.gradient-system-ab-ge-1";
  c.title = "Erratum: 'alpha beta >= 1 makes (2.12) a gradient system' fails at alpha beta = 1 (Jordan block)";
  c.source = {"002_dc929347c6f8ce02.txt", "2.6.1 (citing Remark 2.11(b))", "(2.12)", "L1458, L1432"};
  c.hypotheses = "J in C^2 (castera_quadratic); alpha beta >= 1";
  c.statement = "(as printed, L1458) when alpha beta >= 1, (2.12) can be shown to be a gradient system";
  c.check = "exact rational Jacobian of (2.6) at the equilibrium of castera_quadratic for (alpha, beta) in {(1, 1), "
            "(2, 1/2), (2, 1), (1, 11/10)}; each 2 x 2 block (theta_i, psi_i) must be diagonalisable over R (the "
            "linearisation of a gradient field is self-adjoint for the metric at the equilibrium); alpha = 2, "
            "beta = 1/2 gives a Jordan block. The test checks that the alpha beta > 1 list passes";
  c.precision = {"rational", {"rational"}, "exact arithmetic throughout"};
  c.erratum = true;
  c.run = [](const RunContext& ctx) {
    return check_gradient_linearisation(library_din_field(), gradient_system_ge1_parameters(), ctx);
  };
  return c;
}

}  // namespace ov::claims::castera_dyn
