// rescale_neuron and its gradient law (symmetries.hpp; 003 §3.3 L402-L406).
#include <sstream>
#include <stdexcept>
#include <string>

#include "nets/core/network.hpp"
#include "nets/special/symmetries.hpp"
#include "nets/special/symmetries_detail.hpp"

namespace ov::nets::special {

namespace {
template <class S>
std::string text(const S& v) {
  std::ostringstream o;
  o << v;
  return o.str();
}
template <class S>
void check(const char* op, const Architecture& a, Eigen::Index size, int layer, int neuron, const S& c) {
  detail::require_hidden_layer(op, a, layer);
  check_parameter_size(a, size);
  const ActivationKind k = a.activation(layer).kind;
  if (k != ActivationKind::relu && k != ActivationKind::leaky_relu && k != ActivationKind::identity)
    throw std::invalid_argument(std::string(op) + ": layer " + std::to_string(layer) + " has the activation '" +
                                a.activation(layer).name() +
                                "', which is not positively homogeneous (sigma(c z) = c sigma(z) for c > 0); "
                                "valid: relu, leaky_relu, identity");
  if (neuron < 0 || neuron >= a.width(layer))
    throw std::invalid_argument(std::string(op) + ": neuron = " + std::to_string(neuron) + " is outside [0, " +
                                std::to_string(a.width(layer) - 1) + "] (layer " + std::to_string(layer) + ")");
  if (!(c > 0))
    throw std::invalid_argument(std::string(op) + ": the factor c must be > 0 (positive homogeneity), got " +
                                text(c));
}
// Scale row `neuron` of layer `layer` (and its bias) by `in`, column `neuron` of layer+1 by `out`.
template <class S>
Vec<S> scale(const Architecture& a, const Vec<S>& theta, int layer, int neuron, const S& in, const S& out) {
  Vec<S> r = theta;
  weights(a, r, layer).row(neuron) *= in;
  if (a.biases) bias(a, r, layer)[neuron] *= in;
  weights(a, r, layer + 1).col(neuron) *= out;
  return r;
}
}  // namespace

template <class S>
Vec<S> rescale_neuron(const Architecture& a, const Vec<S>& theta, int layer, int neuron, const S& c) {
  check<S>("rescale_neuron", a, theta.size(), layer, neuron, c);
  return scale<S>(a, theta, layer, neuron, c, S(S(1) / c));
}

template <class S>
Vec<S> rescale_neuron_gradient(const Architecture& a, const Vec<S>& g, int layer, int neuron, const S& c) {
  check<S>("rescale_neuron_gradient", a, g.size(), layer, neuron, c);
  return scale<S>(a, g, layer, neuron, S(S(1) / c), c);
}

#define OV_INSTANTIATE(S)                                                                             \
  template Vec<S> rescale_neuron<S>(const Architecture&, const Vec<S>&, int, int, const S&);          \
  template Vec<S> rescale_neuron_gradient<S>(const Architecture&, const Vec<S>&, int, int, const S&);
OV_INSTANTIATE(double)
OV_INSTANTIATE(mp100)
OV_INSTANTIATE(rational)
#undef OV_INSTANTIATE

}  // namespace ov::nets::special
