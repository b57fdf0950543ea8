// Adadelta (Zeiler 2012, Alg. 1) as a torch::optim::Optimizer running
// optim/rules/adadelta.hpp's AdadeltaKernel:
//   E[g^2]_1 = rho E[g^2] + (1 - rho) g^2;  dx = -sqrt((E[dx^2] + eps) / (E[g^2]_1 + eps)) g
//   E[dx^2]_1 = rho E[dx^2] + (1 - rho) dx^2;  x1 = x + lr dx
//
// Options (defaults = the core's optim::AdadeltaOptions<double>, Zeiler):
//   lr = 1 (> 0), rho = 95/100 (in [0, 1)), eps = 1e-6 (> 0).
// State per parameter: "square_avg" (E[g^2]), "acc_delta" (E[dx^2]), torch's names.
// Convention differences from torch.optim.Adadelta (not in LibTorch's C++ API): torch's
// defaults are rho = 0.9 and lr = 1 and it computes sqrt(E[dx^2] + eps) / sqrt(E[g^2] + eps)
// (two roots; ours one root of the quotient: equal in exact arithmetic); torch's weight_decay
// is not offered (the core rule has none).
#pragma once

#include <torch/optim/optimizer.h>

#include <optional>
#include <string>
#include <vector>

#include "gpu/optim/elementwise_optimizer.hpp"

namespace ov::gpu {

struct AdadeltaOptions : public torch::optim::OptimizerCloneableOptions<AdadeltaOptions> {
  AdadeltaOptions(double lr = 1.0);  // NOLINT: implicit, as torch's
  TORCH_ARG(double, lr) = 1.0;
  TORCH_ARG(double, rho) = 0.95;
  TORCH_ARG(double, eps) = 1e-6;

 public:
  void serialize(torch::serialize::InputArchive& archive) override;
  void serialize(torch::serialize::OutputArchive& archive) const override;
  double get_lr() const override { return lr(); }
  void set_lr(const double lr) override { this->lr(lr); }
  friend bool operator==(const AdadeltaOptions& a, const AdadeltaOptions& b);
};

class Adadelta : public ElementwiseOptimizer<Adadelta, AdadeltaOptions> {
 public:
  static constexpr const char* kName = "adadelta";
  explicit Adadelta(std::vector<torch::optim::OptimizerParamGroup> groups, AdadeltaOptions defaults = {})
      : ElementwiseOptimizer(std::move(groups), defaults) {}
  explicit Adadelta(std::vector<at::Tensor> params, AdadeltaOptions defaults = {})
      : Adadelta({torch::optim::OptimizerParamGroup(std::move(params))}, defaults) {}

  static void validate(const AdadeltaOptions& o);
  static std::vector<std::string> state_names(const AdadeltaOptions&) { return {"square_avg", "acc_delta"}; }
  static void init_state(const AdadeltaOptions& o, const at::Tensor& p, std::vector<at::Tensor>& s) {
    zeros_state(o, p, s);
  }
  static std::optional<bool> update(const AdadeltaOptions& o, std::int64_t t, Work& w);
};

}  // namespace ov::gpu
