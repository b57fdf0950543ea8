// Decompositions per scalar against exactly known answers.
//
// Matrices come from tests/support/generators.hpp: Cayley-built (exactly orthogonal
// rational Q) so the exact spectrum / singular values / solution are known in rational,
// then rounded once per entry to T.
//
// Tolerances (u = epsilon(T)), all first-order perturbation bounds:
//   * rounding A_exact to T perturbs it by E0 with ||E0||_2 <= ||E0||_F <= u ||A||_F <= u sqrt(n) ||A||_2;
//   * the solvers are backward stable (Golub & Van Loan 4th ed. §8.3 for the symmetric QR
//     algorithm, §7.5 for real Schur, §8.6 for Jacobi SVD; Higham 2nd ed. Thm 10.4 for
//     Cholesky): backward error E1 with ||E1||_2 <= p(n) u ||A||_2; we take p(n) = 8n;
//   * eigenvalues of symmetric / normal matrices and singular values move by at most
//     ||E0 + E1||_2 (Weyl; Bauer-Fike with kappa(V) = 1), hence tol = (8n + sqrt(n)) u ||A||_2;
//   * linear solves: ||x^ - x|| / ||x|| <= kappa (||dA||/||A|| + ||db||/||b||) / (1 - kappa ||dA||/||A||)
//     (Higham Thm 7.2); with backward error (8n + sqrt(n)) u and kappa <= 16 we allow
//     2 kappa (8n + sqrt(n) + 1) u in the max-norm relative to ||x||_inf * sqrt(n).
// Each check is shown to fail on a perturbed expectation (the *_DetectsWrongAnswer tests).
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <cmath>
#include <complex>
#include <limits>
#include <vector>

#include "analysis/numeric/decompositions.hpp"
#include "analysis/numeric/predicates.hpp"
#include "analysis/numeric/rounding.hpp"
#include "tests/support/generators.hpp"

