#include "proofs-checks/claims/castera_spectra/det_roots_lemmas.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <optional>

#include "analysis/numeric/elementary.hpp"
#include "analysis/numeric/scalars.hpp"
#include "analysis/numeric/string_io.hpp"
#include "optim/core/random.hpp"
#include "proofs-checks/claims/castera_spectra/ch3_common.hpp"

namespace ov::claims::castera_ch3 {

namespace {

// gamma_-(x) as printed (3.40) / Lemma 3.13; x != 0 with (alpha + beta x)^2 - 4x >= 0.
mp50 gamma_minus(const mp50& a, const mp50& b, const mp50& x) {
  const mp50 s = a + b * x;
  return b / 2 + a / (2 * x) - ov::num::sqrt(mp50(s * s - 4 * x)) / (2 * x);
}
mp50 gamma_plus(const mp50& a, const mp50& b, const mp50& x) {
  const mp50 s = a + b * x;
  return b / 2 + a / (2 * x) + ov::num::sqrt(mp50(s * s - 4 * x)) / (2 * x);
}
mp50 det_m(const mp50& a, const mp50& b, const mp50& g, const mp50& l) { return 1 - g * (a + b * l) + g * g * l; }

}  // namespace

std::vector<MonotonicityStatement> thesis_lemmas_3_13_3_15() {
  return {{"3.13 (alpha beta > 1, x > 0): decreasing", true, 0, -1},
          {"3.13 (alpha beta > 1, x < 0): decreasing", true, 1, -1},
          {"3.14 (alpha beta <= 1, x < 0): increasing", false, 1, +1},
          {"3.15 (alpha beta <= 1, 0 < x < x-): increasing", false, 2, +1},
          {"3.15 (alpha beta <= 1, x > x+): decreasing", false, 3, -1}};
}

Finding check_det_roots_lemmas(const std::vector<MonotonicityStatement>& lemmas, const RunContext& ctx) {
  Finding out;
  out.precision = "mp50";
  const mp50 tiny = mp50(1) / ov::num::pow(mp50(10), 40L);
  optim::SplitMix64 rng(ctx.seed);
  const int pairs = ctx.quick ? 20 : 200, grid = ctx.quick ? 60 : 200;
  std::optional<nlohmann::json> cx;
  long comparisons = 0, undecided = 0, root_checks = 0, limit_checks = 0;
  nlohmann::json series_x = nlohmann::json::array();
  for (std::size_t li = 0; li < lemmas.size() && !cx; ++li) {
    const auto& lem = lemmas[li];
    for (int p = 0; p < pairs && !cx; ++p) {
      // (alpha, beta) with the lemma's sign of alpha beta - 1.
      mp50 a, b;
      do {
        a = mp50(static_cast<long>(rng.below(400)) + 1) / 100;
        b = mp50(static_cast<long>(rng.below(400)) + 1) / 100;
      } while ((a * b > 1) != lem.ab_greater_1 || a * b == 1);
      mp50 lo, hi;
      const mp50 s1 = lem.ab_greater_1 ? mp50(0) : ov::num::sqrt(mp50(1 - a * b));
      const mp50 xm = (2 - a * b - 2 * s1) / (b * b), xp = (2 - a * b + 2 * s1) / (b * b);
      switch (lem.domain) {
        case 0: lo = mp50(1) / 1000; hi = mp50(1000); break;
        case 1: lo = mp50(-1000); hi = -mp50(1) / 1000; break;
        case 2: lo = xm / 1000; hi = xm * 999 / 1000; break;
        default: lo = xp * 1001 / 1000; hi = xp * 1000; break;
      }
      // Geometric grid in |x| (the function varies on all scales).
      std::optional<mp50> prev;
      std::vector<double> xs, ys;
      for (int k = 0; k <= grid; ++k) {
        const mp50 t = mp50(k) / grid;
        const mp50 x = lem.domain == 1 ? mp50(-ov::num::exp(mp50(ov::num::log(mp50(-hi)) * (1 - t) + ov::num::log(mp50(-lo)) * t)))
                                        : mp50(ov::num::exp(mp50(ov::num::log(lo) * (1 - t) + ov::num::log(hi) * t)));
        const mp50 g = gamma_minus(a, b, x);
        if (p == 0) {
          xs.push_back(static_cast<double>(x));
          ys.push_back(static_cast<double>(g));
        }
        // (3.40): gamma_+- are the roots of det M (3.39).
        if (k % 10 == 0) {
          ++root_checks;
          const mp50 scale = 1 + ov::num::abs(mp50(g * (a + b * x))) + ov::num::abs(mp50(g * g * x));
          if (ov::num::abs(det_m(a, b, g, x)) > tiny * scale ||
              ov::num::abs(det_m(a, b, gamma_plus(a, b, x), x)) > tiny * 1000000 * (1 + ov::num::abs(mp50(gamma_plus(a, b, x) * gamma_plus(a, b, x) * x))))
            cx = nlohmann::json{{"part", "(3.40) roots of det (3.39)"}, {"alpha", ov::to_string(a)},
                                {"beta", ov::to_string(b)}, {"x", ov::to_string(x)}};
        }
        if (prev) {
          const mp50 diff = (g - *prev) * (lem.domain == 1 ? -1 : 1);  // x runs from lo to hi in both cases
          ++comparisons;
          if (ov::num::abs(diff) <= tiny * (1 + ov::num::abs(g))) {
            ++undecided;
          } else if ((diff > 0 ? 1 : -1) != lem.direction && !cx) {
            cx = nlohmann::json{{"part", "monotonicity"}, {"lemma", lem.lemma}, {"alpha", ov::to_string(a)},
                                {"beta", ov::to_string(b)}, {"x", ov::to_string(x)},
                                {"gamma_minus(x)", ov::to_string(g)}, {"gamma_minus(previous x)", ov::to_string(*prev)},
                                {"seed", ctx.seed}};
          }
        }
        prev = g;
      }
      if (lem.domain == 1) {  // the grid ran from -1000 towards 0: reverse to increasing x for the plot
        std::reverse(xs.begin(), xs.end());
        std::reverse(ys.begin(), ys.end());
      }
      if (p == 0)
        out.evidence.series.push_back(make_series(
            fmt::format("Lemma {} at (alpha, beta) = ({:.2f}, {:.2f})", lem.lemma, static_cast<double>(a), static_cast<double>(b)),
            "gamma_-(x) of (3.40) on the lemmas' domains (first sampled (alpha, beta))", "convergence", "measured", xs, ys,
            "x (Hessian eigenvalue)", "gamma_-(x)"));
      // Limits: gamma_- -> 1/alpha as x -> 0 (L2059) and -> beta as x -> -inf (L2066); at |x| = 1e-30, 1e30
      // (the distance is O(|x|) resp. O(1/|x|); the 1e28-fold cancellation at 1e-30 leaves ~22 digits of mp50).
      const mp50 small = mp50(1) / ov::num::pow(mp50(10), 30L);
      const mp50 lim_tol = (1 / a + b) / ov::num::pow(mp50(10), 12L);
      ++limit_checks;
      if (ov::num::abs(mp50(gamma_minus(a, b, mp50(-small)) - 1 / a)) > lim_tol ||
          ov::num::abs(mp50(gamma_minus(a, b, mp50(-1 / small)) - b)) > lim_tol)
        if (!cx)
          cx = nlohmann::json{{"part", "limits 1/alpha at 0, beta at -inf"}, {"alpha", ov::to_string(a)}, {"beta", ov::to_string(b)}};
    }
  }
  out.parameters = {{"pairs_per_lemma", pairs}, {"grid_points", grid}, {"alpha_beta_grid", "k/100, k in 1..400"}};
  out.evidence.figures = {{"comparisons", comparisons}, {"undecided_within_1e-40", undecided},
                          {"root_checks", root_checks}, {"limit_checks", limit_checks}};
  if (cx) {
    out.verdict = Verdict::refuted;
    out.evidence.counterexample = *cx;
    out.evidence.summary = "fails: " + (*cx)["part"].get<std::string>() +
                           (cx->contains("lemma") ? " (" + (*cx)["lemma"].get<std::string>() + ")" : "");
  } else {
    out.verdict = Verdict::holds;
    out.evidence.summary = fmt::format(
        "Lemmas 3.13-3.15: {} consecutive-grid comparisons of gamma_- in mp50 all in the stated direction ({} too close to "
        "decide); (3.40) roots of (3.39) at {} points; limits 1/alpha (x -> 0) and beta (x -> -inf) at {} (alpha, beta); "
        "sampled, not a proof",
        comparisons, undecided, root_checks, limit_checks);
  }
  return out;
}

Claim det_roots_lemmas_claim() {
  Claim c;
  c.id = "castera.ch3.det-roots-lemmas-3-13-3-15";
  c.title = "Roots (3.40) of det M_p and the monotonicity Lemmas 3.13-3.15 of gamma_-";
  c.source = {kThesis, "3.7", "(3.39), (3.40), Lemmas 3.13-3.15", "L2012-L2044, L2048-L2066"};
  c.hypotheses = "alpha > 0, beta > 0; x a Hessian eigenvalue where (alpha + beta x)^2 - 4x >= 0";
  c.statement = "gamma_+- = beta/2 + alpha/(2x) +- sqrt((alpha + beta x)^2 - 4x)/(2x) are the roots of det M = 1 - gamma(alpha "
                "+ beta x) + gamma^2 x; gamma_- is decreasing on x > 0 and on x < 0 when alpha beta > 1 (3.13), increasing on "
                "x < 0 (3.14) and on (0, x-), decreasing on (x+, inf) (3.15) when alpha beta <= 1; gamma_- -> 1/alpha as x "
                "-> 0 and -> beta as x -> -inf";
  c.check = "seeded (alpha, beta) on the grid k/100 (200 pairs per lemma; quick 20), geometric grids of 200 points (quick 60) "
            "over each domain ([1e-3, 1e3], [-1e3, -1e-3], [x-/1000, 0.999 x-], [1.001 x+, 1000 x+]); consecutive "
            "differences in mp50 must have the stated sign (|diff| <= 1e-40 counted undecided); det at gamma_+- below "
            "1e-40 times its scale; limits at |x| = 1e-30 and 1e30 within 1e-12 (1/alpha + beta)";
  c.precision = {"mp50", {"mp50"}, "the differences are far above the 1e-49 rounding of mp50 except where counted"};
  c.run = [](const RunContext& ctx) { return check_det_roots_lemmas(thesis_lemmas_3_13_3_15(), ctx); };
  return c;
}

}  // namespace ov::claims::castera_ch3
