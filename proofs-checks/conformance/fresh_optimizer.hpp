// A fresh instance of the subject's optimizer, for the properties that need one per run.
#pragma once

#include <memory>
#include <stdexcept>

#include "proofs-checks/conformance/subject.hpp"

namespace ov::conformance {

// s.make(); std::invalid_argument naming the subject when the factory returns null.
inline std::unique_ptr<optim::Optimizer<double>> fresh_optimizer(const Subject& s) {
  auto p = s.make();
  if (!p) throw std::invalid_argument("subject '" + s.name + "': the factory returned null");
  return p;
}

}  // namespace ov::conformance
