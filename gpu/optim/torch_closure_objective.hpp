// A LossClosure over a list of LibTorch parameters, seen by the rigorous core as a
// deterministic objective f: R^d -> R (optim::Objective<double>), so that any rule of the
// optim/ registry can run on it unchanged (gpu/optim/closure_rule_optimizer.hpp).
//
// x is the parameters flattened in order (each tensor row-major, as .contiguous() lays it
// out). value/gradient at x:
//   1. x is written into the parameters (under NoGradGuard, p.copy_(x slice)), rounded to
//      each parameter's dtype and moved to its device (exact for float64 on the CPU);
//   2. every parameter's .grad() is cleared (so a closure that forgets zero_grad() is still
//      right), and the closure runs with gradients enabled: it must run forward and backward
//      on the SAME mini-batch every time and return the loss (a tensor with one element);
//   3. the loss (.item<double>()) and the gradients (converted to float64 on the CPU) are
//      read back; a parameter whose .grad() stays undefined contributes a zero gradient
//      (counted: without_gradient()), and if no parameter has one the closure did not call
//      backward(): std::runtime_error.
// The last evaluation is cached: a rule asking value(x) then gradient(x) at the same
// (bitwise equal) x costs one closure call. Every call of the closure is counted.
//
// The closure has to be deterministic for the rule's decisions (Armijo tests) to mean
// anything: ClosureRuleOptimizer sets the model to eval() mode around the step (000 Remark
// 4.1, L582) unless told otherwise.
//
// Header-only (inline): included only by the gpu/optim translation units that use it, which
// parse ATen anyway; a TU of its own would cost ~10 s of LibTorch headers for ~100 lines.
#pragma once

#include <ATen/ATen.h>
#include <c10/core/GradMode.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <functional>
#include <limits>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "optim/core/objective.hpp"

namespace ov::gpu {

class TorchClosureObjective final : public optim::Objective<double> {
 public:
  using Closure = std::function<at::Tensor()>;
  using Vec = optim::Vector<double>;

  // rule: the name used in error messages. Throws std::invalid_argument for an empty closure
  // or more than 2^31 - 1 coordinates (optim::Objective::dim() is an int).
  TorchClosureObjective(std::vector<at::Tensor> params, Closure closure, std::string rule);

  int dim() const override { return dim_; }
  double value(const Vec& x) const override;
  Vec gradient(const Vec& x) const override;
  double value_and_gradient(const Vec& x, Vec& g) const override;
  void gradient_into(const Vec& x, Vec& g) const override;

  // The parameters' current values, flattened (float64).
  Vec read_parameters() const;
  // x into the parameters (rounded to their dtype, on their device); x.size() must be dim().
  void write_parameters(const Vec& x) const;

  std::int64_t closure_calls() const { return calls_; }
  // Parameters without a gradient in the last evaluation.
  std::int64_t without_gradient() const { return without_gradient_; }


 private:
  void evaluate(const Vec& x) const;

