#include "proofs-checks/claims/backtracking_counterexamples/ex217_erratum_root.hpp"

#include <fmt/core.h>

namespace ov::claims::ex217 {

using bt_cex::str;

Finding check_positive_root_count(const rational& a, const rational& b, const rational& c, int claimed,
                                  const RunContext& /*ctx*/) {
  Finding out;
  out.precision = "rational";
  if (a == 0) throw std::invalid_argument("check_positive_root_count: a = 0 (not a quadratic)");
  const rational disc = b * b - 4 * a * c;
  int count = 0;
  std::string why;
  if (disc < 0) {
    why = "discriminant < 0: no real root";
  } else if (disc == 0) {
    count = (-b / (2 * a)) > 0 ? 1 : 0;
    why = "double root -b/(2a) = " + str(-b / (2 * a));
  } else {
    const rational prod = c / a, sum = -b / a;
    if (prod < 0) {
      count = 1, why = "roots of opposite signs (c/a < 0)";
    } else if (prod == 0) {
      count = sum > 0 ? 1 : 0, why = "one root is 0 (c = 0)";
    } else {
      count = sum > 0 ? 2 : 0, why = sum > 0 ? "c/a > 0 and -b/a > 0: both roots positive" : "both roots negative";
    }
  }
  // Certificate for two positive roots: sign changes on 0 < t1 < t2 < t3 (vertex t2 = -b/(2a)).
  nlohmann::json brackets = nlohmann::json::array();
  if (count == 2) {
    const rational t2 = -b / (2 * a);
    auto p = [&](const rational& t) { return a * t * t + b * t + c; };
    rational t3 = 2 * t2;
    while (p(t3) * p(t2) >= 0) t3 *= 2;
    brackets = {{{"t", "0"}, {"p", str(p(rational(0)))}}, {{"t", str(t2)}, {"p", str(p(t2))}},
                {{"t", str(t3)}, {"p", str(p(t3))}}};
  }
  const std::string poly = str(a) + " t^2 + " + str(b) + " t + " + str(c);
  out.parameters = {{"polynomial", poly}, {"claimed_positive_roots", claimed}};
  out.evidence.figures = {{"discriminant", str(disc)}, {"positive_roots", count}, {"claimed", claimed}};
  if (count != claimed) {
    out.verdict = Verdict::refuted;
    out.evidence.counterexample = {{"polynomial", poly}, {"positive_roots", count}, {"claimed", claimed},
                                   {"reason", why}, {"ivt_brackets", brackets}};
    out.evidence.summary = fmt::format("{} has {} positive roots, not {} (exact: {}); e.g. 6t^2 - 6t + 1: p(0) = 1, "
                                       "p(1/2) = -1/2, p(1) = 1, roots (3 -+ sqrt 3)/6",
                                       poly, count, claimed, why);
  } else {
    out.verdict = Verdict::holds_certified;
    out.evidence.summary = fmt::format("{} has exactly {} positive root(s) (exact: {})", poly, count, why);
  }
  out.evidence.figures = flatten_figures(out.evidence.figures);
  return out;
}

Claim ex217_one_positive_root_claim() {
  Claim c;
  c.id = "backtracking.ex-2-17-erratum-one-positive-root";
  c.title = "Example 2.17 (erratum): p(t) = 6t^2 - 6t + 1 has two positive roots, not one";
  c.source = {"000_47ba9189a2c8a171.txt", "2.6, Example 2.17", "p(t) = 6t^2 - 6t + 1", "L310"};
  c.hypotheses = "p(t) = 6t^2 - 6t + 1";
  c.statement = "p has one positive solution (as printed: 'we can see that this equation has one positive solution "
                "by observing that p(1/2) = -1/2 < 0 and p(+infinity) = +infinity')";
  c.check = "exact rational count of the positive roots (discriminant 12 > 0, c/a = 1/6 > 0, -b/a = 1 > 0: two), "
            "certified by the sign changes p(0) = 1, p(1/2) = -1/2, p(1) = 1 (intermediate value theorem)";
  c.precision = {"rational", {"rational"}, "exact; nothing to escalate"};
  c.erratum = true;
  c.run = [](const RunContext& ctx) { return check_positive_root_count(6, -6, 1, 1, ctx); };
  return c;
}

}  // namespace ov::claims::ex217
