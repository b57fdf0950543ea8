#include "proofs-checks/claims/backtracking_counterexamples/erratum_l47_regularisation.hpp"

#include <fmt/core.h>

#include "analysis/numeric/exact_constant.hpp"
#include "analysis/numeric/inertia.hpp"
#include "analysis/problems/problem.hpp"
#include "optim/core/random.hpp"
#include "proofs-checks/claims/backtracking_counterexamples/common.hpp"

namespace ov::claims::erratum_l47 {

using bt_cex::str;

Candidate corrected_constant() {
  return [](const rational& L, const rational& eps) { return L + 2 * eps; };
}

Finding check_l47(const Candidate& candidate, const RunContext& ctx) {
  Finding out;
  out.precision = "rational";
  optim::SplitMix64 rng(ctx.seed);
  const problems::Problem q = problems::make_problem("castera_quadratic");
  const auto& e = q.in<rational>();
  const rational L = constant<rational>(*q.info().lipschitz);
  const int n = q.dim();
  Vec<rational> zero = Vec<rational>::Zero(n);
  const Mat<rational> H = e.hessian(zero);
  // f is quadratic (grad f(x) = H x) at seeded rational points: exact.
  const int pts = ctx.quick ? 8 : 64;
  for (int k = 0; k < pts; ++k) {
    Vec<rational> x(n);
    for (int i = 0; i < n; ++i) x[i] = rational(static_cast<long>(rng.below(201)) - 100, 16);
    if (e.gradient(x) != H * x) throw std::logic_error("castera_quadratic: gradient is not H x at a sampled point");
  }
  const std::vector<rational> epss{rational(1, 1000), rational(1, 10), rational(1), rational(10)};
  nlohmann::json cases = nlohmann::json::array(), counterexample = nullptr;
  int certified = 0;
  for (const auto& eps : epss) {
    const rational Lp = candidate(L, eps);
    const Mat<rational> I = Mat<rational>::Identity(n, n);
    const Mat<rational> M = H + 2 * eps * I;
    const Inertia lo = inertia(Mat<rational>(Lp * I - M)), hi = inertia(Mat<rational>(Lp * I + M));
    const bool ok = lo.negative == 0 && hi.negative == 0;
    certified += ok;
    cases.push_back({{"eps", str(eps)}, {"L_prime", str(Lp)}, {"inertia_LpI_minus_M", to_string(lo)},
                     {"inertia_LpI_plus_M", to_string(hi)}, {"certified", ok}});
    if (ok && counterexample.is_null())
      counterexample = {{"f", "castera_quadratic (t1^2 + 2 t2^2, L = 4)"}, {"eps", str(eps)}, {"L_prime", str(Lp)},
                        {"argument", "grad f^(x) - grad f^(y) = (H + 2 eps I)(x - y) and ||H + 2 eps I||_2 <= L' "
                                     "(L' I -+ (H + 2 eps I) positive semidefinite, exact inertia)"}};
  }
  // Evidence on a non-quadratic f: smoothed_abs (L = 1/eps0 = 10), exact difference quotients.
  const problems::Problem s = problems::make_problem("smoothed_abs");
  const auto& es = s.in<rational>();
  const rational Ls = constant<rational>(*s.info().lipschitz);
  rational worst = 0;
  int pairs = 0, pair_violations = 0;
  const rational eps(1, 10);
  const rational Lps = candidate(Ls, eps);
  for (int k = 0; k < (ctx.quick ? 200 : 4000); ++k) {
    Vec<rational> x(1), y(1);
    x[0] = rational(static_cast<long>(rng.below(801)) - 400, 1000);
    y[0] = rational(static_cast<long>(rng.below(801)) - 400, 1000);
    if (x[0] == y[0]) continue;
    ++pairs;
    const rational gx = es.gradient(x)[0] + 2 * eps * x[0], gy = es.gradient(y)[0] + 2 * eps * y[0];
    const rational qd = abs(gx - gy) / abs(x[0] - y[0]);
    if (qd > worst) worst = qd;
    if (qd > Lps) ++pair_violations;
  }
  out.parameters = {{"quadratic", "castera_quadratic"}, {"eps", cases.size()}, {"smoothed_abs_pairs", pairs}};
  out.evidence.figures = {{"certified_constants", certified}, {"cases", cases},
                          {"smoothed_abs_max_quotient", bt_cex::to_double(worst)},
                          {"smoothed_abs_L_prime", str(Lps)}, {"smoothed_abs_violations", pair_violations}};
  const std::string ev = fmt::format("; smoothed_abs + (1/10) x^2: max exact difference quotient of f^' over {} pairs "
                                     "= {} <= L' = {} ({} violations)",
                                     pairs, str(worst), str(Lps), pair_violations);
  if (!counterexample.is_null()) {
    out.verdict = Verdict::refuted;
    out.evidence.counterexample = counterexample;
    out.evidence.summary = fmt::format("f^ = f + eps ||x||^2 IS in C^{{1,1}}_{{L'}}: certified exactly for {}/{} eps "
                                       "on castera_quadratic (L' = {} for eps = {})",
                                       certified, epss.size(), counterexample["L_prime"].get<std::string>(),
                                       counterexample["eps"].get<std::string>()) + ev;
  } else {
    out.verdict = Verdict::inconclusive;
    out.evidence.summary = "the candidate L' was not certified for any eps: no counterexample to the printed "
                           "statement from this candidate" + ev;
  }
  out.evidence.figures = flatten_figures(out.evidence.figures);
  return out;
}

Claim l47_claim() {
  Claim c;
  c.id = "backtracking.erratum-l47-regularisation-lipschitz";
  c.title = "L47 (erratum): f + eps||x||^2 IS in C^{1,1}_{L + 2 eps} when f is in C^{1,1}_L";
  c.source = {"000_47ba9189a2c8a171.txt", "1 (Introduction)", "f^(x) = f(x) + eps ||x||^2", "L47"};
  c.hypotheses = "f in C^{1,1}_L (castera_quadratic, L = 4; evidence: smoothed_abs, L = 10), eps > 0";
  c.statement = "if f in C^{1,1}_L, then f^ = f + eps ||x||^2 is not in C^{1,1}_{L'} for every L' (as printed)";
  c.check = "exact: castera_quadratic's gradient is H x (seeded rational points); ||H + 2 eps I||_2 <= L + 2 eps "
            "by the exact inertia of (L + 2 eps) I -+ (H + 2 eps I), eps in {1/1000, 1/10, 1, 10}; evidence: exact "
            "difference quotients of (smoothed_abs + x^2/10)' <= 10 + 1/5";
  c.precision = {"rational", {"rational"}, "exact; nothing to escalate"};
  c.erratum = true;
  c.run = [](const RunContext& ctx) { return check_l47(corrected_constant(), ctx); };
  return c;
}

}  // namespace ov::claims::erratum_l47
