// Linear networks m -> p -> m' and the exact Baldi-Hornik machinery (003 §3.3, Theorem 3.5,
// 003_61d556b637c4f269.txt L410-L434; guide C5).
//
//   h(x) = W^(2) W^(1) x,  W^(1) in R^{p x m}, W^(2) in R^{m' x p}, no biases, identity activations,
//   f(W^(1), W^(2)) = (1/n) sum_i ||y_i - W^(2) W^(1) x_i||_2^2                       (003 L416)
//
// The core's `square` loss is sum_k (y_k - yhat_k)^2 and NetworkObjective takes the mean over the
// samples, so NetworkObjective<S>(linear_network(m, p, m'), data) is exactly 003's f.
//
// Moments (003 L422, SUMS, not means): Sigma_XX = sum x_i x_i^T, Sigma_XY = sum x_i y_i^T,
// Sigma_YX = Sigma_XY^T, Sigma_YY = sum y_i y_i^T, Sigma = Sigma_YX Sigma_XX^{-1} Sigma_XY (m' x m').
// Theorem 3.5: for an ordered p-index set I and an invertible p x p matrix C,
//   W^(2) = U_I C,  W^(1) = C^{-1} U_I^T Sigma_YX Sigma_XX^{-1}                       (003 L426)
// is a stationary point with cost f = (1/n)(tr Sigma_YY - sum_{i in I} lambda_i)     (003 L432)
// (I = {1..p}: global minima; every other I: saddles, 003 L434).
//
// Everything here is exact (GMP rationals). Sigma's eigenvectors are not computed (they are
// irrational in general): baldi_hornik_data() builds data whose Sigma has a known rational
// orthonormal eigenbasis (a Cayley transform, guide C5 [DERIVED]) and is_eigenbasis() checks the
// pair (Sigma, U, lambda) exactly.
#pragma once

#include <cstdint>
#include <vector>

#include "analysis/numeric/linear_algebra.hpp"
#include "analysis/numeric/scalars.hpp"
#include "nets/core/architecture.hpp"
#include "nets/data/dataset.hpp"

namespace ov::nets::special {

// m -> p -> m_out: identity activations, no biases, `square` loss, 003's parameter order
// (theta = (W^(1) row-major, W^(2) row-major)). Throws std::invalid_argument naming the
// dimension unless m, p, m_out >= 1 (p <= m is 003's setting but is not required).
Architecture linear_network(int m, int p, int m_out);

struct LinearMoments {
  long n = 0;
  Mat<rational> xx, xy, yx, yy;  // Sigma_XX (m x m), Sigma_XY (m x m'), Sigma_YX (m' x m), Sigma_YY (m' x m')
  Mat<rational> xx_inverse;      // Sigma_XX^{-1}
  Mat<rational> sigma;           // Sigma = Sigma_YX Sigma_XX^{-1} Sigma_XY (m' x m')
};

// The moments of a data set (doubles, converted exactly). Throws std::invalid_argument for an
// empty data set and, naming Sigma_XX and the theorem's hypothesis, when Sigma_XX is singular.
LinearMoments linear_moments(const Dataset& data);

// Q = (I - K)(I + K)^{-1} for a skew-symmetric rational K: an orthogonal rational matrix
// (I + K is invertible since K's eigenvalues are imaginary). Throws std::invalid_argument
// (naming the first offending entry) unless K is square and exactly skew-symmetric.
Mat<rational> cayley_orthogonal(const Mat<rational>& K);

// True when U^T U = I and Sigma U = U diag(lambda) exactly.
bool is_eigenbasis(const Mat<rational>& sigma, const Mat<rational>& U, const Vec<rational>& lambda);

// Data with a known rational eigenbasis of Sigma:
//   U = cayley_orthogonal(K), K skew with entries drawn uniformly in {-2..2} (SplitMix64(seed)),
//   A = U diag(q s_1, ..., q s_m), q = lcm of the denominators of U (so A is an integer matrix),
//   samples i = 1..m: x_i = i e_i and y_i = A e_i, so with D = diag(1..m): Sigma_XX = D^2 (not I),
//   Sigma_YX = A D, Sigma_YX Sigma_XX^{-1} = A D^{-1} and Sigma = A A^T = U diag((q s_k)^2) U^T,
//   plus `extra` samples with x = 0 and integer targets in {-3..3} (they only change Sigma_YY).
// singular_values: m distinct positive integers in DESCENDING order (lambda_k = (q s_k)^2 descending).
// Throws std::invalid_argument naming singular_values when they are not distinct, positive, descending.
struct BaldiHornikData {
  Dataset data;
  Mat<rational> U;       // m x m orthogonal, columns = eigenvectors u_1..u_m
  Vec<rational> lambda;  // lambda_1 > ... > lambda_m
};
BaldiHornikData baldi_hornik_data(const std::vector<long>& singular_values, int extra, std::uint64_t seed);

// The stationary point of Theorem 3.5 for the 0-based, strictly increasing index set I
// (|I| = p) and an invertible p x p matrix C, as theta of linear_network(m, p, m'):
//   W^(2) = U_I C,  W^(1) = C^{-1} U_I^T Sigma_YX Sigma_XX^{-1}.
// With hidden > |I| (0 means |I|) the point is padded to a network of width `hidden` with zero
// rows of W^(1) and zero columns of W^(2): a stationary point that is not of full rank (003 L434:
// "also saddle points").
// Throws std::invalid_argument naming the argument (I out of range / not increasing, C not
// |I| x |I| or singular, U of the wrong size, hidden < |I|).
Vec<rational> baldi_hornik_point(const LinearMoments& moments, const Mat<rational>& U, const std::vector<int>& I,
                                 const Mat<rational>& C, int hidden = 0);

// (1/n)(tr Sigma_YY - sum_{i in I} lambda_i)   (003 L432)
rational baldi_hornik_cost(const LinearMoments& moments, const Vec<rational>& lambda, const std::vector<int>& I);

// All strictly increasing p-subsets of {0..m-1} in lexicographic order (C(m, p) of them).
std::vector<std::vector<int>> index_sets(int m, int p);

// Exact inverse of a square rational matrix (Gauss-Jordan); throws std::invalid_argument naming
// `what` when it is singular.
Mat<rational> exact_inverse(const Mat<rational>& A, const char* what);

}  // namespace ov::nets::special
