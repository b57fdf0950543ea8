// Definitions behind decompositions.hpp. Include only from decompositions_<scalar>.cpp:
// each of those instantiates the floating solvers for exactly one scalar.
#pragma once

#include <Eigen/Cholesky>
#include <Eigen/Eigenvalues>
#include <Eigen/SVD>
#include <algorithm>
#include <string>

#include "analysis/numeric/decompositions.hpp"

namespace ov::detail {

inline void require_square(const char* fn, Eigen::Index rows, Eigen::Index cols) {
  if (rows != cols || rows == 0)
    throw std::invalid_argument(std::string(fn) + ": A must be square and non-empty, got " + std::to_string(rows) +
                                "x" + std::to_string(cols));
}
inline void require_rhs(const char* fn, Eigen::Index n, Eigen::Index m) {
  if (n != m)
    throw std::invalid_argument(std::string(fn) + ": b must have A.rows() = " + std::to_string(n) +
                                " entries, got " + std::to_string(m));
}

}  // namespace ov::detail

namespace ov {

template <class T>
Vec<T> symmetric_eigenvalues(const Mat<T>& A) {
  detail::require_square("symmetric_eigenvalues", A.rows(), A.cols());
  Eigen::SelfAdjointEigenSolver<Mat<T>> es(A, Eigen::EigenvaluesOnly);
  if (es.info() != Eigen::Success) throw std::runtime_error("symmetric_eigenvalues: QR iteration did not converge");
  return es.eigenvalues();  // Eigen returns them ascending
}

template <class T>
Vec<std::complex<T>> eigenvalues(const Mat<T>& A) {
  detail::require_square("eigenvalues", A.rows(), A.cols());
  Eigen::EigenSolver<Mat<T>> es(A, /*computeEigenvectors=*/false);
  if (es.info() != Eigen::Success) throw std::runtime_error("eigenvalues: real Schur iteration did not converge");
  Vec<std::complex<T>> ev = es.eigenvalues();
  std::sort(ev.data(), ev.data() + ev.size(), [](const std::complex<T>& a, const std::complex<T>& b) {
    if (a.real() != b.real()) return a.real() < b.real();
    return a.imag() < b.imag();
  });
  return ev;
}

template <class T>
Vec<T> singular_values(const Mat<T>& A) {
  if (A.size() == 0) throw std::invalid_argument("singular_values: A must be non-empty");
  Eigen::JacobiSVD<Mat<T>> svd(A);
  return svd.singularValues();  // descending
}

template <class T>
Vec<T> llt_solve(const Mat<T>& A, const Vec<T>& b) {
  detail::require_square("llt_solve", A.rows(), A.cols());
  detail::require_rhs("llt_solve", A.rows(), b.size());
  Eigen::LLT<Mat<T>> llt(A);
  if (llt.info() != Eigen::Success)
    throw not_positive_definite("llt_solve: A is not (numerically) positive definite; LLT needs A = A^T > 0");
  return llt.solve(b);
}

template <class T>
Vec<T> ldlt_solve(const Mat<T>& A, const Vec<T>& b) {
  detail::require_square("ldlt_solve", A.rows(), A.cols());
  detail::require_rhs("ldlt_solve", A.rows(), b.size());
  Eigen::LDLT<Mat<T>> ldlt(A);
  if (ldlt.info() != Eigen::Success) throw singular_matrix("ldlt_solve: LDLT failed (A numerically singular)");
  const Vec<T> d = ldlt.vectorD();
  for (Eigen::Index i = 0; i < d.size(); ++i)
    if (d[i] == T(0)) throw singular_matrix("ldlt_solve: zero pivot " + std::to_string(i) + "; A is singular");
  return ldlt.solve(b);
}

}  // namespace ov

#define OPTVERIFY_INSTANTIATE_DECOMPOSITIONS(T)                               \
  namespace ov {                                                              \
  template Vec<T> symmetric_eigenvalues<T>(const Mat<T>&);                    \
  template Vec<std::complex<T>> eigenvalues<T>(const Mat<T>&);                \
  template Vec<T> singular_values<T>(const Mat<T>&);                          \
  template Vec<T> llt_solve<T>(const Mat<T>&, const Vec<T>&);                 \
  template Vec<T> ldlt_solve<T>(const Mat<T>&, const Vec<T>&);                \
  }
