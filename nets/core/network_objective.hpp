// A network plus a data set as a finite-sum objective for the optimizer library:
// f(theta) = (1/n) sum_i L(y_i, h(x_i, theta)) (003 (2.6)), with mini-batch means
// (optim/core/objective.hpp's convention), gradients by backpropagation
// (network.hpp) and Hessian-vector products by forward-mode differentiation of the
// backward pass (backpropagation run on ceres::Jet<S, 1> seeded along v: exact up to the
// arithmetic of S, no finite differences).
//
// The data (doubles, nets/data/dataset.hpp) are converted once, exactly, to S.
// Shapes are checked at construction (the layer and the sizes are named).
// Non-finite values: value/gradient return what was computed (NaN or inf), so an
// optimizer refuses the step and keeps its state; last_non_finite() says which sample
// and which layer went first. With throw_on_non_finite(true) a nets::non_finite_error is
// thrown instead.
//
// Instantiated for double, float128, mp50, mp100, interval and rational
// (network_objective_<scalar>.cpp).
#pragma once

#include <mutex>
#include <optional>
#include <stdexcept>

#include "nets/core/network.hpp"
#include "nets/data/dataset.hpp"
#include "optim/core/objective.hpp"

namespace ov::nets {

class non_finite_error : public std::domain_error {
 public:
  explicit non_finite_error(const NonFinite& nf) : std::domain_error(nf.message()), where(nf) {}
  NonFinite where;
};

template <class S>
class NetworkObjective : public optim::FiniteSumObjective<S> {
 public:
  NetworkObjective(Architecture architecture, const Dataset& data);
  // Data given directly in S (one sample per COLUMN: inputs d_0 x n, targets d_L x n), e.g.
  // exact non-dyadic rationals that a Dataset of doubles cannot hold.
  NetworkObjective(Architecture architecture, Mat<S> inputs, Mat<S> targets);

  int dim() const override { return static_cast<int>(arch_.num_parameters()); }
  std::size_t num_samples() const override { return static_cast<std::size_t>(inputs_.cols()); }
  S batch_value(const optim::Vector<S>& theta, const optim::Batch& batch) const override;
  optim::Vector<S> batch_gradient(const optim::Vector<S>& theta, const optim::Batch& batch) const override;
  S batch_value_and_gradient(const optim::Vector<S>& theta, const optim::Batch& batch,
                             optim::Vector<S>& g) const override;
  bool provides_hessian_vector() const override { return true; }
  optim::Vector<S> batch_hessian_vector(const optim::Vector<S>& theta, const optim::Batch& batch,
                                        const optim::Vector<S>& v) const override;
  // The whole sum without gathering a batch.
  S value(const optim::Vector<S>& theta) const override;
  optim::Vector<S> gradient(const optim::Vector<S>& theta) const override;
  S value_and_gradient(const optim::Vector<S>& theta, optim::Vector<S>& g) const override;
  void gradient_into(const optim::Vector<S>& theta, optim::Vector<S>& g) const override;
  optim::Vector<S> hessian_vector(const optim::Vector<S>& theta, const optim::Vector<S>& v) const override;
  // The full Hessian of f, column by column (d Hessian-vector products), symmetrised
  // ((H + H^T)/2, which changes nothing in exact arithmetic).
  Mat<S> hessian(const optim::Vector<S>& theta) const;
  // Per-sample gradient of L_i.
  optim::Vector<S> sample_gradient(const optim::Vector<S>& theta, std::size_t i) const;

  const Architecture& architecture() const { return arch_; }
  const Mat<S>& inputs() const { return inputs_; }    // d_0 x n
  const Mat<S>& targets() const { return targets_; }  // d_L x n
  std::optional<NonFinite> last_non_finite() const;
  void throw_on_non_finite(bool on) { throw_ = on; }

 private:
  S evaluate(const optim::Vector<S>& theta, const optim::Batch* batch, optim::Vector<S>* g) const;
  optim::Vector<S> hvp(const optim::Vector<S>& theta, const optim::Batch* batch, const optim::Vector<S>& v) const;
  void record(const std::optional<NonFinite>& nf) const;

  Architecture arch_;
  Mat<S> inputs_, targets_;
  bool throw_ = false;
  mutable std::mutex mutex_;
  mutable std::optional<NonFinite> last_;
};

extern template class NetworkObjective<double>;
extern template class NetworkObjective<float128>;
extern template class NetworkObjective<mp50>;
extern template class NetworkObjective<mp100>;
extern template class NetworkObjective<interval>;
extern template class NetworkObjective<rational>;

}  // namespace ov::nets
