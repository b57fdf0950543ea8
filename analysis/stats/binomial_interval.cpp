#include "analysis/stats/binomial_interval.hpp"

#include <algorithm>
#include <boost/math/distributions/normal.hpp>
#include <boost/math/special_functions/beta.hpp>
#include <cmath>
#include <stdexcept>
#include <string>

namespace ov::stats {

namespace {

std::string text(double x) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.17g", x);
  return buf;
}

}  // namespace

void validate_binomial_arguments(std::uint64_t k, std::uint64_t n, double confidence) {
  if (n == 0) {
    throw std::invalid_argument("binomial interval: n = 0 trials; a proportion needs n >= 1");
  }
  if (k > n) {
    throw std::invalid_argument("binomial interval: k = " + std::to_string(k) + " successes is outside [0, n] = [0, " +
                                std::to_string(n) + "]");
  }
  if (!(confidence > 0 && confidence < 1)) {
    throw std::invalid_argument("binomial interval: confidence = " + text(confidence) +
                                " is outside its valid range (0, 1)");
  }
}

double two_sided_normal_quantile(double confidence) {
  if (!(confidence > 0 && confidence < 1)) {
    throw std::invalid_argument("normal quantile: confidence = " + text(confidence) +
                                " is outside its valid range (0, 1)");
  }
  const double a = 1 - confidence;
  // Upper a/2 point through the complement, accurate for small a.
  return boost::math::quantile(boost::math::complement(boost::math::normal_distribution<double>(0, 1), a / 2));
}

ProportionInterval wilson_interval(std::uint64_t k, std::uint64_t n, double confidence) {
  validate_binomial_arguments(k, n, confidence);
  const double z = two_sided_normal_quantile(confidence);
  const double z2 = z * z;
  const double dn = static_cast<double>(n), dk = static_cast<double>(k);
  const double centre = (dk + z2 / 2) / (dn + z2);
  const double half = z / (dn + z2) * std::sqrt(dk * (dn - dk) / dn + z2 / 4);
  ProportionInterval r{centre - half, centre + half};
  // At k = 0 (k = n) the lower (upper) end is 0 (1) exactly; rounding would give
  // a few ulps either side.
  if (k == 0) r.lo = 0;
  if (k == n) r.hi = 1;
  r.lo = std::clamp(r.lo, 0.0, 1.0);
  r.hi = std::clamp(r.hi, 0.0, 1.0);
  return r;
}

ProportionInterval clopper_pearson_interval(std::uint64_t k, std::uint64_t n, double confidence) {
  validate_binomial_arguments(k, n, confidence);
  const double half_a = (1 - confidence) / 2;
  const double dn = static_cast<double>(n), dk = static_cast<double>(k);
  ProportionInterval r{0, 1};
  // Lower end: I_lo(k, n-k+1) = a/2 (regularised incomplete beta = P(X >= k | p = lo)).
  if (k > 0) r.lo = boost::math::ibeta_inv(dk, dn - dk + 1, half_a);
  // Upper end: 1 - I_hi(k+1, n-k) = a/2, through the complement for accuracy.
  if (k < n) r.hi = boost::math::ibetac_inv(dk + 1, dn - dk, half_a);
  return r;
}

}  // namespace ov::stats
