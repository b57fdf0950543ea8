// The optimizer registry: name -> description, citation, parameters (default,
// valid range, meaning) and a factory. Specs are written "NAME" or
// "NAME:k=v,k=v"; values are parsed into S by a parser the caller supplies (the
// CLI passes ov::constant<S>, which is exact), so optim/ stays free of analysis/.
#pragma once

#include <algorithm>
#include <functional>
#include <map>
#include <memory>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "optim/core/optimizer.hpp"

namespace ov::optim {

template <class S>
using ScalarParser = std::function<S(const std::string&)>;

struct ParameterSpec {
  std::string name;
  std::string default_value;  // exact text, e.g. "1/10", "0.9", "true", "thesis"
  std::string range;          // e.g. "(0, 1)", "{thesis, code}"
  std::string meaning;
};

// Reads a rule's parameters from "k=v" pairs, falling back to the declared
// defaults; unknown keys and malformed values are errors naming the rule, the
// parameter and what is valid.
template <class S>
class ParamReader {
 public:
  ParamReader(std::string rule, std::map<std::string, std::string> given, ScalarParser<S> parse,
              std::vector<ParameterSpec> specs)
      : rule_(std::move(rule)), given_(std::move(given)), parse_(std::move(parse)), specs_(std::move(specs)) {
    for (const auto& [k, v] : given_) {
      if (!spec(k)) {
        std::string valid;
        for (const auto& s : specs_) valid += (valid.empty() ? "" : ", ") + s.name;
        throw std::invalid_argument(rule_ + ": unknown parameter '" + k + "' (valid: " +
                                    (valid.empty() ? "none" : valid) + ")");
      }
    }
  }
  S scalar(const std::string& name) const {
    const std::string text = raw(name);
    try {
      return parse_(text);
    } catch (const std::exception& e) {
      throw std::invalid_argument(rule_ + ": " + name + " = '" + text + "' is not a number (" + e.what() + ")");
    }
  }
  long integer(const std::string& name) const {
    const std::string text = raw(name);
    std::size_t used = 0;
    long v = 0;
    try {
      v = std::stol(text, &used);
    } catch (const std::exception&) {
      used = 0;
    }
    if (used != text.size() || text.empty()) {
      throw std::invalid_argument(rule_ + ": " + name + " = '" + text + "' is not an integer");
    }
    return v;
  }
  bool flag(const std::string& name) const {
    const std::string text = raw(name);
    if (text == "true" || text == "1" || text == "yes") return true;
    if (text == "false" || text == "0" || text == "no") return false;
    throw std::invalid_argument(rule_ + ": " + name + " = '" + text + "' is not one of true, false");
  }
  // A word from a fixed set.
  std::string choice(const std::string& name, const std::vector<std::string>& allowed) const {
    const std::string text = raw(name);
    if (std::find(allowed.begin(), allowed.end(), text) != allowed.end()) return text;
    std::string list;
    for (const auto& a : allowed) list += (list.empty() ? "" : ", ") + a;
    throw std::invalid_argument(rule_ + ": " + name + " = '" + text + "' is not one of " + list);
  }
  std::string text(const std::string& name) const { return raw(name); }
  const std::string& rule() const { return rule_; }

 private:
  const ParameterSpec* spec(const std::string& name) const {
    for (const auto& s : specs_)
      if (s.name == name) return &s;
    return nullptr;
  }
  std::string raw(const std::string& name) const {
    const ParameterSpec* s = spec(name);
    if (!s) throw std::logic_error(rule_ + ": the factory reads the undeclared parameter '" + name + "'");
    auto it = given_.find(name);
    return it != given_.end() ? it->second : s->default_value;
  }
  std::string rule_;
  std::map<std::string, std::string> given_;
  ScalarParser<S> parse_;
  std::vector<ParameterSpec> specs_;
};

template <class S>
struct RegistryEntry {
  std::string name;
  std::string family;       // e.g. "backtracking", "adaptive"
  std::string description;  // one line
  std::string citation;     // document, section, equation
  std::vector<ParameterSpec> parameters;
  bool needs_finite_sum = false;  // true if the rule only makes sense on mini-batches
  std::function<std::unique_ptr<Optimizer<S>>(const ParamReader<S>&)> make;
};

// "NAME:k=v,k=v" -> NAME and the pairs (errors name the malformed piece).
struct OptimizerSpec {
  std::string name;
  std::map<std::string, std::string> params;
};

inline OptimizerSpec parse_optimizer_spec(const std::string& spec) {
  OptimizerSpec out;
  const auto colon = spec.find(':');
  out.name = spec.substr(0, colon);
  if (out.name.empty()) throw std::invalid_argument("optimizer spec '" + spec + "': missing the name before ':'");
  if (colon == std::string::npos) return out;
  std::string rest = spec.substr(colon + 1);
  std::size_t pos = 0;
  while (pos <= rest.size()) {
    const auto comma = rest.find(',', pos);
    const std::string item = rest.substr(pos, comma == std::string::npos ? std::string::npos : comma - pos);
    const auto eq = item.find('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == item.size()) {
      throw std::invalid_argument("optimizer spec '" + spec + "': '" + item + "' is not of the form key=value");
    }
    const std::string key = item.substr(0, eq);
    if (out.params.count(key)) throw std::invalid_argument("optimizer spec '" + spec + "': '" + key + "' given twice");
    out.params[key] = item.substr(eq + 1);
    if (comma == std::string::npos) break;
    pos = comma + 1;
  }
  return out;
}

namespace detail {
inline std::size_t edit_distance(const std::string& a, const std::string& b) {
  std::vector<std::size_t> d(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) d[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t prev = d[0];
    d[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t cur = d[j];
      d[j] = std::min({d[j] + 1, d[j - 1] + 1, prev + (a[i - 1] == b[j - 1] ? 0 : 1)});
      prev = cur;
    }
  }
  return d[b.size()];
}
}  // namespace detail

template <class S>
class Registry {
 public:
  void add(RegistryEntry<S> e) {
    if (index_.count(e.name)) throw std::logic_error("optimizer registry: '" + e.name + "' registered twice");
    index_[e.name] = entries_.size();
    entries_.push_back(std::move(e));
  }
  const std::vector<RegistryEntry<S>>& entries() const { return entries_; }
  bool contains(const std::string& name) const { return index_.count(name) > 0; }
  const RegistryEntry<S>& find(const std::string& name) const {
    auto it = index_.find(name);
    if (it != index_.end()) return entries_[it->second];
    std::vector<std::pair<std::size_t, std::string>> close;
    for (const auto& e : entries_) close.emplace_back(detail::edit_distance(name, e.name), e.name);
    std::sort(close.begin(), close.end());
    std::string hint;
    for (std::size_t i = 0; i < close.size() && i < 3 && close[i].first <= 4; ++i)
      hint += (hint.empty() ? "" : ", ") + close[i].second;
    throw std::invalid_argument("unknown optimizer '" + name + "'" +
                                (hint.empty() ? std::string(" (optverify optimizers list shows all)")
                                              : " (did you mean " + hint + "?)"));
  }
  std::unique_ptr<Optimizer<S>> make(const std::string& spec, const ScalarParser<S>& parse) const {
    const OptimizerSpec s = parse_optimizer_spec(spec);
    const RegistryEntry<S>& e = find(s.name);
    ParamReader<S> reader(e.name, s.params, parse, e.parameters);
    return e.make(reader);
  }

 private:
  std::vector<RegistryEntry<S>> entries_;
  std::map<std::string, std::size_t> index_;
};

}  // namespace ov::optim
