#include "proofs-checks/claims/inna_first_step.hpp"

#include <fmt/core.h>

#include <optional>
#include <string>
#include <vector>

#include "analysis/numeric/string_io.hpp"
#include "analysis/problems/problem.hpp"
#include "analysis/problems/problem_objective.hpp"
#include "optim/core/oracle.hpp"
#include "optim/core/random.hpp"
#include "optim/rules/inna.hpp"

namespace ov::claims::castera {

namespace {

using RVec = optim::Vector<rational>;

rational ratio(long p, long q) { return rational(p) / rational(q); }

nlohmann::json vec_json(const RVec& v) {
  nlohmann::json a = nlohmann::json::array();
  for (Eigen::Index i = 0; i < v.size(); ++i) a.push_back(ov::to_string(v[i]));
  return a;
}

// r(theta, v) = theta_1 - (theta - v) for gamma = 1, one coordinate, by the library's kernel.
rational residual(const Psi0Formula& psi0, const rational& alpha, const rational& beta, const rational& theta,
                  const rational& v) {
  const optim::InnaConstants<rational> c{rational(1) / beta - alpha, rational(1) / beta, beta, rational(1)};
  rational theta1, psi1;
  optim::InnaKernel{}(c, theta, psi0(theta, v, alpha, beta), v, theta1, psi1);
  return theta1 - (theta - v);
}

}  // namespace

Psi0Formula thesis_psi0() {
  return [](const rational& theta, const rational& g, const rational& alpha, const rational& beta) {
    struct {
      rational one_minus_ab, b2_minus_b;
    } c0{rational(1) - alpha * beta, beta * beta - beta};
    rational psi;
    optim::InnaThesisPsi0Kernel{}(c0, theta, g, psi);
    return psi;
  };
}

InnaFactory library_inna_thesis() {
  return [](const rational& alpha, const rational& beta, const rational& gamma0) {
    optim::InnaOptions<rational> o;
    o.alpha = alpha;
    o.beta = beta;
    o.lr = gamma0;
    o.decay_power = rational(0);
    o.psi0 = optim::Psi0::thesis;
    return std::unique_ptr<optim::Optimizer<rational>>(std::make_unique<optim::Inna<rational>>(o));
  };
}

Finding check_first_step_gradient(const Psi0Formula& psi0, const InnaFactory& rule, const RunContext& ctx) {
  Finding out;
  out.precision = "rational";
  std::optional<nlohmann::json> counterexample;
  // (i) the coefficient identity on the grid.
  const std::vector<rational> alphas{rational(0), ratio(1, 3), ratio(1, 2)};
  const std::vector<rational> betas{ratio(1, 10), ratio(1, 2), rational(1), rational(2)};
  int grid_points = 0;
  for (const auto& a : alphas) {
    for (const auto& b : betas) {
      ++grid_points;
      const rational c_theta = residual(psi0, a, b, rational(1), rational(0));
      const rational c_g = residual(psi0, a, b, rational(0), rational(1));
      if ((c_theta != 0 || c_g != 0) && !counterexample) {
        counterexample = nlohmann::json{{"part", "identity"},
                                        {"alpha", ov::to_string(a)},
                                        {"beta", ov::to_string(b)},
                                        {"c_theta", ov::to_string(c_theta)},
                                        {"c_g", ov::to_string(c_g)},
                                        {"meaning", "theta_1 - (theta_0 - gamma_0 v_0) = gamma_0 (c_theta theta_0 + "
                                                    "c_g v_0) per coordinate; both must be 0"}};
      }
    }
  }
  // (ii) the rule on problems, from seeded rational starts and hyper-parameters.
  const std::vector<std::string> names = ctx.quick ? std::vector<std::string>{"castera_quadratic", "rosenbrock"}
                                                   : std::vector<std::string>{"castera_quadratic", "castera_quartic",
                                                                              "rosenbrock", "himmelblau", "beale"};
  const int starts = ctx.quick ? 3 : 8;
  optim::SplitMix64 rng(ctx.seed);
  int runs = 0;
  for (const auto& name : names) {
    if (counterexample) break;
    const problems::Problem problem = problems::make_problem(name);
    problems::ProblemObjective<rational> objective(problem);
    for (int s = 0; s < starts && !counterexample; ++s) {
      // theta_0 on the grid k/16 in [-2, 2]; alpha = j/10 in [0, 1]; beta = j/10 in [1/10, 2];
      // gamma_0 = 1/j, j in [1, 20].
      RVec x(problem.dim());
      for (int i = 0; i < problem.dim(); ++i) x[i] = ratio(static_cast<long>(rng.below(65)) - 32, 16);
      const rational alpha = ratio(static_cast<long>(rng.below(11)), 10);
      const rational beta = ratio(static_cast<long>(rng.below(20)) + 1, 10);
      const rational gamma0 = ratio(1, static_cast<long>(rng.below(20)) + 1);
      const RVec x0 = x;
      const RVec expected = x0 - gamma0 * objective.gradient(x0);
      auto opt = rule(alpha, beta, gamma0);
      optim::Oracle<rational> oracle(objective);
      const auto rep = opt->step(oracle, x);
      ++runs;
      if (rep.refused() || x != expected) {
        counterexample = nlohmann::json{{"part", "rule"},
                                        {"problem", name},
                                        {"theta_0", vec_json(x0)},
                                        {"alpha", ov::to_string(alpha)},
                                        {"beta", ov::to_string(beta)},
                                        {"gamma_0", ov::to_string(gamma0)},
                                        {"theta_1", vec_json(x)},
                                        {"theta_0 - gamma_0 grad J(theta_0)", vec_json(expected)},
                                        {"status", rep.refused() ? rep.message : "taken"},
                                        {"seed", ctx.seed}};
      }
    }
  }
  out.parameters = {{"alpha_grid", {"0", "1/3", "1/2"}},
                    {"beta_grid", {"1/10", "1/2", "1", "2"}},
                    {"problems", names},
                    {"starts_per_problem", starts}};
  out.evidence.figures = {{"grid_points", grid_points}, {"rule_runs", runs}};
  if (counterexample) {
    out.verdict = Verdict::refuted;
    out.evidence.counterexample = *counterexample;
    out.evidence.summary = (*counterexample)["part"] == "identity"
                               ? fmt::format("theta_1 != theta_0 - gamma_0 grad J(theta_0) for alpha = {}, beta = {} "
                                             "(exact coefficients c_theta = {}, c_g = {})",
                                             (*counterexample)["alpha"].get<std::string>(),
                                             (*counterexample)["beta"].get<std::string>(),
                                             (*counterexample)["c_theta"].get<std::string>(),
                                             (*counterexample)["c_g"].get<std::string>())
                               : fmt::format("the rule's first step differs from theta_0 - gamma_0 grad J(theta_0) "
                                             "on {} (exact rational comparison)",
                                             (*counterexample)["problem"].get<std::string>());
  } else {
    out.verdict = Verdict::holds_certified;
    out.evidence.summary = fmt::format(
        "proved: beta c_theta and beta c_g vanish exactly on the {}-point grid, hence identically (degree bound), "
        "so theta_1 = theta_0 - gamma_0 grad J(theta_0) for all alpha, beta, gamma_0, theta_0; and the library's "
        "Inna<rational> agrees exactly on {} seeded runs",
        grid_points, runs);
  }
  return out;
}

Claim first_step_gradient_claim() {
  Claim c;
  c.id = "castera.inna.first-step-gradient";
  c.title = "INNA with the thesis's psi_0: the first step is the gradient step theta_0 - gamma_0 grad J(theta_0)";
  c.source = {"002_dc929347c6f8ce02.txt", "2.6.2.1 (with 2.3, Algorithm 1)", "(2.13)", "L1082-L1104, L1481"};
  c.hypotheses = "alpha >= 0, beta > 0, gamma_0 > 0; J differentiable at theta_0; v_0 = grad J(theta_0); "
                 "psi_0 = (1 - alpha beta) theta_0 - (beta^2 - beta) grad J(theta_0)";
  c.statement = "theta_1 = theta_0 - gamma_0 grad J(theta_0), i.e. the initial velocity of (2.13) is exactly "
                "-grad J(theta_0)";
  c.check = "(i) exact coefficient identity from the library's INNA kernels on a 3 x 4 (alpha, beta) grid, which "
            "proves it for all parameters by a degree bound; (ii) one step of optim::Inna<rational> on polynomial "
            "problems from seeded rational starts, compared exactly";
  c.precision = {"rational", {"rational"}, "exact arithmetic throughout; nothing to escalate"};
  c.run = [](const RunContext& ctx) { return check_first_step_gradient(thesis_psi0(), library_inna_thesis(), ctx); };
  return c;
}

}  // namespace ov::claims::castera
