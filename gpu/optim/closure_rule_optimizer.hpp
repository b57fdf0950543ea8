// Any rule of the optim/ registry as a torch::optim::Optimizer driven by a LossClosure: the
// closure-based methods of issue 9 (Armijo / two-way backtracking GD, Backtracking MMT/NAG,
// SAM / ESAM (without SDS) / ASAM, Step-Tuned SGD's two steps on one batch, ...) re-evaluate
// on the SAME mini-batch through the closure, and run the very rule definitions of optim/
// (the rule object comes from optim::make_registry<double>(); nothing is re-implemented).
//
//   auto opt = ov::gpu::ClosureRuleOptimizer(model->parameters(),
//       ov::gpu::ClosureRuleOptions("two_way_backtracking_gd:alpha=1/10000").module(model.ptr()));
//   opt.step([&] { opt.zero_grad(); auto l = loss(model(x), y); l.backward(); return l; });
//
// How a step runs: the parameters (one group) are flattened into x (float64; other dtypes
// and devices are converted, and trial points are rounded back to the parameters' dtype when
// written, so only float64 parameters give the core's exact iterates); a
// TorchClosureObjective (gpu/optim/torch_closure_objective.hpp) evaluates f and grad f at any
// x through the closure; rule->step(oracle, x) runs; the final x is written back. On a
// refusal (non-finite loss or gradient at the start, non-finite update, failed search) or an
// exception, the parameters are restored bit for bit and the rule's state is unchanged (the
// core's guarantee on refusals). last_outcomes() says what happened.
//
// Training mode (000 Remark 4.1, L582): with options.module() set and evaluation_mode()
// true (the default), the module is in eval() for EVERY evaluation of the step (dropout
// off, batch-norm running statistics used and left untouched) and each submodule's own mode
// is restored afterwards, also after an exception; evaluation_mode(false) keeps the mode
// as the caller set it.
//
// Rules that need a finite-sum oracle (mbt_gd / mbt_momentum / mbt_nesterov: the learning-
// rate finder draws its own mini-batches; esam with alpha: per-sample losses;
// expected_gv_sgd: Hessian-vector products) cannot run from one closure: construction (or
// a spec change) throws std::invalid_argument naming the rule and what to use instead.
//
// One parameter group only (the core rule sees one vector). Semantics, the rule list and
// the limits: docs/gpu-closure-optimizers.md.
#pragma once

#include <torch/arg.h>
#include <torch/optim/optimizer.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "gpu/optim/step_outcome.hpp"

namespace torch::nn {
class Module;
}
namespace ov::optim {
template <class S>
class Optimizer;
}

namespace ov::gpu {

struct ClosureRuleOptions : public torch::optim::OptimizerCloneableOptions<ClosureRuleOptions> {
  // spec: "NAME" or "NAME:k=v,k=v" as `optverify run --optimizer` takes it (values exact:
  // "1/10000", "1e-4"); checked when the optimizer is built.
  ClosureRuleOptions(std::string spec = "two_way_backtracking_gd");  // NOLINT: implicit from a spec
  // The rule and its hyper-parameters (optim/registry).
  TORCH_ARG(std::string, spec);
  // The model whose training mode the step controls (000 Remark 4.1); null: none.
  TORCH_ARG(std::shared_ptr<torch::nn::Module>, module) = nullptr;
  // true: module in eval() during every evaluation of a step (restored after); false: keep.
  TORCH_ARG(bool, evaluation_mode) = true;

 public:
  // The rule's learning-rate parameter "lr" (given in the spec, else the registry default).
  // Rules without one (backtracking_gd: its step comes from the search; inna_fixed_step:
  // gamma; mbt_*: start) throw std::invalid_argument naming the rule and its parameters.
  double get_lr() const override;
  // Rewrites lr=... in the spec (shortest decimal that reads back as the same double). The
  // optimizer rebuilds the rule at its next step: the rule's internal state restarts.
  void set_lr(const double lr) override;
  // The spec and evaluation_mode (the module is a live object: not saved; load() keeps the
  // optimizer's own).
  void serialize(torch::serialize::InputArchive& archive) override;
  void serialize(torch::serialize::OutputArchive& archive) const override;
};

bool operator==(const ClosureRuleOptions& a, const ClosureRuleOptions& b);

class ClosureRuleOptimizer : public torch::optim::Optimizer, public OutcomeReporter {
 public:
  ClosureRuleOptimizer(std::vector<torch::optim::OptimizerParamGroup> param_groups, ClosureRuleOptions defaults);
  ClosureRuleOptimizer(std::vector<at::Tensor> params, ClosureRuleOptions defaults);
  ~ClosureRuleOptimizer() override;

  // One iteration of the rule. Returns the loss at the start point (float64 scalar). Needs a
  // closure (std::invalid_argument otherwise) and exactly one parameter group.
  at::Tensor step(LossClosure closure = nullptr) override;

  // What the last step did (one entry: group 0), as the elementwise optimizers report it;
  // empty when the last step threw.
  const std::vector<StepOutcome>& last_outcomes() const override { return outcomes_; }
  // The core's report of the last step: the step size it used (if the rule has one), its
  // line-search trials, and how often the closure ran.
  std::optional<double> last_step_size() const { return last_step_size_; }
  int last_trials() const { return last_trials_; }
  std::int64_t last_closure_calls() const { return last_closure_calls_; }

  // The registry name of the rule (e.g. "two_way_backtracking_gd").
  std::string rule_name() const;
  // Forgets the rule's internal state (momentum, previous step, iteration counter).
  void reset_rule();

  // Saves the options (spec, evaluation_mode) of the group; the rule's internal state lives
  // in the core (Eigen vectors in private members) and is NOT saved: load() rebuilds the
  // rule from the saved spec with a fresh state (resuming = restarting the rule at the
  // current parameters; for stateless rules, e.g. backtracking_gd or sam, nothing is lost).
  void save(torch::serialize::OutputArchive& archive) const override;
  void load(torch::serialize::InputArchive& archive) override;

 private:
  ClosureRuleOptions& group_options();
  void ensure_rule();

  std::unique_ptr<optim::Optimizer<double>> rule_;
  std::string rule_spec_;  // the spec rule_ was built from
  std::vector<StepOutcome> outcomes_;
  std::optional<double> last_step_size_;
  int last_trials_ = 0;
  std::int64_t last_closure_calls_ = 0;
};

// The core rule a spec describes, checked for use from one closure: std::invalid_argument
// for an unknown rule or bad hyper-parameter (the registry's message) and for the rules
// that need a finite-sum oracle (the message names the rule and what to use instead).
std::unique_ptr<optim::Optimizer<double>> make_closure_rule(const std::string& spec);

}  // namespace ov::gpu
