// How the LibTorch suites (torch_universal_properties.cpp, torch_method_properties.cpp) write
// down a property: one call of torch_property with its parts, in BasicProperty's order
// (proofs-checks/conformance/property.hpp), and the case ranges it draws from.
#pragma once

#include <functional>
#include <string>
#include <utility>

#include "gpu/conformance/torch_subject.hpp"

namespace ov::conformance {

// The check of a LibTorch property on one case.
using TorchCheck = std::function<Outcome(const TorchSubject&, const Case&)>;

inline TorchProperty torch_property(std::string id, std::string suite, std::string title, claims::Source source,
                                    std::string statement, std::string check, CaseRanges ranges, TorchCheck run) {
  TorchProperty p;
  p.id = std::move(id);
  p.suite = std::move(suite);
  p.title = std::move(title);
  p.source = std::move(source);
  p.statement = std::move(statement);
  p.check = std::move(check);
  p.ranges = ranges;
  p.run = std::move(run);
  return p;
}

// The default case ranges with the dimension drawn from dim_min up.
inline CaseRanges dims_from(int dim_min) {
  CaseRanges r;
  r.dim_min = dim_min;
  return r;
}

// The default case ranges with the condition number drawn from [condition_min, condition_max].
inline CaseRanges conditions_in(double condition_min, double condition_max) {
  CaseRanges r;
  r.condition_min = condition_min;
  r.condition_max = condition_max;
  return r;
}

}  // namespace ov::conformance
