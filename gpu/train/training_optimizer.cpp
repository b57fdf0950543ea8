#include "gpu/train/training_optimizer.hpp"

#include <ATen/ATen.h>
#include <c10/util/Exception.h>
#include <torch/nn/module.h>
#include <torch/optim/adam.h>
#include <torch/optim/sgd.h>
#include <torch/serialize/archive.h>

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdlib>
#include <limits>
#include <map>
#include <stdexcept>

#include "gpu/optim/adadelta.hpp"
#include "gpu/optim/adagrad.hpp"
#include "gpu/optim/adam.hpp"
#include "gpu/optim/adamax.hpp"
#include "gpu/optim/heavy_ball.hpp"
#include "gpu/optim/inna.hpp"
#include "gpu/optim/mbt_learning_rate_finder.hpp"
#include "gpu/optim/nadam.hpp"
#include "gpu/optim/rmsprop.hpp"
#include "gpu/optim/sgd.hpp"
#include "gpu/optim/step_outcome.hpp"
#if OPTVERIFY_CLOSURE_RULES
#include "gpu/optim/closure_rule_optimizer.hpp"
#endif

namespace ov::gpu::train {

namespace training_optimizer_detail {

enum class KeyKind { number, boolean, word };

struct Key {
  std::string name;
  KeyKind kind;
  std::string default_value;
};

double parse_number(const std::string& text, const std::string& what) {
  auto one = [&](const std::string& s) {
    const char* b = s.c_str();
    char* e = nullptr;
    const double v = std::strtod(b, &e);
    if (s.empty() || e != b + s.size() || !std::isfinite(v))
      throw std::invalid_argument(what + " = \"" + text + "\" is not a finite number (e.g. 0.01, 1e-4, 1/10000)");
    return v;
  };
  const auto slash = text.find('/');
  if (slash == std::string::npos) return one(text);
  const double num = one(text.substr(0, slash)), den = one(text.substr(slash + 1));
  if (den == 0) throw std::invalid_argument(what + " = \"" + text + "\" divides by zero");
  return num / den;
}

bool parse_boolean(const std::string& text, const std::string& what) {
  if (text == "true" || text == "1") return true;
  if (text == "false" || text == "0") return false;
  throw std::invalid_argument(what + " = \"" + text + "\" is not a boolean (true, false, 1, 0)");
}

class Values {
 public:
  explicit Values(const std::vector<std::pair<std::string, std::string>>& kv, const std::string& name)
      : name_(name) {
    for (const auto& [k, v] : kv) m_[k] = v;
  }
  bool has(const std::string& k) const { return m_.count(k) != 0; }
  double num(const std::string& k) const { return parse_number(m_.at(k), name_ + ": " + k); }
  bool flag(const std::string& k) const { return parse_boolean(m_.at(k), name_ + ": " + k); }
  const std::string& word(const std::string& k) const { return m_.at(k); }

