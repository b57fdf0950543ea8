// Heavy-ball momentum in the form of 004 §2.4 eq (8) as a torch::optim::Optimizer running
// optim/rules/heavy_ball.hpp's HeavyBallKernel:
//   d1 = momentum * d - lr * g;  x1 = x + d1          (d = (dw)^(k-1), 0 before the first step)
//
// Options (defaults = the core's optim::HeavyBallOptions<double>, ensmallen's):
//   lr = 1/100 (eta), momentum = 1/2 (alpha, in [0, 1)).
// State per parameter: "velocity" (d). No weight decay (the core rule has none).
// With a constant lr this is torch::optim::SGD(momentum, dampening 0) with d = -lr * buf;
// with a varying lr (an LR scheduler calling set_lr) the two differ: this form scales only the
// newest gradient by the new lr (004 eq (8); optim/rules/heavy_ball.hpp).
#pragma once

#include <torch/optim/optimizer.h>

#include <optional>
#include <string>
#include <vector>

#include "gpu/optim/elementwise_optimizer.hpp"

namespace ov::gpu {

struct HeavyBallOptions : public torch::optim::OptimizerCloneableOptions<HeavyBallOptions> {
  HeavyBallOptions(double lr = 0.01);  // NOLINT: implicit, as torch's
  TORCH_ARG(double, lr) = 0.01;
  TORCH_ARG(double, momentum) = 0.5;

 public:
  void serialize(torch::serialize::InputArchive& archive) override;
  void serialize(torch::serialize::OutputArchive& archive) const override;
  double get_lr() const override { return lr(); }
  void set_lr(const double lr) override { this->lr(lr); }
  friend bool operator==(const HeavyBallOptions& a, const HeavyBallOptions& b);
};

class HeavyBall : public ElementwiseOptimizer<HeavyBall, HeavyBallOptions> {
 public:
  static constexpr const char* kName = "heavy_ball";
  explicit HeavyBall(std::vector<torch::optim::OptimizerParamGroup> groups, HeavyBallOptions defaults = {})
      : ElementwiseOptimizer(std::move(groups), defaults) {}
  explicit HeavyBall(std::vector<at::Tensor> params, HeavyBallOptions defaults = {})
      : HeavyBall({torch::optim::OptimizerParamGroup(std::move(params))}, defaults) {}

  static void validate(const HeavyBallOptions& o);
  static std::vector<std::string> state_names(const HeavyBallOptions&) { return {"velocity"}; }
  static void init_state(const HeavyBallOptions& o, const at::Tensor& p, std::vector<at::Tensor>& s) {
    zeros_state(o, p, s);
  }
  static std::optional<bool> update(const HeavyBallOptions& o, std::int64_t t, Work& w);
};

}  // namespace ov::gpu
