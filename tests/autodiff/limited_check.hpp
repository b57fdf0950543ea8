// rc::check with a cap on the number of cases, for expensive (mp100) properties
// and for properties run inside parameterised tests. The seed and every other
// parameter still come from RC_PARAMS (tests/support/test_main.cpp fixes it), so
// a failure prints a reproducible counterexample.
#pragma once

#include <rapidcheck.h>

#include <algorithm>
#include <iostream>
#include <string>

namespace ov::testing {

template <class Testable>
bool check_limited(const std::string& description, int max_cases, Testable&& testable) {
  using namespace rc::detail;
  rc::detail::TestParams params = configuration().testParams;
  params.maxSuccess = std::min(params.maxSuccess, max_cases);
  TestMetadata metadata;
  metadata.id = description;
  metadata.description = description;
  const auto result = checkTestable(std::forward<Testable>(testable), metadata, params);
  if (!result.template is<SuccessResult>()) {
    std::cerr << "- " << description << "\n";
    printResultMessage(result, std::cerr);
    std::cerr << std::endl;
  }
  return result.template is<SuccessResult>();
}

}  // namespace ov::testing
