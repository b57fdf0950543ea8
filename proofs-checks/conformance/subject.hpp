// The optimizer under test in the generic-rule suites: a name, a factory of fresh
// instances (ov::optim::Optimizer<double>, optim/core/optimizer.hpp) and its declarations.
//
// A rule written once in the generic form (templated on the scalar) is passed as
//   Subject s{"my_rule", [] { return std::make_unique<MyRule<double>>(opts); }, decl};
// Every property builds its own fresh instances: the factory must give identically
// configured, independent optimizers (no shared state between instances).
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "optim/core/optimizer.hpp"
#include "proofs-checks/conformance/declarations.hpp"

namespace ov::conformance {

struct Subject {
  std::string name;
  std::function<std::unique_ptr<optim::Optimizer<double>>()> make;
  Declarations declared;
  // Optional: the same method at another step (learning rate); needed by the
  // plateau-vs-step property of the stochastic suite, used by others when present.
  std::function<std::unique_ptr<optim::Optimizer<double>>(double step)> make_with_step;
  // Where the optimizer comes from (a registry spec, a plugin path): recorded in reports.
  std::string origin;
};

// Throws std::invalid_argument naming the field when the subject cannot be tested: empty
// name, no factory, a factory that returns null, or a declaration outside its range
// (e.g. armijo_alpha outside (0, 1), maximal without delta0 and beta).
void validate(const Subject& s);

}  // namespace ov::conformance
