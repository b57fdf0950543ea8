// The optimizer of a training run (docs/benchmarks.md "Optimizer specs"): a spec
// "NAME[:k=v,k=v...]" parsed and checked here, and the object the trainer drives.
//
// Names (optimizer_names(); keys and defaults: optimizer_keys(), docs/benchmarks.md):
//   sgd heavy_ball adam adamw adagrad rmsprop adamax adadelta nadam inna
//                      the elementwise optimizers of gpu/optim (defaults = the core rules')
//   torch_sgd torch_adam
//                      torch::optim::SGD / Adam with torch's defaults (MBT Table 2 baselines)
//   mbt_gd mbt_mmt mbt_nag
//                      000 §4.1.2 (L562-580), guide seed-000-001-backtracking.md A12: the
//                      MbtLearningRateFinder (gpu/optim) on its own K seeded batches, then SGD /
//                      momentum / Nesterov (PyTorch form) at the found rate; see MbtSettings
//   rule:<core spec>   any rule of the core registry through ClosureRuleOptimizer, e.g.
//                      rule:step_tuned_sgd, rule:two_way_backtracking_gd:alpha=1/10000 (only in the
//                      full build: closure_rules_available()); the model is in eval mode during
//                      every evaluation of a step (000 Remark 4.1, L582: for searches on one batch)
//   rule_train:<core spec>
//                      the same, with the model left in training mode (batch statistics, dropout),
//                      as a plain PyTorch optimizer: for stochastic rules that are not searches on
//                      one batch, e.g. Step-Tuned SGD (002 §4.5 trains with it in PyTorch's train mode)
// Values are decimals ("0.01", "1e-4") or fractions ("1/10000"); booleans true/false/1/0;
// the few string options (weight_decay_mode, form, epsilon_placement, ...) as words.
#pragma once

#include <ATen/core/Tensor.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json_fwd.hpp>

namespace torch::nn {
class Module;
}
namespace torch::optim {
class Optimizer;
}
namespace torch::serialize {
class InputArchive;
class OutputArchive;
}

namespace ov::gpu::train {

struct OptimizerSpec {
  std::string text;                                       // as given
  std::string name;                                       // e.g. "sgd", or "rule" for rule:...
  std::vector<std::pair<std::string, std::string>> values;  // k=v in the order given
  std::string rule_spec;                                  // rule: the core registry spec after "rule:"
  bool rule_evaluation_mode = true;                       // rule: true, rule_train: false
};

// Every optimizer name (and "rule:<core spec>" when closure_rules_available()).
std::vector<std::string> optimizer_names();
// The keys an optimizer takes, with their defaults, e.g. {"lr", "0.01"}; std::invalid_argument
// for an unknown name (listing the valid ones).
std::vector<std::pair<std::string, std::string>> optimizer_keys(const std::string& name);
// Whether this build has the closure rules (rule:...): the full build with the rigorous core.
bool closure_rules_available();
// Whether the spec names a closure rule (rule:... or rule_train:...).
bool is_closure_rule_spec(const std::string& spec);

// Syntax, the name and the keys (std::invalid_argument: unknown name -> the valid names; unknown
// key -> that optimizer's keys; a key twice; a value that is not a number/boolean where one is
// needed). The values' ranges are checked by check_optimizer_spec / the constructor below.
OptimizerSpec parse_optimizer_spec(const std::string& spec);
// parse_optimizer_spec plus the optimizer's own checks (builds it on a small CPU tensor);
// std::invalid_argument "optimizer \"SPEC\": <the optimizer's message>".
void check_optimizer_spec(const std::string& spec);

enum class OptimizerKind {
  gradient,  // step() after the caller's backward (elementwise optimizers, torch_*)
  closure,   // step(closure): the closure runs forward and backward (rule:...)
  mbt        // the MBT finder at epoch starts, then step() like `gradient`
};

// The MBT settings (000 L572-580; defaults = the paper's, as the core rule mbt_*):
// alpha 1e-4, beta 1/2, batches (K) 20, start 1e-2, momentum 0.9 (mmt/nag), patience 5 epochs,
// stuck_alpha 1/2. The finder's other choices are MbtFinderOptions' defaults (gpu/optim).
struct MbtSettings {
  enum class Base { gd, momentum, nesterov } base = Base::gd;
  double alpha = 1e-4, beta = 0.5, start = 1e-2, momentum = 0.9, stuck_alpha = 0.5;
  int batches = 20, patience = 5;
};

// The MBT schedule's state (000 L572-574; as optim/rules/minibatch_backtracking.hpp): the rate,
// the Armijo constant in use, whether training is stuck (then alpha = stuck_alpha, momentum off,
// and MBT-GD reruns the finder every epoch), the best epoch training loss and the epochs since.
struct MbtState {
  double lr = 0, alpha = 1e-4;
  bool need_finder = true, momentum_on = true, stuck = false;
  bool has_best = false;
  double best = 0;
  int stalled = 0, finder_runs = 0;
};
nlohmann::json to_json(const MbtState& s);
MbtState mbt_state_from_json(const nlohmann::json& j);

class TrainingOptimizer {
 public:
  // Mean loss over a mini-batch given by 0-based training-set rows, with gradients in the
  // parameters (the finder's batch closure, MbtLearningRateFinder::BatchClosure).
  using BatchClosure = std::function<at::Tensor(const std::vector<std::int64_t>& indices)>;

