#include "gpu/optim/closure_rule_optimizer.hpp"

#include <ATen/ATen.h>
#include <c10/core/GradMode.h>
#include <torch/serialize/input-archive.h>
#include <torch/serialize/output-archive.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <stdexcept>
#include <utility>

#include "analysis/numeric/exact_constant.hpp"
#include "gpu/optim/evaluation_mode_guard.hpp"
#include "gpu/optim/parameter_checks.hpp"
#include "gpu/optim/torch_closure_objective.hpp"
#include "optim/core/oracle.hpp"
#include "optim/registry/all_entries.hpp"

namespace ov::gpu {

namespace {

const optim::Registry<double>& registry() {
  static const optim::Registry<double> r = optim::make_registry<double>();
  return r;
}

double parse_exact(const std::string& text) { return constant<double>(text); }

std::string spec_text(const optim::OptimizerSpec& s) {
  std::string out = s.name;
  char sep = ':';
  for (const auto& [k, v] : s.params) {
    out += sep + k + "=" + v;
    sep = ',';
  }
  return out;
}

// The shortest %g text that reads back as v (<= 17 significant digits always does).
std::string shortest_decimal(double v) {
  char buf[64];
  for (int digits = 1; digits <= 17; ++digits) {
    std::snprintf(buf, sizeof buf, "%.*g", digits, v);
    if (std::strtod(buf, nullptr) == v) break;
  }
  return buf;
}

bool mentions_finite_sum(const std::string& message) { return message.find("finite-sum") != std::string::npos; }

std::invalid_argument needs_finite_sum(const std::string& rule, const std::string& why, const std::string& instead) {
  return std::invalid_argument(
      "ClosureRuleOptimizer: '" + rule + "' " + why +
      ", which one LossClosure (forward and backward on one mini-batch) cannot provide; use " + instead);
}

constexpr const char* kOneBatchInstead =
    "a rule that needs only the current mini-batch (docs/gpu-closure-optimizers.md lists them), or run the rule on "
    "the core with a finite-sum objective (optverify run)";

constexpr const char* kMbtInstead =
    "ov::gpu::MbtLearningRateFinder (gpu/optim/mbt_learning_rate_finder.hpp) with a closure that evaluates any "
    "mini-batch of the data set to find the rate, then sgd / momentum:form=pytorch / nesterov:form=pytorch with lr = that rate (the MBT "
    "schedule), or run the rule on the core with a finite-sum objective (optverify run)";

std::string rule_for_messages(const std::string& spec) {
  try {
    return optim::parse_optimizer_spec(spec).name;
  } catch (const std::exception&) {
    return spec;
  }
}

StepStatus to_outcome_status(optim::StepStatus s) {
  switch (s) {
    case optim::StepStatus::taken:
    case optim::StepStatus::stationary: return StepStatus::taken;
    case optim::StepStatus::refused_non_finite_value: return StepStatus::refused_non_finite_value;
    case optim::StepStatus::refused_non_finite_gradient: return StepStatus::refused_non_finite_gradient;
    case optim::StepStatus::refused_non_finite_update: return StepStatus::refused_non_finite_update;
    case optim::StepStatus::refused_search_failed: return StepStatus::refused_search_failed;
    case optim::StepStatus::refused_undefined: return StepStatus::refused_undefined;
  }
  return StepStatus::refused_undefined;
}

}  // namespace

std::unique_ptr<optim::Optimizer<double>> make_closure_rule(const std::string& spec) {
  const optim::OptimizerSpec s = optim::parse_optimizer_spec(spec);
  const optim::RegistryEntry<double>& e = registry().find(s.name);
  if (e.needs_finite_sum)
    throw needs_finite_sum(e.name, "draws its own mini-batches (a finite-sum objective: its learning-rate finder)",
                           kMbtInstead);
  if (e.name == "esam") {
    const auto a = s.params.find("alpha");
    if (a != s.params.end() && a->second != "off")
      throw needs_finite_sum(e.name + " with alpha=" + a->second,
                             "needs per-sample losses of the batch for its data selection (SDS, a finite-sum "
                             "objective)",
                             "esam with alpha=off (stochastic weight perturbation only) or sam");
  }
  if (e.name == "expected_gv_sgd")
    throw needs_finite_sum(e.name, "needs Hessian-vector products and per-sample gradients (a finite-sum objective)",
                           "step_tuned_sgd (same-batch gradient differences) or exact_gv_sgd");
  return registry().make(spec, parse_exact);
}

// ---------------------------------------------------------------------------------------------
// Options

ClosureRuleOptions::ClosureRuleOptions(std::string spec) : spec_(std::move(spec)) {}

double ClosureRuleOptions::get_lr() const {
  const optim::OptimizerSpec s = optim::parse_optimizer_spec(spec_);
  const optim::RegistryEntry<double>& e = registry().find(s.name);
  std::string names;
  for (const auto& p : e.parameters) {
    if (p.name == "lr") {
      const auto it = s.params.find("lr");
      return parse_exact(it != s.params.end() ? it->second : p.default_value);
    }
    names += (names.empty() ? "" : ", ") + p.name;
  }
  throw std::invalid_argument("ClosureRuleOptions: the rule '" + e.name +
                              "' has no learning-rate parameter 'lr' (its parameters: " +
                              (names.empty() ? std::string("none") : names) +
                              "); get_lr/set_lr (and LR schedulers) do not apply: change the spec instead");
}

void ClosureRuleOptions::set_lr(const double lr) {
  get_lr();  // throws, naming the rule, when it has no lr
  if (!std::isfinite(lr) || !(lr > 0))
    throw std::invalid_argument("ClosureRuleOptions::set_lr: lr = " + std::to_string(lr) +
                                " is outside its valid range (0, inf)");
  optim::OptimizerSpec s = optim::parse_optimizer_spec(spec_);
  s.params["lr"] = shortest_decimal(lr);
  const std::string next = spec_text(s);
  make_closure_rule(next);  // the rule's own checks, before anything changes
  spec_ = next;
}

void ClosureRuleOptions::serialize(torch::serialize::OutputArchive& archive) const {
  archive.write("spec", c10::IValue(spec_));
  archive.write("evaluation_mode", c10::IValue(evaluation_mode_));
}

void ClosureRuleOptions::serialize(torch::serialize::InputArchive& archive) {
  c10::IValue spec, mode;
  archive.read("spec", spec);
  archive.read("evaluation_mode", mode);
  if (!spec.isString() || !mode.isBool())
    throw std::runtime_error("ClosureRuleOptions: the archive's 'spec' must be a string and 'evaluation_mode' a bool");
  spec_ = spec.toStringRef();
  evaluation_mode_ = mode.toBool();
}

bool operator==(const ClosureRuleOptions& a, const ClosureRuleOptions& b) {
  return a.spec() == b.spec() && a.evaluation_mode() == b.evaluation_mode() && a.module() == b.module();
}

// ---------------------------------------------------------------------------------------------
// Optimizer

ClosureRuleOptimizer::ClosureRuleOptimizer(std::vector<torch::optim::OptimizerParamGroup> param_groups,
                                           ClosureRuleOptions defaults)
    : torch::optim::Optimizer(std::move(param_groups), std::make_unique<ClosureRuleOptions>(std::move(defaults))) {
  if (param_groups_.size() != 1)
    throw std::invalid_argument("ClosureRuleOptimizer (" + rule_name() + "): " + std::to_string(param_groups_.size()) +
                                " parameter groups; a core rule sees ONE vector, so exactly one group is supported "
                                "(use one optimizer per group)");
  ensure_rule();
}

ClosureRuleOptimizer::ClosureRuleOptimizer(std::vector<at::Tensor> params, ClosureRuleOptions defaults)
    : ClosureRuleOptimizer(std::vector<torch::optim::OptimizerParamGroup>{torch::optim::OptimizerParamGroup(
                               std::move(params))},
                           std::move(defaults)) {}

ClosureRuleOptimizer::~ClosureRuleOptimizer() = default;

ClosureRuleOptions& ClosureRuleOptimizer::group_options() {
  return static_cast<ClosureRuleOptions&>(param_groups_.at(0).options());
}

std::string ClosureRuleOptimizer::rule_name() const {
  if (rule_) return rule_->name();
  const auto& o = param_groups_.empty() ? static_cast<const ClosureRuleOptions&>(*defaults_)
                                        : static_cast<const ClosureRuleOptions&>(param_groups_[0].options());
  return rule_for_messages(o.spec());
}

void ClosureRuleOptimizer::ensure_rule() {
  const std::string& spec = group_options().spec();
  if (rule_ && rule_spec_ == spec) return;
  rule_ = make_closure_rule(spec);
  rule_spec_ = spec;
}

void ClosureRuleOptimizer::reset_rule() {
  if (rule_) rule_->reset();
}

at::Tensor ClosureRuleOptimizer::step(LossClosure closure) {
  // Nothing of a previous step is reported if this one throws.
  outcomes_.clear();
  last_step_size_.reset();
  last_trials_ = 0;
  last_closure_calls_ = 0;
  if (param_groups_.size() != 1)
    throw std::invalid_argument("ClosureRuleOptimizer (" + rule_name() + "): " + std::to_string(param_groups_.size()) +
                                " parameter groups; exactly one is supported (a core rule sees one vector)");
  if (!closure)
    throw std::invalid_argument("ClosureRuleOptimizer (" + rule_name() +
                                "): step() needs a LossClosure that zero_grads, runs forward and backward on the "
                                "current mini-batch and returns the loss (the rule re-evaluates it)");
  ClosureRuleOptions& o = group_options();
  ensure_rule();
  const std::string name = rule_->name();
  std::vector<at::Tensor>& params = param_groups_[0].params();
  if (params.empty()) throw std::invalid_argument("ClosureRuleOptimizer (" + name + "): the group has no parameters");
  check_parameter_group(params, 0, name);

  TorchClosureObjective f(params, std::move(closure), name);
  std::vector<at::Tensor> saved;
  {
    c10::NoGradGuard no_grad;
    saved.reserve(params.size());
    for (const at::Tensor& p : params) saved.push_back(p.detach().clone());
  }
  const auto restore = [&] {
    c10::NoGradGuard no_grad;
    for (std::size_t i = 0; i < params.size(); ++i) params[i].copy_(saved[i]);
  };

  optim::Vector<double> x = f.read_parameters();
  optim::StepReport<double> rep;
  double f0 = 0;
  {
    EvaluationModeGuard mode(o.module(), o.evaluation_mode());
    optim::Oracle<double> oracle(f);
    try {
      // The loss at the start point, returned as torch's optimizers do. Cached: free for the
      // rules that evaluate there; the look-ahead forms of Nesterov (paper, sutskever), which
      // evaluate only at x -+ gamma v, pay one extra closure call here.
      f0 = f.value(x);
      rep = rule_->step(oracle, x);
    } catch (const std::logic_error& e) {
      restore();
      if (mentions_finite_sum(e.what())) throw needs_finite_sum(name, std::string("asked for ") + e.what(), kOneBatchInstead);
      throw;
    } catch (...) {
      restore();
      throw;
    }
  }
  last_step_size_ = rep.step_size;
  last_trials_ = rep.trials;
  last_closure_calls_ = f.closure_calls();

  StepOutcome out;
  out.group = 0;
  out.status = to_outcome_status(rep.status);
  out.message = rep.status == optim::StepStatus::stationary
                    ? "stationary: the gradient is exactly zero, the parameters stay" +
                          (rep.message.empty() ? std::string() : "; " + rep.message)
                    : rep.message;
  out.without_gradient = f.without_gradient();
  out.path = "closure_rule";
  if (rep.refused()) {
    restore();
    out.updated = 0;
    if (out.message.empty()) out.message = std::string(name) + ": " + optim::to_string(rep.status);
    outcomes_.assign(1, out);
    if (mentions_finite_sum(rep.message)) throw needs_finite_sum(name, "refused: " + rep.message, kOneBatchInstead);
  } else {
    f.write_parameters(x);
    out.updated = static_cast<std::int64_t>(params.size()) - out.without_gradient;
    outcomes_.assign(1, out);
  }
  return at::scalar_tensor(f0, at::TensorOptions().dtype(at::kDouble));
}

// ---------------------------------------------------------------------------------------------
// Serialisation

namespace {
constexpr std::int64_t kArchiveVersion = 1;
}

void ClosureRuleOptimizer::save(torch::serialize::OutputArchive& archive) const {
  archive.write("closure_rule_optimizer/version", c10::IValue(kArchiveVersion));
  archive.write("closure_rule_optimizer/groups", c10::IValue(static_cast<std::int64_t>(param_groups_.size())));
  for (std::size_t i = 0; i < param_groups_.size(); ++i) {
    torch::serialize::OutputArchive group;
    static_cast<const ClosureRuleOptions&>(param_groups_[i].options()).serialize(group);
    group.write("params", c10::IValue(static_cast<std::int64_t>(param_groups_[i].params().size())));
    archive.write("closure_rule_optimizer/group/" + std::to_string(i), group);
  }
}

void ClosureRuleOptimizer::load(torch::serialize::InputArchive& archive) {
  c10::IValue version, groups;
  archive.read("closure_rule_optimizer/version", version);
  if (!version.isInt() || version.toInt() != kArchiveVersion)
    throw std::runtime_error("ClosureRuleOptimizer::load: not a ClosureRuleOptimizer archive of version " +
                             std::to_string(kArchiveVersion));
  archive.read("closure_rule_optimizer/groups", groups);
  if (!groups.isInt() || groups.toInt() != static_cast<std::int64_t>(param_groups_.size()))
    throw std::runtime_error("ClosureRuleOptimizer::load: the archive has " +
                             (groups.isInt() ? std::to_string(groups.toInt()) : std::string("?")) +
                             " parameter groups, this optimizer " + std::to_string(param_groups_.size()));
  // Read and check everything first, then change: nothing is half-loaded on an error.
  std::vector<ClosureRuleOptions> loaded;
  for (std::size_t i = 0; i < param_groups_.size(); ++i) {
    torch::serialize::InputArchive group;
    archive.read("closure_rule_optimizer/group/" + std::to_string(i), group);
    ClosureRuleOptions o = static_cast<const ClosureRuleOptions&>(param_groups_[i].options());  // keeps the module
    o.serialize(group);
    c10::IValue n;
    group.read("params", n);
    if (!n.isInt() || n.toInt() != static_cast<std::int64_t>(param_groups_[i].params().size()))
      throw std::runtime_error("ClosureRuleOptimizer::load: group " + std::to_string(i) + " of the archive has " +
                               (n.isInt() ? std::to_string(n.toInt()) : std::string("?")) +
                               " parameters, this optimizer's " + std::to_string(param_groups_[i].params().size()));
    make_closure_rule(o.spec());
    loaded.push_back(std::move(o));
  }
  for (std::size_t i = 0; i < loaded.size(); ++i)
    param_groups_[i].set_options(std::make_unique<ClosureRuleOptions>(std::move(loaded[i])));
  rule_.reset();  // the core rule's state is not in the archive: a fresh rule from the saved spec
  rule_spec_.clear();
  ensure_rule();
}

}  // namespace ov::gpu
