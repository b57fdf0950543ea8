// The random draws of nets/data: one SplitMix64 stream per data set, with the
// transformations written out here (never std:: distributions, whose output
// differs between standard libraries), so a seed gives the same data everywhere.
//
//   uniform()   U[0,1) from the top 53 bits of one 64-bit draw: (w >> 11) * 2^-53
//   normal()    N(0,1) by the Box-Muller transform, two normals per two uniforms
//   sample_without_replacement(N, k)  k distinct indices of {0..N-1} by a partial
//               Fisher-Yates shuffle (the first k positions of a uniform permutation)
//
// Reproducibility: the uniform draws and the index samples are exact integer
// arithmetic; normals use std::log / std::cos / std::sin, which glibc computes
// to within 1 ulp, so a normal can differ in its last bit across C libraries.
#pragma once

#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

#include "nets/data/dataset.hpp"

#include "optim/core/random.hpp"

namespace ov::nets::data {

// Box-Muller: (sqrt(-2 ln u1) cos(2 pi u2), sqrt(-2 ln u1) sin(2 pi u2)) for
// u1 in (0, 1], u2 in [0, 1); two independent N(0,1) values when u1, u2 are
// independent uniforms. Throws std::invalid_argument for u1 outside (0, 1].
std::pair<double, double> box_muller(double u1, double u2);

// A seed derived from (seed, stream): a different, reproducible stream for each
// purpose (e.g. the noise of a data set and the choice of its training subset).
std::uint64_t derive_seed(std::uint64_t seed, std::uint64_t stream);

class DataStream {
 public:
  explicit DataStream(std::uint64_t seed) : rng_(seed) {}

  double uniform();                          // [0, 1), 53 random bits
  double uniform(double lo, double hi);      // lo + (hi - lo) * uniform()
  double normal();                           // N(0, 1), Box-Muller (u1 = 1 - uniform())
  std::uint64_t below(std::uint64_t n);      // uniform integer in [0, n), unbiased
  // k distinct indices out of {0, ..., n-1}, in the order drawn (partial
  // Fisher-Yates); throws std::invalid_argument unless k <= n.
  std::vector<std::size_t> sample_without_replacement(std::size_t n, std::size_t k);

 private:
  ov::optim::SplitMix64 rng_;
  double spare_ = 0.0;       // the second normal of the last Box-Muller pair
  bool has_spare_ = false;
};

// The rows `rows` of `source`'s inputs and targets, in that order (name, description and
// seed are left to the caller).
void copy_rows(const Dataset& source, const std::vector<std::size_t>& rows, Dataset& target);

}  // namespace ov::nets::data
