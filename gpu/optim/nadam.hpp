// NAdam (Dozat 2016, in torch.optim.NAdam's reading) as a torch::optim::Optimizer running
// optim/rules/nadam.hpp's NadamKernel, t = the parameter's update count (this one included):
//   mu_t = beta1 (1 - 0.96^(t psi) / 2);  m1, v1 as Adam;
//   x1 = x - lr [mu_{t+1} m1 / (1 - prod_{i<=t+1} mu_i) + (1 - mu_t) g / (1 - prod_{i<=t} mu_i)]
//            / (sqrt(v1 / (1 - beta2^t)) + eps)
//
// Options (defaults = the core's optim::NadamOptions<double> = torch's NAdam):
//   lr = 2/1000, beta1 = 9/10, beta2 = 999/1000 (both in [0, 1)), eps = 1e-8, momentum_decay
//   (psi) = 4/1000 (>= 0).
// State per parameter: "exp_avg", "exp_avg_sq" (torch's names). The running product
// prod_{i<t} mu_i (torch keeps it per parameter as "mu_product") depends only on (beta1, psi, t):
// it is computed by the core's own recurrence (optim::Nadam::mu_product, the same
// multiplications in the same order as the core rule) and memoised per (beta1, psi), so a
// checkpoint needs only t. The memo holds one double per step until the product underflows
// to 0 (after ~7,000 steps for beta1 = 0.9); from then on nothing more is stored.
// Not offered: torch's weight_decay and decoupled_weight_decay (the core rule has none).
#pragma once

#include <torch/optim/optimizer.h>

#include <optional>
#include <string>
#include <vector>

#include "gpu/optim/elementwise_optimizer.hpp"

namespace ov::gpu {

struct NAdamOptions : public torch::optim::OptimizerCloneableOptions<NAdamOptions> {
  NAdamOptions(double lr = 2e-3);  // NOLINT: implicit, as torch's
  TORCH_ARG(double, lr) = 2e-3;
  TORCH_ARG(double, beta1) = 0.9;
  TORCH_ARG(double, beta2) = 0.999;
  TORCH_ARG(double, eps) = 1e-8;
  TORCH_ARG(double, momentum_decay) = 4e-3;

 public:
  void serialize(torch::serialize::InputArchive& archive) override;
  void serialize(torch::serialize::OutputArchive& archive) const override;
  double get_lr() const override { return lr(); }
  void set_lr(const double lr) override { this->lr(lr); }
  friend bool operator==(const NAdamOptions& a, const NAdamOptions& b);
};

class NAdam : public ElementwiseOptimizer<NAdam, NAdamOptions> {
 public:
  static constexpr const char* kName = "nadam";
  explicit NAdam(std::vector<torch::optim::OptimizerParamGroup> groups, NAdamOptions defaults = {})
      : ElementwiseOptimizer(std::move(groups), defaults) {}
  explicit NAdam(std::vector<at::Tensor> params, NAdamOptions defaults = {})
      : NAdam({torch::optim::OptimizerParamGroup(std::move(params))}, defaults) {}

  static void validate(const NAdamOptions& o);
  static std::vector<std::string> state_names(const NAdamOptions&) { return {"exp_avg", "exp_avg_sq"}; }
  static void init_state(const NAdamOptions& o, const at::Tensor& p, std::vector<at::Tensor>& s) {
    zeros_state(o, p, s);
  }
  static std::optional<bool> update(const NAdamOptions& o, std::int64_t t, Work& w);

  // prod_{i<t} mu_i for these options (1 at t = 1), as the core rule's running product has it
  // before its t-th update.
  static double mu_product_before(const NAdamOptions& o, std::int64_t t);
};

}  // namespace ov::gpu
