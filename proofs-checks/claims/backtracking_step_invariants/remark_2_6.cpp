#include "proofs-checks/claims/backtracking_step_invariants/remark_2_6.hpp"

#include <fmt/core.h>

#include "analysis/numeric/elementary.hpp"
#include "analysis/numeric/linear_algebra.hpp"
#include "analysis/numeric/string_io.hpp"
#include "analysis/problems/problem.hpp"
#include "proofs-checks/claims/backtracking_step_invariants/step_invariants_common.hpp"

namespace ov::claims::bt_invariants {

StepSequence remark_2_6_steps() {
  return [](long n) { return num::pow(rational(1) / 2, n) / 10; };
}

Finding check_remark_2_6(const StepSequence& steps, const rational& total_sum_bound, const RunContext& ctx) {
  Finding out;
  const problems::Problem p = problems::make_problem("square");
  const auto& e = p.in<rational>();
  const rational alpha = rational(1) / 2;
  // (i) For f = x^2 (the library's evaluator) the Armijo slack S(z, d) = f(z - d f'(z)) - f(z) + alpha d f'(z)^2
  // equals 4 z^2 d (d - (1 - alpha)): both sides have degree <= 2 in z and in d, so equality on the 3 x 3 grid
  // z, d in {1, 2, 3} proves the identity.
  bool identity = true;
  for (int zi = 1; zi <= 3; ++zi)
    for (int di = 1; di <= 3; ++di) {
      Vec<rational> z(1);
      z[0] = zi;
      Vec<rational> g;
      const rational fz = e.value_and_gradient(z, g);
      const rational d = di;
      Vec<rational> y(1);
      y[0] = z[0] - d * g[0];
      const rational S = e.value(y) - fz + alpha * d * g[0] * g[0];
      if (S != 4 * z[0] * z[0] * d * (d - (1 - alpha))) identity = false;
    }
  // (ii) the iterates, exactly; Armijo at every step, exactly.
  const long N = 200;
  rational z = 1, sup_delta = 0;
  bool armijo_all = true;
  std::vector<double> ns, zs, bound;
  rational partial = 0;
  for (long n = 0; n < N; ++n) {
    const rational d = steps(n);
    if (d > sup_delta) sup_delta = d;
    partial += d;
    Vec<rational> zz(1);
    zz[0] = z;
    Vec<rational> g;
    const rational fz = e.value_and_gradient(zz, g);
    Vec<rational> y(1);
    y[0] = z - d * g[0];
    if (e.value(y) - fz > -alpha * d * g[0] * g[0]) armijo_all = false;
    z = y[0];
    ns.push_back(static_cast<double>(n + 1));
    zs.push_back(static_cast<double>(z));
    bound.push_back(static_cast<double>(1 - 2 * total_sum_bound));
  }
  const rational lower = 1 - 2 * total_sum_bound;  // Weierstrass: prod(1 - a_k) >= 1 - sum a_k, a_k = 2 delta_k in [0, 1]
  out.precision = "rational";
  out.evidence.figures = {{"identity_on_grid", identity},
                          {"armijo_all_steps_exact", armijo_all},
                          {"sup_delta", ov::to_string(sup_delta)},
                          {"one_minus_alpha", "1/2"},
                          {"z_N", static_cast<double>(z)},
                          {"N", N},
                          {"certified_lower_bound_z_inf", static_cast<double>(lower)}};
  out.evidence.series.push_back(series("z_n", "Remark 2.6: x^2 with summable steps", "measured", ns, zs, "n", "z_n",
                                       false, false));
  out.evidence.series.push_back(series("1 - 2 sum delta_n", "Remark 2.6: x^2 with summable steps", "bound", ns, bound,
                                       "n", "z_n", false, false));
  const bool certified = identity && armijo_all && sup_delta <= 1 - alpha && 2 * sup_delta <= 1 && lower > 0;
  if (certified) {
    out.verdict = Verdict::holds_certified;
    out.evidence.summary = fmt::format(
        "proved: S(z, d) = 4 z^2 d (d - 1/2) identically (degree <= 2 in z and d, equal on a 3 x 3 grid), so Armijo "
        "holds at every step since every delta_n <= sup delta_n = {} <= 1 - alpha = 1/2; z_n = prod(1 - 2 delta_k) is "
        "decreasing and >= 1 - 2 sum delta_k = {} > 0 (Weierstrass product inequality), so z_n -> z_inf >= {} and "
        "f'(z_inf) = 2 z_inf != 0: the limit is not critical although inf delta_n = 0 (z_{}= {:.12f}, exact)",
        ov::to_string(sup_delta), ov::to_string(lower), ov::to_string(lower), N, static_cast<double>(z));
  } else if (!identity) {
    out.verdict = Verdict::inconclusive;
    out.evidence.summary = "the library's x^2 does not give the expected Armijo slack polynomial";
  } else if (static_cast<double>(z) < 1e-12 || !armijo_all) {
    out.verdict = Verdict::refuted;
    out.evidence.counterexample = {{"z_N", ov::to_string(static_cast<double>(z))}, {"N", N},
                                   {"armijo_all_steps", armijo_all}, {"seed", ctx.seed}};
    out.evidence.summary = fmt::format("with this step sequence the orbit does not stay away from 0 with Armijo at every "
                                       "step: z_{} = {:.3g}, Armijo at all steps: {}",
                                       N, static_cast<double>(z), armijo_all);
  } else {
    out.verdict = Verdict::inconclusive;
    out.evidence.summary = fmt::format("no certificate (1 - 2 sum delta = {}), z_{} = {:.6g}", static_cast<double>(lower),
                                       N, static_cast<double>(z));
  }
  return out;
}

Claim remark_2_6_claim() {
  Claim c;
  c.id = "backtracking.remark-2-6-summable-steps";
  c.title = "Remark 2.6: with summable steps satisfying Armijo, GD on x^2 converges to a non-critical point";
  c.source = {"000_47ba9189a2c8a171.txt", "2.1, Remark 2.6", "Thm 2.5(2)", "L163-L165"};
  c.hypotheses = "f(x) = x^2, z_0 = 1 > 0, alpha = 1/2, delta_n = 2^-n / 10 (sum 1/5, 'small enough depending on z_0, "
                 "alpha'; the numbers are the guide's C13)";
  c.statement = "f(z_n) - f(z_{n-1}) <= -alpha delta_{n-1} |f'(z_{n-1})|^2 for all n, and z_n -> z_inf > 0, which is not "
                "the critical point 0: the hypothesis inf_n delta_n > 0 of Theorem 2.5(2) cannot be dropped";
  c.check = "Exact rational: the Armijo slack of the library's x^2 equals 4 z^2 d (d - (1 - alpha)) on a 3 x 3 grid (hence "
            "identically, degree bound), sup delta_n = 1/10 <= 1 - alpha, z_n = prod(1 - 2 delta_k) >= 1 - 2 sum delta_k = "
            "3/5 (Weierstrass); the first N iterates computed exactly and plotted with the bound.";
  c.precision = {"rational", {"rational"}, "exact"};
  c.run = [](const RunContext& ctx) { return check_remark_2_6(remark_2_6_steps(), rational(1) / 5, ctx); };
  return c;
}

}  // namespace ov::claims::bt_invariants
