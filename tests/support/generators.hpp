// RapidCheck generators for the numeric world. All randomness in properties goes
// through RapidCheck so failures shrink and replay (RC_PARAMS="reproduce=...").
// gen::inRange is integer-only and arbitrary<double> never yields tiny, huge or
// non-finite values (anchors-verified-numerics.md §3.2), hence these.
#pragma once

#include <rapidcheck.h>

#include <cmath>
#include <cstdint>
#include <vector>

#include "analysis/numeric/linear_algebra.hpp"

namespace ov::gen {

// Uniform on the 2^53-point grid of [lo, hi); shrinks towards lo.
inline rc::Gen<double> real_in(double lo, double hi) {
  return rc::gen::map(rc::gen::inRange<std::int64_t>(0, std::int64_t(1) << 53), [=](std::int64_t k) {
    return lo + (hi - lo) * std::ldexp(static_cast<double>(k), -53);
  });
}

// A point of the box [lo_i, hi_i] (double coordinates, exactly representable in
// every wider scalar).
inline rc::Gen<std::vector<double>> point_in_box(const std::vector<double>& lo, const std::vector<double>& hi) {
  return rc::gen::exec([lo, hi] {
    std::vector<double> x(lo.size());
    for (std::size_t i = 0; i < lo.size(); ++i) x[i] = *real_in(lo[i], hi[i]);
    return x;
  });
}

template <class T>
Vec<T> to_vec(const std::vector<double>& x) {
  Vec<T> v(static_cast<Eigen::Index>(x.size()));
  for (std::size_t i = 0; i < x.size(); ++i) v[static_cast<Eigen::Index>(i)] = T(x[i]);
  return v;
}

}  // namespace ov::gen
