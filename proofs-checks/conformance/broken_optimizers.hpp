// Deliberately broken optimizers: each is a small change of a correct rule, declares what
// the correct rule declares (it claims to be that rule), and is expected to be caught by
// the named property. They show the suites' power (docs/conformance.md, "Broken
// optimizers"); tests/conformance/builtin_and_broken_test.cpp measures that each one is
// caught and that its correct counterpart passes the same property.
#pragma once

#include <string>
#include <vector>

#include "proofs-checks/conformance/subject.hpp"

namespace ov::conformance {

struct BrokenOptimizer {
  std::string name;         // "gradient_ascent"; its subject spec is "broken:<name>"
  std::string description;  // one line: what is broken
  std::string correct;      // spec of the correct counterpart (builtin_subject accepts it)
  std::string caught_by;    // the property id expected to refute it
};

// The catalogue, in a fixed order.
const std::vector<BrokenOptimizer>& broken_optimizers();
std::vector<std::string> broken_subject_names();
// std::invalid_argument naming the valid names otherwise.
const BrokenOptimizer& find_broken_optimizer(const std::string& name);
// The broken rule as a subject: the correct counterpart's declarations, the broken factory.
Subject broken_subject(const std::string& name);

// Correct reference rules that the registry lacks ("reference:<name>" specs).
std::vector<std::string> reference_subject_names();
Subject reference_subject(const std::string& name);

}  // namespace ov::conformance
