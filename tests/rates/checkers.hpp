// The checkers of the rate tests, written against the function under test so that the mutant
// tests (mutant_test.cpp) can run the very same checker on a broken function and expect it to
// report failure.
#pragma once

#include <cmath>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "analysis/rates/rates.hpp"
#include "tests/rates/synthetic.hpp"

namespace ov::rates::test_support {

using OrderFitter = std::function<RateFit<double>(const ErrorSequence<double>&, const Window&)>;
using Detector = std::function<WindowDetection(const ErrorSequence<double>&)>;
using PointwiseChecker =
    std::function<PointwiseBoundCheck<double>(const ErrorSequence<double>&, const std::vector<double>&)>;

inline OrderFitter real_order_fitter(double level = 0.95) {
  return [level](const ErrorSequence<double>& s, const Window& w) { return fit_order(s, w, level); };
}
inline Detector real_detector(RateKind kind = RateKind::order) {
  return [kind](const ErrorSequence<double>& s) {
    WindowOptions<double> o;
    o.kind = kind;
    return detect_window(s, o);
  };
}

// Exact k^-p for p in {0.25, 1, 2.5}: the fitter must recover p to 1e-10 (rounding in double
// is ~1e-14 here, fit_test.cpp derives it; 1e-10 only separates right from wrong).
inline std::string exact_order_failures(const OrderFitter& fit) {
  std::string out;
  for (double p : {0.25, 1.0, 2.5}) {
    Shape s;
    s.k_transient = 1;
    s.k_floor = s.k_end = 500;
    const auto seq = noisy_order(p, s);
    const auto f = fit(seq, Window{1, 500});
    if (!f.ok || !(std::abs(f.estimate - p) <= 1e-10)) {
      out += "p = " + std::to_string(p) + ": estimate " + std::to_string(f.estimate) + "; ";
    }
  }
  return out;
}

// The order-p shape used by the window and coverage batches (the transient ends at 20, the
// floor starts after 2000).
inline Shape batch_shape(std::uint64_t seed, double sigma) {
  Shape s;
  s.k_transient = 20;
  s.k_floor = 2000;
  s.k_end = 5000;
  s.sigma = sigma;
  s.seed = seed;
  return s;
}
inline double batch_order(std::uint64_t seed) { return 0.25 + 2.75 * ((seed * 2654435761u) % 1000) / 999.0; }
inline double batch_sigma(std::uint64_t seed) { return 0.005 + 0.045 * ((seed * 40503u) % 1000) / 999.0; }

// Every detected window must lie inside the law part [k_transient, k_floor] of its sequence.
inline std::string window_failures(const Detector& detect, int count, std::uint64_t seed0) {
  std::string out;
  for (int i = 0; i < count; ++i) {
    const std::uint64_t seed = seed0 + i;
    const Shape s = batch_shape(seed, batch_sigma(seed));
    const auto d = detect(noisy_order(batch_order(seed), s));
    if (!d.found || d.window.k0 < s.k_transient || d.window.k1 > s.k_floor) {
      out += "seed " + std::to_string(seed) + ": window [" + std::to_string(d.window.k0) + ", " +
             std::to_string(d.window.k1) + "] (law on [" + std::to_string(s.k_transient) + ", " +
             std::to_string(s.k_floor) + "]); ";
    }
  }
  return out;
}

// How many of `count` seeded sequences have a confidence interval (from `fit` over the window
// chosen by `detect`) that contains the true order.
struct Coverage {
  int covered = 0, total = 0;
};
inline Coverage order_coverage(const OrderFitter& fit, const Detector& detect, int count, std::uint64_t seed0) {
  Coverage c;
  for (int i = 0; i < count; ++i) {
    const std::uint64_t seed = seed0 + i;
    const double p = batch_order(seed);
    const auto seq = noisy_order(p, batch_shape(seed, batch_sigma(seed)));
    const auto d = detect(seq);
    ++c.total;
    if (!d.found) continue;
    const auto f = fit(seq, d.window);
    if (f.ok && f.lo <= p && p <= f.hi) ++c.covered;
  }
  return c;
}

// The pointwise checker on err_k = 2^-k against bound_k = 3 * 2^-k (holds everywhere) and on
// the same sequence with err_37 multiplied by 4 (violated at k = 37 only).
inline std::string pointwise_failures(const PointwiseChecker& check) {
  std::vector<std::int64_t> k;
  std::vector<double> e, b;
  for (int i = 0; i < 60; ++i) {
    k.push_back(i);
    e.push_back(std::ldexp(1.0, -i));
    b.push_back(std::ldexp(3.0, -i));
  }
  std::string out;
  const auto good = make_sequence(k, e);
  const auto r = check(good, b);
  if (r.verdict != Tribool::yes) out += "a respected bound is not reported as holding; ";
  e[37] *= 4;
  const auto bad = make_sequence(k, e);
  const auto v = check(bad, b);
  if (v.verdict != Tribool::no) out += "the violation is not reported; ";
  if (!v.first_violation || *v.first_violation != 37) out += "the first violation is not k = 37; ";
  if (v.violations != 1) out += std::to_string(v.violations) + " violations reported instead of 1; ";
  return out;
}

}  // namespace ov::rates::test_support
