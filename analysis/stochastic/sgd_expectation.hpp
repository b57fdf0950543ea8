// The exact expectation oracle of SGD on finite-sum quadratics (docs/sgd-expectation.md).
//
// Sample i has f_i(theta) = 1/2 theta^T H_i theta - r_i^T theta + c_i (H_i symmetric), and
// f = (1/n) sum_i f_i. A mini-batch B of b indices gives g_B(theta) = H_B theta - r_B with
// H_B, r_B the means over B, so one SGD step theta' = theta - alpha g_B(theta) is the random
// affine map theta' = (I - alpha H_B) theta + alpha r_B, drawn independently of theta. Then
//   E[theta']           = E_B[I - alpha H_B] m + alpha E_B[r_B]
//   E[theta' theta'^T]  = E_B[(I - alpha H_B) S (I - alpha H_B)^T]
//                         + alpha E_B[(I - alpha H_B) m r_B^T + r_B m^T (I - alpha H_B)^T]
//                         + alpha^2 E_B[r_B r_B^T]
// with m = E[theta], S = E[theta theta^T]; E f(theta) and E ||grad f(theta)||^2 are linear in
// (m, S). Every expectation over B is a finite average (all n^b ordered tuples with
// replacement, all C(n, b) subsets without), so in `rational` every number below is exact:
// no Monte-Carlo noise. Explicitly instantiated for rational, mp100 and double.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "analysis/numeric/linear_algebra.hpp"

namespace ov::stochastic {

// How a mini-batch of size b is drawn: b indices i.i.d. uniform on {0..n-1} (a tuple), or a
// uniformly random b-subset (without replacement).
enum class BatchDraw { with_replacement, without_replacement };
const char* to_string(BatchDraw d);
BatchDraw batch_draw_from_string(const std::string& s);  // throws std::invalid_argument naming the valid values

template <class T>
struct FiniteSumQuadratic {
  std::vector<Mat<T>> H;  // n symmetric d x d matrices
  std::vector<Vec<T>> r;  // n vectors of size d
  std::vector<T> c;       // n constants (empty: all zero)

  int num_samples() const { return static_cast<int>(H.size()); }
  int dim() const { return H.empty() ? 0 : static_cast<int>(H.front().rows()); }
  // Throws std::invalid_argument naming the first inconsistency (sizes, asymmetric H_i, n = 0).
  void validate() const;

  Mat<T> mean_hessian() const;                               // H = (1/n) sum H_i
  Vec<T> mean_linear() const;                                // r = (1/n) sum r_i
  T value(const Vec<T>& theta) const;                        // f(theta)
  Vec<T> gradient(const Vec<T>& theta) const;                // H theta - r
  Vec<T> sample_gradient(int i, const Vec<T>& theta) const;  // H_i theta - r_i
  // The gradient noise at theta: sum_i ||grad f_i - grad f||^2 divided by n (population) or by
  // n - 1 (sample); 004 (36)/(37) need one each (docs/sgd-expectation.md).
  T gradient_variance_population(const Vec<T>& theta) const;
  T gradient_variance_sample(const Vec<T>& theta) const;
};

// f_i(theta) = 1/2 ||theta - c_i||^2 (the isotropic problem of the guide 003/004 §2.4 (i)):
// H_i = I, r_i = c_i, c_i's constant = 1/2 ||c_i||^2. L = mu = 1, M_G = 1, M = sigma^2_pop.
template <class T>
FiniteSumQuadratic<T> isotropic_means(const std::vector<Vec<T>>& centers);

// The first two moments of theta_k.
template <class T>
struct Moments {
  Vec<T> mean;    // E[theta]
  Mat<T> second;  // E[theta theta^T]
};

// One row per iterate theta_k, k = 1..K+1 (k = 1 is the deterministic start).
template <class T>
struct ExpectationRecord {
  int k = 1;
  T step{};              // alpha_k used to go from theta_k to theta_{k+1} (0 on the last row)
  T expected_value{};    // E f(theta_k)
  T expected_grad_sq{};  // E ||grad f(theta_k)||^2
  Moments<T> moments;
};

template <class T>
class SgdExpectation {
 public:
  // Throws std::invalid_argument for an invalid problem, batch < 1, or batch > n without
  // replacement (naming the parameter and its valid range).
  SgdExpectation(FiniteSumQuadratic<T> problem, int batch, BatchDraw draw);

  const FiniteSumQuadratic<T>& problem() const { return problem_; }
  int batch() const { return batch_; }
  BatchDraw draw() const { return draw_; }
  // Number of equally likely batches the expectations average over (n^b ordered tuples,
  // saturating at 2^64 - 1, or C(n, b) subsets).
  std::uint64_t batch_count() const;
  // Number of distinct batches actually enumerated (C(n + b - 1, b) multisets with their
  // multinomial weights, or C(n, b) subsets); the constructor throws std::invalid_argument
  // (naming n and b) when it would exceed max_distinct_batches.
  std::size_t distinct_batch_count() const { return weights_.size(); }
  static constexpr std::uint64_t max_distinct_batches = 200000;
  // kappa in Cov(batch mean) = kappa Cov_pop(sample): 1/b with replacement, (n - b) / (b (n - 1))
  // without (0 when n = 1).
  T covariance_factor() const;

  Moments<T> start(const Vec<T>& theta1) const;  // the deterministic start: mean theta1, second theta1 theta1^T
  // One SGD step in expectation, averaged over the enumerated batches. Throws
  // std::invalid_argument for a non-finite alpha or moments of the wrong size.
  Moments<T> step(const Moments<T>& m, const T& alpha) const;
  // The same step from the closed form E_B[q(X_B)] = q(X) + kappa (mean_i q(X_i) - q(X)) for
  // the quadratic q(A, rho) = A S A^T + A m rho^T + rho m^T A^T + rho rho^T of the batch mean of
  // X_i = (I - alpha H_i, alpha r_i): O(n d^3) whatever b. Equal to step() exactly in rational
  // (tests/stochastic cross-checks the two).
  Moments<T> step_closed_form(const Moments<T>& m, const T& alpha) const;
  T expected_value(const Moments<T>& m) const;      // E f(theta)
  T expected_grad_sq(const Moments<T>& m) const;    // E ||grad f(theta)||^2

  // Conditional moments of the stochastic gradient at a deterministic theta (over one batch):
  // E_B[g_B(theta)] and E_B ||g_B(theta)||^2 (003 (4.14)-(4.16)).
  Vec<T> expected_batch_gradient(const Vec<T>& theta) const;
  T expected_batch_gradient_sq(const Vec<T>& theta) const;

  // K steps from theta1 with steps alpha(k), k = 1..K; returns K + 1 records.
  std::vector<ExpectationRecord<T>> run(const Vec<T>& theta1, const std::function<T(int)>& alpha, int K) const;

 private:
  void check_moments(const Moments<T>& m, const char* fn) const;
  void check_point(const Vec<T>& theta, const char* fn) const;
  FiniteSumQuadratic<T> problem_;
  int batch_;
  BatchDraw draw_;
  // The batch distribution, precomputed: weight (probability) and mean H_B, r_B per distinct
  // batch (tuples that are permutations of each other merged with multinomial weights).
  std::vector<T> weights_;
  std::vector<Mat<T>> batch_H_;
  std::vector<Vec<T>> batch_r_;
  // The means, cached: H, H^2, r, H r and cbar = (1/n) sum c_i.
  Mat<T> H_, H2_;
  Vec<T> r_, Hr_;
  T cbar_{};
};

}  // namespace ov::stochastic
