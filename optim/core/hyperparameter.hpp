// Validation of hyper-parameters at construction, and their description for
// provenance. A violated requirement throws invalid_hyperparameter whose message
// names the rule, the parameter, its value and its valid range, e.g.
//   "adam: beta1 = 1.5 is outside its valid range [0, 1)".
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

#include "optim/core/scalar_ops.hpp"

namespace ov::optim {

class invalid_hyperparameter : public std::invalid_argument {
 public:
  using std::invalid_argument::invalid_argument;
};

template <class S>
void require(bool ok, std::string_view rule, std::string_view name, const S& value, std::string_view range) {
  if (ok) return;
  throw invalid_hyperparameter(std::string(rule) + ": " + std::string(name) + " = " + ops::to_string(value) +
                               " is outside its valid range " + std::string(range));
}

// The common ranges, checked with a finiteness test first (NaN fails every one).
template <class S>
void require_positive(std::string_view rule, std::string_view name, const S& v) {
  require(ops::is_finite(v) && v > S(0), rule, name, v, "(0, inf)");
}
template <class S>
void require_nonnegative(std::string_view rule, std::string_view name, const S& v) {
  require(ops::is_finite(v) && v >= S(0), rule, name, v, "[0, inf)");
}
template <class S>
void require_open_unit(std::string_view rule, std::string_view name, const S& v) {
  require(ops::is_finite(v) && v > S(0) && v < S(1), rule, name, v, "(0, 1)");
}
template <class S>
void require_half_open_unit(std::string_view rule, std::string_view name, const S& v) {  // [0, 1)
  require(ops::is_finite(v) && v >= S(0) && v < S(1), rule, name, v, "[0, 1)");
}
inline void require_count(std::string_view rule, std::string_view name, long v, long min_value) {
  require(v >= min_value, rule, name, v, "[" + std::to_string(min_value) + ", inf)");
}

// One hyper-parameter as reported in results (name = value).
struct Hyperparameter {
  std::string name;
  std::string value;
};

}  // namespace ov::optim
