// Argument checks shared by the symmetry operations (internal to nets/special).
#pragma once

#include <stdexcept>
#include <string>

#include "nets/core/architecture.hpp"

namespace ov::nets::special::detail {

// layer must be a hidden layer: 1 <= layer <= L - 1 (it needs a next layer).
inline void require_hidden_layer(const char* op, const Architecture& a, int layer) {
  if (a.depth() < 2)
    throw std::invalid_argument(std::string(op) + ": the network has no hidden layer (depth L = " +
                                std::to_string(a.depth()) + "; a symmetry needs L >= 2)");
  if (layer < 1 || layer > a.depth() - 1)
    throw std::invalid_argument(std::string(op) + ": layer = " + std::to_string(layer) +
                                " is not a hidden layer; valid range [1, " + std::to_string(a.depth() - 1) + "]");
}

}  // namespace ov::nets::special::detail
