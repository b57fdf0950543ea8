// Inertia: exact (rational, congruence) and by eigenvalues (double, mp50, mp100).
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <stdexcept>
#include <string>

#include "analysis/numeric/inertia.hpp"
#include "tests/support/generators.hpp"

namespace {

using namespace ov;

Mat<rational> rmat(std::initializer_list<std::initializer_list<long>> rows) {
  Mat<rational> m(static_cast<Eigen::Index>(rows.size()), static_cast<Eigen::Index>(rows.begin()->size()));
  Eigen::Index i = 0;
  for (const auto& r : rows) {
    Eigen::Index j = 0;
    for (long v : r) m(i, j++) = rational(v);
    ++i;
  }
  return m;
}

Inertia I(int p, int n, int z) { return Inertia{p, n, z}; }

TEST(InertiaExact, DefiniteIndefiniteAndSingular) {
  EXPECT_EQ(inertia(rmat({{2, 1}, {1, 2}})), I(2, 0, 0));
  EXPECT_EQ(inertia(rmat({{-2, 1}, {1, -2}})), I(0, 2, 0));
  EXPECT_EQ(inertia(rmat({{1, 2}, {2, 1}})), I(1, 1, 0));
  EXPECT_EQ(inertia(rmat({{1, 1}, {1, 1}})), I(1, 0, 1));
  EXPECT_EQ(inertia(rmat({{0, 0}, {0, 0}})), I(0, 0, 2));
  EXPECT_EQ(inertia(Mat<rational>(0, 0)), I(0, 0, 0));
  // Rosenbrock's Hessian at the minimum (1, 1): [[802, -400], [-400, 200]], PD.
  EXPECT_EQ(inertia(rmat({{802, -400}, {-400, 200}})), I(2, 0, 0));
}

TEST(InertiaExact, ZeroDiagonalNeedsTwoByTwoPivots) {
  // Saddle x y: zero diagonal everywhere.
  EXPECT_EQ(inertia(rmat({{0, 1}, {1, 0}})), I(1, 1, 0));
  // Zero diagonal, 3x3: eigenvalues of [[0,1,1],[1,0,1],[1,1,0]] are 2, -1, -1.
  EXPECT_EQ(inertia(rmat({{0, 1, 1}, {1, 0, 1}, {1, 1, 0}})), I(1, 2, 0));
  // Zero diagonal and singular: [[0,1,0],[1,0,0],[0,0,0]].
  EXPECT_EQ(inertia(rmat({{0, 1, 0}, {1, 0, 0}, {0, 0, 0}})), I(1, 1, 1));
  // Zero diagonal after a 1x1 step: [[1,1,1],[1,1,2],[1,2,1]] -> Schur [[0,1],[1,0]].
  EXPECT_EQ(inertia(rmat({{1, 1, 1}, {1, 1, 2}, {1, 2, 1}})), I(2, 1, 0));
  // 4x4 with zero diagonal, rank 2: [[0,0,1,1],[0,0,1,1],[1,1,0,0],[1,1,0,0]].
  EXPECT_EQ(inertia(rmat({{0, 0, 1, 1}, {0, 0, 1, 1}, {1, 1, 0, 0}, {1, 1, 0, 0}})), I(1, 1, 2));
}

TEST(InertiaExact, RejectsNonSquareAndAsymmetric) {
  try {
    inertia(rmat({{1, 2, 3}, {2, 1, 0}}));
    FAIL();
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("2x3"), std::string::npos) << e.what();
  }
  try {
    inertia(rmat({{1, 2}, {3, 1}}));
    FAIL();
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("H(0,1)"), std::string::npos) << e.what();
  }
}

// Random congruences P^T D P with unit upper-triangular P (exact in rational)
// keep the inertia of the diagonal D: Sylvester's law, used as a property.
RC_GTEST_PROP(InertiaExact, CongruenceOfADiagonalKeepsItsInertia, ()) {
  const int n = *rc::gen::inRange(1, 7);
  const auto signs = *rc::gen::container<std::vector<int>>(n, rc::gen::inRange(-1, 2));
  const auto entries = *rc::gen::container<std::vector<int>>(n * n, rc::gen::inRange(-3, 4));
  Mat<rational> d = Mat<rational>::Zero(n, n), p = Mat<rational>::Identity(n, n);
  Inertia expected;
  for (int i = 0; i < n; ++i) {
    d(i, i) = rational(signs[i] * (i + 1));
    (signs[i] > 0 ? expected.positive : signs[i] < 0 ? expected.negative : expected.zero) += 1;
    for (int j = i + 1; j < n; ++j) p(i, j) = rational(entries[i * n + j]);
  }
  // A random symmetric permutation as well, so zero diagonals appear in any position.
  const auto perm = *rc::gen::container<std::vector<int>>(n, rc::gen::inRange(0, n));
  Mat<rational> h = p.transpose() * d * p;
  for (int i = 0; i < n; ++i) {
    h.row(i).swap(h.row(perm[i]));
    h.col(i).swap(h.col(perm[i]));
  }
  RC_ASSERT(inertia(h) == expected);
  // The eigenvalue path agrees in mp100 (entries are small integers; exact in double too).
  Mat<mp100> hm(n, n);
  for (int i = 0; i < n; ++i)
    for (int j = 0; j < n; ++j) hm(i, j) = mp100(h(i, j));
  RC_ASSERT(inertia(hm, mp100("1e-60")) == expected);
}

TEST(InertiaFloating, ToleranceDecidesNearZeroEigenvalues) {
  Mat<double> h(2, 2);
  h << 1, 0, 0, 1e-12;
  EXPECT_EQ(inertia(h, 1e-15), I(2, 0, 0));
  EXPECT_EQ(inertia(h, 1e-9), I(1, 0, 1));
  Mat<mp50> m(3, 3);
  m << 0, 1, 0, 1, 0, 0, 0, 0, 0;
  EXPECT_EQ(inertia(m, mp50("1e-40")), I(1, 1, 1));
  EXPECT_THROW(inertia(h, -1.0), std::invalid_argument);
  Mat<double> a(2, 2);
  a << 1, 2, 3, 1;
  EXPECT_THROW(inertia(a, 0.0), std::invalid_argument);
}

TEST(InertiaFloating, SpectralNorm) {
  Mat<mp100> h(2, 2);
  h << 2, 1, 1, 2;  // eigenvalues 1, 3
  // The QR iteration is accurate to a few eps100 ||H||, not exact.
  EXPECT_LT(abs(spectral_norm_symmetric(h) - 3), 64 * std::numeric_limits<mp100>::epsilon() * 3);
  Mat<double> g(2, 2);
  g << -5, 0, 0, 1;
  EXPECT_DOUBLE_EQ(spectral_norm_symmetric(g), 5.0);  // diagonal: exact
  const Vec<double> ev = symmetric_eigenvalues(g);
  EXPECT_DOUBLE_EQ(ev[0], -5.0);
  EXPECT_DOUBLE_EQ(ev[1], 1.0);
}

}  // namespace
