// What an optimizer minimises: a deterministic objective, or a finite sum
// f(x) = (1/N) sum_i f_i(x) evaluated on mini-batches (the MEAN over the batch,
// so a batch of all samples gives f itself; docs/design-optim.md).
#pragma once

#include <cstddef>
#include <numeric>
#include <stdexcept>
#include <vector>

#include "optim/core/vector.hpp"

namespace ov::optim {

template <class S>
class Objective {
 public:
  virtual ~Objective() = default;
  virtual int dim() const = 0;
  virtual S value(const Vector<S>& x) const = 0;
  virtual Vector<S> gradient(const Vector<S>& x) const = 0;
  virtual S value_and_gradient(const Vector<S>& x, Vector<S>& g) const {
    g = gradient(x);
    return value(x);
  }
  // The gradient written into g (resized when its size differs). Large objectives
  // override it to reuse g's storage: no allocation per step.
  virtual void gradient_into(const Vector<S>& x, Vector<S>& g) const { g = gradient(x); }
  // Hessian-vector products (optional): rules that need curvature, such as Step-Tuned
  // SGD's Algorithm 6, ask provides_hessian_vector() first.
  virtual bool provides_hessian_vector() const { return false; }
  virtual Vector<S> hessian_vector(const Vector<S>& /*x*/, const Vector<S>& /*v*/) const {
    throw std::logic_error("this objective provides no Hessian-vector products");
  }
};

using Batch = std::vector<std::size_t>;

template <class S>
class FiniteSumObjective : public Objective<S> {
 public:
  virtual std::size_t num_samples() const = 0;
  // Means over the samples of `batch` (indices in [0, num_samples()), repeats allowed).
  virtual S batch_value(const Vector<S>& x, const Batch& batch) const = 0;
  virtual Vector<S> batch_gradient(const Vector<S>& x, const Batch& batch) const = 0;
  virtual S batch_value_and_gradient(const Vector<S>& x, const Batch& batch, Vector<S>& g) const {
    g = batch_gradient(x, batch);
    return batch_value(x, batch);
  }
  // (1/|batch|) sum over the batch of Hess f_i(x) v; only where provides_hessian_vector().
  virtual Vector<S> batch_hessian_vector(const Vector<S>& /*x*/, const Batch& /*batch*/,
                                         const Vector<S>& /*v*/) const {
    throw std::logic_error("this finite sum provides no Hessian-vector products");
  }
  // The whole sum: the mean over all samples.
  S value(const Vector<S>& x) const override { return batch_value(x, all()); }
  Vector<S> gradient(const Vector<S>& x) const override { return batch_gradient(x, all()); }
  S value_and_gradient(const Vector<S>& x, Vector<S>& g) const override {
    return batch_value_and_gradient(x, all(), g);
  }
  Vector<S> hessian_vector(const Vector<S>& x, const Vector<S>& v) const override {
    return batch_hessian_vector(x, all(), v);
  }

 protected:
  Batch all() const {
    Batch b(num_samples());
    std::iota(b.begin(), b.end(), std::size_t{0});
    return b;
  }
};

}  // namespace ov::optim
