#include "gpu/optim/flat_parameters.hpp"

#include <stdexcept>
#include <string>

#include "gpu/optim/parameter_checks.hpp"

namespace ov::gpu {

FlatParameters::FlatParameters(std::vector<at::Tensor> params) : params_(std::move(params)) {
  if (params_.empty()) throw std::invalid_argument("FlatParameters: no parameters");
  check_parameter_group(params_, 0, "FlatParameters");
  std::int64_t total = 0;
  for (const auto& p : params_) {
    offsets_.push_back(total);
    total += p.numel();
  }
  const auto opts = params_[0].options().requires_grad(false);
  values_ = at::empty({total}, opts);
  grads_ = at::zeros({total}, opts);
  at::NoGradGuard no_grad;
  for (std::size_t i = 0; i < params_.size(); ++i) {
    at::Tensor& p = params_[i];
    const std::int64_t n = p.numel();
    at::Tensor slice = values_.narrow(0, offsets_[i], n);
    slice.copy_(p.detach().reshape({-1}));
    p.set_data(slice.view(p.sizes()));
    p.mutable_grad() = grads_.narrow(0, offsets_[i], n).view(p.sizes());
  }
  leaf_ = values_.detach();
  leaf_.requires_grad_(true);
  leaf_.mutable_grad() = grads_;
}

void FlatParameters::check() const {
  for (std::size_t i = 0; i < params_.size(); ++i) {
    const at::Tensor& p = params_[i];
    const std::int64_t off = offsets_[i] * static_cast<std::int64_t>(values_.element_size());
    const auto* vbase = static_cast<const char*>(values_.data_ptr());
    const auto* gbase = static_cast<const char*>(grads_.data_ptr());
    if (p.data_ptr() != vbase + off)
      throw std::logic_error("FlatParameters: parameter " + std::to_string(i) +
                             " no longer lives in the flat buffer (was its data replaced?)");
    if (!p.grad().defined() || p.grad().data_ptr() != gbase + off)
      throw std::logic_error("FlatParameters: the gradient of parameter " + std::to_string(i) +
                             " is no longer a view of the flat gradient buffer (zero_grad(set_to_none = true) or a "
                             "replaced .grad()): zero gradients with FlatParameters::zero_grad()");
  }
  if (!leaf_.grad().defined() || leaf_.grad().data_ptr() != grads_.data_ptr())
    throw std::logic_error("FlatParameters: the flat parameter's gradient was replaced");
}

void FlatParameters::zero_grad() {
  check();
  grads_.zero_();
}

}  // namespace ov::gpu
