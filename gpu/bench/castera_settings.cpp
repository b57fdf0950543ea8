// Parsing and checking the Castera protocols' settings blocks (castera_settings.hpp).
#include "gpu/bench/castera_settings.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <set>
#include <stdexcept>

#include "gpu/train/learning_rate_schedule.hpp"
#include "gpu/train/training_config.hpp"
#include "gpu/train/training_optimizer.hpp"
#include "nets/torch/model_zoo.hpp"

namespace ov::gpu::bench {

namespace castera_settings_detail {

[[noreturn]] void fail(const std::string& where, const std::string& key, const std::string& what) {
  throw std::invalid_argument(where + ": key \"" + key + "\": " + what);
}

// Reads one object's keys, refusing unknown ones (naming the valid keys).
class Reader {
 public:
  Reader(const nlohmann::json& j, std::string where, std::set<std::string> known)
      : j_(j), where_(std::move(where)), known_(std::move(known)) {
    if (!j_.is_object()) throw std::invalid_argument(where_ + ": must be a JSON object, got " + j_.dump());
    for (auto it = j_.begin(); it != j_.end(); ++it) {
      if (!known_.count(it.key())) {
        std::string valid;
        for (const auto& k : known_) valid += (valid.empty() ? "" : ", ") + k;
        throw std::invalid_argument(where_ + ": unknown key \"" + it.key() + "\" (valid: " + valid + ")");
      }
    }
  }
  const std::string& where() const { return where_; }
  bool has(const std::string& k) const { return j_.contains(k); }
  const nlohmann::json& at(const std::string& k) const {
    if (!j_.contains(k)) fail(where_, k, "missing");
    return j_.at(k);
  }
  std::string text(const std::string& k, bool allow_empty = false) const {
    const auto& v = at(k);
    if (!v.is_string() || (!allow_empty && v.get<std::string>().empty())) fail(where_, k, "must be a non-empty string");
    return v.get<std::string>();
  }
  std::string text_or(const std::string& k, const std::string& d) const { return has(k) ? text(k, true) : d; }
  double number(const std::string& k, double lo, double hi, bool lo_open = false) const {
    const auto& v = at(k);
    if (!v.is_number()) fail(where_, k, "must be a number, got " + v.dump());
    const double x = v.get<double>();
    if (!std::isfinite(x) || x < lo || x > hi || (lo_open && x == lo))
      fail(where_, k, "= " + v.dump() + " is outside " + std::string(lo_open ? "(" : "[") + shortest_decimal(lo) + ", " +
                          shortest_decimal(hi) + "]");
    return x;
  }
  double number_or(const std::string& k, double d, double lo, double hi, bool lo_open = false) const {
    return has(k) ? number(k, lo, hi, lo_open) : d;
  }
  std::int64_t integer(const std::string& k, std::int64_t lo, std::int64_t hi) const {
    const auto& v = at(k);
    if (!v.is_number_integer()) fail(where_, k, "must be an integer, got " + v.dump());
    const auto x = v.get<std::int64_t>();
    if (x < lo || x > hi) fail(where_, k, "= " + v.dump() + " is outside [" + std::to_string(lo) + ", " + std::to_string(hi) + "]");
    return x;
  }
  std::int64_t integer_or(const std::string& k, std::int64_t d, std::int64_t lo, std::int64_t hi) const {
    return has(k) ? integer(k, lo, hi) : d;
  }
  bool flag_or(const std::string& k, bool d) const {
    if (!has(k)) return d;
    if (!at(k).is_boolean()) fail(where_, k, "must be true or false");
    return at(k).get<bool>();
  }
  std::vector<double> numbers(const std::string& k, double lo, double hi, bool lo_open = false) const {
    const auto& v = at(k);
    if (!v.is_array() || v.empty()) fail(where_, k, "must be a non-empty array of numbers");
    std::vector<double> out;
    for (const auto& x : v) {
      if (!x.is_number() || !std::isfinite(x.get<double>()) || x.get<double>() < lo || x.get<double>() > hi ||
          (lo_open && x.get<double>() == lo))
        fail(where_, k, "element " + x.dump() + " is not a number in " + std::string(lo_open ? "(" : "[") +
                            shortest_decimal(lo) + ", " + shortest_decimal(hi) + "]");
      out.push_back(x.get<double>());
    }
    return out;
  }
  std::pair<double, double> pair_of(const nlohmann::json& v, const std::string& k) const {
    if (!v.is_array() || v.size() != 2 || !v[0].is_number() || !v[1].is_number() || v[0].get<double>() < 0 ||
        !(v[1].get<double>() > 0) || !std::isfinite(v[0].get<double>()) || !std::isfinite(v[1].get<double>()))
      fail(where_, k, "must be an [alpha, beta] pair with alpha >= 0 and beta > 0 (002 L1090), got " + v.dump());
    return {v[0].get<double>(), v[1].get<double>()};
  }