 private:
  std::string name_;
  std::map<std::string, std::string> m_;
};

using Factory = std::function<std::unique_ptr<torch::optim::Optimizer>(std::vector<at::Tensor>, const Values&)>;

struct Entry {
  std::string name;
  std::vector<Key> keys;
  OptimizerKind kind;
  Factory make;  // null for mbt_* (built by TrainingOptimizer) and rule
};

#define OV_SET_NUM(o, k) \
  if (v.has(#k)) (o).k(v.num(#k))
#define OV_SET_FLAG(o, k) \
  if (v.has(#k)) (o).k(v.flag(#k))
#define OV_SET_WORD(o, k) \
  if (v.has(#k)) (o).k(v.word(#k))

const std::vector<Entry>& entries() {
  using K = KeyKind;
  static const std::vector<Entry> list = [] {
    std::vector<Entry> e;
    e.push_back({"sgd",
                 {{"lr", K::number, "0.01"},
                  {"momentum", K::number, "0"},
                  {"nesterov", K::boolean, "false"},
                  {"weight_decay", K::number, "0"},
                  {"weight_decay_mode", K::word, "coupled_l2"},
                  {"form", K::word, "pytorch"}},
                 OptimizerKind::gradient,
                 [](std::vector<at::Tensor> p, const Values& v) {
                   ov::gpu::SGDOptions o;
                   OV_SET_NUM(o, lr);
                   OV_SET_NUM(o, momentum);
                   OV_SET_FLAG(o, nesterov);
                   OV_SET_NUM(o, weight_decay);
                   OV_SET_WORD(o, weight_decay_mode);
                   OV_SET_WORD(o, form);
                   return std::unique_ptr<torch::optim::Optimizer>(new ov::gpu::SGD(std::move(p), o));
                 }});
    e.push_back({"heavy_ball",
                 {{"lr", K::number, "0.01"}, {"momentum", K::number, "0.5"}},
                 OptimizerKind::gradient,
                 [](std::vector<at::Tensor> p, const Values& v) {
                   ov::gpu::HeavyBallOptions o;
                   OV_SET_NUM(o, lr);
                   OV_SET_NUM(o, momentum);
                   return std::unique_ptr<torch::optim::Optimizer>(new ov::gpu::HeavyBall(std::move(p), o));
                 }});
    auto adam_keys = [](const char* wd, const char* mode) {
      return std::vector<Key>{{"lr", K::number, "0.001"},
                              {"beta1", K::number, "0.9"},
                              {"beta2", K::number, "0.999"},
                              {"eps", K::number, "1e-8"},
                              {"weight_decay", K::number, wd},
                              {"weight_decay_mode", K::word, mode},
                              {"epsilon_placement", K::word, "outside_sqrt"},
                              {"bias_correction", K::word, "update_count"}};
    };
    auto adam_factory = [](bool adamw) {
      return [adamw](std::vector<at::Tensor> p, const Values& v) {
        ov::gpu::AdamOptions o = adamw ? ov::gpu::adamw_options() : ov::gpu::AdamOptions();
        OV_SET_NUM(o, lr);
        OV_SET_NUM(o, beta1);
        OV_SET_NUM(o, beta2);
        OV_SET_NUM(o, eps);
        OV_SET_NUM(o, weight_decay);
        OV_SET_WORD(o, weight_decay_mode);
        OV_SET_WORD(o, epsilon_placement);
        OV_SET_WORD(o, bias_correction);
        return std::unique_ptr<torch::optim::Optimizer>(new ov::gpu::Adam(std::move(p), o));
      };
    };
    e.push_back({"adam", adam_keys("0", "coupled_l2"), OptimizerKind::gradient, adam_factory(false)});
    e.push_back({"adamw", adam_keys("0.01", "decoupled"), OptimizerKind::gradient, adam_factory(true)});
    e.push_back({"adagrad",
                 {{"lr", K::number, "0.01"}, {"eps", K::number, "1e-10"}, {"epsilon_placement", K::word, "inside_sqrt"}},
                 OptimizerKind::gradient,
                 [](std::vector<at::Tensor> p, const Values& v) {
                   ov::gpu::AdagradOptions o;
                   OV_SET_NUM(o, lr);
                   OV_SET_NUM(o, eps);
                   OV_SET_WORD(o, epsilon_placement);
                   return std::unique_ptr<torch::optim::Optimizer>(new ov::gpu::Adagrad(std::move(p), o));
                 }});
    e.push_back({"rmsprop",
                 {{"lr", K::number, "0.01"},
                  {"gamma", K::number, "0.9"},
                  {"eps", K::number, "1e-8"},
                  {"epsilon_placement", K::word, "inside_sqrt"}},
                 OptimizerKind::gradient,
                 [](std::vector<at::Tensor> p, const Values& v) {
                   ov::gpu::RmspropOptions o;
                   OV_SET_NUM(o, lr);
                   OV_SET_NUM(o, gamma);
                   OV_SET_NUM(o, eps);
                   OV_SET_WORD(o, epsilon_placement);
                   return std::unique_ptr<torch::optim::Optimizer>(new ov::gpu::Rmsprop(std::move(p), o));
                 }});
    e.push_back({"adamax",
                 {{"lr", K::number, "0.002"}, {"beta1", K::number, "0.9"}, {"beta2", K::number, "0.999"}, {"eps", K::number, "0"}},
                 OptimizerKind::gradient,
                 [](std::vector<at::Tensor> p, const Values& v) {
                   ov::gpu::AdamaxOptions o;
                   OV_SET_NUM(o, lr);
                   OV_SET_NUM(o, beta1);
                   OV_SET_NUM(o, beta2);
                   OV_SET_NUM(o, eps);
                   return std::unique_ptr<torch::optim::Optimizer>(new ov::gpu::Adamax(std::move(p), o));
                 }});
    e.push_back({"adadelta",
                 {{"lr", K::number, "1"}, {"rho", K::number, "0.95"}, {"eps", K::number, "1e-6"}},
                 OptimizerKind::gradient,
                 [](std::vector<at::Tensor> p, const Values& v) {
                   ov::gpu::AdadeltaOptions o;
                   OV_SET_NUM(o, lr);
                   OV_SET_NUM(o, rho);
                   OV_SET_NUM(o, eps);
                   return std::unique_ptr<torch::optim::Optimizer>(new ov::gpu::Adadelta(std::move(p), o));
                 }});
    e.push_back({"nadam",
                 {{"lr", K::number, "0.002"},
                  {"beta1", K::number, "0.9"},
                  {"beta2", K::number, "0.999"},
                  {"eps", K::number, "1e-8"},
                  {"momentum_decay", K::number, "0.004"}},
                 OptimizerKind::gradient,
                 [](std::vector<at::Tensor> p, const Values& v) {
                   ov::gpu::NAdamOptions o;
                   OV_SET_NUM(o, lr);
                   OV_SET_NUM(o, beta1);
                   OV_SET_NUM(o, beta2);
                   OV_SET_NUM(o, eps);
                   OV_SET_NUM(o, momentum_decay);
                   return std::unique_ptr<torch::optim::Optimizer>(new ov::gpu::NAdam(std::move(p), o));
                 }});
    e.push_back({"inna",
                 {{"lr", K::number, "0.1"},
                  {"alpha", K::number, "0.5"},
                  {"beta", K::number, "0.1"},
                  {"decay_power", K::number, "0"},
                  {"psi0", K::word, "thesis"},
                  {"weight_decay", K::number, "0"},
                  {"weight_decay_mode", K::word, "outside_beta"}},
                 OptimizerKind::gradient,
                 [](std::vector<at::Tensor> p, const Values& v) {
                   ov::gpu::InnaOptions o;
                   OV_SET_NUM(o, lr);
                   OV_SET_NUM(o, alpha);
                   OV_SET_NUM(o, beta);
                   OV_SET_NUM(o, decay_power);
                   OV_SET_WORD(o, psi0);
                   OV_SET_NUM(o, weight_decay);
                   OV_SET_WORD(o, weight_decay_mode);
                   return std::unique_ptr<torch::optim::Optimizer>(new ov::gpu::Inna(std::move(p), o));
                 }});
    e.push_back({"torch_sgd",
                 {{"lr", K::number, "0.01"},
                  {"momentum", K::number, "0"},
                  {"dampening", K::number, "0"},
                  {"weight_decay", K::number, "0"},
                  {"nesterov", K::boolean, "false"}},
                 OptimizerKind::gradient,
                 [](std::vector<at::Tensor> p, const Values& v) {
                   torch::optim::SGDOptions o(v.has("lr") ? v.num("lr") : 0.01);
                   OV_SET_NUM(o, momentum);
                   OV_SET_NUM(o, dampening);
                   OV_SET_NUM(o, weight_decay);
                   OV_SET_FLAG(o, nesterov);
                   return std::unique_ptr<torch::optim::Optimizer>(new torch::optim::SGD(std::move(p), o));
                 }});
    e.push_back({"torch_adam",
                 {{"lr", K::number, "0.001"},
                  {"beta1", K::number, "0.9"},
                  {"beta2", K::number, "0.999"},
                  {"eps", K::number, "1e-8"},
                  {"weight_decay", K::number, "0"},
                  {"amsgrad", K::boolean, "false"}},
                 OptimizerKind::gradient,
                 [](std::vector<at::Tensor> p, const Values& v) {
                   torch::optim::AdamOptions o(v.has("lr") ? v.num("lr") : 1e-3);
                   o.betas(std::make_tuple(v.has("beta1") ? v.num("beta1") : 0.9, v.has("beta2") ? v.num("beta2") : 0.999));
                   OV_SET_NUM(o, eps);
                   OV_SET_NUM(o, weight_decay);
                   OV_SET_FLAG(o, amsgrad);
                   return std::unique_ptr<torch::optim::Optimizer>(new torch::optim::Adam(std::move(p), o));
                 }});
    auto mbt_keys = [](bool with_momentum) {
      std::vector<Key> k{{"alpha", K::number, "1e-4"},  {"beta", K::number, "0.5"}, {"batches", K::number, "20"},
                         {"start", K::number, "0.01"},  {"patience", K::number, "5"}, {"stuck_alpha", K::number, "0.5"}};
      if (with_momentum) k.push_back({"momentum", K::number, "0.9"});
      return k;
    };
    e.push_back({"mbt_gd", mbt_keys(false), OptimizerKind::mbt, nullptr});
    e.push_back({"mbt_mmt", mbt_keys(true), OptimizerKind::mbt, nullptr});
    e.push_back({"mbt_nag", mbt_keys(true), OptimizerKind::mbt, nullptr});
    return e;
  }();
  return list;
}

#undef OV_SET_NUM
#undef OV_SET_FLAG
#undef OV_SET_WORD

std::string joined(const std::vector<std::string>& v) {
  std::string s;
  for (const auto& x : v) s += (s.empty() ? "" : ", ") + x;
  return s;
}

const Entry* find_entry(const std::string& name) {
  for (const Entry& e : entries())
    if (e.name == name) return &e;
  return nullptr;
}

std::string message_of(const c10::Error& e) { return e.what_without_backtrace(); }

bool integral(double v) { return std::floor(v) == v; }

}  // namespace training_optimizer_detail

bool closure_rules_available() {
#if OPTVERIFY_CLOSURE_RULES
  return true;
#else
  return false;
#endif
}

bool is_closure_rule_spec(const std::string& spec) {
  return spec.rfind("rule:", 0) == 0 || spec.rfind("rule_train:", 0) == 0;
}

std::vector<std::string> optimizer_names() {
  std::vector<std::string> names;
  for (const auto& e : training_optimizer_detail::entries()) names.push_back(e.name);
  if (closure_rules_available()) {
    names.push_back("rule:<core spec>");
    names.push_back("rule_train:<core spec>");
  }
  return names;
}

std::vector<std::pair<std::string, std::string>> optimizer_keys(const std::string& name) {
  const auto* e = training_optimizer_detail::find_entry(name);
  if (!e)
    throw std::invalid_argument("unknown optimizer \"" + name + "\"; valid: " +
                                training_optimizer_detail::joined(optimizer_names()));
  std::vector<std::pair<std::string, std::string>> keys;
  for (const auto& k : e->keys) keys.emplace_back(k.name, k.default_value);
  return keys;
}

OptimizerSpec parse_optimizer_spec(const std::string& spec) {
  using namespace training_optimizer_detail;
  OptimizerSpec s;
  s.text = spec;
  for (const std::string rule_prefix : {"rule:", "rule_train:"}) {
    if (spec.compare(0, rule_prefix.size(), rule_prefix) != 0) continue;
    if (!closure_rules_available())
      throw std::invalid_argument("optimizer \"" + spec + "\": the closure rules (" + rule_prefix +
                                  "...) need the full build with the rigorous core "
                                  "(OPTVERIFY_RIGOROUS_CORE); valid here: " + joined(optimizer_names()));
    s.name = "rule";
    s.rule_evaluation_mode = rule_prefix == "rule:";
    s.rule_spec = spec.substr(rule_prefix.size());
    if (s.rule_spec.empty())
      throw std::invalid_argument("optimizer \"" + spec + "\": " + rule_prefix + " needs a core registry spec, e.g. " +
                                  rule_prefix + "step_tuned_sgd");
    return s;
  }
  const auto colon = spec.find(':');
  s.name = spec.substr(0, colon);
  const Entry* e = find_entry(s.name);
  if (!e)
    throw std::invalid_argument("optimizer \"" + spec + "\": unknown optimizer \"" + s.name + "\"; valid: " +
                                joined(optimizer_names()) + " (spec syntax NAME[:k=v,k=v...])");
  if (colon == std::string::npos) return s;
  const std::string rest = spec.substr(colon + 1);
  std::vector<std::string> key_names;
  for (const auto& k : e->keys) key_names.push_back(k.name);
  std::size_t pos = 0;
  while (pos <= rest.size()) {
    const auto comma = rest.find(',', pos);
    const std::string item = rest.substr(pos, comma == std::string::npos ? std::string::npos : comma - pos);
    const auto eq = item.find('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == item.size())
      throw std::invalid_argument("optimizer \"" + spec + "\": \"" + item + "\" is not key=value (syntax NAME[:k=v,k=v...])");
    const std::string key = item.substr(0, eq), value = item.substr(eq + 1);
    const Key* k = nullptr;
    for (const auto& c : e->keys)
      if (c.name == key) k = &c;
    if (!k)
      throw std::invalid_argument("optimizer \"" + spec + "\": " + s.name + " has no key \"" + key + "\"; valid keys: " +
                                  joined(key_names));
    for (const auto& kv : s.values)
      if (kv.first == key) throw std::invalid_argument("optimizer \"" + spec + "\": key \"" + key + "\" given twice");
    try {
      if (k->kind == KeyKind::number) parse_number(value, s.name + ": " + key);
      if (k->kind == KeyKind::boolean) parse_boolean(value, s.name + ": " + key);
    } catch (const std::invalid_argument& err) {
      throw std::invalid_argument("optimizer \"" + spec + "\": " + err.what());
    }
    s.values.emplace_back(key, value);
    if (comma == std::string::npos) break;
    pos = comma + 1;
  }
  return s;
}

void check_optimizer_spec(const std::string& spec) {
  at::Tensor p = at::zeros({2}, at::kFloat);
  p.set_requires_grad(true);
  TrainingOptimizer check(spec, {p}, nullptr);
}

nlohmann::json to_json(const MbtState& s) {
  return {{"lr", s.lr},         {"alpha", s.alpha},       {"need_finder", s.need_finder},
          {"momentum_on", s.momentum_on}, {"stuck", s.stuck}, {"has_best", s.has_best},
          {"best", std::isfinite(s.best) ? nlohmann::json(s.best) : nlohmann::json(nullptr)},
          {"stalled", s.stalled}, {"finder_runs", s.finder_runs}};
}

MbtState mbt_state_from_json(const nlohmann::json& j) {
  MbtState s;
  try {
    s.lr = j.at("lr").get<double>();
    s.alpha = j.at("alpha").get<double>();
    s.need_finder = j.at("need_finder").get<bool>();
    s.momentum_on = j.at("momentum_on").get<bool>();
    s.stuck = j.at("stuck").get<bool>();
    s.has_best = j.at("has_best").get<bool>();
    s.best = j.at("best").is_null() ? std::numeric_limits<double>::quiet_NaN() : j.at("best").get<double>();
    s.stalled = j.at("stalled").get<int>();
    s.finder_runs = j.at("finder_runs").get<int>();
  } catch (const nlohmann::json::exception& e) {
    throw std::runtime_error(std::string("MBT state: ") + e.what());
  }
  return s;
}

TrainingOptimizer::TrainingOptimizer(const std::string& spec, std::vector<at::Tensor> params,
                                     std::shared_ptr<torch::nn::Module> module)
    : spec_(parse_optimizer_spec(spec)), params_(std::move(params)), module_(std::move(module)) {
  using namespace training_optimizer_detail;
  try {
    if (spec_.name == "rule") {
#if OPTVERIFY_CLOSURE_RULES
      kind_ = OptimizerKind::closure;
      optimizer_ = std::make_unique<ov::gpu::ClosureRuleOptimizer>(
          params_, ov::gpu::ClosureRuleOptions(spec_.rule_spec).module(module_).evaluation_mode(spec_.rule_evaluation_mode));
      try {
        base_lr_ = optimizer_->param_groups()[0].options().get_lr();
      } catch (const std::invalid_argument&) {
        base_lr_ = std::numeric_limits<double>::quiet_NaN();
      }
      return;
#else
      throw std::invalid_argument("the closure rules need the full build");
#endif
    }
    const Entry* e = find_entry(spec_.name);
    kind_ = e->kind;
    const Values v(spec_.values, spec_.name);
    if (kind_ == OptimizerKind::mbt) {
      mbt_.base = spec_.name == "mbt_gd"    ? MbtSettings::Base::gd
                  : spec_.name == "mbt_mmt" ? MbtSettings::Base::momentum
                                            : MbtSettings::Base::nesterov;
      if (v.has("alpha")) mbt_.alpha = v.num("alpha");
      if (v.has("beta")) mbt_.beta = v.num("beta");
      if (v.has("start")) mbt_.start = v.num("start");
      if (v.has("momentum")) mbt_.momentum = v.num("momentum");
      if (v.has("stuck_alpha")) mbt_.stuck_alpha = v.num("stuck_alpha");
      auto count = [&](const char* k, int& out) {
        if (!v.has(k)) return;
        const double x = v.num(k);
        if (!integral(x) || x < 1 || x > 1e6)
          throw std::invalid_argument(spec_.name + ": " + k + " = " + v.word(k) + " is outside its valid range (integers in [1, 1e6])");
        out = static_cast<int>(x);
      };
      count("batches", mbt_.batches);
      count("patience", mbt_.patience);
      if (!(mbt_.momentum >= 0 && mbt_.momentum < 1))
        throw std::invalid_argument(spec_.name + ": momentum = " + std::to_string(mbt_.momentum) + " is outside its valid range [0, 1)");
      // The finder checks alpha, beta, start, batches (its own messages).
      optim::MinibatchLrFinderParameters<double> fp;
      fp.alpha = mbt_.alpha;
      fp.beta = mbt_.beta;
      fp.batches = mbt_.batches;
      fp.start = mbt_.start;
      optim::MinibatchLrFinder<double> check(fp, spec_.name);
      fp.alpha = mbt_.stuck_alpha;
      try {
        optim::MinibatchLrFinder<double> check_stuck(fp, spec_.name);
      } catch (const std::invalid_argument&) {
        throw std::invalid_argument(spec_.name + ": stuck_alpha = " + std::to_string(mbt_.stuck_alpha) +
                                    " is outside its valid range (0, 1)");
      }
      mbt_state_.alpha = mbt_.alpha;
      mbt_state_.lr = mbt_.start;
      base_lr_ = std::numeric_limits<double>::quiet_NaN();
      build_mbt_sgd(mbt_.start);
      return;
    }
    optimizer_ = e->make(params_, v);
    base_lr_ = optimizer_->param_groups()[0].options().get_lr();
  } catch (const c10::Error& err) {
    throw std::invalid_argument("optimizer \"" + spec + "\": " + message_of(err));
  } catch (const std::invalid_argument& err) {
    const std::string m = err.what();
    if (m.rfind("optimizer \"", 0) == 0) throw;
    throw std::invalid_argument("optimizer \"" + spec + "\": " + m);
  }
}

TrainingOptimizer::~TrainingOptimizer() = default;

void TrainingOptimizer::build_mbt_sgd(double lr) {
  ov::gpu::SGDOptions o(lr);
  if (mbt_.base != MbtSettings::Base::gd && mbt_state_.momentum_on) {
    o.momentum(mbt_.momentum);
    o.nesterov(mbt_.base == MbtSettings::Base::nesterov);
  }
  optimizer_ = std::make_unique<ov::gpu::SGD>(params_, o);
}

void TrainingOptimizer::set_lr(double lr) {
  if (kind_ == OptimizerKind::mbt)
    throw std::logic_error("optimizer \"" + spec_.text + "\": MBT takes its rate from the finder, not from set_lr");
  if (!std::isfinite(base_lr_))
    throw std::invalid_argument("optimizer \"" + spec_.text + "\": the rule has no learning rate to schedule");
  for (auto& g : optimizer_->param_groups()) g.options().set_lr(lr);
}

double TrainingOptimizer::current_lr() const {
  if (kind_ == OptimizerKind::mbt) return mbt_state_.lr;
  if (!std::isfinite(base_lr_)) return std::numeric_limits<double>::quiet_NaN();
  return optimizer_->param_groups()[0].options().get_lr();
}

std::int64_t TrainingOptimizer::last_step_refusals() const {
  const auto* r = dynamic_cast<const ov::gpu::OutcomeReporter*>(optimizer_.get());
  if (!r) return 0;
  std::int64_t n = 0;
  for (const auto& o : r->last_outcomes())
    if (o.refused()) ++n;
  return n > 0 ? 1 : 0;
}

double TrainingOptimizer::last_rule_step_size() const {
#if OPTVERIFY_CLOSURE_RULES
  if (kind_ == OptimizerKind::closure) {
    const auto* c = dynamic_cast<const ov::gpu::ClosureRuleOptimizer*>(optimizer_.get());
    if (c && c->last_step_size()) return *c->last_step_size();
  }
#endif
  return std::numeric_limits<double>::quiet_NaN();
}

std::int64_t TrainingOptimizer::last_rule_closure_calls() const {
#if OPTVERIFY_CLOSURE_RULES
  if (kind_ == OptimizerKind::closure) {
    const auto* c = dynamic_cast<const ov::gpu::ClosureRuleOptimizer*>(optimizer_.get());
    if (c) return c->last_closure_calls();
  }
#endif
  return 0;
}

nlohmann::json TrainingOptimizer::begin_epoch(const BatchClosure& closure, std::size_t num_samples,
                                              std::size_t batch_size, std::uint64_t finder_seed) {
  if (kind_ != OptimizerKind::mbt || !mbt_state_.need_finder) return nlohmann::json::object();
  ov::gpu::MbtFinderOptions fo;
  fo.finder.alpha = mbt_.alpha;
  fo.finder.beta = mbt_.beta;
  fo.finder.batches = mbt_.batches;
  fo.finder.start = mbt_.start;
  fo.seed = finder_seed;
  fo.module = module_;
  ov::gpu::MbtLearningRateFinder finder(params_, num_samples, std::min(batch_size, num_samples), fo);
  const auto r = finder.find(closure, mbt_state_.alpha);
  mbt_state_.lr = r.lr;
  mbt_state_.need_finder = false;
  ++mbt_state_.finder_runs;
  build_mbt_sgd(r.lr);  // a fresh SGD: the momentum buffer restarts at each finder run (the code, A12)
  return {{"finder_lr", r.lr},
          {"finder_mean", r.mean},
          {"finder_factor", r.factor},
          {"finder_per_batch", r.per_batch},
          {"finder_alpha", mbt_state_.alpha},
          {"finder_trials", r.trials},
          {"finder_unsatisfied", r.unsatisfied},
          {"finder_closure_calls", finder.last_closure_calls()},
          {"stuck", mbt_state_.stuck}};
}

void TrainingOptimizer::end_epoch(double train_loss) {
  if (kind_ != OptimizerKind::mbt) return;
  MbtState& s = mbt_state_;
  if (!s.has_best || train_loss < s.best) {
    s.has_best = true;
    s.best = train_loss;
    s.stalled = 0;
  } else {
    ++s.stalled;
  }
  if (!s.stuck && s.stalled >= mbt_.patience) {
    s.stuck = true;
    s.alpha = mbt_.stuck_alpha;
    s.momentum_on = false;
  }
  s.need_finder = mbt_.base != MbtSettings::Base::gd || s.stuck;
}

std::string TrainingOptimizer::resume_refusal() const {
  if (kind_ == OptimizerKind::closure)
    return "optimizer \"" + spec_.text +
           "\": a closure rule keeps its state inside the core rule, which a checkpoint cannot save "
           "(gpu/optim/closure_rule_optimizer.hpp), so a resumed run would differ from an uninterrupted one; "
           "rerun from the start (without resume, in a new output directory)";
  return "";
}

void TrainingOptimizer::save(torch::serialize::OutputArchive& archive) const {
  torch::serialize::OutputArchive sub;
  optimizer_->save(sub);
  archive.write("optimizer", sub);
  archive.write("mbt_state", c10::IValue(to_json(mbt_state_).dump()));
}

void TrainingOptimizer::load(torch::serialize::InputArchive& archive) {
  c10::IValue state;
  archive.read("mbt_state", state);
  if (kind_ == OptimizerKind::mbt) {
    mbt_state_ = mbt_state_from_json(nlohmann::json::parse(state.toStringRef()));
    build_mbt_sgd(mbt_state_.lr);
  }
  torch::serialize::InputArchive sub;
  archive.read("optimizer", sub);
  optimizer_->load(sub);
}

}  // namespace ov::gpu::train
