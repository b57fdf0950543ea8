// Run a generic callable with the scalar type named on the command line, and
// format scalars for output.
#pragma once

#include <sstream>
#include <stdexcept>
#include <string>
#include <tuple>
#include <vector>

#include "analysis/numeric/linear_algebra.hpp"
#include "analysis/numeric/scalars.hpp"

namespace ov::cli {

template <class T>
struct type_tag {
  using type = T;
};

// f(type_tag<T>{}) for the T whose scalar_name is `name`.
template <class F>
auto dispatch_scalar(const std::string& name, F&& f) {
  using R = decltype(f(type_tag<double>{}));
  R result{};
  bool found = false;
  std::apply(
      [&](auto... tags) {
        (([&] {
           using T = decltype(tags);
           if (!found && name == scalar_name<T>()) {
             result = f(type_tag<T>{});
             found = true;
           }
         }()),
         ...);
      },
      all_scalars{});
  if (!found) {
    throw std::invalid_argument("--precision \"" + name +
                                "\": expected one of float, double, float128, mp50, mp100, interval, rational");
  }
  return result;
}

// Enough digits to round-trip the value in its own type.
template <class T>
std::string scalar_to_string(const T& x) {
  std::ostringstream s;
  if constexpr (std::is_same_v<T, rational>) {
    s << x;
  } else {
    s.precision(std::numeric_limits<T>::max_digits10);
    s << x;
  }
  return s.str();
}

template <class T>
std::vector<std::string> scalars_to_strings(const Vec<T>& v) {
  std::vector<std::string> out;
  for (Eigen::Index i = 0; i < v.size(); ++i) out.push_back(scalar_to_string(v[i]));
  return out;
}

}  // namespace ov::cli
