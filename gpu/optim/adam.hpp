// Adam and AdamW as one torch::optim::Optimizer running optim/rules/adam.hpp's AdamKernel.
//
// Options (defaults = optim::AdamOptions = Kingma & Ba = torch::optim::AdamOptions):
//   lr = 1e-3, beta1 = 0.9, beta2 = 0.999, eps = 1e-8, weight_decay = 0,
//   weight_decay_mode = "coupled_l2" (torch Adam) | "decoupled" (torch AdamW: x -= lr wd x),
//   epsilon_placement = "outside_sqrt" (torch) | "inside_sqrt" (004 eq (47)),
//   bias_correction   = "update_count" (exponent t = number of updates) | "as_printed_004"
//                       (exponent t - 1: the first update is undefined and refused, 004 §6.3).
// adamw_options(lr, wd) gives torch::optim::AdamW's defaults (decoupled, wd = 1e-2).
// 004's global second moment (one scalar for all coordinates) is not elementwise and is not
// offered here (the closure optimizer runs it). Not offered: torch's amsgrad.
// Convention differences from torch (tests/gpu/optim): torch computes the denominator as
// sqrt(v) / sqrt(1 - beta2^t) + eps and we as sqrt(v / (1 - beta2^t)) + eps (equal in exact
// arithmetic; differ by rounding only).
#pragma once

#include <torch/optim/optimizer.h>

#include <optional>
#include <string>
#include <vector>

#include "gpu/optim/elementwise_optimizer.hpp"

namespace ov::gpu {

struct AdamOptions : public torch::optim::OptimizerCloneableOptions<AdamOptions> {
  AdamOptions(double lr = 1e-3);  // NOLINT: implicit, as torch's
  TORCH_ARG(double, lr) = 1e-3;
  TORCH_ARG(double, beta1) = 0.9;
  TORCH_ARG(double, beta2) = 0.999;
  TORCH_ARG(double, eps) = 1e-8;
  TORCH_ARG(double, weight_decay) = 0;
  TORCH_ARG(std::string, weight_decay_mode) = "coupled_l2";
  TORCH_ARG(std::string, epsilon_placement) = "outside_sqrt";
  TORCH_ARG(std::string, bias_correction) = "update_count";

 public:
  void serialize(torch::serialize::InputArchive& archive) override;
  void serialize(torch::serialize::OutputArchive& archive) const override;
  double get_lr() const override { return lr(); }
  void set_lr(const double lr) override { this->lr(lr); }
  friend bool operator==(const AdamOptions& a, const AdamOptions& b);
};

// torch::optim::AdamW's defaults: decoupled weight decay 1e-2.
AdamOptions adamw_options(double lr = 1e-3, double weight_decay = 1e-2);

class Adam : public ElementwiseOptimizer<Adam, AdamOptions> {
 public:
  static constexpr const char* kName = "adam";
  explicit Adam(std::vector<torch::optim::OptimizerParamGroup> groups, AdamOptions defaults = {})
      : ElementwiseOptimizer(std::move(groups), defaults) {}
  explicit Adam(std::vector<at::Tensor> params, AdamOptions defaults = {})
      : Adam({torch::optim::OptimizerParamGroup(std::move(params))}, defaults) {}

  static void validate(const AdamOptions& o);
  static std::vector<std::string> state_names(const AdamOptions&) { return {"exp_avg", "exp_avg_sq"}; }
  static void init_state(const AdamOptions& o, const at::Tensor& p, std::vector<at::Tensor>& s) {
    zeros_state(o, p, s);
  }
  static std::optional<bool> update(const AdamOptions& o, std::int64_t t, Work& w);
};

}  // namespace ov::gpu
