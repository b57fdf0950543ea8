// Deterministic, platform-independent data for generated problems (random
// quadratics, least squares, logistic regression, finite sums). Values are dyadic
// rationals k / 2^bits, so every scalar type -- rational included -- sees exactly
// the same data, and a problem instance is reproducible from its seed alone.
#pragma once

#include <cstdint>
#include <string>

#include "analysis/numeric/scalars.hpp"

namespace ov::problems {

// SplitMix64 (Steele, Lea & Flood 2014): a tiny generator with a fixed,
// documented output sequence for every seed.
class SeededStream {
 public:
  explicit SeededStream(std::uint64_t seed) : state_(seed) {}

  std::uint64_t next_u64() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }

  // Uniform on the grid {lo + (hi - lo) k / 2^bits : 0 <= k < 2^bits}, exactly.
  // lo and hi are integers so that the result is an exact dyadic rational.
  rational uniform(long lo, long hi, int bits = 20) {
    const std::uint64_t k = next_u64() >> (64 - bits);
    rational t = rational(bmp::mpz_int(k)) / rational(bmp::mpz_int(1) << bits);
    return rational(lo) + rational(hi - lo) * t;
  }

  // An approximately standard normal value (sum of 12 uniforms minus 6, Irwin-Hall),
  // still an exact dyadic rational.
  rational approx_normal(int bits = 20) {
    rational s(0);
    for (int i = 0; i < 12; ++i) s += uniform(0, 1, bits);
    return s - rational(6);
  }

 private:
  std::uint64_t state_;
};

// Exact conversion of generated data to any scalar (rational -> T correctly
// rounded; dyadic values with <= 53 significant bits are exact in double).
template <class T>
T from_rational(const rational& q) {
  if constexpr (std::is_same_v<T, rational>) {
    return q;
  } else if constexpr (std::is_same_v<T, float> || std::is_same_v<T, double>) {
    return static_cast<T>(mp100(q));
  } else if constexpr (std::is_same_v<T, float128>) {
    return static_cast<float128>(mp100(q));
  } else {
    return T(q);
  }
}

}  // namespace ov::problems
