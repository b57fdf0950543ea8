#include "analysis/stats/start_point.hpp"

#include <cmath>
#include <stdexcept>

namespace ov::stats {

const char* to_string(StartRegion r) { return r == StartRegion::ball ? "ball" : "box"; }

StartRegion start_region_from_string(const std::string& s) {
  if (s == "ball") return StartRegion::ball;
  if (s == "box") return StartRegion::box;
  throw std::invalid_argument("--region \"" + s + "\": expected one of ball, box");
}

std::vector<double> unit_region_point(optim::SplitMix64& rng, int dim, StartRegion region) {
  if (dim < 1) throw std::invalid_argument("start point: dimension " + std::to_string(dim) + " is below 1");
  std::vector<double> x(static_cast<std::size_t>(dim));
  if (region == StartRegion::box) {
    for (auto& v : x) v = 2 * rng.uniform() - 1;
    return x;
  }
  const double two_pi = 6.283185307179586476925286766559;
  double norm2 = 0;
  do {
    norm2 = 0;
    for (auto& v : x) {
      const double u1 = 1 - rng.uniform();  // in (0, 1]: log is finite
      const double u2 = rng.uniform();
      v = std::sqrt(-2 * std::log(u1)) * std::cos(two_pi * u2);
      norm2 += v * v;
    }
  } while (!(norm2 > 0));
  const double scale = std::pow(rng.uniform(), 1.0 / dim) / std::sqrt(norm2);
  for (auto& v : x) v *= scale;
  return x;
}

}  // namespace ov::stats
