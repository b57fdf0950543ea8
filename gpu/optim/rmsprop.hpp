// Rmsprop as a torch::optim::Optimizer running optim/rules/rmsprop.hpp's RmspropKernel.
//
// Options (defaults = the core's optim::RmspropOptions<double>):
//   lr = 1/100, gamma = 9/10 (torch's alpha, default 0.99), eps = 1e-8,
//   epsilon_placement = "inside_sqrt" (core default, 004 §6.2) | "outside_sqrt" (torch).
// Convention differences from torch::optim::RMSprop (tested in tests/gpu/optim):
//   torch's smoothing constant is called alpha (default 0.99; ours gamma = 0.9, 004 §6.2), its eps
//   sits outside the square root (epsilon_placement = outside_sqrt to match); torch's momentum,
//   centered and weight_decay are not offered.
#pragma once

#include <torch/optim/optimizer.h>

#include <optional>
#include <string>
#include <vector>

#include "gpu/optim/elementwise_optimizer.hpp"

namespace ov::gpu {

struct RmspropOptions : public torch::optim::OptimizerCloneableOptions<RmspropOptions> {
  RmspropOptions(double lr = 0.01);  // NOLINT: implicit, as torch's
  TORCH_ARG(double, lr) = 0.01;
  TORCH_ARG(double, gamma) = 0.9;
  TORCH_ARG(double, eps) = 1e-8;
  TORCH_ARG(std::string, epsilon_placement) = "inside_sqrt";

 public:
  void serialize(torch::serialize::InputArchive& archive) override;
  void serialize(torch::serialize::OutputArchive& archive) const override;
  double get_lr() const override { return lr(); }
  void set_lr(const double lr) override { this->lr(lr); }
  friend bool operator==(const RmspropOptions& a, const RmspropOptions& b);
};

class Rmsprop : public ElementwiseOptimizer<Rmsprop, RmspropOptions> {
 public:
  static constexpr const char* kName = "rmsprop";
  explicit Rmsprop(std::vector<torch::optim::OptimizerParamGroup> groups, RmspropOptions defaults = {})
      : ElementwiseOptimizer(std::move(groups), defaults) {}
  explicit Rmsprop(std::vector<at::Tensor> params, RmspropOptions defaults = {})
      : Rmsprop({torch::optim::OptimizerParamGroup(std::move(params))}, defaults) {}

  static void validate(const RmspropOptions& o);
  static std::vector<std::string> state_names(const RmspropOptions&) { return {"square_avg"}; }
  static void init_state(const RmspropOptions& o, const at::Tensor& p, std::vector<at::Tensor>& s) {
    zeros_state(o, p, s);
  }
  static std::optional<bool> update(const RmspropOptions& o, std::int64_t t, Work& w);
};

}  // namespace ov::gpu
