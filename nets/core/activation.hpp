// Activation functions sigma and their derivatives, generic over the scalar
// (OptVerify scalars and ceres::Jets over them).
//
//   identity    z                                  1
//   logistic    1/(1+e^-z) (stable on both sides)  s(1-s)           003 Table 3.2
//   tanh        tanh z                             1 - tanh^2 z
//   relu        max(z, 0)                          1 (z>0), 0 (z<0)  003 Table 3.2
//   leaky_relu  max(z, a z), 0 < a < 1 (a = 1/10)  1 (z>0), a (z<0)  003 Table 3.2, 004 §8
//   elu         z (z>0), c(e^z - 1) (z<=0), c=1    1 (z>0), c e^z
//   silu        z s(z)                             s(z)(1 + z(1-s(z)))
//   softplus    log(1 + e^z) (stable)              s(z)
//   quadratic   z^2                                2z               004 Prop. 4 (Soltanolkotabi et al.)
//
// At the kink z = 0 of relu, leaky_relu (and elu with c != 1) the derivative is the
// RIGHT derivative by default, as 003 §3.2 prescribes (003_61d556b637c4f269.txt L374:
// "one can return the right derivative given by 1"); Kink::left selects the left one. For interval scalars an
// argument straddling 0 gets the hull of both branches (value) and of both slopes
// (derivative): an enclosure of the Clarke generalized derivative.
#pragma once

#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/numeric/scalars.hpp"
#include "nets/core/exact_parameter.hpp"
#include "nets/core/scalar_math.hpp"

namespace ov::nets {

enum class ActivationKind { identity, logistic, tanh, relu, leaky_relu, elu, silu, softplus, quadratic };
enum class Kink { right, left };  // which one-sided derivative at a kink

struct Activation {
  ActivationKind kind = ActivationKind::identity;
  rational slope{1, 10};  // leaky_relu's negative slope a, 0 < a < 1 (003 Table 3.2: 0.1)
  rational elu_scale{1};  // elu's c > 0
  Kink kink = Kink::right;

