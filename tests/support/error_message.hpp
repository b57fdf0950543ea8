// The message of the std::invalid_argument that fn() throws, or "no exception": for tests
// that check bad input is named (the parameter, its value, the valid range).
#pragma once

#include <stdexcept>
#include <string>

namespace ov::testing {

template <class F>
std::string invalid_argument_message(F&& fn) {
  try {
    fn();
  } catch (const std::invalid_argument& e) {
    return std::string(e.what());
  }
  return std::string("no exception");
}

}  // namespace ov::testing
