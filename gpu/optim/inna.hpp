// INNA, the Inertial Newton Algorithm (Castera's thesis, 002 §2.3 eq (2.13) = Algorithm 1,
// L1090-L1104), as a torch::optim::Optimizer running optim/rules/inna.hpp's InnaKernel (and
// InnaThesisPsi0Kernel for psi_0), per parameter tensor with state psi:
//
//   theta_{k+1} = theta_k + gamma_k [(1/beta - alpha) theta_k - psi_k/beta - beta v_k]
//   psi_{k+1}   = psi_k   + gamma_k [(1/beta - alpha) theta_k - psi_k/beta]
//   gamma_k     = lr / (k + 1)^decay_power,  k = updates of THIS parameter so far
//
// The counter k is per parameter (the framework's step counter), as in the public PyTorch
// code (camcastera/INNA-for-DeepLearning, INNA_for_pytorch/inna.py; anchors-optimizers.md
// §2.2): a parameter without a gradient at some step does not advance its k.
//
// Options (defaults = the core's optim::InnaOptions<double>; lr and decay_power are the public
// code's defaults, alpha and beta the thesis's, 002 L1492):
//   lr = 0.1 (gamma_0 > 0), alpha = 0.5 (>= 0), beta = 0.1 (> 0), decay_power = 0 (>= 0),
//   psi0 = "thesis"      psi_0 = (1 - alpha beta) theta_0 - (beta^2 - beta) v_0 (002 L1481),
//                        v_0 = the gradient (with weight decay: the decayed one, v below) of
//                        the first update: the first step is then an SGD step
//                        theta_1 = theta_0 - gamma_0 v_0;
//        | "public_code" psi_0 = (1 - alpha beta) theta_0 (the public code): the first step is
//                        theta_1 = theta_0 - gamma_0 beta v_0.
//   weight_decay = 0 (>= 0), weight_decay_mode =
//        "outside_beta"  (the public code) the theta-bracket gets beta g + wd theta, i.e. the
//                        kernel's v = g + (wd/beta) theta;
//      | "coupled_l2"    INNA on J + (wd/2)|theta|^2: v = g + wd theta (beta scales both).
// psi_0 is set at a parameter's first update (it needs that update's gradient); init_state
// only allocates the buffer.
// Not offered (documented in docs/gpu-inna.md): the core's `schedule` callable (LR schedulers
// reach gamma_0 through set_lr; the public code warns against combining them with
// decay_power) and `psi0_full_gradient` (an elementwise optimizer sees one gradient).
#pragma once

#include <torch/optim/optimizer.h>

#include <optional>
#include <string>
#include <vector>

#include "gpu/optim/elementwise_optimizer.hpp"

namespace ov::gpu {

struct InnaOptions : public torch::optim::OptimizerCloneableOptions<InnaOptions> {
  InnaOptions(double lr = 0.1);  // NOLINT: implicit, as torch's
  TORCH_ARG(double, lr) = 0.1;
  TORCH_ARG(double, alpha) = 0.5;
  TORCH_ARG(double, beta) = 0.1;
  TORCH_ARG(double, decay_power) = 0;
  TORCH_ARG(std::string, psi0) = "thesis";
  TORCH_ARG(double, weight_decay) = 0;
  TORCH_ARG(std::string, weight_decay_mode) = "outside_beta";

 public:
  void serialize(torch::serialize::InputArchive& archive) override;
  void serialize(torch::serialize::OutputArchive& archive) const override;
  double get_lr() const override { return lr(); }
  void set_lr(const double lr) override { this->lr(lr); }
  friend bool operator==(const InnaOptions& a, const InnaOptions& b);
};

// The public PyTorch code's semantics: psi0 = public_code, weight decay outside beta.
InnaOptions inna_public_code_options(double lr = 0.1, double weight_decay = 0, double decay_power = 0);

class Inna : public ElementwiseOptimizer<Inna, InnaOptions> {
 public:
  static constexpr const char* kName = "inna";
  explicit Inna(std::vector<torch::optim::OptimizerParamGroup> groups, InnaOptions defaults = {})
      : ElementwiseOptimizer(std::move(groups), defaults) {}
  explicit Inna(std::vector<at::Tensor> params, InnaOptions defaults = {})
      : Inna({torch::optim::OptimizerParamGroup(std::move(params))}, defaults) {}

  static void validate(const InnaOptions& o);
  static std::vector<std::string> state_names(const InnaOptions&) { return {"psi"}; }
  static void init_state(const InnaOptions& o, const at::Tensor& p, std::vector<at::Tensor>& s) {
    zeros_state(o, p, s);  // psi_0 is written at the first update (it needs the gradient)
  }
  static std::optional<bool> update(const InnaOptions& o, std::int64_t t, Work& w);
};

}  // namespace ov::gpu
