// The quadratic-activation shallow network of 004 §8.1, Proposition 4 (Soltanolkotabi et al. 2018,
// Theorem 1; 004_3d3d1f2b4537bb54.txt L545-L569; guide C28):
//
//   x in R^d -> v^T sigma(W x),  W in R^{k x d}, v in R^k, sigma(z) = z^2              (004 L547)
//   L(W) = (1/(2n)) sum_i (y_i - v^T sigma(W x_i))^2                                   (004 L551)
//
// L is a function of W only: v is FIXED (004 L560: "the weights of output layer v contains at
// least d positive values and d negative values" is a hypothesis on given v). Proposition 4: if
// k >= 2d and v has >= d positive and >= d negative entries, there are no spurious local minima
// and every saddle has a direction of strictly negative curvature; if d <= n <= c d^2 the global
// optimum is 0 (004 L560-L569; c is not given).
//
// [DERIVED] (guide C28): v^T sigma(W x) = x^T Q x with Q = sum_j v_j w_j w_j^T (w_j = row j of W);
// under the sign hypothesis Q ranges over all symmetric d x d matrices, so zero loss is
// reachable for generic data iff n <= d(d+1)/2 (the dimension of the symmetric matrices): a
// concrete c for tests (quadratic_interpolation_threshold).
//
// The core network (quadratic_network(d, k): d -> k quadratic -> 1 identity, half_square loss,
// no biases; theta = (W row-major, v)) trains v too; QuadraticNetworkObjective is L(W) with v
// fixed: it evaluates the core NetworkObjective at (W, v) and keeps the W block of the gradient,
// Hessian-vector products and Hessian. Instantiated for double, mp100 and rational.
#pragma once

#include <memory>

#include "analysis/numeric/linear_algebra.hpp"
#include "analysis/numeric/scalars.hpp"
#include "nets/core/architecture.hpp"
#include "nets/data/dataset.hpp"
#include "optim/core/objective.hpp"

namespace ov::nets {
template <class S>
class NetworkObjective;
}

namespace ov::nets::special {

// d -> k (quadratic) -> 1 (identity), half_square loss, no biases, 003 parameter order.
// Throws std::invalid_argument naming d or k unless both are >= 1.
Architecture quadratic_network(int d, int k);

// Proposition 4's width hypothesis k >= 2d: the smallest such k. Throws unless d >= 1.
int soltanolkotabi_min_width(int d);
// Proposition 4's sign hypothesis: v has at least d positive and at least d negative entries.
bool soltanolkotabi_sign_condition(const Vec<double>& v, int d);
// [DERIVED] d(d+1)/2: the largest n for which generic data can be interpolated (Q symmetric).
long quadratic_interpolation_threshold(int d);

// Q = sum_j v_j w_j w_j^T = W^T diag(v) W (d x d, symmetric): v^T sigma(W x) = x^T Q x.
template <class S>
Mat<S> quadratic_form(const Mat<S>& W, const Vec<S>& v);

template <class S>
class QuadraticNetworkObjective : public optim::FiniteSumObjective<S> {
 public:
  // data: n x d inputs, n x 1 targets; v: the k fixed output weights (doubles, converted exactly).
  // Throws std::invalid_argument naming the argument (k = v.size() >= 1, targets one column).
  QuadraticNetworkObjective(const Dataset& data, const Vec<double>& v);
  ~QuadraticNetworkObjective() override;

  int dim() const override { return k_ * d_; }
  std::size_t num_samples() const override;
  S batch_value(const optim::Vector<S>& W, const optim::Batch& batch) const override;
  optim::Vector<S> batch_gradient(const optim::Vector<S>& W, const optim::Batch& batch) const override;
  S batch_value_and_gradient(const optim::Vector<S>& W, const optim::Batch& batch,
                             optim::Vector<S>& g) const override;
  bool provides_hessian_vector() const override { return true; }
  optim::Vector<S> batch_hessian_vector(const optim::Vector<S>& W, const optim::Batch& batch,
                                        const optim::Vector<S>& u) const override;
  // The k d x k d Hessian of L with respect to vec(W) (row-major).
  Mat<S> hessian(const optim::Vector<S>& W) const;
  // (W row-major, v): the parameter vector of quadratic_network(d, k).
  optim::Vector<S> full_parameters(const optim::Vector<S>& W) const;
  const Architecture& architecture() const { return arch_; }
  const Vec<S>& output_weights() const { return v_; }

 private:
  void check(const optim::Vector<S>& W) const;
  int d_ = 0, k_ = 0;
  Architecture arch_;
  Vec<S> v_;
  std::unique_ptr<NetworkObjective<S>> net_;
};

extern template class QuadraticNetworkObjective<double>;
extern template class QuadraticNetworkObjective<mp100>;
extern template class QuadraticNetworkObjective<rational>;

}  // namespace ov::nets::special
