// SGD, heavy-ball momentum and Nesterov's method as one torch::optim::Optimizer, running the
// kernels of optim/rules/sgd.hpp (momentum = 0), momentum.hpp and nesterov.hpp.
//
// Options (defaults are the core rules' defaults, not torch's where they differ):
//   lr                = 1/100 (optim::SgdOptions; torch::optim::SGDOptions has no default)
//   momentum          = 0     (0: optim::Sgd; > 0: optim::Momentum / optim::Nesterov, in [0, 1))
//   nesterov          = false
//   weight_decay      = 0     (coupled: g + wd x, as torch)
//   weight_decay_mode = "coupled_l2" | "decoupled" (decoupled only with momentum 0: the core
//                       momentum rules have coupled weight decay only)
//   form              = "pytorch" | "paper" | "sutskever" (momentum_form.hpp; with nesterov
//                       only "pytorch": the other forms evaluate the gradient at a look-ahead
//                       point, which one backward pass at x cannot give)
// Convention differences from torch::optim::SGD (named and tested in tests/gpu/optim):
// torch's `dampening` is not offered (the documents' momentum has none); the first momentum
// step agrees (torch sets buf = g, ours buf = mu * 0 + g).
#pragma once

#include <torch/optim/optimizer.h>

#include <optional>
#include <string>
#include <vector>

#include "gpu/optim/elementwise_optimizer.hpp"

namespace ov::gpu {

struct SGDOptions : public torch::optim::OptimizerCloneableOptions<SGDOptions> {
  SGDOptions(double lr = 0.01);  // NOLINT: implicit, as torch's
  TORCH_ARG(double, lr) = 0.01;
  TORCH_ARG(double, momentum) = 0;
  TORCH_ARG(bool, nesterov) = false;
  TORCH_ARG(double, weight_decay) = 0;
  TORCH_ARG(std::string, weight_decay_mode) = "coupled_l2";
  TORCH_ARG(std::string, form) = "pytorch";

 public:
  void serialize(torch::serialize::InputArchive& archive) override;
  void serialize(torch::serialize::OutputArchive& archive) const override;
  double get_lr() const override { return lr(); }
  void set_lr(const double lr) override { this->lr(lr); }
  friend bool operator==(const SGDOptions& a, const SGDOptions& b);
};

class SGD : public ElementwiseOptimizer<SGD, SGDOptions> {
 public:
  static constexpr const char* kName = "sgd";
  explicit SGD(std::vector<torch::optim::OptimizerParamGroup> groups, SGDOptions defaults = {})
      : ElementwiseOptimizer(std::move(groups), defaults) {}
  explicit SGD(std::vector<at::Tensor> params, SGDOptions defaults = {})
      : SGD({torch::optim::OptimizerParamGroup(std::move(params))}, defaults) {}

  static void validate(const SGDOptions& o);
  static std::vector<std::string> state_names(const SGDOptions& o);
  static void init_state(const SGDOptions& o, const at::Tensor& p, std::vector<at::Tensor>& s) {
    zeros_state(o, p, s);
  }
  static std::optional<bool> update(const SGDOptions& o, std::int64_t t, Work& w);
};

}  // namespace ov::gpu
