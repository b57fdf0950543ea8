// Deliberately broken torch::optim::Optimizers (docs/conformance-torch.md): each carries one
// fault that a property of the LibTorch suites must catch. They show the suites' power; they
// are not for training. The fault-free parts are plain SGD with PyTorch-form momentum
// (v <- mu v + g, x <- x - lr v) and Adam (Kingma & Ba 2015 Alg. 1; 004 §3.7).
//
//   name                      fault                                          caught by
//   step_counter_per_group    Adam; the step counter t is kept per group and  torch-universal.split-invariance
//                             advanced once per parameter of the group
//   momentum_not_serialized   momentum SGD; save() omits the momentum buffers torch-universal.checkpoint-round-trip
//   sign_flipped              SGD with x <- x + lr g                          torch-descent.* , torch-universal.finite-states
//   momentum_lost             momentum SGD whose buffer is recreated at every torch-momentum.rate
//                             step (state looked up under a key that changes)
//   shared_step_counter       SGD with lr / sqrt(t), t static (shared by      torch-universal.deterministic
//                             every instance)
//   gradient_history_leak     SGD that keeps a copy of every gradient         torch-universal.no-allocation-growth
//   no_bias_correction        Adam without bias correction                    torch-adaptive.first-step-magnitude
//   missing_sqrt              Adam dividing by v instead of sqrt(v)           torch-adaptive.scale-invariance
//   epsilon_dropped           Adam ignoring its eps (0/0 on a coordinate      torch-universal.finite-states
//                             whose gradient is always 0)
// Every one of them also updates with a NaN gradient (torch-universal.non-finite-gradient-refused).
#pragma once

#include <ATen/ATen.h>
#include <torch/optim/adam.h>
#include <torch/optim/optimizer.h>
#include <torch/optim/sgd.h>

#include <cstdint>
#include <string>
#include <vector>

#include "gpu/conformance/torch_subject.hpp"

namespace ov::conformance {

enum class BrokenSgdFault {
  none,
  sign_flipped,
  momentum_not_serialized,
  momentum_lost,
  shared_step_counter,
  gradient_history_leak
};

// What the broken optimizers share: step() evaluates the closure (gradients enabled), then
// applies update() with gradients disabled and returns the closure's loss.
class BrokenOptimizer : public torch::optim::Optimizer {
 public:
  using torch::optim::Optimizer::Optimizer;
  at::Tensor step(LossClosure closure = nullptr) final;

 private:
  // One step of every parameter that has a gradient.
  virtual void update() = 0;
};

// SGD (options: torch::optim::SGDOptions' lr and momentum) with one fault.
class BrokenSgd : public BrokenOptimizer {
 public:
  BrokenSgd(std::vector<torch::optim::OptimizerParamGroup> groups, torch::optim::SGDOptions defaults,
            BrokenSgdFault fault);
  void save(torch::serialize::OutputArchive& archive) const override;
  void load(torch::serialize::InputArchive& archive) override;

 private:
  void update() override;
  BrokenSgdFault fault_;
  std::vector<std::vector<at::Tensor>> momentum_;  // [group][param], undefined before the first update
  std::vector<at::Tensor> history_;               // gradient_history_leak only
};

enum class BrokenAdamFault { none, step_counter_per_group, no_bias_correction, missing_sqrt, epsilon_dropped };

// Adam (options: torch::optim::AdamOptions' lr, betas, eps) with one fault.
class BrokenAdam : public BrokenOptimizer {
 public:
  BrokenAdam(std::vector<torch::optim::OptimizerParamGroup> groups, torch::optim::AdamOptions defaults,
             BrokenAdamFault fault);
  void save(torch::serialize::OutputArchive& archive) const override;
  void load(torch::serialize::InputArchive& archive) override;

 private:
  void update() override;
  BrokenAdamFault fault_;
  std::vector<std::vector<at::Tensor>> m_, v_;      // [group][param]
  std::vector<std::vector<std::int64_t>> t_;       // [group][param] step counters
  std::vector<std::int64_t> group_t_;              // step_counter_per_group: one per group
};

// The broken optimizers as subjects, with the declarations a user would (wrongly) make for them.
std::vector<std::string> torch_broken_subject_names();
// std::invalid_argument naming the valid names for an unknown one.
TorchSubject torch_broken_subject(const std::string& name);

}  // namespace ov::conformance
