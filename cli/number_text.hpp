// A whole command-line string read as a number: nullopt unless the entire text is one
// (std::stod / std::stol accept a prefix such as "3x"; callers name the argument in their error).
#pragma once

#include <optional>
#include <string>

namespace ov::cli {

inline std::optional<double> whole_double(const std::string& text) {
  try {
    std::size_t used = 0;
    const double v = std::stod(text, &used);
    if (used == text.size()) return v;
  } catch (const std::exception&) {
  }
  return std::nullopt;
}

inline std::optional<long> whole_long(const std::string& text) {
  try {
    std::size_t used = 0;
    const long v = std::stol(text, &used);
    if (used == text.size()) return v;
  } catch (const std::exception&) {
  }
  return std::nullopt;
}

}  // namespace ov::cli
