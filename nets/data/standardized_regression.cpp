#include "nets/data/standardized_regression.hpp"

#include <cmath>
#include <stdexcept>
#include <string>

#include "nets/data/sampling.hpp"

namespace ov::nets::data {

namespace {

constexpr double kPi = 3.141592653589793238462643383280;

// Neumaier's compensated sum: error <= 2u |sum| + O(N u^2) sum |x_i| (u = 2^-53), so
// the population mean and standard deviation are accurate to a few ulps (a plain
// recursive sum of 20640 terms could lose up to N u = 2.3e-12 relative).
double compensated_sum(const Eigen::Ref<const Eigen::VectorXd>& v) {
  double sum = 0.0, carry = 0.0;
  for (Eigen::Index i = 0; i < v.size(); ++i) {
    const double x = v[i];
    const double t = sum + x;
    carry += (std::abs(sum) >= std::abs(x)) ? (sum - t) + x : (x - t) + sum;
    sum = t;
  }
  return sum + carry;
}

// (c - mean) / sd with the population mean and standard deviation, two passes.
void standardize_column(Eigen::Ref<Eigen::VectorXd> c) {
  const double n = static_cast<double>(c.size());
  const double mean = compensated_sum(c) / n;
  const Eigen::VectorXd centred = (c.array() - mean).matrix();
  const double var = compensated_sum(centred.array().square().matrix()) / n;
  const double sd = std::sqrt(var);
  if (!(sd > 0.0)) throw std::logic_error("standardized_regression: a column is constant");
  c = (centred.array() / sd).matrix();
}

std::string describe(long population, std::uint64_t population_seed) {
  return "SYNTHETIC stand-in for the California housing data of 003 §5.2 (003_61d556b637c4f269.txt L1031; "
         "not available offline): 8 features, nonlinear target y = x1 + 0.02 x2 + 0.5 sin(pi x7) cos(pi x8) + "
         "0.5 tanh(x3 x4) + 0.1 sqrt(x5) + 0.3 eps (docs/data.md), population of " +
         std::to_string(population) + " rows (SplitMix64 seed " + std::to_string(population_seed) +
         "), X and y standardized with the population mean and standard deviation ([REPO] StandardScaler "
         "on the full data)";
}

}  // namespace

Dataset standardized_regression_population(std::uint64_t population_seed, long population) {
  if (population < 2) {
    throw std::invalid_argument("standardized_regression_population: population = " +
                                std::to_string(population) + " is invalid (valid: population >= 2)");
  }
  Dataset d;
  d.name = "standardized_regression_population";
  d.description = describe(population, population_seed);
  d.seed = population_seed;
  d.inputs.resize(population, 8);
  d.targets.resize(population, 1);
  DataStream s(population_seed);
  for (long i = 0; i < population; ++i) {
    double z[6];
    for (double& v : z) v = s.normal();
    const double u1 = s.uniform(), u2 = s.uniform(), u3 = s.uniform();
    const double x1 = std::exp(0.5 * z[0]);
    const double x2 = 1.0 + 51.0 * u1;
    const double x3 = z[1];
    const double x4 = 0.8 * z[1] + 0.6 * z[2];
    const double x5 = std::exp(z[3]);
    const double x6 = z[4];
    const double x7 = 2.0 * u2 - 1.0;
    const double x8 = 2.0 * u3 - 1.0;
    d.inputs.row(i) << x1, x2, x3, x4, x5, x6, x7, x8;
    d.targets(i, 0) = x1 + 0.02 * x2 + 0.5 * std::sin(kPi * x7) * std::cos(kPi * x8) + 0.5 * std::tanh(x3 * x4) +
                      0.1 * std::sqrt(x5) + 0.3 * z[5];
  }
  for (Eigen::Index j = 0; j < d.inputs.cols(); ++j) standardize_column(d.inputs.col(j));
  standardize_column(d.targets.col(0));
  return d;
}

Dataset standardized_regression(long n, std::uint64_t seed, std::uint64_t population_seed, long population) {
  if (n < 1 || n > population) {
    throw std::invalid_argument("standardized_regression: n = " + std::to_string(n) +
                                " is invalid (valid: 1 <= n <= population = " + std::to_string(population) +
                                "; 003 §5.2 uses 100, 1000, 10000)");
  }
  const Dataset all = standardized_regression_population(population_seed, population);
  DataStream pick(seed);
  const auto rows = pick.sample_without_replacement(static_cast<std::size_t>(population),
                                                    static_cast<std::size_t>(n));
  Dataset d;
  d.name = "standardized_regression";
  d.description = describe(population, population_seed) + "; subsample of n = " + std::to_string(n) +
                  " rows without replacement, SplitMix64 seed " + std::to_string(seed);
  d.seed = seed;
  copy_rows(all, rows, d);
  return d;
}

}  // namespace ov::nets::data
