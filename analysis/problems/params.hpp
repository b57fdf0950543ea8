// Named problem parameters, held as exact constant expressions (see
// analysis/numeric/exact_constant.hpp) so that every scalar gets them exactly or
// correctly rounded, never through a double literal.
#pragma once

#include <map>
#include <stdexcept>
#include <string>
#include <vector>

#include "analysis/numeric/exact_constant.hpp"

namespace ov::problems {

class Params {
 public:
  Params() = default;
  Params(std::initializer_list<std::pair<const std::string, std::string>> kv) : values_(kv) {}

  bool has(const std::string& key) const { return values_.count(key) != 0; }
  const std::string& text(const std::string& key) const {
    auto it = values_.find(key);
    if (it == values_.end()) throw std::invalid_argument("problem parameter '" + key + "' is not set");
    return it->second;
  }
  template <class S>
  S get(const std::string& key) const {
    return constant<S>(text(key));
  }
  long get_int(const std::string& key) const;
  void set(const std::string& key, std::string value) { values_[key] = std::move(value); }
  const std::map<std::string, std::string>& values() const { return values_; }

  // `overrides` applied on top of `*this` (the defaults). Keys not present in
  // the defaults are rejected, naming the valid ones.
  Params merged(const Params& overrides, const std::string& problem) const;

 private:
  std::map<std::string, std::string> values_;
};

}  // namespace ov::problems
