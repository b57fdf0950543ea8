// Checks a parameter group before any update, so that a step either runs on consistent
// input or throws with nothing changed: every parameter is a defined, dense, floating-point
// leaf that requires a gradient, and one group holds one dtype and one device (a rule's
// constants and state are per group). Errors name the group, the parameter's index in it and
// what was found.
#pragma once

#include <ATen/ATen.h>

#include <cstddef>
#include <stdexcept>
#include <string>
#include <vector>

namespace ov::gpu {

inline std::string describe(const at::Tensor& t) {
  return std::string(c10::toString(t.scalar_type())) + " on " + t.device().str();
}

inline void check_parameter_group(const std::vector<at::Tensor>& params, std::size_t group, const std::string& rule) {
  const std::string where = rule + ": parameter group " + std::to_string(group) + ", parameter ";
  for (std::size_t i = 0; i < params.size(); ++i) {
    const at::Tensor& p = params[i];
    if (!p.defined()) throw std::invalid_argument(where + std::to_string(i) + " is an undefined tensor");
    if (!at::isFloatingType(p.scalar_type()))
      throw std::invalid_argument(where + std::to_string(i) + " is " + describe(p) +
                                  ": parameters must be floating point (float16, bfloat16, float32, float64)");
    if (!p.requires_grad())
      throw std::invalid_argument(where + std::to_string(i) +
                                  " does not require a gradient: it could never be updated (remove it from the "
                                  "optimizer, or call requires_grad_(true))");
    if (p.is_sparse()) throw std::invalid_argument(where + std::to_string(i) + " is sparse: not supported");
    if (p.scalar_type() != params[0].scalar_type() || p.device() != params[0].device())
      throw std::invalid_argument(where + std::to_string(i) + " is " + describe(p) + " but parameter 0 is " +
                                  describe(params[0]) +
                                  ": one group must hold one dtype and one device (use one parameter group per "
                                  "dtype/device)");
    if (p.grad().defined()) {
      const at::Tensor& g = p.grad();
      if (g.is_sparse()) throw std::invalid_argument(where + std::to_string(i) + " has a sparse gradient: not supported");
      if (g.scalar_type() != p.scalar_type() || g.device() != p.device() || !g.sizes().equals(p.sizes()))
        throw std::invalid_argument(where + std::to_string(i) + " has a gradient of " + describe(g) + ", shape " +
                                    c10::str(g.sizes()) + " but the parameter is " + describe(p) + ", shape " +
                                    c10::str(p.sizes()));
    }
  }
}

}  // namespace ov::gpu