  std::vector<at::Tensor> params_;
  std::vector<std::int64_t> offsets_;  // offsets_[i] = first coordinate of params_[i]; back() = dim
  Closure closure_;
  std::string rule_;
  int dim_ = 0;
  mutable bool cached_ = false;
  mutable Vec cached_x_, cached_g_;
  mutable double cached_value_ = 0;
  mutable std::int64_t calls_ = 0;
  mutable std::int64_t without_gradient_ = 0;
};

// ---- implementation

inline TorchClosureObjective::TorchClosureObjective(std::vector<at::Tensor> params, Closure closure, std::string rule)
    : params_(std::move(params)),
      closure_(std::move(closure)),
      rule_(std::move(rule)) {
  if (!closure_) throw std::invalid_argument(rule_ + ": no closure (step(closure) needs a LossClosure)");
  std::int64_t n = 0;
  offsets_.reserve(params_.size() + 1);
  for (const at::Tensor& p : params_) {
    offsets_.push_back(n);
    n += p.numel();
  }
  offsets_.push_back(n);
  if (n > std::numeric_limits<int>::max())
    throw std::invalid_argument(rule_ + ": " + std::to_string(n) +
                                " parameters in one group; the core rules index at most 2^31 - 1 coordinates");
  dim_ = static_cast<int>(n);
}

inline TorchClosureObjective::Vec TorchClosureObjective::read_parameters() const {
  Vec x(dim_);
  for (std::size_t i = 0; i < params_.size(); ++i) {
    const at::Tensor v = params_[i].detach().to(at::kCPU, at::kDouble).contiguous();
    std::memcpy(x.data() + offsets_[i], v.data_ptr<double>(), static_cast<std::size_t>(v.numel()) * sizeof(double));
  }
  return x;
}

inline void TorchClosureObjective::write_parameters(const Vec& x) const {
  if (x.size() != dim_)
    throw std::logic_error(rule_ + ": a point of " + std::to_string(x.size()) + " coordinates for " +
                           std::to_string(dim_) + " parameters");
  c10::NoGradGuard no_grad;
  for (std::size_t i = 0; i < params_.size(); ++i) {
    // from_blob does not copy; copy_ converts to the parameter's dtype and device.
    const at::Tensor src = at::from_blob(const_cast<double*>(x.data() + offsets_[i]), params_[i].sizes(),
                                         at::TensorOptions().dtype(at::kDouble));
    at::Tensor p = params_[i];
    p.copy_(src);
  }
}

inline void TorchClosureObjective::evaluate(const Vec& x) const {
  if (cached_ && x.size() == cached_x_.size() &&
      std::memcmp(x.data(), cached_x_.data(), static_cast<std::size_t>(x.size()) * sizeof(double)) == 0)
    return;
  cached_ = false;
  write_parameters(x);
  for (const at::Tensor& p : params_) p.mutable_grad() = at::Tensor();
  at::Tensor loss;
  {
    c10::AutoGradMode enable(true);
    loss = closure_();
  }
  ++calls_;
  if (!loss.defined()) throw std::runtime_error(rule_ + ": the closure returned an undefined tensor (return the loss)");
  if (loss.numel() != 1)
    throw std::runtime_error(rule_ + ": the closure returned a tensor of " + std::to_string(loss.numel()) +
                             " elements; it must return the (scalar) loss");
  const double v = loss.detach().to(at::kCPU, at::kDouble).item<double>();
  Vec g(dim_);
  std::int64_t missing = 0;
  for (std::size_t i = 0; i < params_.size(); ++i) {
    const at::Tensor& gi = params_[i].grad();
    double* dst = g.data() + offsets_[i];
    const std::int64_t n = offsets_[i + 1] - offsets_[i];
    if (!gi.defined()) {
      ++missing;
      std::fill(dst, dst + n, 0.0);
      continue;
    }
    if (!gi.sizes().equals(params_[i].sizes()))
      throw std::runtime_error(rule_ + ": parameter " + std::to_string(i) + " has a gradient of shape " +
                               c10::str(gi.sizes()) + " but the parameter's shape is " +
                               c10::str(params_[i].sizes()));
    const at::Tensor c = gi.detach().to(at::kCPU, at::kDouble).contiguous();
    std::memcpy(dst, c.data_ptr<double>(), static_cast<std::size_t>(n) * sizeof(double));
  }
  if (!params_.empty() && missing == static_cast<std::int64_t>(params_.size()))
    throw std::runtime_error(rule_ + ": after the closure no parameter has a gradient: the closure must call "
                                     "loss.backward() (forward and backward on the same mini-batch) and return the loss");
  without_gradient_ = missing;
  cached_x_ = x;
  cached_g_ = std::move(g);
  cached_value_ = v;
  cached_ = true;
}

inline double TorchClosureObjective::value(const Vec& x) const {
  evaluate(x);
  return cached_value_;
}

inline TorchClosureObjective::Vec TorchClosureObjective::gradient(const Vec& x) const {
  evaluate(x);
  return cached_g_;
}

inline double TorchClosureObjective::value_and_gradient(const Vec& x, Vec& g) const {
  evaluate(x);
  g = cached_g_;
  return cached_value_;
}

inline void TorchClosureObjective::gradient_into(const Vec& x, Vec& g) const {
  evaluate(x);
  g = cached_g_;
}

}  // namespace ov::gpu