 private:
  const nlohmann::json& j_;
  std::string where_;
  std::set<std::string> known_;
};

CasteraProblem read_problem(const nlohmann::json& j, const std::string& where) {
  Reader r(j, where, {"id", "model", "dataset", "stands_in_for", "epochs", "grid_search_epochs", "subset", "test_subset"});
  CasteraProblem p;
  p.id = r.text("id");
  p.model = r.text("model");
  if (!ov::nets::torchzoo::is_model_name(p.model)) {
    std::string valid;
    for (const auto& n : ov::nets::torchzoo::model_names()) valid += (valid.empty() ? "" : ", ") + n;
    fail(where, "model", "unknown model \"" + p.model + "\" (valid: " + valid + ")");
  }
  p.dataset = r.text("dataset");
  static const std::set<std::string> datasets{"mnist", "fashion-mnist", "cifar10", "cifar100"};
  if (!datasets.count(p.dataset)) fail(where, "dataset", "\"" + p.dataset + "\" is not one of mnist, fashion-mnist, cifar10, cifar100");
  p.stands_in_for = r.text_or("stands_in_for", "");
  p.epochs = static_cast<int>(r.integer("epochs", 1, 100000));
  p.grid_search_epochs = static_cast<int>(r.integer("grid_search_epochs", 1, p.epochs));
  p.subset = r.integer_or("subset", 0, 0, 100000000);
  p.test_subset = r.integer_or("test_subset", 0, 0, 100000000);
  return p;
}

CasteraMethod read_method(const nlohmann::json& j, const std::string& where, bool with_label) {
  std::set<std::string> keys{"optimizer", "grid", "schedule", "batch_reuse_ablation"};
  if (with_label) keys.insert("label");
  Reader r(j, where, keys);
  CasteraMethod m;
  if (with_label) m.label = r.text("label");
  m.optimizer = r.text("optimizer");
  m.schedule = r.text_or("schedule", "constant");
  m.batch_reuse_ablation = r.flag_or("batch_reuse_ablation", true);
  const auto& g = r.at("grid");
  if (!g.is_object() || g.empty()) fail(where, "grid", "must be an object {key: [values]} with at least \"lr\"");
  Reader gr(g, where + ".grid", [&] {
    std::set<std::string> k;
    for (auto it = g.begin(); it != g.end(); ++it) k.insert(it.key());
    return k;
  }());
  for (auto it = g.begin(); it != g.end(); ++it) m.grid.emplace_back(it.key(), gr.numbers(it.key(), 0, 1e6, true));
  try {
    train::LearningRateSchedule check(m.schedule);
    (void)check;
  } catch (const std::invalid_argument& e) {
    fail(where, "schedule", e.what());
  }
  return m;
}

CasteraCommon read_common(const Reader& r) {
  CasteraCommon c;
  const auto& s = r.at("seeds");
  if (!s.is_array() || s.empty()) fail(r.where(), "seeds", "must be a non-empty array of non-negative integers");
  c.seeds.clear();
  for (const auto& x : s) {
    if (!x.is_number_unsigned()) fail(r.where(), "seeds", "element " + x.dump() + " is not a non-negative integer");
    c.seeds.push_back(x.get<std::uint64_t>());
  }
  c.batch_size = r.integer("batch_size", 1, 1000000);
  c.weight_decay = r.number_or("weight_decay", 0, 0, 1);
  c.budget_window = r.number_or("budget_window", 0.25, 0, 1, true);
  c.tie_tolerance = r.number_or("tie_tolerance", 0.02, 0, 1);
  return c;
}

void require_label(const std::vector<CasteraMethod>& methods, const std::string& label, const std::string& where,
                   const std::string& key) {
  for (const auto& m : methods)
    if (m.label == label) return;
  fail(where, key, "needs a method labelled \"" + label + "\"");
}

}  // namespace castera_settings_detail

std::string shortest_decimal(double v) {
  char buffer[40];
  for (int precision = 1; precision <= 17; ++precision) {
    std::snprintf(buffer, sizeof buffer, "%.*g", precision, v);
    if (std::strtod(buffer, nullptr) == v) break;
  }
  return buffer;
}

std::string fill_template(const std::string& templ, const std::vector<std::pair<std::string, double>>& values) {
  std::string out;
  for (std::size_t i = 0; i < templ.size();) {
    if (templ[i] != '{') {
      out += templ[i++];
      continue;
    }
    const auto close = templ.find('}', i);
    if (close == std::string::npos)
      throw std::invalid_argument("optimizer template \"" + templ + "\": unclosed '{' at character " + std::to_string(i));
    const std::string key = templ.substr(i + 1, close - i - 1);
    const auto it = std::find_if(values.begin(), values.end(), [&](const auto& kv) { return kv.first == key; });
    if (it == values.end())
      throw std::invalid_argument("optimizer template \"" + templ + "\": placeholder {" + key +
                                  "} has no value (give it in \"grid\" or it is not one the protocol fills)");
    out += shortest_decimal(it->second);
    i = close + 1;
  }
  return out;
}

std::vector<GridPoint> expand_grid(const CasteraMethod& method, const std::vector<std::pair<std::string, double>>& fixed) {
  std::vector<std::vector<std::pair<std::string, double>>> points{{}};
  for (const auto& [key, values] : method.grid) {
    std::vector<std::vector<std::pair<std::string, double>>> next;
    for (const auto& p : points) {
      for (double v : values) {
        auto q = p;
        q.emplace_back(key, v);
        next.push_back(std::move(q));
      }
    }
    points = std::move(next);
  }
  std::vector<GridPoint> out;
  for (const auto& p : points) {
    auto all = p;
    all.insert(all.end(), fixed.begin(), fixed.end());
    out.push_back({fill_template(method.optimizer, all), p});
  }
  return out;
}

void check_method_specs(const CasteraMethod& method, const std::vector<std::pair<std::string, double>>& fixed,
                        const std::string& where) {
  for (const auto& point : expand_grid(method, fixed)) {
    if (train::is_closure_rule_spec(point.spec) && !train::closure_rules_available()) continue;
    try {
      train::check_optimizer_spec(point.spec);
    } catch (const std::invalid_argument& e) {
      throw std::invalid_argument(where + ": method \"" + method.label + "\": " + e.what());
    }
  }
}

InnaComparisonSettings parse_inna_comparison_settings(const nlohmann::json& settings, const std::string& where) {
  using namespace castera_settings_detail;
  Reader r(settings, where,
           {"problem", "seeds", "batch_size", "weight_decay", "budget_window", "tie_tolerance", "inna", "inna_configs",
            "default_config", "inna_decay_q", "baselines", "decay", "decay_q", "alpha_beta_factor", "default_margin"});
  InnaComparisonSettings s;
  s.common = read_common(r);
  s.problem = read_problem(r.at("problem"), where + ".problem");
  s.inna = read_method(r.at("inna"), where + ".inna", false);
  s.inna.label = "inna";
  const auto& configs = r.at("inna_configs");
  if (!configs.is_array() || configs.size() < 2) fail(where, "inna_configs", "must list at least two [alpha, beta] pairs");
  for (const auto& c : configs) s.configs.push_back(r.pair_of(c, "inna_configs"));
  s.default_config = r.pair_of(r.at("default_config"), "default_config");
  if (std::find(s.configs.begin(), s.configs.end(), s.default_config) == s.configs.end())
    fail(where, "default_config", "must be one of inna_configs");
  s.inna_decay_q = r.number_or("inna_decay_q", 0.5, 0, 10);
  const auto& b = r.at("baselines");
  if (!b.is_array()) fail(where, "baselines", "must be an array of methods");
  for (std::size_t i = 0; i < b.size(); ++i)
    s.baselines.push_back(read_method(b[i], where + ".baselines[" + std::to_string(i) + "]", true));
  for (const char* l : {"sgd", "adagrad", "adam"}) require_label(s.baselines, l, where, "baselines");
  s.has_decay_study = r.has("decay");
  if (s.has_decay_study) {
    s.decay = read_method(r.at("decay"), where + ".decay", false);
    s.decay.label = "inna_decay";
    s.decay_q = r.numbers("decay_q", 0, 10);
    for (double q : {0.0625, 0.25, 0.5})
      if (std::find(s.decay_q.begin(), s.decay_q.end(), q) == s.decay_q.end())
        fail(where, "decay_q", "must include 1/16, 1/4 and 1/2 (the decays Fig. 2.4's claims name, 002 L1496)");
  }
  s.alpha_beta_factor = r.number_or("alpha_beta_factor", 1.5, 1, 1e6);
  s.default_margin = r.number_or("default_margin", 0.1, 0, 1e6);
  for (const auto& [a, bb] : s.configs) check_method_specs(s.inna, {{"alpha", a}, {"beta", bb}, {"q", s.inna_decay_q}}, where);
  for (const auto& m : s.baselines) check_method_specs(m, {}, where);
  if (s.has_decay_study)
    for (double q : s.decay_q)
      check_method_specs(s.decay, {{"alpha", s.default_config.first}, {"beta", s.default_config.second}, {"q", q}}, where);
  return s;
}

const std::vector<std::string>& step_tuned_check_names() {
  static const std::vector<std::string> names{"step-tuned-beats-sgd", "autoencoder-adaptive-beat-scalar",
                                              "batch-reuse-usually-hurts", "batch-norm-helps-step-tuned",
                                              "inna-among-top-three"};
  return names;
}

StepTunedProblemsSettings parse_step_tuned_problems_settings(const nlohmann::json& settings, const std::string& where) {
  using namespace castera_settings_detail;
  Reader r(settings, where,
           {"problems", "seeds", "batch_size", "weight_decay", "budget_window", "tie_tolerance", "methods", "batch_reuse",
            "checks", "labels"});
  StepTunedProblemsSettings s;
  s.common = read_common(r);
  const auto& p = r.at("problems");
  if (!p.is_array() || p.empty()) fail(where, "problems", "must be a non-empty array of problems");
  std::set<std::string> ids;
  for (std::size_t i = 0; i < p.size(); ++i) {
    s.problems.push_back(read_problem(p[i], where + ".problems[" + std::to_string(i) + "]"));
    if (!ids.insert(s.problems.back().id).second) fail(where, "problems", "problem id \"" + s.problems.back().id + "\" twice");
  }
  const auto& m = r.at("methods");
  if (!m.is_array() || m.empty()) fail(where, "methods", "must be a non-empty array of methods");
  std::set<std::string> labels;
  for (std::size_t i = 0; i < m.size(); ++i) {
    s.methods.push_back(read_method(m[i], where + ".methods[" + std::to_string(i) + "]", true));
    if (!labels.insert(s.methods.back().label).second) fail(where, "methods", "label \"" + s.methods.back().label + "\" twice");
  }
  if (r.has("batch_reuse")) {
    const auto& br = r.at("batch_reuse");
    if (!br.is_array() || br.empty() || br.size() > 2) fail(where, "batch_reuse", "must be [1] or [1, 2]");
    s.batch_reuse.clear();
    for (const auto& x : br) {
      if (!x.is_number_integer() || x.get<int>() < 1 || x.get<int>() > 2) fail(where, "batch_reuse", "must be [1] or [1, 2]");
      s.batch_reuse.push_back(x.get<int>());
    }
    if (s.batch_reuse[0] != 1 || (s.batch_reuse.size() == 2 && s.batch_reuse[1] != 2))
      fail(where, "batch_reuse", "must be [1] or [1, 2]");
  }
  for (const char* role : {"sgd", "step_tuned", "inna", "adam", "rmsprop"}) s.labels[role] = role;
  if (r.has("labels")) {
    Reader lr(r.at("labels"), where + ".labels", {"sgd", "step_tuned", "inna", "adam", "rmsprop"});
    for (const char* role : {"sgd", "step_tuned", "inna", "adam", "rmsprop"})
      if (lr.has(role)) s.labels[role] = lr.text(role);
  }
  const auto& c = r.at("checks");
  if (!c.is_array()) fail(where, "checks", "must be an array of check names");
  const auto& valid = step_tuned_check_names();
  std::string valid_text;
  for (const auto& v : valid) valid_text += (valid_text.empty() ? "" : ", ") + v;
  auto has_problem = [&](const char* id) { return ids.count(id) > 0; };
  auto need = [&](const std::string& check, const std::string& role) {
    if (!labels.count(s.labels[role]))
      fail(where, "checks", "check \"" + check + "\" needs the method \"" + s.labels[role] + "\" (role " + role + ")");
  };
  for (const auto& x : c) {
    if (!x.is_string() || std::find(valid.begin(), valid.end(), x.get<std::string>()) == valid.end())
      fail(where, "checks", "unknown check " + x.dump() + " (valid: " + valid_text + ")");
    const std::string name = x.get<std::string>();
    if (name == "step-tuned-beats-sgd") { need(name, "step_tuned"); need(name, "sgd"); }
    if (name == "autoencoder-adaptive-beat-scalar") {
      if (!has_problem("d")) fail(where, "checks", "check \"" + name + "\" needs problem \"d\" (the auto-encoder)");
      for (const char* role : {"adam", "rmsprop", "sgd", "step_tuned"}) need(name, role);
    }
    if (name == "batch-reuse-usually-hurts" && s.batch_reuse.size() != 2)
      fail(where, "checks", "check \"" + name + "\" needs \"batch_reuse\": [1, 2]");
    if (name == "batch-norm-helps-step-tuned") {
      if (!has_problem("e") || !has_problem("f")) fail(where, "checks", "check \"" + name + "\" needs problems \"e\" and \"f\"");
      need(name, "step_tuned");
    }
    if (name == "inna-among-top-three") need(name, "inna");
    s.checks.push_back(name);
  }
  for (const auto& meth : s.methods) check_method_specs(meth, {}, where);
  return s;
}

}  // namespace ov::gpu::bench
