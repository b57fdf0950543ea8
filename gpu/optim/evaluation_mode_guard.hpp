// Sets a torch::nn::Module (and every submodule) to evaluation mode for the lifetime of the
// guard and restores each module's own training flag afterwards, also when an exception
// leaves the scope. Used around the evaluations of a closure-based step: 000 Remark 4.1
// (000_47ba9189a2c8a171.txt L582) asks for dropout off during the backtracking search and
// batch normalisation used "in the consistent way", so that every evaluation of Condition (7)
// sees the same deterministic function (eval(): dropout is the identity, batch norm uses
// and does NOT update its running statistics).
//
// Header-only (inline), for the same compile-time reason as torch_closure_objective.hpp.
#pragma once

#include <torch/nn/module.h>

#include <memory>
#include <utility>
#include <vector>

namespace ov::gpu {

class EvaluationModeGuard {
 public:
  // module may be null (nothing to do); set_eval = false records nothing and changes nothing.
  EvaluationModeGuard(const std::shared_ptr<torch::nn::Module>& module, bool set_eval);
  ~EvaluationModeGuard();
  EvaluationModeGuard(const EvaluationModeGuard&) = delete;
  EvaluationModeGuard& operator=(const EvaluationModeGuard&) = delete;

 private:
  // Every module of the tree in pre-order (parents before children) with its flag: restoring
  // in this order gives each module its own flag back even though train(bool) recurses.
  std::vector<std::pair<std::shared_ptr<torch::nn::Module>, bool>> saved_;
};

inline EvaluationModeGuard::EvaluationModeGuard(const std::shared_ptr<torch::nn::Module>& module, bool set_eval) {
  if (!module || !set_eval) return;
  for (const auto& m : module->modules(/*include_self=*/true)) saved_.emplace_back(m, m->is_training());
  module->eval();
}

inline EvaluationModeGuard::~EvaluationModeGuard() {
  for (auto& [m, training] : saved_) {
    try {
      m->train(training);
    } catch (...) {  // a user override of train() that throws: keep restoring the others
    }
  }
}

}  // namespace ov::gpu
