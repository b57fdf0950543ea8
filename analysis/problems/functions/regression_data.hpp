// Seeded exact data and exact/certified metadata of the generated regression
// problems (families `least_squares` and `logistic_regression`).
//
// Data (SeededStream, dyadic, identical in every scalar):
//   theta_true_p ~ U[-1, 1), a_np ~ U[-1, 1), e_n ~ U[-1, 1) (10-bit grids), drawn in that order;
//   least squares: y_n = a_n^T theta_true + e_n / 8;
//   logistic:      y_n = +1 if a_n^T theta_true + e_n / 2 >= 0, else -1.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "analysis/numeric/scalars.hpp"
#include "analysis/problems/functions/classic_support.hpp"

namespace ov::problems::generated {

enum class RegressionKind { least_squares, logistic };

struct RegressionData {
  int N = 0, P = 0;
  std::vector<rational> a;  // row-major N x P
  std::vector<rational> y;  // N targets (least squares) or labels +-1 (logistic)
};

std::shared_ptr<const RegressionData> regression_data(RegressionKind kind, int N, int P, std::uint64_t seed);

// Certified bounds on the extreme eigenvalues of G = A^T A / N: upper >= lambda_max(G) and,
// when lower_positive, 0 < lower <= lambda_min(G). Estimates from Eigen's double symmetric
// eigensolver are widened by a relative margin of 2^-30 * lambda_max and then certified
// exactly: (upper I - G) and (G - lower I) are shown positive definite by a rational LDL^T
// (all pivots > 0); the margin doubles until that succeeds.
struct GramBounds {
  rational upper, lower;
  bool lower_positive = false;
};
GramBounds gram_bounds(const RegressionData& d);

// The least-squares minimiser from the normal equations A^T A theta = A^T y (exact), and
// f* = |A theta* - y|^2 / (2N). Throws if A^T A is singular.
struct LeastSquaresSolution {
  std::vector<rational> theta;
  rational fstar;
};
LeastSquaresSolution least_squares_solution(const RegressionData& d);

// The minimiser of the l2-regularised logistic loss (lambda > 0: strongly convex) by damped
// Newton in mp100 until |grad| < 1e-80 (theta accurate to about 1e-80 / lambda), as 80-digit
// constant strings; f* with 95 digits.
struct LogisticSolution {
  std::vector<std::string> theta;
  std::string fstar;
};
LogisticSolution logistic_solution(const RegressionData& d, const rational& lambda);

}  // namespace ov::problems::generated
