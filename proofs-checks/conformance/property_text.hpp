// Numbers as text in the conformance suites (outcome details, declarations, hyperparameters):
// doubles with 6 significant digits (printf %.6g), integers as such; exactly (printf %a) where
// bits matter. Shared by the generic-rule suites and the LibTorch suites (gpu/conformance/).
#pragma once

#include <cstdio>
#include <string>
#include <type_traits>

namespace ov::conformance {

template <class T>
std::string str(T v) {
  if constexpr (std::is_integral_v<T>) {
    return std::to_string(v);
  } else {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.6g", static_cast<double>(v));
    return buf;
  }
}

// The double exactly, in hexadecimal (e.g. 0x1.8p+1): std::strtod reads it back bitwise.
inline std::string exact_str(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%a", v);
  return buf;
}

}  // namespace ov::conformance
