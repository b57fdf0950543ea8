// Per-sample losses L(y, h(x)) of a network and their derivative with respect to the
// output layer's pre-activation z^(L) (the delta^(L) that starts backpropagation).
// The objective is the empirical risk f(theta) = (1/n) sum_i L(y_i, h(x_i, theta)),
// 003 (2.6) (003_61d556b637c4f269.txt §2.3) and 004 eq (21).
//
//   square       sum_k (y_k - yhat_k)^2           003 §2.3.2 (L(y, yhat) = (y - yhat)^2), Table 3.1
//   half_square  (1/2) sum_k (y_k - yhat_k)^2     004 §8.1's shallow-network MSE (the 1/2 convention)
//   mean_square  (1/m) sum_k (y_k - yhat_k)^2     Keras' MeanSquaredError (003 §5.2's code, [REPO]);
//                                                 equals `square` for one output
//   log_loss     -sum_k [y_k log yhat_k + (1-y_k) log(1-yhat_k)] with yhat = logistic(z): 003 §2.3.1,
//                computed in the stable form sum_k [softplus(z_k) - y_k z_k], delta = logistic(z) - y
//                (the guide's [DERIVED] item, checked in tests/nets/core against the printed form
//                in mp100); requires a logistic output activation
//   softmax_cross_entropy  -sum_k y_k log softmax_k(z) = (sum_k y_k) logsumexp(z) - y.z, delta =
//                (sum_k y_k) softmax(z) - y; requires an identity output activation (the softmax is
//                part of the loss)
// For the square family delta = dL/dyhat * sigma'(z) elementwise, dL/dyhat = -2c(y - yhat).
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/numeric/linear_algebra.hpp"
#include "nets/core/activation.hpp"

namespace ov::nets {

enum class LossKind { square, half_square, mean_square, log_loss, softmax_cross_entropy };

struct Loss {
  LossKind kind = LossKind::square;

  static const std::vector<std::string>& names();
  // Unknown names throw std::invalid_argument listing the valid ones.
  static Loss parse(std::string_view text);
  std::string name() const;
  // The output activation this loss needs, or throws std::invalid_argument saying which
  // (log_loss: logistic; softmax_cross_entropy: identity; the square family: any).
  void check_output_activation(const Activation& output) const;
};

namespace detail {
template <class T>
double approx(const T& x) {
  const auto v = value_of(x);
  using B = base_scalar_t<T>;
  if constexpr (std::is_same_v<B, interval>) {
    return static_cast<double>(median(v).template convert_to<double>());
  } else if constexpr (std::is_same_v<B, double> || std::is_same_v<B, float>) {
    return static_cast<double>(v);
  } else {
    return v.template convert_to<double>();
  }
}
}  // namespace detail

// L(y, sigma(z)) for one sample; writes dL/dz into *delta when delta != nullptr.
// z, y: the output layer's pre-activations and the targets (same size m).
template <class T>
T loss_and_delta(const Loss& loss, const Activation& output, const Vec<T>& z, const Vec<T>& y, Vec<T>* delta) {
  const Eigen::Index m = z.size();
  T value = integer<T>(0);
  switch (loss.kind) {
    case LossKind::square:
    case LossKind::half_square:
    case LossKind::mean_square: {
      // c sum (y - yhat)^2 with c = 1, 1/2, 1/m; dL/dyhat = -2c (y - yhat)
      const PreparedActivation<T> out(output);
      for (Eigen::Index k = 0; k < m; ++k) {
        const T r = y[k] - out.value(z[k]);
        value += r * r;
        if (delta) (*delta)[k] = T(-r * out.derivative(z[k]));  // times 2c below
      }
      if (loss.kind == LossKind::square) {
        if (delta) *delta *= integer<T>(2);
      } else if (loss.kind == LossKind::half_square) {
        value = T(value / integer<T>(2));
      } else {
        value = T(value / integer<T>(static_cast<long>(m)));
        if (delta) *delta *= T(integer<T>(2) / integer<T>(static_cast<long>(m)));
      }
      return value;
    }
    case LossKind::log_loss: {
      for (Eigen::Index k = 0; k < m; ++k) {
        // softplus(z) = max(z, 0) + log1p(e^-|z|)
        const auto sg = math::value_sign(z[k]);
        const T sp = (sg && *sg > 0) ? T(z[k] + math::log1p(math::exp(T(-z[k])))) : math::log1p(math::exp(z[k]));
        value += sp - y[k] * z[k];
        if (delta) (*delta)[k] = T(detail::logistic(z[k]) - y[k]);
      }
      return value;
    }
    case LossKind::softmax_cross_entropy: {
      Eigen::Index arg = 0;
      for (Eigen::Index k = 1; k < m; ++k)
        if (detail::approx(z[k]) > detail::approx(z[arg])) arg = k;
      const T shift = z[arg];
      T sum_exp = integer<T>(0), sum_y = integer<T>(0), yz = integer<T>(0);
      Vec<T> e(m);
      for (Eigen::Index k = 0; k < m; ++k) {
        e[k] = math::exp(T(z[k] - shift));
        sum_exp += e[k];
        sum_y += y[k];
        yz += y[k] * z[k];
      }
      value = T(sum_y * (shift + math::log(sum_exp)) - yz);
      if (delta)
        for (Eigen::Index k = 0; k < m; ++k) (*delta)[k] = T(sum_y * e[k] / sum_exp - y[k]);
      return value;
    }
  }
  throw std::logic_error("loss_and_delta: unknown loss kind");
}

}  // namespace ov::nets
