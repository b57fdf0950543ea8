// The registry's problem names as GoogleTest parameters (names sanitised to
// [A-Za-z0-9_] for test ids).
#pragma once

#include <gtest/gtest.h>

#include <cctype>
#include <string>
#include <vector>

#include "analysis/problems/registry.hpp"

namespace ov::testing {

inline std::vector<std::string> catalog_names() { return problems::Registry::instance().names(); }

struct ProblemNamePrinter {
  std::string operator()(const ::testing::TestParamInfo<std::string>& info) const {
    std::string s = info.param;
    for (char& c : s)
      if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
    return s;
  }
};

}  // namespace ov::testing
