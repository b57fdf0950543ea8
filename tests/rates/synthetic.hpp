// Synthetic error sequences with known rates for the tests of analysis/rates.
//
// Noise: multiplicative, err_k = model_k * exp(sigma * z_k) with z_k standard normal from a
// counter-based generator (splitmix64 + Box-Muller) seeded by the caller. In properties the
// seed is drawn by RapidCheck, so a failing case replays from RC_PARAMS like any other.
#pragma once

#include <cmath>
#include <cstdint>
#include <vector>

#include "analysis/rates/error_sequence.hpp"

namespace ov::rates::test_support {

class NormalNoise {
 public:
  explicit NormalNoise(std::uint64_t seed) : state_(seed) {}
  double operator()() {
    if (has_spare_) {
      has_spare_ = false;
      return spare_;
    }
    const double u1 = uniform_open(), u2 = uniform_open();
    const double r = std::sqrt(-2 * std::log(u1)), t = 2 * M_PI * u2;
    spare_ = r * std::sin(t);
    has_spare_ = true;
    return r * std::cos(t);
  }

 private:
  std::uint64_t next() {  // splitmix64 (Steele, Lea, Flood 2014)
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  double uniform_open() { return (static_cast<double>(next() >> 11) + 0.5) / 9007199254740992.0; }  // (0, 1)
  std::uint64_t state_;
  double spare_ = 0;
  bool has_spare_ = false;
};

// Shape of a synthetic sequence: a transient for k < k_transient, the law on
// [k_transient, k_floor], a plateau at the law's value at k_floor after it, up to k_end.
struct Shape {
  std::int64_t k_first = 1, k_transient = 20, k_floor = 2000, k_end = 5000;
  double sigma = 0;            // multiplicative noise (log units)
  double transient_factor = 3;  // in the transient, the log-slope is transient_factor times the law's
  std::uint64_t seed = 1;
};

// err_k = k^-p (C = 1) on the law part.
inline ErrorSequence<double> noisy_order(double p, const Shape& s) {
  NormalNoise z(s.seed);
  std::vector<std::int64_t> k;
  std::vector<double> e;
  const double at_t = std::pow(static_cast<double>(s.k_transient), -p);
  const double at_f = std::pow(static_cast<double>(s.k_floor), -p);
  for (std::int64_t i = s.k_first; i <= s.k_end; ++i) {
    const double ki = static_cast<double>(i);
    double v;
    if (i < s.k_transient) v = at_t * std::pow(ki / s.k_transient, -s.transient_factor * p);
    else if (i <= s.k_floor) v = std::pow(ki, -p);
    else v = at_f;
    k.push_back(i);
    e.push_back(v * std::exp(s.sigma * z()));
  }
  return make_sequence(std::move(k), std::move(e), "synthetic order");
}

// err_k = q^k on the law part.
inline ErrorSequence<double> noisy_geometric(double q, const Shape& s) {
  NormalNoise z(s.seed);
  std::vector<std::int64_t> k;
  std::vector<double> e;
  const double lq = std::log(q);
  for (std::int64_t i = s.k_first; i <= s.k_end; ++i) {
    double lv;
    if (i < s.k_transient) lv = s.k_transient * lq + s.transient_factor * lq * static_cast<double>(i - s.k_transient);
    else if (i <= s.k_floor) lv = static_cast<double>(i) * lq;
    else lv = static_cast<double>(s.k_floor) * lq;
    k.push_back(i);
    e.push_back(std::exp(lv + s.sigma * z()));
  }
  return make_sequence(std::move(k), std::move(e), "synthetic geometric");
}

}  // namespace ov::rates::test_support
