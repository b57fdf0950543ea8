// rc::check with a cap on the number of cases, for expensive (mp100) properties
// and for properties run inside parameterised tests. The seed and every other
// parameter still come from RC_PARAMS (tests/support/test_main.cpp fixes it), so
// a failure prints a reproducible counterexample.
//
// `shrink` = false disables shrinking: for properties whose cases cost a
// fraction of a second (mp100 on 100-dimensional problems) RapidCheck's shrinking
// runs thousands of cases (a 100-D point has many shrink candidates) and a failure
// would take half an hour to report; the unshrunk counterexample is printed and
// reproducible all the same.
#pragma once

#include <rapidcheck.h>

#include <algorithm>
#include <iostream>
#include <string>

namespace ov::testing {

template <class Testable>
bool check_limited(const std::string& description, int max_cases, Testable&& testable, bool shrink = true) {
  using namespace rc::detail;
  rc::detail::TestParams params = configuration().testParams;
  params.maxSuccess = std::min(params.maxSuccess, max_cases);
  if (!shrink) params.disableShrinking = true;
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
