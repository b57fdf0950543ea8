// Cost against index (Dauphin et al. 2014, as reported in 003 §3.3 L476-L480 and
// the guide's C7): for the critical points found, the index fraction
// alpha = (number of negative Hessian eigenvalues) / dim against the cost f.
// The observation is a positive association: higher cost, larger index.
//
// Statistics (double; the inputs are small, exact integers over dim and costs
// rounded from mp100):
//  - Pearson's r = sum (x - xbar)(y - ybar) / sqrt(sum (x - xbar)^2 sum (y - ybar)^2)
//    with a Fisher-z interval: z = atanh r, z +- q / sqrt(n - 3), back through tanh
//    (q: the standard normal quantile, by bisection on erfc); n >= 4 and |r| < 1.
//  - Spearman's rho: Pearson's r of the ranks, tied values sharing their average
//    rank; percentile bootstrap interval from B seeded resamples (SplitMix64
//    below(n) with replacement), skipping resamples where a variable is constant.
//  - Least squares: cost = intercept + slope * alpha.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "nets/landscape/multistart.hpp"

namespace ov::nets::landscape {

struct Interval {
  double lo = 0, hi = 0;
};

// Each throws std::invalid_argument naming the argument: different sizes, n < 2,
// a constant variable (zero variance), a non-finite value.
double pearson(const std::vector<double>& x, const std::vector<double>& y);
double spearman(const std::vector<double>& x, const std::vector<double>& y);
std::vector<double> average_ranks(const std::vector<double>& x);  // 1-based, ties averaged
double normal_quantile(double p);                                  // p in (0, 1)
Interval fisher_interval(double r, int n, double confidence);      // n >= 4, |r| < 1
struct LeastSquaresLine {
  double intercept = 0, slope = 0;
};
LeastSquaresLine least_squares(const std::vector<double>& x, const std::vector<double>& y);  // y = a + b x

enum class Statistic { pearson, spearman };
struct Bootstrap {
  Interval interval;
  int used = 0;     // resamples with both variables non-constant
  int skipped = 0;
};
Bootstrap bootstrap_interval(const std::vector<double>& x, const std::vector<double>& y, Statistic s,
                             std::uint64_t seed, int resamples, double confidence);

struct CostIndexOptions {
  std::uint64_t seed = 1;
  int bootstrap_resamples = 2000;
  double confidence = 0.95;
  bool include_degenerate = false;  // a degenerate point's index is only a lower bound
};

struct CostIndexStudy {
  int n = 0;
  std::vector<double> alpha, cost;
  bool defined = false;  // false: fewer than 2 points or a constant variable (see note)
  std::string note;
  double pearson_r = 0, spearman_rho = 0;
  std::optional<Interval> pearson_fisher;  // needs n >= 4 and |r| < 1
  std::optional<Bootstrap> spearman_bootstrap;
  LeastSquaresLine line;                   // cost = intercept + slope * alpha
};

CostIndexStudy cost_against_index(const LandscapeReport& report, const CostIndexOptions& options = {});

// Output: one JSON document (mp100 numbers as exact decimal strings) and a text table.
nlohmann::json to_json(const LandscapeReport& report, const CostIndexStudy* study = nullptr);
std::string to_text(const LandscapeReport& report, const CostIndexStudy* study = nullptr);

}  // namespace ov::nets::landscape
