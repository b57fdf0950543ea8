// AdaMax (Kingma & Ba 2015, Alg. 2) as a torch::optim::Optimizer running
// optim/rules/adamax.hpp's AdamaxKernel, t = the parameter's update count (this one included):
//   m1 = beta1 m + (1 - beta1) g;  u1 = max(beta2 u, |g| + eps);  x1 = x - lr/(1 - beta1^t) m1/u1
//
// Options (defaults = the core's optim::AdamaxOptions<double>, Kingma & Ba):
//   lr = 2/1000, beta1 = 9/10, beta2 = 999/1000 (both in [0, 1)), eps = 0 (>= 0).
// State per parameter: "exp_avg" (m), "exp_inf" (u), torch's names.
// Convention differences from torch.optim.Adamax (which LibTorch's C++ API does not have):
// torch's eps defaults to 1e-8 (pass eps(1e-8)); with eps = 0 a coordinate whose gradients have
// all been exactly 0 gives 0/0 and the step is refused for the group. torch's weight_decay is
// not offered (the core rule has none).
#pragma once

#include <torch/optim/optimizer.h>

#include <optional>
#include <string>
#include <vector>

#include "gpu/optim/elementwise_optimizer.hpp"

namespace ov::gpu {

struct AdamaxOptions : public torch::optim::OptimizerCloneableOptions<AdamaxOptions> {
  AdamaxOptions(double lr = 2e-3);  // NOLINT: implicit, as torch's
  TORCH_ARG(double, lr) = 2e-3;
  TORCH_ARG(double, beta1) = 0.9;
  TORCH_ARG(double, beta2) = 0.999;
  TORCH_ARG(double, eps) = 0;

 public:
  void serialize(torch::serialize::InputArchive& archive) override;
  void serialize(torch::serialize::OutputArchive& archive) const override;
  double get_lr() const override { return lr(); }
  void set_lr(const double lr) override { this->lr(lr); }
  friend bool operator==(const AdamaxOptions& a, const AdamaxOptions& b);
};

class Adamax : public ElementwiseOptimizer<Adamax, AdamaxOptions> {
 public:
  static constexpr const char* kName = "adamax";
  explicit Adamax(std::vector<torch::optim::OptimizerParamGroup> groups, AdamaxOptions defaults = {})
      : ElementwiseOptimizer(std::move(groups), defaults) {}
  explicit Adamax(std::vector<at::Tensor> params, AdamaxOptions defaults = {})
      : Adamax({torch::optim::OptimizerParamGroup(std::move(params))}, defaults) {}

  static void validate(const AdamaxOptions& o);
  static std::vector<std::string> state_names(const AdamaxOptions&) { return {"exp_avg", "exp_inf"}; }
  static void init_state(const AdamaxOptions& o, const at::Tensor& p, std::vector<at::Tensor>& s) {
    zeros_state(o, p, s);
  }
  static std::optional<bool> update(const AdamaxOptions& o, std::int64_t t, Work& w);
};

}  // namespace ov::gpu
