// Shared bookkeeping of the elementwise rules (sgd, heavy_ball, adagrad, rmsprop,
// rmsprop_global, adam, adamax, adadelta, nadam): after the fused kernel has run
// into scratch buffers (core/elementwise.hpp), decide between a refusal (x and the
// rule's state untouched: the scratch buffers are simply dropped), a stationary
// point and a taken step. Everything here is O(1) on the common path: the
// non-finite diagnosis only runs after a refusal, and the zero-gradient test exits
// at the first nonzero coordinate.
#pragma once

#include <string>
#include <string_view>

#include "optim/core/hyperparameter.hpp"
#include "optim/core/reductions.hpp"
#include "optim/core/scalar_ops.hpp"
#include "optim/core/step_report.hpp"
#include "optim/core/vector.hpp"

namespace ov::optim::elementwise_step {

// [0, 1] (hyperparameter.hpp has the open and half-open ranges only).
template <class S>
void require_closed_unit(std::string_view rule, std::string_view name, const S& v) {
  require(ops::is_finite(v) && v >= S(0) && v <= S(1), rule, name, v, "[0, 1]");
}

// Exactly zero in every coordinate (early exit at the first nonzero one).
template <class S>
bool is_zero(const Vector<S>& v) {
  for (Eigen::Index i = 0; i < v.size(); ++i)
    if (!(v[i] == S(0))) return false;
  return true;
}

template <class S>
bool identical(const Vector<S>& a, const Vector<S>& b) {
  if (a.size() != b.size()) return false;
  for (Eigen::Index i = 0; i < a.size(); ++i)
    if (!(a[i] == b[i])) return false;
  return true;
}

// The refusal after a non-finite kernel output: blames the gradient when it is the
// culprit, the update otherwise (finite gradient but, e.g., 0/0 or overflow).
template <class S>
StepReport<S> refuse_non_finite(std::string_view rule, const Vector<S>& g) {
  if (!all_finite(g)) {
    return StepReport<S>::refuse(StepStatus::refused_non_finite_gradient,
                                 std::string(rule) + ": the gradient is not finite; x and the state are unchanged");
  }
  return StepReport<S>::refuse(StepStatus::refused_non_finite_update,
                               std::string(rule) +
                                   ": the proposed update is not finite (overflow or 0/0); x and the state are unchanged");
}

// After the commit (x already holds the new point, x_old the previous one):
// stationary when the gradient was exactly zero and x did not move.
template <class S>
StepReport<S> taken(const Vector<S>& g, const Vector<S>& x_new, const Vector<S>& x_old, const S& step_size) {
  StepReport<S> r;
  r.step_size = step_size;
  if (is_zero(g) && identical(x_new, x_old)) {
    r.status = StepStatus::stationary;
    r.message = "zero gradient: x is a critical point";
  }
  return r;
}

}  // namespace ov::optim::elementwise_step
