// Linear networks and Baldi-Hornik (003 §3.3, Theorem 3.5, L410-L434), exactly in rational:
// the architecture is 003's f; the generated data have a rational eigenbasis of Sigma; every
// p-index set I with several C gives an exact stationary point (gradient == 0 through
// NetworkObjective<rational>) whose cost equals the theorem's formula exactly; the exact Hessian
// inertia has no negative eigenvalue only for I = {1..p}. Mutants (C instead of C^{-1}, a
// perturbed point, the cost without 1/n, a wrong eigenvalue) are caught.
#include <gtest/gtest.h>

#include <algorithm>
#include <iostream>

#include "analysis/numeric/inertia.hpp"
#include "nets/core/network_objective.hpp"
#include "nets/special/linear_network.hpp"

namespace ov::nets::special {
namespace {

Mat<rational> matrix(int r, int c, std::initializer_list<long> v) {
  Mat<rational> M(r, c);
  auto it = v.begin();
  for (int i = 0; i < r; ++i)
    for (int j = 0; j < c; ++j) M(i, j) = rational(*it++);
  return M;
}

// Invertible p x p matrices: I, a non-orthogonal upper triangular one, a dense one with det -1.
std::vector<Mat<rational>> some_C(int p) {
  std::vector<Mat<rational>> out{Mat<rational>::Identity(p, p)};
  Mat<rational> T = Mat<rational>::Identity(p, p) * rational(2);
  for (int i = 0; i < p; ++i)
    for (int j = i + 1; j < p; ++j) T(i, j) = rational(j - i, 3);
  out.push_back(T);
  Mat<rational> D(p, p);
  for (int i = 0; i < p; ++i)
    for (int j = 0; j < p; ++j) D(i, j) = rational(i == j ? -1 : (i + 2 * j) % 3, 2);
  try {
    exact_inverse(D, "D");
    out.push_back(D);
  } catch (const std::invalid_argument&) {
  }
  return out;
}

TEST(LinearNetwork, CoreObjectiveIsTheDocumentsF) {
  const BaldiHornikData bh = baldi_hornik_data({3, 2, 1}, 2, 7);
  const Architecture a = linear_network(3, 2, 3);
  EXPECT_EQ(a.num_parameters(), 12);
  EXPECT_FALSE(a.biases);
  const NetworkObjective<rational> f(a, bh.data);
  Vec<rational> th(12);
  for (int i = 0; i < 12; ++i) th[i] = rational((i * 7) % 5 - 2, 1 + i % 3);
  // Independent evaluation of 003 L416: (1/n) sum ||y_i - W2 W1 x_i||^2.
  const Mat<rational> W1 = Eigen::Map<const RowMajorMat<rational>>(th.data(), 2, 3);
  const Mat<rational> W2 = Eigen::Map<const RowMajorMat<rational>>(th.data() + 6, 3, 2);
  rational s = 0;
  for (Eigen::Index i = 0; i < bh.data.size(); ++i) {
    Vec<rational> x(3), y(3);
    for (int j = 0; j < 3; ++j) x[j] = rational(bh.data.inputs(i, j)), y[j] = rational(bh.data.targets(i, j));
    s += (y - W2 * W1 * x).squaredNorm();
  }
  EXPECT_EQ(f.value(th), s / rational(bh.data.size()));
  // Mutant: the 1/2 convention (half_square) is not the document's f.
  Architecture half = a;
  half.loss.kind = LossKind::half_square;
  EXPECT_NE(NetworkObjective<rational>(half, bh.data).value(th), s / rational(bh.data.size()));
}

TEST(LinearNetwork, GeneratedDataHaveARationalEigenbasis) {
  const BaldiHornikData bh = baldi_hornik_data({4, 3, 2, 1}, 2, 11);
  const LinearMoments mo = linear_moments(bh.data);
  EXPECT_EQ(mo.n, 6);
  EXPECT_NE(mo.xx, Mat<rational>(Mat<rational>::Identity(4, 4)));  // Sigma_XX^{-1} matters
  EXPECT_TRUE(is_eigenbasis(mo.sigma, bh.U, bh.lambda));
  for (int k = 1; k < 4; ++k) EXPECT_GT(bh.lambda[k - 1], bh.lambda[k]);
  EXPECT_GT(bh.lambda[3], 0);  // full rank
  // The Cayley transform gives a non-trivial orthogonal matrix (not a signed permutation).
  int nonzero = 0;
  for (Eigen::Index i = 0; i < 4; ++i)
    for (Eigen::Index j = 0; j < 4; ++j) nonzero += bh.U(i, j) != 0;
  EXPECT_GT(nonzero, 4);
  // Mutants: two eigenvalues swapped, or one eigenvector's sign pattern broken, are rejected.
  Vec<rational> swapped = bh.lambda;
  std::swap(swapped[0], swapped[1]);
  EXPECT_FALSE(is_eigenbasis(mo.sigma, bh.U, swapped));
  Mat<rational> U2 = bh.U;
  U2(0, 0) = -U2(0, 0);
  if (U2 != bh.U) {
    EXPECT_FALSE(is_eigenbasis(mo.sigma, U2, bh.lambda));
  }
  // Same seed, same data; another seed, another rotation.
  EXPECT_EQ(baldi_hornik_data({4, 3, 2, 1}, 2, 11).data.targets, bh.data.targets);
  EXPECT_NE(baldi_hornik_data({4, 3, 2, 1}, 2, 12).U, bh.U);
}

TEST(LinearNetwork, CayleyTransformIsOrthogonal) {
  const Mat<rational> K = matrix(3, 3, {0, 1, -2, -1, 0, 3, 2, -3, 0});
  const Mat<rational> Q = cayley_orthogonal(K);
  EXPECT_EQ(Mat<rational>(Q.transpose() * Q), Mat<rational>(Mat<rational>::Identity(3, 3)));
  Mat<rational> bad = K;
  bad(0, 1) = 2;  // not skew
  try {
    cayley_orthogonal(bad);
    FAIL();
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("K(1,0) = -1 and K(0,1) = 2"), std::string::npos) << e.what();
  }
}

// Theorem 3.5 (003 L424-L434): every index set and C gives an exact stationary point with the
// theorem's cost; only I = {1..p} has a positive semidefinite Hessian.
TEST(LinearNetwork, BaldiHornikStationaryPointsCostsAndInertia) {
  const int m = 4;
  const BaldiHornikData bh = baldi_hornik_data({4, 3, 2, 1}, 2, 11);
  const LinearMoments mo = linear_moments(bh.data);
  ASSERT_TRUE(is_eigenbasis(mo.sigma, bh.U, bh.lambda));
  int checked = 0;
  for (int p = 1; p <= 3; ++p) {
    const Architecture a = linear_network(m, p, m);
    const NetworkObjective<rational> f(a, bh.data);
    for (const auto& I : index_sets(m, p)) {
      const bool top = I.back() == p - 1;
      for (const Mat<rational>& C : some_C(p)) {
        const Vec<rational> th = baldi_hornik_point(mo, bh.U, I, C);
        const Vec<rational> g = f.gradient(th);
        EXPECT_TRUE(g.isZero(0)) << "p = " << p << ", I[0] = " << I[0];
        EXPECT_EQ(f.value(th), baldi_hornik_cost(mo, bh.lambda, I));
        ++checked;
      }
      // Inertia at C = I (the GL(p) orbit has the same inertia: Sylvester, the map is linear).
      const Vec<rational> th = baldi_hornik_point(mo, bh.U, I, Mat<rational>::Identity(p, p));
      const Inertia in = inertia(f.hessian(th));
      std::cout << "[figures] m=4 p=" << p << " I={";
      for (std::size_t k = 0; k < I.size(); ++k) std::cout << (k ? "," : "") << I[k] + 1;
      std::cout << "} cost=" << baldi_hornik_cost(mo, bh.lambda, I) << " inertia=" << to_string(in) << "\n";
      if (top) {
        EXPECT_EQ(in.negative, 0) << "I = {1..p} must be a minimum";
        EXPECT_EQ(in.zero, p * p) << "[DERIVED] the kernel is the GL(p) orbit's tangent space";
      } else {
        EXPECT_GE(in.negative, 1) << "every other index set is a saddle";
      }
      // Observed on these data (not in the documents): the number of negative eigenvalues is the
      // number of pairs (i in I, j not in I) with lambda_j > lambda_i.
      int pairs = 0;
      for (const int i : I)
        for (int j = 0; j < i; ++j) pairs += std::find(I.begin(), I.end(), j) == I.end();
      EXPECT_EQ(in.negative, pairs);
    }
  }
  EXPECT_EQ(checked, (4 + 6 + 4) * 3);
}

// 003 L434: stationary points that are not of full rank are saddles. W = 0 and the points of
// index sets with |I| = r < p padded with zero rows/columns: exact gradient 0, cost from L432,
// and at least one negative Hessian eigenvalue.
TEST(LinearNetwork, RankDeficientStationaryPointsAreSaddles) {
  const BaldiHornikData bh = baldi_hornik_data({4, 3, 2, 1}, 2, 11);
  const LinearMoments mo = linear_moments(bh.data);
  const int p = 3;
  const NetworkObjective<rational> f(linear_network(4, p, 4), bh.data);
  const Vec<rational> zero = Vec<rational>::Zero(f.dim());
  EXPECT_TRUE(f.gradient(zero).isZero(0));
  EXPECT_EQ(f.value(zero), mo.yy.trace() / rational(mo.n));
  EXPECT_GE(inertia(f.hessian(zero)).negative, 1);
  int checked = 0;
  for (int r = 1; r < p; ++r)
    for (const auto& I : index_sets(4, r)) {
      const Vec<rational> th = baldi_hornik_point(mo, bh.U, I, Mat<rational>::Identity(r, r), p);
      EXPECT_TRUE(f.gradient(th).isZero(0));
      EXPECT_EQ(f.value(th), baldi_hornik_cost(mo, bh.lambda, I));
      const Inertia in = inertia(f.hessian(th));
      EXPECT_GE(in.negative, 1) << "r = " << r << ": " << to_string(in);
      ++checked;
    }
  EXPECT_EQ(checked, 4 + 6);
  EXPECT_THROW(baldi_hornik_point(mo, bh.U, {0, 1}, Mat<rational>::Identity(2, 2), 1), std::invalid_argument);
}

TEST(LinearNetwork, MutantsAreCaught) {
  const BaldiHornikData bh = baldi_hornik_data({4, 3, 2, 1}, 2, 11);
  const LinearMoments mo = linear_moments(bh.data);
  const Architecture a = linear_network(4, 2, 4);
  const NetworkObjective<rational> f(a, bh.data);
  const std::vector<int> I{0, 2};
  const Mat<rational> C = matrix(2, 2, {2, 1, 0, 3});
  // (1) W1 = C U_I^T Sigma_YX Sigma_XX^{-1} (C instead of C^{-1}): not stationary.
  Vec<rational> th = baldi_hornik_point(mo, bh.U, I, C);
  Vec<rational> mutant = th;
  const Mat<rational> W2 = weights(a, th, 2);
  Mat<rational> UI(4, 2);
  UI << bh.U.col(0), bh.U.col(2);
  weights(a, mutant, 1) = C * UI.transpose() * mo.yx * mo.xx_inverse;
  EXPECT_FALSE(f.gradient(mutant).isZero(0));
  // (2) a point moved by 1/1000 in one coordinate: not stationary.
  mutant = th;
  mutant[3] += rational(1, 1000);
  EXPECT_FALSE(f.gradient(mutant).isZero(0));
  // (3) the cost formula without 1/n, or with the complementary eigenvalues: wrong.
  EXPECT_NE(f.value(th), baldi_hornik_cost(mo, bh.lambda, I) * rational(mo.n));
  EXPECT_NE(f.value(th), baldi_hornik_cost(mo, bh.lambda, {1, 3}));
  // (4) Sigma_XX^{-1} left out (the data have Sigma_XX != I): not stationary.
  mutant = th;
  weights(a, mutant, 1) = exact_inverse(C, "C") * UI.transpose() * mo.yx;
  EXPECT_FALSE(f.gradient(mutant).isZero(0));
}

TEST(LinearNetwork, BadInputIsNamed) {
  EXPECT_THROW(linear_network(0, 1, 1), std::invalid_argument);
  try {
    baldi_hornik_data({3, 3, 1}, 0, 1);
    FAIL();
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("strictly descending"), std::string::npos) << e.what();
  }
  Dataset d;
  d.inputs = Eigen::MatrixXd::Zero(3, 2);
  d.targets = Eigen::MatrixXd::Ones(3, 2);
  d.inputs(0, 0) = 1;  // second input coordinate is always 0: Sigma_XX singular
  try {
    linear_moments(d);
    FAIL();
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("Sigma_XX"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("singular"), std::string::npos) << e.what();
  }
  const BaldiHornikData bh = baldi_hornik_data({3, 2, 1}, 0, 2);
  const LinearMoments mo = linear_moments(bh.data);
  EXPECT_THROW(baldi_hornik_point(mo, bh.U, {1, 0}, Mat<rational>::Identity(2, 2)), std::invalid_argument);
  EXPECT_THROW(baldi_hornik_point(mo, bh.U, {0, 3}, Mat<rational>::Identity(2, 2)), std::invalid_argument);
  try {
    baldi_hornik_point(mo, bh.U, {0, 1}, matrix(2, 2, {1, 2, 2, 4}));
    FAIL();
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("C is singular"), std::string::npos) << e.what();
  }
  EXPECT_EQ(index_sets(4, 2).size(), 6u);
  EXPECT_THROW(index_sets(2, 3), std::invalid_argument);
}

}  // namespace
}  // namespace ov::nets::special
