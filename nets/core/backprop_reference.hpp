// 003 Algorithm 1 written out literally with scalar loops and 1-based indices
// (003_61d556b637c4f269.txt L563-L580), extended to several outputs: for one observation
// (x, y),
//   1. forward: z^(l) = W^(l) x^(l-1) + b^(l), x^(l) = sigma^(l)(z^(l));
//   2. delta^(L)_i = dL/dz^(L)_i                                             (4.3)
//   3. for l = L, ..., 1:  dL/db^(l)_i = delta^(l)_i                          (4.5)
//                          dL/domega^(l)_{ij} = delta^(l)_i x^(l-1)_j         (4.4)
//                          delta^(l-1)_i = sum_k delta^(l)_k omega^(l)_{ki} sigma'^(l-1)(z^(l-1)_i)  (4.6)
// It is the independent reference the tests compare the batched matrix version
// (network.hpp) with; it is not used for training.
#pragma once

#include <vector>

#include "nets/core/network.hpp"

namespace ov::nets {

// L(y, h(x, theta)) for one sample; its gradient written into g (size d).
template <class T>
T backprop_algorithm1(const Architecture& a, const Vec<T>& theta, const Vec<T>& x, const Vec<T>& y, Vec<T>& g) {
  check_parameter_size(a, theta.size());
  const int L = a.depth();
  std::vector<Vec<T>> z(static_cast<std::size_t>(L + 1)), xs(static_cast<std::size_t>(L + 1));
  xs[0] = x;
  for (int l = 1; l <= L; ++l) {
    const auto W = weights(a, theta, l);
    const auto li = static_cast<std::size_t>(l);
    z[li].resize(a.width(l));
    xs[li].resize(a.width(l));
    for (int i = 0; i < a.width(l); ++i) {
      T s = a.biases ? T(bias(a, theta, l)[i]) : integer<T>(0);
      for (int j = 0; j < a.width(l - 1); ++j) s += W(i, j) * xs[li - 1][j];
      z[li][i] = s;
      xs[li][i] = activate(a.activation(l), s);
    }
  }
  Vec<T> delta(a.output_dim());
  const T loss = loss_and_delta(a.loss, a.activation(L), z[static_cast<std::size_t>(L)], y, &delta);
  g = Vec<T>::Zero(theta.size());
  for (int l = L; l >= 1; --l) {
    const auto li = static_cast<std::size_t>(l);
    auto gW = weights(a, g, l);
    for (int i = 0; i < a.width(l); ++i) {
      if (a.biases) bias(a, g, l)[i] = delta[i];
      for (int j = 0; j < a.width(l - 1); ++j) gW(i, j) = delta[i] * xs[li - 1][j];
    }
    if (l > 1) {
      const auto W = weights(a, theta, l);
      Vec<T> prev(a.width(l - 1));
      for (int i = 0; i < a.width(l - 1); ++i) {
        T s = integer<T>(0);
        for (int k = 0; k < a.width(l); ++k) s += delta[k] * W(k, i);
        prev[i] = s * activate_derivative(a.activation(l - 1), z[li - 1][i]);
      }
      delta = std::move(prev);
    }
  }
  return loss;
}

}  // namespace ov::nets
