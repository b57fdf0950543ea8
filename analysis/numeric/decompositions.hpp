// Dense decompositions per scalar, behind one small API.
//
// Floating scalars (float, double, float128, mp50, mp100) use Eigen 3.4's solvers
// with the project NumTraits (eigen_traits.hpp); every function is explicitly
// instantiated once per scalar in decompositions_<scalar>.cpp, so tests and
// clients never instantiate Eigen's solvers themselves (they cost 10-60 s per
// multiprecision scalar to compile).
//
//   symmetric_eigenvalues(A)  ascending eigenvalues of a symmetric A
//                             (Eigen::SelfAdjointEigenSolver; only the lower triangle is read)
//   eigenvalues(A)            eigenvalues of a general square A (Eigen::EigenSolver, real Schur),
//                             sorted by real part, then imaginary part
//   singular_values(A)        descending singular values (Eigen::JacobiSVD)
//   llt_solve(A, b)           x with A x = b for symmetric positive definite A (Eigen::LLT);
//                             throws not_positive_definite when the factorization breaks down
//   ldlt_solve(A, b)          x with A x = b for symmetric A (Eigen::LDLT, pivoted); throws
//                             singular_matrix when a pivot is zero
//
// rational: exact arithmetic only.
//   ldlt_solve(A, b)          exact symmetric LDL^T with diagonal pivoting; throws
//                             singular_matrix or needs_two_by_two_pivot (indefinite with a zero diagonal)
//   exact_solve(A, B)         exact Gauss-Jordan solve of A X = B for a general square A
// interval: Eigen's own products (A * B, A * x) give enclosures entrywise: each entry
//   is a sum of products in outward-rounded arithmetic (tests/numeric/decompositions_test.cpp).
//
// Errors name the function, the argument and the valid range.
#pragma once

#include <complex>
#include <stdexcept>

#include "analysis/numeric/linear_algebra.hpp"
#include "analysis/numeric/scalars.hpp"

namespace ov {

class not_positive_definite : public std::domain_error {
 public:
  using std::domain_error::domain_error;
};
class singular_matrix : public std::domain_error {
 public:
  using std::domain_error::domain_error;
};

template <class T>
Vec<T> symmetric_eigenvalues(const Mat<T>& A);
template <class T>
Vec<std::complex<T>> eigenvalues(const Mat<T>& A);
template <class T>
Vec<T> singular_values(const Mat<T>& A);
template <class T>
Vec<T> llt_solve(const Mat<T>& A, const Vec<T>& b);
template <class T>
Vec<T> ldlt_solve(const Mat<T>& A, const Vec<T>& b);

// Exact, rational only.
template <>
Vec<rational> ldlt_solve<rational>(const Mat<rational>& A, const Vec<rational>& b);
Mat<rational> exact_solve(const Mat<rational>& A, const Mat<rational>& B);

#define OPTVERIFY_DECLARE_DECOMPOSITIONS(T)                                          \
  extern template Vec<T> symmetric_eigenvalues<T>(const Mat<T>&);                    \
  extern template Vec<std::complex<T>> eigenvalues<T>(const Mat<T>&);                \
  extern template Vec<T> singular_values<T>(const Mat<T>&);                          \
  extern template Vec<T> llt_solve<T>(const Mat<T>&, const Vec<T>&);                 \
  extern template Vec<T> ldlt_solve<T>(const Mat<T>&, const Vec<T>&);

OPTVERIFY_DECLARE_DECOMPOSITIONS(float)
OPTVERIFY_DECLARE_DECOMPOSITIONS(double)
OPTVERIFY_DECLARE_DECOMPOSITIONS(float128)
OPTVERIFY_DECLARE_DECOMPOSITIONS(mp50)
OPTVERIFY_DECLARE_DECOMPOSITIONS(mp100)

}  // namespace ov
