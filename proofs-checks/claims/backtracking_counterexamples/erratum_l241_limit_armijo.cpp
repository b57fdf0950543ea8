#include "proofs-checks/claims/backtracking_counterexamples/erratum_l241_limit_armijo.hpp"

#include <fmt/core.h>

#include <cmath>

#include "analysis/problems/problem.hpp"
#include "optim/core/random.hpp"
#include "proofs-checks/claims/backtracking_counterexamples/common.hpp"

namespace ov::claims::erratum_l241 {

using bt_cex::str;

Finding check_l241(int exponent, const RunContext& ctx) {
  if (exponent != 1 && exponent != 2) throw std::invalid_argument("check_l241: exponent must be 1 or 2");
  Finding out;
  out.precision = "rational";
  optim::SplitMix64 rng(ctx.seed);
  const rational alpha(1, 2), beta(1, 2), delta0(1);
  struct Inst {
    std::string name;
    std::vector<rational> center;
  };
  const std::vector<Inst> insts{{"square", {rational(0)}},
                                {"castera_quadratic", {rational(0), rational(0)}},
                                {"nesterov_example", {rational(0), rational(7, 10)}}};
  const int per = ctx.quick ? 6 : 40;
  int sequences = 0, hypotheses_ok = 0, violations = 0;
  nlohmann::json counterexample = nullptr;
  for (const auto& in : insts) {
    const problems::Problem p = problems::make_problem(in.name);
    const auto& e = p.in<rational>();
    for (int k = 0; k < per; ++k) {
      Vec<rational> z(p.dim());
      for (int i = 0; i < p.dim(); ++i)
        z[i] = in.center[i] + rational(static_cast<long>(rng.below(41)) - 20, 256);
      Vec<rational> g;
      const rational fz = e.value_and_gradient(z, g);
      const rational g2 = g.squaredNorm();
      if (g2 == 0) continue;
      // delta = delta(f, delta0, z): Armijo (7) with the square, exact.
      rational delta = delta0, slack;
      int t = 0;
      for (; t < 200; ++t, delta *= beta) {
        slack = e.value(Vec<rational>(z - delta * g)) - fz + alpha * delta * g2;
        if (slack <= 0) break;
      }
      if (t == 200) continue;
      ++sequences;
      ++hypotheses_ok;  // constant sequence z_n = z, delta_n = delta: converges, Armijo (7) at every n
      const rational lhs = e.value(Vec<rational>(z - delta * g)) - fz;  // f(z - delta g) - f(z)
      bool holds;
      if (exponent == 2) {
        holds = lhs <= -alpha * delta * g2;
      } else {  // lhs <= -alpha delta ||g||  <=>  -lhs >= 0 and lhs^2 >= alpha^2 delta^2 ||g||^2
        holds = (-lhs >= 0) && (lhs * lhs >= alpha * alpha * delta * delta * g2);
      }
      if (!holds) {
        ++violations;
        if (counterexample.is_null()) {
          nlohmann::json zj = nlohmann::json::array();
          for (int i = 0; i < p.dim(); ++i) zj.push_back(str(z[i]));
          counterexample = {{"problem", in.name},
                            {"z_n = z_inf", zj},
                            {"delta_n = delta_inf", str(delta)},
                            {"alpha", str(alpha)},
                            {"f(z - delta g) - f(z)", str(lhs)},
                            {"grad_norm_squared", str(g2)},
                            {"alpha_delta_grad_norm_squared", str(alpha * delta * g2)},
                            {"grad_norm_approx", std::sqrt(bt_cex::to_double(g2))},
                            {"note", "constant sequence: Armijo (7) holds at every n, the unsquared limit "
                                     "inequality fails since ||g|| < 1"}};
        }
      }
    }
  }
  out.parameters = {{"exponent", exponent}, {"alpha", "1/2"}, {"beta", "1/2"}, {"delta0", "1"}};
  out.evidence.figures = {{"sequences", sequences}, {"hypotheses_hold", hypotheses_ok}, {"violations", violations}};
  if (violations > 0) {
    out.verdict = Verdict::refuted;
    out.evidence.counterexample = counterexample;
    out.evidence.summary = fmt::format("the limit inequality with ||grad f(z_inf)||^{} fails for {}/{} convergent "
                                       "(constant) sequences satisfying the hypotheses (exact); first on {}",
                                       exponent, violations, sequences, counterexample["problem"].get<std::string>());
  } else {
    out.verdict = sequences > 0 ? Verdict::holds : Verdict::inconclusive;
    out.evidence.summary = fmt::format("the limit inequality with ||grad f(z_inf)||^{} holds for all {} sequences "
                                       "(exact)", exponent, sequences);
  }
  out.evidence.figures = flatten_figures(out.evidence.figures);
  return out;
}

Claim l241_claim() {
  Claim c;
  c.id = "backtracking.erratum-l241-limit-armijo-square";
  c.title = "L241 (erratum): the limit Armijo inequality needs the square on ||grad f(z_inf)||";
  c.source = {"000_47ba9189a2c8a171.txt", "2.5", "(7) in the limit", "L241"};
  c.hypotheses = "z_n -> z_inf, delta0 >= delta_n > 0, Armijo (7) f(z_n - delta_n g_n) - f(z_n) <= -alpha delta_n "
                 "||g_n||^2 for all n (here: constant sequences at seeded rational z, delta = delta(f, 1, z), alpha = "
                 "beta = 1/2, on square, castera_quadratic, nesterov_example)";
  c.statement = "f(z_inf - delta_inf grad f(z_inf)) - f(z_inf) <= -alpha delta_inf ||grad f(z_inf)|| with delta_inf "
                "= limsup delta_n (as printed, without the square)";
  c.check = "exact rational evaluation; the unsquared right-hand side compared by squaring (-lhs >= 0 and lhs^2 >= "
            "alpha^2 delta^2 ||g||^2)";
  c.precision = {"rational", {"rational"}, "exact; nothing to escalate"};
  c.erratum = true;
  c.run = [](const RunContext& ctx) { return check_l241(1, ctx); };
  return c;
}

}  // namespace ov::claims::erratum_l241
