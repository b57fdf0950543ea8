// The optimizer under test in the LibTorch suites: any torch::optim::Optimizer, built by a
// factory from parameter groups (docs/conformance.md).
//
//   TorchSubject s{"my_adam", [](std::vector<torch::optim::OptimizerParamGroup> groups) {
//     return std::make_unique<MyAdam>(std::move(groups), MyAdamOptions(1e-3)); }, decl};
//
// The factory receives groups whose options are left empty (nullptr) so that the optimizer
// applies its own defaults, or groups holding tensors only; it must return an optimizer over
// exactly these tensors. Properties run on CPU float64 tensors (deterministic, comparable to
// the generic-rule suites); `device` selects another device for the universal suite.
#pragma once

#include <torch/optim/optimizer.h>

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "gpu/optim/step_outcome.hpp"
#include "proofs-checks/conformance/core_properties.hpp"
#include "proofs-checks/conformance/declarations.hpp"
#include "proofs-checks/conformance/property.hpp"

namespace ov::conformance {

struct TorchSubject {
  std::string name;
  std::function<std::unique_ptr<torch::optim::Optimizer>(std::vector<torch::optim::OptimizerParamGroup>)> make;
  Declarations declared;
  // How a refusal is recognised: an optimizer implementing ov::gpu::OutcomeReporter
  // (gpu/optim/step_outcome.hpp; every OptVerify LibTorch optimizer) is asked through
  // last_outcomes(); a plain torch::optim::Optimizer is judged by its effect only (parameters
  // and state unchanged, or an exception thrown from step()).
  std::string origin;
  std::string device = "cpu";
};

using TorchProperty = BasicProperty<TorchSubject>;

// Throws std::invalid_argument naming the field when the subject cannot be tested.
void validate(const TorchSubject& s);

// torch_universal_properties.cpp: finite parameters and state from finite gradients; a
// non-finite gradient refused (parameters and state unchanged) or reported by an exception;
// determinism; checkpoint round trip through save()/load() (torch::serialize archives in
// memory); invariance to how the same parameters are split into tensors and into parameter
// groups with equal options; no allocation growth over many steps (glibc mallinfo2).
std::vector<TorchProperty> torch_universal_properties();
// torch_method_properties.cpp: the descent, momentum and adaptive suites on tensors (the
// same statements as the generic-rule suites, on quadratics written with torch ops).
std::vector<TorchProperty> torch_method_properties();

std::vector<TorchProperty> all_torch_properties();
std::vector<TorchProperty> applicable_properties(const TorchSubject& s);
TorchProperty find_property(const TorchSubject& s, const std::string& id);
std::vector<claims::Claim> conformance_claims(const TorchSubject& s, int cases = 10);

// The subjects of OptVerify's own LibTorch optimizers and of torch::optim's (sgd, adam,
// adagrad, rmsprop, adamw), by spec "ours:<name>[:k=v...]" / "torch:<name>[:k=v...]", with
// their declarations (torch_builtin_subjects.cpp).
TorchSubject torch_builtin_subject(const std::string& spec);
std::vector<std::string> torch_builtin_subject_names();

}  // namespace ov::conformance
