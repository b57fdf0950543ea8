// Weight decay for the elementwise rules: the classic L2 ("coupled") form and the
// decoupled form of Loshchilov & Hutter 2019 (AdamW) [EXT: neither document has
// weight decay; seed-003-004-sgd-survey.md §0 lists it as absent]. Used as an
// option of sgd.hpp and adam.hpp.
//
//   coupled_l2  the penalty (wd/2)||x||^2 is added to the objective, so the rule
//               sees g + wd * x (torch::optim's `weight_decay` for SGD and Adam,
//               anchors-optimizers.md §5.2);
//   decoupled   the rule sees g, and x shrinks by lr * wd * x in the same step:
//               x1 = x - lr * wd * x - (the rule's own step). This is torch's AdamW
//               (p *= 1 - lr * wd, then the Adam step). Loshchilov & Hutter write
//               x_t = x_{t-1} - eta_t (alpha * step + lambda x_{t-1}) with eta_t a
//               schedule multiplier; with a constant schedule their lambda equals
//               our lr * wd, i.e. torch's convention multiplies wd by lr.
//
// For SGD the two coincide in exact arithmetic (x - lr (g + wd x) =
// x - lr g - lr wd x); for Adam they differ, because the L2 term passes through the
// moment estimates and the per-coordinate normalisation (Loshchilov & Hutter §2).
// Both facts are tested in tests/optim/adaptive_test.cpp.
//
// Kernels take the two coefficients branch-free: l2 (wd or 0) is added to the
// gradient, decay (lr * wd or 0) multiplies x in the update; a zero coefficient
// leaves the result exactly as without weight decay (for finite x).
#pragma once

#include <stdexcept>
#include <string>

namespace ov::optim {

enum class WeightDecayMode { coupled_l2, decoupled };

inline const char* to_string(WeightDecayMode m) {
  return m == WeightDecayMode::coupled_l2 ? "coupled_l2" : "decoupled";
}

inline WeightDecayMode weight_decay_mode_from_string(const std::string& s) {
  if (s == "coupled_l2" || s == "l2") return WeightDecayMode::coupled_l2;
  if (s == "decoupled") return WeightDecayMode::decoupled;
  throw std::invalid_argument("weight_decay_mode = '" + s + "' is not one of coupled_l2, decoupled");
}

// The two kernel coefficients of a weight decay wd at learning rate lr.
template <class S>
struct WeightDecayCoefficients {
  S l2;     // added to the gradient: g + l2 * x
  S decay;  // subtracted in the update: x - decay * x - step
};

template <class S>
WeightDecayCoefficients<S> weight_decay_coefficients(WeightDecayMode mode, const S& wd, const S& lr) {
  if (mode == WeightDecayMode::coupled_l2) return {wd, S(0)};
  return {S(0), S(lr * wd)};
}

}  // namespace ov::optim
