#include "nets/data/sampling.hpp"

#include <cmath>
#include <stdexcept>
#include <string>

namespace ov::nets::data {

namespace {
constexpr double kTwoPi = 6.283185307179586476925286766559;
}

std::pair<double, double> box_muller(double u1, double u2) {
  if (!(u1 > 0.0 && u1 <= 1.0)) {
    throw std::invalid_argument("box_muller: u1 = " + std::to_string(u1) +
                                " is outside the valid range (0, 1]");
  }
  const double r = std::sqrt(-2.0 * std::log(u1));
  const double angle = kTwoPi * u2;
  return {r * std::cos(angle), r * std::sin(angle)};
}

std::uint64_t derive_seed(std::uint64_t seed, std::uint64_t stream) {
  // One SplitMix64 output of a state that mixes the seed with the stream number
  // (odd multiplier: distinct streams give distinct states for a given seed).
  ov::optim::SplitMix64 mix(seed ^ (stream * 0xd1b54a32d192ed03ULL));
  return mix.next();
}

double DataStream::uniform() { return rng_.uniform(); }

double DataStream::uniform(double lo, double hi) { return lo + (hi - lo) * rng_.uniform(); }

double DataStream::normal() {
  if (has_spare_) {
    has_spare_ = false;
    return spare_;
  }
  const double u1 = 1.0 - rng_.uniform();  // (0, 1]: log(u1) is finite
  const double u2 = rng_.uniform();
  const auto [z0, z1] = box_muller(u1, u2);
  spare_ = z1;
  has_spare_ = true;
  return z0;
}

std::uint64_t DataStream::below(std::uint64_t n) { return rng_.below(n); }

std::vector<std::size_t> DataStream::sample_without_replacement(std::size_t n, std::size_t k) {
  if (k > n) {
    throw std::invalid_argument("sample_without_replacement: k = " + std::to_string(k) +
                                " exceeds the population size n = " + std::to_string(n) +
                                " (valid: 0 <= k <= n)");
  }
  std::vector<std::size_t> index(n);
  for (std::size_t i = 0; i < n; ++i) index[i] = i;
  for (std::size_t i = 0; i < k; ++i) {
    const std::size_t j = i + static_cast<std::size_t>(rng_.below(n - i));
    std::swap(index[i], index[j]);
  }
  index.resize(k);
  return index;
}

void copy_rows(const Dataset& source, const std::vector<std::size_t>& rows, Dataset& target) {
  const auto n = static_cast<Eigen::Index>(rows.size());
  target.inputs.resize(n, source.input_dim());
  target.targets.resize(n, source.output_dim());
  for (Eigen::Index i = 0; i < n; ++i) {
    const auto r = static_cast<Eigen::Index>(rows[static_cast<std::size_t>(i)]);
    if (r >= source.size())
      throw std::out_of_range("copy_rows: row " + std::to_string(r) + " of a data set with " +
                              std::to_string(source.size()) + " rows");
    target.inputs.row(i) = source.inputs.row(r);
    target.targets.row(i) = source.targets.row(r);
  }
}

}  // namespace ov::nets::data
