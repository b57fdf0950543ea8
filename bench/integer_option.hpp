// The integer value of a benchmark program's command-line option: all of `value` must parse
// as a decimal integer >= lowest. Throws std::invalid_argument naming the option, the bound
// and the value, followed by the program's usage line.
#pragma once

#include <exception>
#include <stdexcept>
#include <string>

namespace ov::bench {

inline long long integer_option(const std::string& option, const std::string& value, long long lowest,
                                const std::string& usage) {
  std::size_t used = 0;
  long long x = 0;
  try {
    x = std::stoll(value, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  if (value.empty() || used != value.size() || x < lowest)
    throw std::invalid_argument(option + " must be an integer >= " + std::to_string(lowest) + ", got '" + value + "'\n" +
                                usage);
  return x;
}

}  // namespace ov::bench