  // Valid kinds' names, in declaration order.
  static const std::vector<std::string>& names();
  // "leaky_relu" or "leaky_relu:0.2" (slope), "elu:2" (scale); an unknown name throws
  // std::invalid_argument listing the valid names. Validates the parameters.
  static Activation parse(std::string_view text);
  std::string name() const;  // "leaky_relu:1/10"
  // Throws std::invalid_argument naming the parameter and its valid range.
  void validate() const;
  // True where sigma is a rational function (evaluable exactly in rational).
  bool rational_exact() const;
  // True where sigma is not differentiable at 0 (relu, leaky_relu, elu with c != 1).
  bool has_kink() const;
};

namespace detail {

// Piecewise-linear z -> (z >= 0 ? z : a z) with value and derivative; a interval-safe hull
// for arguments straddling 0.
template <class T>
T piecewise_linear(const T& z, const T& a, bool derivative, Kink kink) {
  const std::optional<int> s = math::value_sign(z);
  const T one = integer<T>(1);
  if (s) {
    const bool positive_branch = *s > 0 || (*s == 0 && kink == Kink::right);
    if (derivative) return positive_branch ? one : a;
    return positive_branch ? z : T(a * z);
  }
  // Interval straddling 0 (only reachable for interval-based T).
  if constexpr (math::over_interval_v<T>) {
    if (derivative) return T(hull(value_of(one), value_of(a)));
    T r = z;  // value part: hull of a*z and z over the interval, which contains 0
    auto lo = lower(value_of(z)) * value_of(a);
    auto hi = upper(value_of(z));
    if constexpr (is_jet_v<T>) {
      throw std::domain_error("piecewise-linear activation: a Jet over an interval straddling 0 has no derivative");
    } else {
      r = hull(interval(lo), interval(hi));
      return r;
    }
  } else {
    throw std::logic_error("piecewise_linear: undecided sign for a non-interval scalar");
  }
}

template <class T>
T logistic(const T& z) {
  const T one = integer<T>(1);
  const auto s = math::value_sign(z);
  if (s && *s < 0) {
    const T e = math::exp(z);
    return T(e / (one + e));
  }
  return T(one / (one + math::exp(T(-z))));
}

}  // namespace detail

// An activation with its parameters converted once to T (the conversion of a rational is
// costly: batch code prepares each layer's activation once and calls value/derivative).
template <class T>
struct PreparedActivation {
  explicit PreparedActivation(const Activation& a)
      : act(a),
        slope(a.kind == ActivationKind::leaky_relu ? exact_as<T>(a.slope) : integer<T>(0)),
        elu_scale(a.kind == ActivationKind::elu ? exact_as<T>(a.elu_scale) : integer<T>(0)) {}
  Activation act;
  T slope, elu_scale;
  T value(const T& z) const;
  T derivative(const T& z) const;
};

// sigma(z)
template <class T>
T activate(const Activation& act, const T& z) {
  return PreparedActivation<T>(act).value(z);
}

// sigma'(z) (the chosen one-sided derivative at a kink)
template <class T>
T activate_derivative(const Activation& act, const T& z) {
  return PreparedActivation<T>(act).derivative(z);
}

template <class T>
T PreparedActivation<T>::value(const T& z) const {
  switch (act.kind) {
    case ActivationKind::identity:
      return z;
    case ActivationKind::logistic:
      return detail::logistic(z);
    case ActivationKind::tanh:
      return math::tanh(z);
    case ActivationKind::relu:
      return detail::piecewise_linear(z, integer<T>(0), false, act.kink);
    case ActivationKind::leaky_relu:
      return detail::piecewise_linear(z, slope, false, act.kink);
    case ActivationKind::elu: {
      const auto s = math::value_sign(z);
      if (s && *s > 0) return z;
      if (s && *s == 0) return integer<T>(0);
      if (!s) throw std::domain_error("elu: interval argument straddling 0 is not supported");
      return T(elu_scale * (math::exp(z) - integer<T>(1)));
    }
    case ActivationKind::silu:
      return T(z * detail::logistic(z));
    case ActivationKind::softplus: {
      // log(1 + e^z) = max(z, 0) + log1p(e^-|z|)
      const auto s = math::value_sign(z);
      if (s && *s > 0) return T(z + math::log1p(math::exp(T(-z))));
      return math::log1p(math::exp(z));
    }
    case ActivationKind::quadratic:
      return T(z * z);
  }
  throw std::logic_error("activate: unknown activation kind");
}

template <class T>
T PreparedActivation<T>::derivative(const T& z) const {
  switch (act.kind) {
    case ActivationKind::identity:
      return integer<T>(1);
    case ActivationKind::logistic: {
      const T s = detail::logistic(z);
      return T(s * (integer<T>(1) - s));
    }
    case ActivationKind::tanh: {
      const T t = math::tanh(z);
      return T(integer<T>(1) - t * t);
    }
    case ActivationKind::relu:
      return detail::piecewise_linear(z, integer<T>(0), true, act.kink);
    case ActivationKind::leaky_relu:
      return detail::piecewise_linear(z, slope, true, act.kink);
    case ActivationKind::elu: {
      const auto s = math::value_sign(z);
      if (!s) throw std::domain_error("elu: interval argument straddling 0 is not supported");
      if (*s > 0 || (*s == 0 && act.kink == Kink::right)) return integer<T>(1);
      return T(elu_scale * math::exp(z));
    }
    case ActivationKind::silu: {
      const T s = detail::logistic(z);
      return T(s * (integer<T>(1) + z * (integer<T>(1) - s)));
    }
    case ActivationKind::softplus:
      return detail::logistic(z);
    case ActivationKind::quadratic:
      return T(integer<T>(2) * z);
  }
  throw std::logic_error("activate_derivative: unknown activation kind");
}

}  // namespace ov::nets
