#include "proofs-checks/claims/castera_spectra/theorem_3_12.hpp"

#include <fmt/core.h>

#include <array>
#include <optional>
#include <vector>

#include "analysis/numeric/elementary.hpp"
#include "analysis/numeric/rounding.hpp"
#include "analysis/numeric/string_io.hpp"
#include "proofs-checks/claims/castera_spectra/ch3_common.hpp"

namespace ov::claims::castera_ch3 {

namespace {

interval hull_of(const rational& lo, const rational& hi) {
  return interval(lower(round_to<interval>(lo)), upper(round_to<interval>(hi)));
}
interval imin(const interval& x, const interval& y) {
  return interval(lower(x) < lower(y) ? lower(x) : lower(y), upper(x) < upper(y) ? upper(x) : upper(y));
}
interval isqrt(const interval& x) { return ov::num::sqrt(x); }

// Positive root of det(gamma, -L) = 1 - gamma (alpha - beta L) - gamma^2 L (concave in gamma, 1 at 0).
interval root_minus_L(const interval& a, const interval& b, const interval& L) {
  const interval u = b * L - a;
  const interval r = isqrt(interval(u * u + interval(4) * L));
  if (lower(u) >= 0) return interval((u + r) / (interval(2) * L));
  return interval(interval(2) / (r - u));
}

struct Piece {
  std::array<rational, 6> e;  // a0 a1 b0 b1 L0 L1
  int depth;
};

}  // namespace

IntervalBound thesis_bound_3_20() {
  IntervalBound ib;
  ib.name = "(3.20) with fallback beta";
  ib.min_of_root_and_beta = true;
  ib.value = [](const interval& a, const interval& b, const interval& L) {
    const interval s = a + b * L;
    const interval rad = s * s - interval(4) * L;
    if (upper(rad) < 0) return b;
    if (lower(rad) >= 0) return imin(interval(interval(2) / (s + isqrt(rad))), b);
    const auto top = upper(rad);
    const interval m = imin(interval(interval(2) / (s + isqrt(interval(top - top, top)))), b);
    return interval(lower(m), upper(b));
  };
  return ib;
}

Finding check_theorem_3_12(const IntervalBound& bound, const RunContext& ctx) {
  (void)ctx.seed;  // deterministic subdivision
  Finding out;
  out.precision = "interval";
  struct Box {
    std::string name;
    std::array<rational, 6> e;
  };
  const rational Lmin = rational(1) / 10, Lmax = ctx.quick ? rational(8) : rational(1000);
  const std::vector<Box> boxes{
      {"alpha beta <= 1/2: alpha in [1/100, 1/2], beta in [1/100, 1]",
       {rational(1) / 100, rational(1) / 2, rational(1) / 100, rational(1), Lmin, Lmax}},
      {"alpha beta >= 2: alpha in [2, 10], beta in [1, 5]",
       {rational(2), rational(10), rational(1), rational(5), Lmin, Lmax}}};
  const long budget = ctx.quick ? 30000 : 100000;
  const int max_depth = 40;
  std::optional<nlohmann::json> cx;
  long pieces = 0, undecided = 0;
  int deepest = 0;
  nlohmann::json per_box = nlohmann::json::array();
  for (const auto& box : boxes) {
    if (cx) break;
    std::vector<Piece> stack{{box.e, 0}};
    long box_pieces = 0, box_undecided = 0;
    while (!stack.empty() && !cx) {
      const Piece p = stack.back();
      stack.pop_back();
      ++pieces;
      ++box_pieces;
      deepest = std::max(deepest, p.depth);
      const interval a = hull_of(p.e[0], p.e[1]), b = hull_of(p.e[2], p.e[3]), L = hull_of(p.e[4], p.e[5]);
      const interval bI = bound.value(a, b, L);
      const interval rm = root_minus_L(a, b, L);
      auto counter = [&](const char* end, const interval& root) {
        cx = nlohmann::json{{"end", end},
                            {"alpha", {ov::to_string(p.e[0]), ov::to_string(p.e[1])}},
                            {"beta", {ov::to_string(p.e[2]), ov::to_string(p.e[3])}},
                            {"L", {ov::to_string(p.e[4]), ov::to_string(p.e[5])}},
                            {"bound_enclosure", ov::to_string(bI)},
                            {"root_enclosure", ov::to_string(root)},
                            {"meaning", "for every (alpha, beta, L) in the piece a root gamma of det M(lambda = end) lies "
                                        "below the bound: det Jac = 0 at an admissible gamma"}};
      };
      bool minus_ok = false, plus_ok = false;
      if (lower(rm) > upper(bI)) {
        minus_ok = true;
      } else if (upper(rm) < lower(bI)) {
        counter("-L", rm);
        break;
      }
      if (bound.min_of_root_and_beta) {
        plus_ok = true;
      } else {
        const interval s = a + b * L;
        const interval rad = s * s - interval(4) * L;
        if (upper(rad) < 0) {
          plus_ok = true;
        } else if (lower(rad) >= 0) {
          const interval r1 = interval(2) / (s + isqrt(rad));
          if (upper(bI) <= lower(r1)) {
            plus_ok = true;
          } else if (lower(bI) > upper(r1)) {
            counter("+L", r1);
            break;
          }
        }
      }
      if (minus_ok && plus_ok) continue;
      if (p.depth >= max_depth || box_pieces + static_cast<long>(stack.size()) >= budget) {
        ++undecided;
        ++box_undecided;
        continue;
      }
      // Bisect the side with the largest relative width.
      int best = 0;
      rational best_w(-1);
      for (int d = 0; d < 3; ++d) {
        const rational w = (p.e[2 * d + 1] - p.e[2 * d]) / p.e[2 * d + 1];
        if (w > best_w) {
          best_w = w;
          best = d;
        }
      }
      const rational mid = (p.e[2 * best] + p.e[2 * best + 1]) / 2;
      Piece lo = p, hi = p;
      lo.e[2 * best + 1] = mid;
      hi.e[2 * best] = mid;
      lo.depth = hi.depth = p.depth + 1;
      stack.push_back(lo);
      stack.push_back(hi);
    }
    per_box.push_back({{"box", box.name}, {"L", {ov::to_string(Lmin), ov::to_string(Lmax)}}, {"pieces", box_pieces},
                       {"undecided", box_undecided}});
  }
  out.parameters = {{"bound", bound.name}, {"boxes", per_box}, {"piece_budget_per_box", budget}, {"max_depth", max_depth}};
  out.evidence.figures = {{"pieces", pieces}, {"undecided_pieces", undecided}, {"deepest", deepest}};
  if (cx) {
    out.verdict = Verdict::refuted;
    out.evidence.counterexample = *cx;
    out.evidence.summary = fmt::format("certified counterexample at lambda = {}: a zero of det M_p below the bound {}",
                                       (*cx)["end"].get<std::string>(), bound.name);
  } else if (undecided > 0) {
    out.verdict = Verdict::inconclusive;
    out.evidence.summary = fmt::format("{} of {} pieces undecided at the budget", undecided, pieces);
  } else {
    out.verdict = Verdict::holds_certified;
    out.evidence.summary = fmt::format(
        "proved on both boxes ({} interval pieces, depth <= {}): det M is affine in lambda, so det != 0 on [-L, L] iff "
        "det(gamma, -L) and det(gamma, L) are > 0; det(., -L) is concave with det(0) = 1 and its positive root encloses "
        "above the bound's enclosure on every piece (MPFI, outward rounding); det(., L) > 0 below the bound because the "
        "bound is min(gamma_-(L), beta) with gamma_-(L) its smaller root (3.40), or beta where it has no real root",
        pieces, deepest);
  }
  return out;
}

Claim theorem_3_12_claim() {
  Claim c;
  c.id = "castera.ch3.theorem-3-12-local-diffeomorphism";
  c.title = "Theorem 3.12: below the step bound (3.20) det Jac_G != 0 for all Hessian eigenvalues in [-L, L] (certified on "
            "two parameter boxes)";
  c.source = {kThesis, "3.4.3, 3.7", "Theorem 3.12, (3.20), (3.39)", "L1876-L1880, L2046-L2075"};
  c.hypotheses = "Assumption 3.2 (Hessian eigenvalues in [-L, L]); (alpha, beta, L) in [1/100, 1/2] x [1/100, 1] x [1/10, 1000] "
                 "(alpha beta <= 1/2; contains the default (1/2, 1/10)) or [2, 10] x [1, 5] x [1/10, 1000] (alpha beta >= 2) "
                 "(quick: L <= 8); 0 < gamma < min((3.20)'s "
                 "first term, beta), the first term replaced by +inf where its radicand is negative (guide §4.6 item 2)";
  c.statement = "det M_p = 1 - gamma(alpha + beta lambda) + gamma^2 lambda != 0 for every lambda in [-L, L], hence det Jac_G "
                "!= 0 everywhere and G is a local diffeomorphism";
  c.check = "interval subdivision (MPFI, 50 digits, outward rounding) of each box, bisecting the relatively widest side "
            "(depth <= 40, 100000 pieces per box; quick 30000); per piece the positive root of det(., -L) must enclose above "
            "the bound's enclosure; the +L end by the quadratic formula (see summary). The theorem for all parameters is "
            "not claimed: the two boxes avoid alpha beta = 1, where r(-L) = beta and the margin vanishes";
  c.precision = {"interval", {"interval"}, "interval enclosures decide; nothing is decided in floating point"};
  c.run = [](const RunContext& ctx) { return check_theorem_3_12(thesis_bound_3_20(), ctx); };
  return c;
}

}  // namespace ov::claims::castera_ch3