namespace {

using ov::Mat;
using ov::rational;
using ov::Vec;

template <class T>
T eps() {
  return std::numeric_limits<T>::epsilon();
}
template <class T>
T bound_factor(int n) {
  return T(8 * n) + T(std::sqrt(static_cast<double>(n)) + 1);
}
template <class T>
T tabs(const T& x) {
  return x < T(0) ? T(-x) : x;
}

// |computed_i - exact_i| <= tol for all i (both sorted the same way).
template <class T>
bool all_within(const Vec<T>& computed, const Vec<rational>& exact, const T& tol) {
  if (computed.size() != exact.size()) return false;
  for (Eigen::Index i = 0; i < exact.size(); ++i)
    if (!(tabs(T(computed[i] - ov::round_to<T>(exact[i]))) <= tol)) return false;
  return true;
}

// Every exact eigenvalue re + i im is matched (greedily, without reuse) by a computed one within tol.
template <class T>
bool spectrum_within(const Vec<std::complex<T>>& computed, const Vec<rational>& re, const Vec<rational>& im,
                     const T& tol) {
  if (computed.size() != re.size()) return false;
  std::vector<bool> used(static_cast<std::size_t>(computed.size()), false);
  for (Eigen::Index i = 0; i < re.size(); ++i) {
    const T r = ov::round_to<T>(re[i]), m = ov::round_to<T>(im[i]);
    Eigen::Index best = -1;
    T best_d(0);
    for (Eigen::Index j = 0; j < computed.size(); ++j) {
      if (used[static_cast<std::size_t>(j)]) continue;
      const T d = std::max(tabs(T(computed[j].real() - r)), tabs(T(computed[j].imag() - m)));
      if (best < 0 || d < best_d) {
        best = j;
        best_d = d;
      }
    }
    if (best < 0 || !(best_d <= tol)) return false;
    used[static_cast<std::size_t>(best)] = true;
  }
  return true;
}

template <class T>
void check_symmetric_eigenvalues() {
  const int n = *rc::gen::inRange(2, 7);
  const auto s = *ov::gen::spd_matrix<T>(n, rational(1, 4), rational(4));
  const T tol = bound_factor<T>(n) * eps<T>() * T(4);
  RC_ASSERT(all_within<T>(ov::symmetric_eigenvalues(s.A), s.lambda, tol));
}

template <class T>
void check_eigenvalues() {
  const int pairs = *rc::gen::inRange(0, 3);
  const int reals = *rc::gen::inRange(pairs == 0 ? 1 : 0, 3);
  const auto s = *ov::gen::normal_matrix<T>(pairs, reals);
  const int n = 2 * pairs + reals;
  const T norm2 = T(6);  // |a + ib| <= sqrt(4^2 + 4^2) < 6 on the generator's grid
  const T tol = bound_factor<T>(n) * eps<T>() * norm2;
  RC_ASSERT(spectrum_within<T>(ov::eigenvalues(s.A), s.eig_re, s.eig_im, tol));
}

template <class T>
void check_singular_values() {
  const int n = *rc::gen::inRange(2, 6);
  const Mat<rational> U = *ov::gen::orthogonal_rational(n);
  const Mat<rational> V = *ov::gen::orthogonal_rational(n);
  Vec<rational> sigma(n);
  for (int i = 0; i < n; ++i) sigma[i] = rational(*rc::gen::inRange(1, 33)) / 8;  // (0, 4]
  std::sort(sigma.data(), sigma.data() + n, [](const rational& a, const rational& b) { return a > b; });
  const Mat<T> A = ov::gen::round_matrix<T>(U * sigma.asDiagonal() * V.transpose());
  const T tol = bound_factor<T>(n) * eps<T>() * T(4);
  RC_ASSERT(all_within<T>(ov::singular_values(A), sigma, tol));
}

template <class T>
void check_solves() {
  const int n = *rc::gen::inRange(2, 7);
  const auto s = *ov::gen::spd_matrix<T>(n, rational(1), rational(16));  // kappa <= 16
  Vec<rational> x(n);
  for (int i = 0; i < n; ++i) x[i] = *ov::gen::rational_in(-3, 3, 5);
  const Vec<rational> b_exact = s.A_exact * x;
  const Vec<T> b = ov::gen::round_vector<T>(b_exact);
  rational xmax(0);
  for (int i = 0; i < n; ++i) xmax = std::max(xmax, rational(abs(x[i])));
  RC_PRE(xmax > 0);
  const T tol = T(2 * 16) * bound_factor<T>(n) * eps<T>() * T(std::sqrt(double(n))) * ov::round_to<T>(xmax);
  RC_ASSERT(all_within<T>(ov::llt_solve(s.A, b), x, tol));
  RC_ASSERT(all_within<T>(ov::ldlt_solve(s.A, b), x, tol));
}

#define OV_DECOMPOSITION_PROPS(T, NAME)                                                         \
  RC_GTEST_PROP(Decompositions, SymmetricEigenvalues_##NAME, ()) { check_symmetric_eigenvalues<T>(); } \
  RC_GTEST_PROP(Decompositions, Eigenvalues_##NAME, ()) { check_eigenvalues<T>(); }             \
  RC_GTEST_PROP(Decompositions, SingularValues_##NAME, ()) { check_singular_values<T>(); }     \
  RC_GTEST_PROP(Decompositions, Solves_##NAME, ()) { check_solves<T>(); }

OV_DECOMPOSITION_PROPS(float, float)
OV_DECOMPOSITION_PROPS(double, double)
OV_DECOMPOSITION_PROPS(ov::float128, float128)
OV_DECOMPOSITION_PROPS(ov::mp50, mp50)
OV_DECOMPOSITION_PROPS(ov::mp100, mp100)

TEST(Decompositions, ChecksDetectWrongAnswers) {
  // A known 2x2: [[2, 1], [1, 2]] has eigenvalues 1 and 3, singular values 3 and 1.
  Mat<double> A(2, 2);
  A << 2, 1, 1, 2;
  Vec<rational> ev(2), wrong(2);
  ev << rational(1), rational(3);
  wrong << rational(1), rational(3) + rational(1, 1000);
  const double tol = bound_factor<double>(2) * eps<double>() * 3;
  EXPECT_TRUE(all_within<double>(ov::symmetric_eigenvalues(A), ev, tol));
  EXPECT_FALSE(all_within<double>(ov::symmetric_eigenvalues(A), wrong, tol));
  Vec<rational> sv(2);
  sv << rational(3), rational(1);
  EXPECT_TRUE(all_within<double>(ov::singular_values(A), sv, tol));
  EXPECT_FALSE(all_within<double>(ov::singular_values(A), ev, tol));  // wrong order
  // Rotation by 90 degrees scaled by 2: eigenvalues +-2i.
  Mat<double> R(2, 2);
  R << 0, -2, 2, 0;
  Vec<rational> re(2), im(2), im_wrong(2);
  re << rational(0), rational(0);
  im << rational(-2), rational(2);
  im_wrong << rational(-2), rational(2) + rational(1, 1000);
  EXPECT_TRUE(spectrum_within<double>(ov::eigenvalues(R), re, im, tol));
  EXPECT_FALSE(spectrum_within<double>(ov::eigenvalues(R), re, im_wrong, tol));
}

TEST(Decompositions, BadInputIsRejectedWithTheArgumentNamed) {
  Mat<double> rect(2, 3);
  rect.setZero();
  EXPECT_THROW(ov::symmetric_eigenvalues(rect), std::invalid_argument);
  Mat<double> indefinite(2, 2);
  indefinite << 1, 2, 2, 1;
  Vec<double> b(2);
  b << 1, 1;
  try {
    ov::llt_solve(indefinite, b);
    FAIL() << "no throw";
  } catch (const ov::not_positive_definite& e) {
    EXPECT_NE(std::string(e.what()).find("llt_solve"), std::string::npos);
  }
  Vec<double> b3(3);
  b3.setZero();
  EXPECT_THROW(ov::llt_solve(indefinite, b3), std::invalid_argument);
}

// ---------------------------------------------------------------- rational: exact

RC_GTEST_PROP(DecompositionsRational, LdltSolveIsExactOnSymmetricMatrices, ()) {
  // Symmetric, possibly indefinite, with non-zero eigenvalues: Q diag(lambda) Q^T.
  const int n = *rc::gen::inRange(1, 6);
  const Mat<rational> Q = *ov::gen::orthogonal_rational(n);
  Vec<rational> lambda(n), x(n);
  for (int i = 0; i < n; ++i) {
    lambda[i] = *rc::gen::suchThat(ov::gen::rational_in(-4, 4, 3), [](const rational& v) { return v != 0; });
    x[i] = *ov::gen::rational_in(-5, 5, 7);
  }
  const Mat<rational> A = Q * lambda.asDiagonal() * Q.transpose();
  const Vec<rational> b = A * x;
  try {
    RC_ASSERT(ov::ldlt_solve<rational>(A, b) == x);
  } catch (const ov::singular_matrix& e) {
    // Only the documented 2x2-pivot limitation may stop it (all remaining diagonals zero).
    RC_ASSERT(std::string(e.what()).find("2x2 pivot") != std::string::npos);
    RC_DISCARD("needs a 2x2 pivot");
  }
}

TEST(DecompositionsRational, ExactSolveAndErrors) {
  Mat<rational> A(2, 2);
  A << rational(1, 3), rational(2), rational(5), rational(-7, 2);
  Mat<rational> X(2, 1);
  X << rational(3), rational(-1, 9);
  EXPECT_EQ(ov::exact_solve(A, Mat<rational>(A * X)), X);
  Mat<rational> swap(2, 2);
  swap << rational(0), rational(1), rational(1), rational(0);
  Vec<rational> b(2);
  b << rational(1), rational(2);
  EXPECT_THROW(ov::ldlt_solve<rational>(swap, b), ov::singular_matrix);  // needs a 2x2 pivot
  Mat<rational> singular(2, 2);
  singular << rational(1), rational(1), rational(1), rational(1);
  EXPECT_THROW(ov::ldlt_solve<rational>(singular, b), ov::singular_matrix);
  EXPECT_THROW(ov::exact_solve(singular, Mat<rational>(b)), ov::singular_matrix);
  Mat<rational> nonsym = A;
  EXPECT_THROW(ov::ldlt_solve<rational>(nonsym, b), std::invalid_argument);
  // The exactness check fails on a wrong answer.
  Mat<rational> X_wrong = X;
  X_wrong(1, 0) += rational(1, 1000000);
  EXPECT_NE(ov::exact_solve(A, Mat<rational>(A * X)), X_wrong);
}

// ---------------------------------------------------------------- interval: enclosures

RC_GTEST_PROP(DecompositionsInterval, ProductsEncloseTheExactRationalProduct, ()) {
  const int n = *rc::gen::inRange(1, 5);
  Mat<rational> A(n, n), B(n, n);
  Vec<rational> v(n);
  for (int i = 0; i < n; ++i) {
    v[i] = *ov::gen::rational_in(-3, 3, 7);
    for (int j = 0; j < n; ++j) {
      A(i, j) = *ov::gen::rational_in(-3, 3, 7);  // e.g. 1/3: not representable, enclosed
      B(i, j) = *ov::gen::rational_in(-3, 3, 7);
    }
  }
  const Mat<ov::interval> Ai = ov::gen::round_matrix<ov::interval>(A);
  const Mat<ov::interval> Bi = ov::gen::round_matrix<ov::interval>(B);
  const Vec<ov::interval> vi = ov::gen::round_vector<ov::interval>(v);
  const Mat<ov::interval> Ci = Ai * Bi;
  const Mat<rational> C = A * B;
  const Vec<ov::interval> wi = Ai * vi;
  const Vec<rational> w = A * v;
  for (int i = 0; i < n; ++i) {
    RC_ASSERT(ov::contains(wi[i], w[i]));
    for (int j = 0; j < n; ++j) RC_ASSERT(ov::contains(Ci(i, j), C(i, j)));
  }
}

TEST(DecompositionsInterval, ContainmentCheckFailsForAPointApproximation) {
  // The double nearest 1/3, as a point interval, does not contain 1/3: the check can fail.
  const rational third(1, 3);
  const ov::interval enclosure = ov::round_to<ov::interval>(third);
  const ov::interval point(ov::round_to<double>(third));
  EXPECT_TRUE(ov::contains(enclosure, third));
  EXPECT_FALSE(ov::contains(point, third));
}

}  // namespace
