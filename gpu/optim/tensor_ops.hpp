// The scalar functions of optim/core/scalar_ops.hpp for whole tensors, so that a rule's
// per-coordinate kernel (optim/rules/*.hpp) runs unchanged with T = at::Tensor: the
// kernels call ops::sqrt, ops::abs (found for tensors by argument-dependent lookup:
// at::sqrt, at::abs) and ops::max / ops::min, whose generic definition (a < b ? b : a)
// is meaningless for tensors and is specialised here to the elementwise maximum and
// minimum. Include this header before any kernel is instantiated for at::Tensor.
#pragma once

#include <ATen/ATen.h>

#include "optim/core/scalar_ops.hpp"

namespace ov::optim::ops {

template <>
inline at::Tensor max<at::Tensor>(const at::Tensor& a, const at::Tensor& b) {
  return at::maximum(a, b);
}
template <>
inline at::Tensor min<at::Tensor>(const at::Tensor& a, const at::Tensor& b) {
  return at::minimum(a, b);
}

}  // namespace ov::optim::ops
