#include "proofs-checks/claims/backtracking_counterexamples/lemma32_dist.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "analysis/numeric/rounding.hpp"
#include "analysis/numeric/string_io.hpp"
#include "optim/core/random.hpp"
#include "proofs-checks/claims/backtracking_counterexamples/common.hpp"

namespace ov::claims::lemma32 {

using bt_cex::make_series;
using bt_cex::str;

namespace {

using V = std::vector<double>;

// dist in T by the stable formula, from the exact double inputs (in double, y - x is exact for nearby points
// by Sterbenz's lemma, so the minors keep their relative accuracy).
template <class T>
T dist_stable(const V& x, const V& y) {
  using std::abs;
  using std::atan2;
  using std::sqrt;
  T dot(1), cross2(0);
  for (std::size_t i = 0; i < x.size(); ++i) {
    dot += T(x[i]) * T(y[i]);
    const T d = T(y[i]) - T(x[i]);
    cross2 += d * d;
    for (std::size_t j = i + 1; j < x.size(); ++j) {
      // x_i y_j - x_j y_i = x_i (y_j - x_j) - x_j (y_i - x_i): no cancellation of two large products
      const T w = T(x[i]) * (T(y[j]) - T(x[j])) - T(x[j]) * d;
      cross2 += w * w;
    }
  }
  return atan2(sqrt(cross2), abs(dot));
}

double dist_naive_double(const V& x, const V& y) {
  double dot = 1, nx = 1, ny = 1;
  for (std::size_t i = 0; i < x.size(); ++i) {
    dot += x[i] * y[i];
    nx += x[i] * x[i];
    ny += y[i] * y[i];
  }
  const double c = std::min(1.0, std::abs(dot) / (std::sqrt(nx) * std::sqrt(ny)));
  return std::acos(c);
}

template <class T>
T euclid(const V& x, const V& y) {
  using std::sqrt;
  T s(0);
  for (std::size_t i = 0; i < x.size(); ++i) {
    const T d = T(x[i]) - T(y[i]);
    s += d * d;
  }
  return sqrt(s);
}

}  // namespace

Finding check_lemma32(const rational& C, const RunContext& ctx) {
  Finding out;
  out.precision = "mp100";
  optim::SplitMix64 rng(ctx.seed);
  const int random_pairs = ctx.quick ? 600 : 20000;
  const mp100 Cm = round_to<mp100>(C);
  const double Cd = bt_cex::to_double(C);
  const mp100 rel_margin = mp100(1) / mp100("1e90");
  std::vector<std::pair<V, V>> pairs;
  for (int k = 1; k <= 8; ++k) pairs.push_back({V{0.0}, V{std::pow(10.0, -k)}});
  for (int p = 0; p < random_pairs; ++p) {
    const int m = 1 + static_cast<int>(rng.below(3));
    const double scale = std::pow(10.0, 6 * rng.uniform() - 3);
    const double h = std::pow(10.0, 12.3 * rng.uniform() - 12);
    V x(m), d(m), y(m);
    double nd = 0;
    for (int i = 0; i < m; ++i) {
      x[i] = scale * (2 * rng.uniform() - 1);
      d[i] = 2 * rng.uniform() - 1;
      nd += d[i] * d[i];
    }
    nd = std::sqrt(nd);
    if (nd == 0) continue;
    for (int i = 0; i < m; ++i) y[i] = x[i] + h * d[i] / nd;
    pairs.push_back({x, y});
  }
  int violations = 0, undecided = 0, naive_zero = 0, naive_false_refutations = 0, naive_bad = 0;
  mp100 min_gap = 10;  // min over pairs of (C ||x - y|| - dist)/||x - y||, in mp100
  double max_ratio = 0, max_naive_ratio = 0, max_naive_relerr = 0, max_stable_relerr = 0;
  nlohmann::json counterexample = nullptr, worst_naive = nullptr, argmax = nullptr;
  std::vector<double> px, naive_err, stable_err;
  for (std::size_t k = 0; k < pairs.size(); ++k) {
    const auto& [x, y] = pairs[k];
    const mp100 dist = dist_stable<mp100>(x, y);
    const mp100 e = euclid<mp100>(x, y);
    if (e == 0) continue;
    const mp100 slack = Cm * e - dist;
    const mp100 margin = rel_margin * (Cm * e + dist);
    if (slack / e < min_gap) min_gap = slack / e;
    const double ratio = static_cast<double>(dist / e);
    if (ratio > max_ratio) {
      max_ratio = ratio;
      argmax = {{"x", x}, {"y", y}, {"ratio", ratio}};
    }
    if (slack < -margin) {
      ++violations;
      if (counterexample.is_null())
        counterexample = {{"x", x}, {"y", y}, {"C", str(C)}, {"dist_mp100", ov::to_string(dist)},
                          {"norm_mp100", ov::to_string(e)}, {"ratio", ratio}, {"seed", ctx.seed}};
    } else if (!(slack > margin)) {
      ++undecided;
    }
    // double: the naive arccos of (11) and the stable formula, against mp100.
    const double dn = dist_naive_double(x, y), ds = dist_stable<double>(x, y);
    const double dm = static_cast<double>(dist), ed = static_cast<double>(e);
    const double en = dm > 0 ? std::abs(dn - dm) / dm : 0, es = dm > 0 ? std::abs(ds - dm) / dm : 0;
    max_naive_relerr = std::max(max_naive_relerr, en);
    max_stable_relerr = std::max(max_stable_relerr, es);
    if (dn == 0 && dm > 0) ++naive_zero;
    if (en > 0.5) ++naive_bad;
    const double nr = dn / ed;
    if (nr > Cd) ++naive_false_refutations;
    if (nr > max_naive_ratio) {
      max_naive_ratio = nr;
      worst_naive = {{"x", x}, {"y", y}, {"naive_double_ratio", nr}, {"mp100_ratio", ratio}, {"norm", ed}};
    }
    if (px.size() < 400 && k >= 8) {
      px.push_back(ed);
      naive_err.push_back(en);
      stable_err.push_back(es);
    }
  }
  out.parameters = {{"C", str(C)}, {"pairs", pairs.size()}, {"relative_margin", "1e-90"}};
  out.evidence.figures = {{"pairs", pairs.size()},
                          {"violations", violations},
                          {"undecided", undecided},
                          {"max_ratio_mp100", max_ratio},
                          {"min_relative_slack_mp100", ov::to_string(mp100(min_gap))},
                          {"argmax", argmax},
                          {"naive_double_zero_dist", naive_zero},
                          {"naive_double_relerr_over_half", naive_bad},
                          {"naive_double_false_refutations", naive_false_refutations},
                          {"max_naive_double_ratio", max_naive_ratio},
                          {"worst_naive_double_pair", worst_naive},
                          {"max_naive_double_relerr", max_naive_relerr},
                          {"max_stable_double_relerr", max_stable_relerr}};
  const std::string plot = "Lemma 3.2: relative error of dist in double against mp100";
  out.evidence.series.push_back(make_series("naive double arccos (11)", plot, "convergence", "measured", px, naive_err,
                                            "||x - y||", "|dist_double - dist_mp100| / dist_mp100", true, true));
  out.evidence.series.push_back(make_series("double atan2(|u x v|, |<u,v>|)", plot, "convergence", "measured", px,
                                            stable_err, "||x - y||", "relative error", true, true));
  const std::string tail = fmt::format(
      "; naive double arccos: dist = 0 at {} pairs, relative error > 1/2 at {}, ratio > C at {} (false refutations), max ratio {:.4g} (mp100 at that pair: "
      "{:.4g}); stable double formula max relative error {:.2g}",
      naive_zero, naive_bad, naive_false_refutations, max_naive_ratio, worst_naive.is_null() ? 0.0 : worst_naive["mp100_ratio"].get<double>(),
      max_stable_relerr);
  if (violations > 0) {
    out.verdict = Verdict::refuted;
    out.evidence.counterexample = counterexample;
    out.evidence.summary = fmt::format("dist(x, y) > {} ||x - y|| at {} of {} pairs (mp100); first ratio {:.10g}",
                                       str(C), violations, pairs.size(), counterexample["ratio"].get<double>()) + tail;
  } else if (undecided > 0) {
    out.verdict = Verdict::inconclusive;
    out.evidence.summary = fmt::format("{} pairs undecided at mp100", undecided) + tail;
  } else {
    out.verdict = Verdict::holds;
    out.evidence.summary = fmt::format("dist(x, y) <= {} ||x - y|| at all {} pairs (mp100, stable formula); "
                                       "sup ratio observed {:.10g}, min (C ||x-y|| - dist)/||x-y|| = {:.3g} (C = 1 is sharp: "
                                       "atan(t)/t -> 1)",
                                       str(C), pairs.size(), max_ratio, static_cast<double>(min_gap)) + tail;
  }
  out.evidence.figures = flatten_figures(out.evidence.figures);
  return out;
}

Claim lemma32_claim() {
  Claim c;
  c.id = "backtracking.lemma-3-2-dist-lipschitz";
  c.title = "Lemma 3.2: the projective metric (11) satisfies dist(x, y) <= C ||x - y||, with C = 1";
  c.source = {"000_47ba9189a2c8a171.txt", "3, Lemma 3.2", "(11)", "L386-L438"};
  c.hypotheses = "x, y in R^m (here m = 1..3), dist as in (11)";
  c.statement = "there is C > 0 with dist(x, y) <= C ||x - y|| for all x, y; C = 1 works (guide C29 [DERIVED]: the "
                "map x -> (1, x)/|(1, x)| is 1-Lipschitz into the sphere)";
  c.check = "seeded pairs over 6 decades of |x| and 12 of ||x - y||, plus (0, 10^-k e1); dist in mp100 by "
            "atan2(|u x v|, |<u, v>|) with Lagrange's identity (no cancellation); C ||x - y|| - dist decided "
            "against a margin 1e-90; the naive double arccos is compared with mp100 (evidence)";
  c.precision = {"mp100", {"double", "mp100"},
                 "double arccos of (11) loses all digits for ||x - y|| < ~1e-8 (1 - cos ~ ||x-y||^2/2 < eps): "
                 "every decision is made in mp100 with the cancellation-free formula; double is shown as evidence"};
  c.run = [](const RunContext& ctx) { return check_lemma32(rational(1), ctx); };
  return c;
}

}  // namespace ov::claims::lemma32
