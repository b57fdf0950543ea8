// Adagrad as a torch::optim::Optimizer running optim/rules/adagrad.hpp's AdagradKernel.
//
// Options (defaults = the core's optim::AdagradOptions<double>):
//   lr = 1/100, eps = 1e-10, epsilon_placement = "inside_sqrt" (core default, 004 §6.1:
//   sqrt(eps + s)) | "outside_sqrt" (torch: sqrt(s) + eps).
// Convention differences from torch::optim::Adagrad (tested in tests/gpu/optim):
//   torch's default places eps outside the square root (set epsilon_placement = outside_sqrt to
//   match); torch's lr_decay and initial_accumulator_value are not offered (they are not in the
//   documents): the accumulator starts at 0 and the rate is constant.
#pragma once

#include <torch/optim/optimizer.h>

#include <optional>
#include <string>
#include <vector>

#include "gpu/optim/elementwise_optimizer.hpp"

namespace ov::gpu {

struct AdagradOptions : public torch::optim::OptimizerCloneableOptions<AdagradOptions> {
  AdagradOptions(double lr = 0.01);  // NOLINT: implicit, as torch's
  TORCH_ARG(double, lr) = 0.01;
  TORCH_ARG(double, eps) = 1e-10;
  TORCH_ARG(std::string, epsilon_placement) = "inside_sqrt";

 public:
  void serialize(torch::serialize::InputArchive& archive) override;
  void serialize(torch::serialize::OutputArchive& archive) const override;
  double get_lr() const override { return lr(); }
  void set_lr(const double lr) override { this->lr(lr); }
  friend bool operator==(const AdagradOptions& a, const AdagradOptions& b);
};

class Adagrad : public ElementwiseOptimizer<Adagrad, AdagradOptions> {
 public:
  static constexpr const char* kName = "adagrad";
  explicit Adagrad(std::vector<torch::optim::OptimizerParamGroup> groups, AdagradOptions defaults = {})
      : ElementwiseOptimizer(std::move(groups), defaults) {}
  explicit Adagrad(std::vector<at::Tensor> params, AdagradOptions defaults = {})
      : Adagrad({torch::optim::OptimizerParamGroup(std::move(params))}, defaults) {}

  static void validate(const AdagradOptions& o);
  static std::vector<std::string> state_names(const AdagradOptions&) { return {"sum"}; }
  static void init_state(const AdagradOptions& o, const at::Tensor& p, std::vector<at::Tensor>& s) {
    zeros_state(o, p, s);
  }
  static std::optional<bool> update(const AdagradOptions& o, std::int64_t t, Work& w);
};

}  // namespace ov::gpu
