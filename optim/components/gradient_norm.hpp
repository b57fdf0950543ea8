// ||g||_2 when the scalar has a square root, nothing otherwise: exact rationals
// have no sqrt (ops::has_sqrt_v, core/scalar_ops.hpp), so rules that run in
// rational report the gradient norm only for the floating and interval scalars.
#pragma once

#include <optional>

#include "optim/core/reductions.hpp"
#include "optim/core/scalar_ops.hpp"

namespace ov::optim {

template <class S>
inline constexpr bool has_sqrt_v = ops::has_sqrt_v<S>;

template <class S>
std::optional<S> gradient_norm_if_available(const Vector<S>& g) {
  if constexpr (ops::has_sqrt_v<S>) {
    return norm2(g);
  } else {
    return std::nullopt;
  }
}

}  // namespace ov::optim
