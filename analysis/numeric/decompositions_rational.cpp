// Exact decompositions over rational (GMP): symmetric LDL^T with diagonal pivoting
// and Gauss-Jordan elimination. No rounding anywhere, so results are exact.
#include <string>
#include <utility>
#include <vector>

#include "analysis/numeric/decompositions.hpp"

namespace ov {
namespace {

void require_square(const char* fn, Eigen::Index rows, Eigen::Index cols) {
  if (rows != cols || rows == 0)
    throw std::invalid_argument(std::string(fn) + ": A must be square and non-empty, got " + std::to_string(rows) +
                                "x" + std::to_string(cols));
}

}  // namespace

template <>
Vec<rational> ldlt_solve<rational>(const Mat<rational>& A, const Vec<rational>& b) {
  require_square("ldlt_solve<rational>", A.rows(), A.cols());
  const Eigen::Index n = A.rows();
  if (b.size() != n)
    throw std::invalid_argument("ldlt_solve<rational>: b must have A.rows() = " + std::to_string(n) + " entries, got " +
                                std::to_string(b.size()));
  for (Eigen::Index i = 0; i < n; ++i)
    for (Eigen::Index j = 0; j < i; ++j)
      if (A(i, j) != A(j, i))
        throw std::invalid_argument("ldlt_solve<rational>: A must be symmetric; A(" + std::to_string(i) + "," +
                                    std::to_string(j) + ") != A(" + std::to_string(j) + "," + std::to_string(i) + ")");
  // P A P^T = L D L^T with P choosing, at each step, the first non-zero remaining diagonal.
  Mat<rational> W = A;  // Schur complements in place
  std::vector<Eigen::Index> perm(static_cast<std::size_t>(n));
  for (Eigen::Index i = 0; i < n; ++i) perm[static_cast<std::size_t>(i)] = i;
  Mat<rational> L = Mat<rational>::Identity(n, n);
  Vec<rational> D(n);
  for (Eigen::Index k = 0; k < n; ++k) {
    Eigen::Index p = k;
    while (p < n && W(p, p) == 0) ++p;
    if (p == n) {
      bool rest_zero = true;
      for (Eigen::Index i = k; i < n && rest_zero; ++i)
        for (Eigen::Index j = k; j < n; ++j)
          if (W(i, j) != 0) {
            rest_zero = false;
            break;
          }
      if (rest_zero)
        throw singular_matrix("ldlt_solve<rational>: A is singular (rank " + std::to_string(k) + " < " +
                              std::to_string(n) + ")");
      throw singular_matrix("ldlt_solve<rational>: every remaining diagonal entry is zero at step " +
                            std::to_string(k) + "; A is indefinite and needs a 2x2 pivot, which this solver does not do");
    }
    if (p != k) {
      W.row(k).swap(W.row(p));
      W.col(k).swap(W.col(p));
      L.block(k, 0, 1, k).swap(L.block(p, 0, 1, k));
      std::swap(perm[static_cast<std::size_t>(k)], perm[static_cast<std::size_t>(p)]);
    }
    D[k] = W(k, k);
    for (Eigen::Index i = k + 1; i < n; ++i) L(i, k) = W(i, k) / D[k];
    for (Eigen::Index i = k + 1; i < n; ++i)
      for (Eigen::Index j = k + 1; j < n; ++j) W(i, j) -= L(i, k) * W(k, j);
  }
  // Solve L D L^T y = P b, x = P^T y.
  Vec<rational> y(n);
  for (Eigen::Index i = 0; i < n; ++i) {
    rational s = b[perm[static_cast<std::size_t>(i)]];
    for (Eigen::Index j = 0; j < i; ++j) s -= L(i, j) * y[j];
    y[i] = s;
  }
  for (Eigen::Index i = 0; i < n; ++i) y[i] /= D[i];
  for (Eigen::Index i = n - 1; i >= 0; --i) {
    rational s = y[i];
    for (Eigen::Index j = i + 1; j < n; ++j) s -= L(j, i) * y[j];
    y[i] = s;
  }
  Vec<rational> x(n);
  for (Eigen::Index i = 0; i < n; ++i) x[perm[static_cast<std::size_t>(i)]] = y[i];
  return x;
}

Mat<rational> exact_solve(const Mat<rational>& A, const Mat<rational>& B) {
  require_square("exact_solve", A.rows(), A.cols());
  const Eigen::Index n = A.rows();
  if (B.rows() != n)
    throw std::invalid_argument("exact_solve: B must have A.rows() = " + std::to_string(n) + " rows, got " +
                                std::to_string(B.rows()));
  Mat<rational> M = A, X = B;
  for (Eigen::Index k = 0; k < n; ++k) {
    Eigen::Index p = k;
    while (p < n && M(p, k) == 0) ++p;
    if (p == n) throw singular_matrix("exact_solve: A is singular (no pivot in column " + std::to_string(k) + ")");
    if (p != k) {
      M.row(k).swap(M.row(p));
      X.row(k).swap(X.row(p));
    }
    const rational piv = M(k, k);
    M.row(k) /= piv;
    X.row(k) /= piv;
    for (Eigen::Index i = 0; i < n; ++i) {
      if (i == k || M(i, k) == 0) continue;
      const rational f = M(i, k);
      M.row(i) -= f * M.row(k);
      X.row(i) -= f * X.row(k);
    }
  }
  return X;
}

}  // namespace ov
