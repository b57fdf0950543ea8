// A user's own torch::optim::Optimizer: plain SGD that refuses a step whose gradients are not
// all finite (parameters untouched), the behaviour the universal LibTorch suite asks of every
// optimizer (torch::optim::SGD writes a NaN gradient into the parameters instead). Stateless
// apart from its options, so save()/load() of the base class are a complete checkpoint.
#pragma once

#include <torch/optim/optimizer.h>
#include <torch/optim/sgd.h>

#include <memory>
#include <vector>

#include "gpu/conformance/torch_subject.hpp"

namespace my_example {

class RefusingSgd : public torch::optim::Optimizer {
 public:
  RefusingSgd(std::vector<torch::optim::OptimizerParamGroup> groups, double lr)
      : torch::optim::Optimizer(std::move(groups), std::make_unique<torch::optim::SGDOptions>(lr)) {}

  torch::Tensor step(LossClosure closure = nullptr) override {
    torch::NoGradGuard no_grad;
    torch::Tensor loss = closure ? closure() : torch::Tensor();
    for (auto& group : param_groups())
      for (auto& p : group.params())
        if (p.grad().defined() && !torch::isfinite(p.grad()).all().item<bool>()) return loss;  // refused
    for (auto& group : param_groups()) {
      const double lr = static_cast<torch::optim::SGDOptions&>(group.options()).lr();
      for (auto& p : group.params())
        if (p.grad().defined()) p.add_(p.grad(), -lr);
    }
    return loss;
  }
};

// The subject: a monotone descent method for lr * L < 2, at gradient descent's textbook rate.
inline ov::conformance::TorchSubject refusing_sgd_subject(double lr = 0.1) {
  ov::conformance::TorchSubject s;
  s.name = "refusing_sgd";
  s.make = [lr](std::vector<torch::optim::OptimizerParamGroup> groups) -> std::unique_ptr<torch::optim::Optimizer> {
    return std::make_unique<RefusingSgd>(std::move(groups), lr);
  };
  ov::conformance::DescentDeclaration d;
  d.step = lr;
  d.stable_step_times_L = 2;
  s.declared.descent = d;
  return s;
}

}  // namespace my_example
