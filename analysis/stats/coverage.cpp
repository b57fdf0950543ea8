#include "analysis/stats/coverage.hpp"

#include <boost/math/distributions/binomial.hpp>
#include <stdexcept>
#include <string>

namespace ov::stats {

double coverage_probability(const IntervalRule& rule, std::uint64_t n, double p) {
  if (n == 0) throw std::invalid_argument("coverage: n = 0 trials; needs n >= 1");
  if (!(p >= 0 && p <= 1)) {
    throw std::invalid_argument("coverage: p = " + std::to_string(p) + " is outside its valid range [0, 1]");
  }
  const boost::math::binomial_distribution<double> b(static_cast<double>(n), p);
  double c = 0;
  for (std::uint64_t k = 0; k <= n; ++k) {
    const ProportionInterval ci = rule(k, n);
    if (ci.lo <= p && p <= ci.hi) c += boost::math::pdf(b, static_cast<double>(k));
  }
  return c;
}

CoverageSummary coverage_over_grid(const IntervalRule& rule, const std::vector<std::uint64_t>& ns,
                                   const std::vector<double>& ps) {
  CoverageSummary s;
  double sum = 0;
  for (std::uint64_t n : ns) {
    for (double p : ps) {
      const double c = coverage_probability(rule, n, p);
      sum += c;
      ++s.cases;
      if (c < s.min || s.cases == 1) {
        s.min = c;
        s.min_n = n;
        s.min_p = p;
      }
    }
  }
  s.mean = s.cases ? sum / static_cast<double>(s.cases) : 0;
  return s;
}

}  // namespace ov::stats