  // Builds the optimizer of `spec` over params (one group). module: the model (closure rules
  // and the finder put it in eval() during their evaluations, 000 Remark 4.1).
  TrainingOptimizer(const std::string& spec, std::vector<at::Tensor> params, std::shared_ptr<torch::nn::Module> module);
  ~TrainingOptimizer();
  TrainingOptimizer(const TrainingOptimizer&) = delete;
  TrainingOptimizer& operator=(const TrainingOptimizer&) = delete;

  const OptimizerSpec& spec() const { return spec_; }
  OptimizerKind kind() const { return kind_; }
  torch::optim::Optimizer& optimizer() { return *optimizer_; }

  // The rate the spec sets (or its default); NaN for rules without a rate (closure rules whose
  // step comes from a search) and for MBT (the finder's rate: mbt_state().lr).
  double base_lr() const { return base_lr_; }
  // Sets the rate of every parameter group (schedules). Not for MBT nor rules without a rate.
  void set_lr(double lr);
  // The rate of group 0 now (NaN where there is none).
  double current_lr() const;

  // Steps the last step() refused (OutcomeReporter; 0 for torch::optim's own optimizers).
  std::int64_t last_step_refusals() const;
  // The step size the last closure-rule step used (NaN when it has none).
  double last_rule_step_size() const;
  // Closure calls of the last closure-rule step, by the optimizer's own count (0 otherwise).
  std::int64_t last_rule_closure_calls() const;

  // MBT: the settings and state; begin_epoch runs the finder when the state asks for it
  // (on its own batches of batch_size of num_samples rows, seeded with finder_seed), resets
  // the momentum buffer and sets the rate; returns the finder's report for EpochRecord::extra
  // (empty object when it did not run). end_epoch(train_loss) updates stall counting.
  const MbtSettings& mbt() const { return mbt_; }
  const MbtState& mbt_state() const { return mbt_state_; }
  nlohmann::json begin_epoch(const BatchClosure& closure, std::size_t num_samples, std::size_t batch_size,
                             std::uint64_t finder_seed);
  void end_epoch(double train_loss);

  // Why a checkpoint of this optimizer cannot be resumed exactly ("" when it can): closure
  // rules keep their state inside the core rule, which is not saved (closure_rule_optimizer.hpp).
  std::string resume_refusal() const;
  // Optimizer state (and the MBT state) into / from an archive.
  void save(torch::serialize::OutputArchive& archive) const;
  void load(torch::serialize::InputArchive& archive);

 private:
  void build_mbt_sgd(double lr);

  OptimizerSpec spec_;
  OptimizerKind kind_ = OptimizerKind::gradient;
  std::vector<at::Tensor> params_;
  std::shared_ptr<torch::nn::Module> module_;
  std::unique_ptr<torch::optim::Optimizer> optimizer_;
  double base_lr_ = 0;
  MbtSettings mbt_;
  MbtState mbt_state_;
};

}  // namespace ov::gpu::train
