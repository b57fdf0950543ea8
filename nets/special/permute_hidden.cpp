// permute_hidden and its gradient law (symmetries.hpp; 003 §3.3 L392-L400).
#include <stdexcept>
#include <string>

#include "nets/core/network.hpp"
#include "nets/special/symmetries.hpp"
#include "nets/special/symmetries_detail.hpp"

namespace ov::nets::special {

namespace {
void check_permutation(const std::vector<int>& pi, int width) {
  if (static_cast<int>(pi.size()) != width)
    throw std::invalid_argument("permute_hidden: permutation has " + std::to_string(pi.size()) +
                                " entries but the layer has " + std::to_string(width) + " neurons");
  std::vector<bool> seen(static_cast<std::size_t>(width), false);
  for (std::size_t i = 0; i < pi.size(); ++i) {
    const int v = pi[i];
    if (v < 0 || v >= width)
      throw std::invalid_argument("permute_hidden: permutation[" + std::to_string(i) + "] = " + std::to_string(v) +
                                  " is outside [0, " + std::to_string(width - 1) + "]");
    if (seen[static_cast<std::size_t>(v)])
      throw std::invalid_argument("permute_hidden: permutation[" + std::to_string(i) + "] = " + std::to_string(v) +
                                  " repeats an earlier entry (not a permutation)");
    seen[static_cast<std::size_t>(v)] = true;
  }
}
}  // namespace

template <class S>
Vec<S> permute_hidden(const Architecture& a, const Vec<S>& theta, int layer, const std::vector<int>& pi) {
  detail::require_hidden_layer("permute_hidden", a, layer);
  check_parameter_size(a, theta.size());
  const int w = a.width(layer);
  check_permutation(pi, w);
  Vec<S> out = theta;
  auto Wl = weights(a, theta, layer);
  auto Wn = weights(a, theta, layer + 1);
  auto Ol = weights(a, out, layer);
  auto On = weights(a, out, layer + 1);
  for (int i = 0; i < w; ++i) {
    const int j = pi[static_cast<std::size_t>(i)];
    Ol.row(i) = Wl.row(j);  // incoming weights of the new neuron i = those of old neuron j
    On.col(i) = Wn.col(j);  // and its outgoing weights
    if (a.biases) bias(a, out, layer)[i] = bias(a, theta, layer)[j];
  }
  return out;
}

template <class S>
Vec<S> permute_hidden_gradient(const Architecture& a, const Vec<S>& g, int layer, const std::vector<int>& pi) {
  return permute_hidden<S>(a, g, layer, pi);
}

#define OV_INSTANTIATE(S)                                                                                  \
  template Vec<S> permute_hidden<S>(const Architecture&, const Vec<S>&, int, const std::vector<int>&);    \
  template Vec<S> permute_hidden_gradient<S>(const Architecture&, const Vec<S>&, int, const std::vector<int>&);
OV_INSTANTIATE(double)
OV_INSTANTIATE(mp100)
OV_INSTANTIATE(rational)
#undef OV_INSTANTIATE

}  // namespace ov::nets::special
