#include "proofs-checks/claims/backtracking_counterexamples/erratum_l419_lemma32_proof.hpp"

#include <fmt/core.h>

#include "optim/core/random.hpp"
#include "proofs-checks/claims/backtracking_counterexamples/common.hpp"

namespace ov::claims::erratum_l419 {

using bt_cex::str;

Denominator printed_denominator() {
  return [](const rational& a, const rational& b) { return 1 + a + b; };
}
Denominator corrected_denominator() {
  return [](const rational& a, const rational& b) { return 1 + (a + b) / 2; };
}

Finding check_l419(const Denominator& den, const RunContext& ctx) {
  Finding out;
  out.precision = "rational";
  optim::SplitMix64 rng(ctx.seed);
  const int n = ctx.quick ? 50 : 1000;
  int pairs = 0, mismatches = 0, next_step_ok = 0;
  nlohmann::json counterexample = nullptr;
  for (int k = 0; k < n; ++k) {
    const int m = 1 + static_cast<int>(rng.below(3));
    std::vector<rational> x(m), y(m);
    rational a = 0, b = 0, xy = 0, d2 = 0;
    for (int i = 0; i < m; ++i) {
      x[i] = rational(static_cast<long>(rng.below(41)) - 20, 8);
      y[i] = rational(static_cast<long>(rng.below(41)) - 20, 8);
      a += x[i] * x[i], b += y[i] * y[i], xy += x[i] * y[i], d2 += (x[i] - y[i]) * (x[i] - y[i]);
    }
    if (d2 == 0) continue;
    ++pairs;
    const rational lhs = (1 + xy) / (1 + (a + b) / 2);
    const rational rhs = 1 - d2 / (2 * den(a, b));
    if (rhs >= 1 - d2 / 2) ++next_step_ok;
    if (lhs != rhs) {
      ++mismatches;
      if (counterexample.is_null()) {
        nlohmann::json xj = nlohmann::json::array(), yj = nlohmann::json::array();
        for (int i = 0; i < m; ++i) xj.push_back(str(x[i])), yj.push_back(str(y[i]));
        counterexample = {{"x", xj}, {"y", yj}, {"lhs", str(lhs)}, {"rhs", str(rhs)}, {"seed", ctx.seed}};
      }
    }
  }
  out.parameters = {{"pairs", n}, {"denominator_at_a_1_b_1", str(den(rational(1), rational(1)))}};
  out.evidence.figures = {{"pairs", pairs}, {"mismatches", mismatches}, {"next_step_holds", next_step_ok}};
  if (mismatches > 0) {
    out.verdict = Verdict::refuted;
    out.evidence.counterexample = counterexample;
    out.evidence.summary = fmt::format("the identity fails at {}/{} rational pairs (exact); first x = {}, y = {}: "
                                       "left {} != right {}",
                                       mismatches, pairs, counterexample["x"].dump(), counterexample["y"].dump(),
                                       counterexample["lhs"].get<std::string>(), counterexample["rhs"].get<std::string>());
  } else {
    out.verdict = Verdict::holds;
    out.evidence.summary = fmt::format("the identity holds at all {} rational pairs (exact), and so does the next step "
                                       "(>= 1 - ||x - y||^2/2) at {}",
                                       pairs, next_step_ok);
  }
  out.evidence.figures = flatten_figures(out.evidence.figures);
  return out;
}

Claim l419_claim() {
  Claim c;
  c.id = "backtracking.erratum-l419-lemma-3-2-proof-identity";
  c.title = "Lemma 3.2 proof (erratum): the identity at L419 has the denominator 1 + (a + b), not 1 + (a + b)/2";
  c.source = {"000_47ba9189a2c8a171.txt", "3, proof of Lemma 3.2", "", "L416-L420"};
  c.hypotheses = "x, y in R^m, x != y, a = sum x_i^2, b = sum y_i^2";
  c.statement = "(1 + sum x_i y_i)/(1 + (a + b)/2) = 1 - (1/2) ||x - y||^2/(1 + (a + b)) (as printed at L418-L419)";
  c.check = "seeded rational pairs (m = 1..3, coordinates k/8), both sides compared exactly";
  c.precision = {"rational", {"rational"}, "exact; nothing to escalate"};
  c.erratum = true;
  c.run = [](const RunContext& ctx) { return check_l419(printed_denominator(), ctx); };
  return c;
}

}  // namespace ov::claims::erratum_l419
