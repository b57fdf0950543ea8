#include "proofs-checks/claims/backtracking_counterexamples/ex217_erratum_hprime.hpp"

#include <fmt/core.h>

#include <array>

namespace ov::claims::ex217 {

using bt_cex::QS3;
using bt_cex::str;
using bt_cex::to_double;

HPrimeFormula printed_h_prime() {
  return [](const QS3& d, const rational& x) {
    const QS3 u = QS3::of(3 * x) * d - QS3::of(1);
    return QS3::of(9) * d * u * u + QS3::of(rational(9, 2)) * d;
  };
}

HPrimeFormula corrected_h_prime() {
  return [](const QS3& d, const rational& x) {
    const QS3 u = QS3::of(1) - QS3::of(3 * x) * d;
    return QS3::of(-9) * d * u * u + QS3::of(rational(9, 2)) * d;
  };
}

namespace {

// h(x) = (1 - 3 d x)^3 - 1 + 9 d x/2 = c1 x + c2 x^2 + c3 x^3 with c1 = -9d + 9d/2, c2 = 27 d^2, c3 = -27 d^3
// (binomial expansion), so h'(x) = c1 + 2 c2 x + 3 c3 x^2: the exact derivative, independent of any formula.
QS3 exact_h_prime(const QS3& d, const rational& x) {
  const QS3 c1 = QS3::of(rational(-9, 2)) * d, c2 = QS3::of(27) * d * d, c3 = QS3::of(-27) * d * d * d;
  return c1 + QS3::of(2 * x) * c2 + QS3::of(3 * x * x) * c3;
}
QS3 h(const QS3& d, const rational& x) {
  const QS3 u = QS3::of(1) - QS3::of(3 * x) * d;
  return u * u * u - QS3::of(1) + QS3::of(rational(9, 2) * x) * d;
}

}  // namespace

Finding check_h_prime(const HPrimeFormula& formula, bool claim_positive, const RunContext& ctx) {
  Finding out;
  out.precision = "rational";
  const std::array<std::pair<const char*, QS3>, 2> roots{
      {{"(3 - sqrt 3)/6", QS3(rational(1, 2), rational(-1, 6))}, {"(3 + sqrt 3)/6", QS3(rational(1, 2), rational(1, 6))}}};
  std::vector<rational> xs{rational(1)};
  const int n = ctx.quick ? 4 : 16;
  for (int i = 1; i <= n; ++i) xs.push_back(rational(1) + rational(i % 2 ? i : -i, 64));
  nlohmann::json cases = nlohmann::json::array(), counterexample = nullptr;
  int comparisons = 0, mismatches = 0, sign_failures = 0;
  for (const auto& [name, d] : roots) {
    // Sanity: d is a root (h(1) = 0), so the formula is evaluated in the paper's setting.
    if (!(h(d, rational(1)) == QS3())) throw std::logic_error("h(1) != 0 for delta0 = " + std::string(name));
    const QS3 t1 = exact_h_prime(d, rational(1)), f1 = formula(d, rational(1));
    cases.push_back({{"delta0", name}, {"exact_h_prime_1", str(t1)}, {"exact_h_prime_1_approx", to_double(t1)},
                     {"formula_at_1", str(f1)}, {"formula_at_1_approx", to_double(f1)}});
    for (const auto& x : xs) {
      ++comparisons;
      const QS3 t = exact_h_prime(d, x), f = formula(d, x);
      const bool bad_value = !(t == f);
      const bool bad_sign = claim_positive && bt_cex::sign(t) <= 0;
      const bool bad_nonzero = !claim_positive && x == 1 && bt_cex::sign(t) == 0;
      mismatches += bad_value;
      sign_failures += bad_sign || bad_nonzero;
      if ((bad_value || bad_sign || bad_nonzero) && counterexample.is_null())
        counterexample = {{"delta0", name},
                          {"x", str(x)},
                          {"exact_h_prime", str(t)},
                          {"exact_h_prime_approx", to_double(t)},
                          {"formula", str(f)},
                          {"formula_approx", to_double(f)},
                          {"formula_differs", bad_value},
                          {"sign_claim_fails", bad_sign || bad_nonzero}};
    }
  }
  out.parameters = {{"points", xs.size()}, {"claim_positive", claim_positive}};
  out.evidence.figures = {{"comparisons", comparisons}, {"formula_mismatches", mismatches},
                          {"sign_failures", sign_failures}, {"cases", cases}};
  if (!counterexample.is_null()) {
    out.verdict = Verdict::refuted;
    out.evidence.counterexample = counterexample;
    out.evidence.summary = fmt::format(
        "the formula differs from the exact h' at {} of {} points and the sign claim fails at {} (exact, Q(sqrt 3)); "
        "true h'(1) = {:.6g} (small root), {:.6g} (large root); printed formula gives {:.6g}, {:.6g}",
        mismatches, comparisons, sign_failures, cases[0]["exact_h_prime_1_approx"].get<double>(),
        cases[1]["exact_h_prime_1_approx"].get<double>(), cases[0]["formula_at_1_approx"].get<double>(),
        cases[1]["formula_at_1_approx"].get<double>());
  } else {
    out.verdict = Verdict::holds_certified;
    out.evidence.summary = fmt::format("the formula equals the exact h' at all {} points (both roots) and h'(1) != 0; "
                                       "h'(1) = {:.6g}, {:.6g}",
                                       comparisons, cases[0]["exact_h_prime_1_approx"].get<double>(),
                                       cases[1]["exact_h_prime_1_approx"].get<double>());
  }
  out.evidence.figures = flatten_figures(out.evidence.figures);
  return out;
}

Claim ex217_h_prime_claim() {
  Claim c;
  c.id = "backtracking.ex-2-17-erratum-h-prime";
  c.title = "Example 2.17 (erratum): h'(x) has a sign error and is negative at x = 1 for delta0 = (3 + sqrt 3)/6";
  c.source = {"000_47ba9189a2c8a171.txt", "2.6, Example 2.17", "h'(x)", "L318"};
  c.hypotheses = "h(x) = (1 - 3 delta0 x)^3 - 1 + 9 delta0 x/2, delta0 a root of 6t^2 - 6t + 1";
  c.statement = "h'(x) = 9 delta0 (3 delta0 x - 1)^2 + 9 delta0/2 > 0 (as printed at L318)";
  c.check = "the printed formula against the exact derivative of the expanded cubic h (coefficients in Q(sqrt 3)) "
            "at x = 1 and rational x near 1, both roots; and the sign h'(x) > 0. Exact: h'(1) = -9 delta0 (1 - "
            "3 delta0)^2 + 9 delta0/2 = 0.696 (small root), -9.696 (large root)";
  c.precision = {"rational", {"rational"}, "exact in Q(sqrt 3); nothing to escalate"};
  c.erratum = true;
  c.run = [](const RunContext& ctx) { return check_h_prime(printed_h_prime(), true, ctx); };
  return c;
}

}  // namespace ov::claims::ex217
