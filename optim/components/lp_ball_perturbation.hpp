// The maximiser of a linear function over an l_p ball, SAM's first-order inner
// maximiser (004 §7.1, eqs (52)-(53)):
//
//   epsilon*(w) = argmax_{||eps||_p <= rho} <g, eps>
//               = rho sign(g) |g|^(q-1) / (||g||_q^q)^(1/p),     1/p + 1/q = 1    (52)
//
// (elementwise sign, |.| and power), p in [1, inf]. Since q/p = q - 1, the
// denominator equals ||g||_q^(q-1); (52) is checked to be the Hölder-equality
// maximiser: ||epsilon*||_p = rho and <g, epsilon*> = rho ||g||_q [DERIVED,
// seed-003-004-sgd-survey.md §0: "the l_p steepest-ascent direction"].
//
// Cases (each written out, so p = 1, 2, inf are exact in rational):
//   p = 2    (53): rho g / ||g||_2. The norm is taken of g / max|g_i| (no overflow
//            of the squares); in rational the square root must be exact (a
//            perfect square), else std::domain_error.
//   p = inf  (q = 1): rho sign(g) (|g_i|^0 = 1, denominator ||g||_1^0 = 1);
//            coordinates with g_i = 0 get 0 (sign(0) = 0).
//   p = 1    (q = inf): all mass on the largest |g_i|. TIES: the mass rho is split
//            EQUALLY among the t coordinates attaining max|g_i| (rho sign(g_i) / t
//            each). This is the limit p -> 1+ of (52) (each tied term tends to
//            t^(-1/p) -> 1/t), it is permutation-equivariant, and exact in rational.
//            Any convex combination of the tied vertices is a maximiser; the
//            documents do not choose one.
//   1 < p < inf, p != 2: (52) with r_i = |g_i| / max|g_j| (scale-free, no
//            overflow): rho sign(g_i) r_i^(q-1) / (sum_j r_j^q)^(1/p). Needs pow:
//            not available in rational (std::domain_error).
//   g = 0 (zero-gradient guard): every eps in the ball maximises <g, eps> = 0; we
//            return eps = 0 (no perturbation), which is also what the public
//            implementations' rho g / (||g|| + 1e-12) gives (anchors-optimizers.md
//            §5.1), without their additive epsilon.
#pragma once

#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

#include "optim/core/hyperparameter.hpp"
#include "optim/core/reductions.hpp"
#include "optim/core/scalar_ops.hpp"
#include "optim/core/vector.hpp"

namespace ov::optim {

// The exponent p of the ball, p in [1, inf]. Infinity is a flag, so that exact
// scalars (rational, which has no infinity) can express it.
template <class S>
class LpExponent {
 public:
  static LpExponent infinity() { return LpExponent(true, S(0)); }
  static LpExponent finite(const S& p) { return LpExponent(false, p); }
  // p = 2, the document's recommendation (004 §7.1 after (49), Foret et al. 2021).
  LpExponent() : LpExponent(false, S(2)) {}

  bool is_infinite() const { return infinite_; }
  // Meaningful only when !is_infinite().
  const S& value() const { return p_; }
  bool is(long k) const { return !infinite_ && p_ == S(k); }
  std::string to_string() const { return infinite_ ? std::string("inf") : ops::to_string(p_); }

 private:
  LpExponent(bool inf, const S& p) : infinite_(inf), p_(p) {}
  bool infinite_;
  S p_;
};

// p in [1, inf] (004 §7.1 after (49)); an S that is +infinity counts as inf.
template <class S>
LpExponent<S> make_lp_exponent(const S& p) {
  if constexpr (std::numeric_limits<S>::has_infinity) {
    if (p == std::numeric_limits<S>::infinity()) return LpExponent<S>::infinity();
  }
  return LpExponent<S>::finite(p);
}

template <class S>
void require_lp_exponent(std::string_view rule, const LpExponent<S>& p) {
  if (p.is_infinite()) return;
  require(ops::is_finite(p.value()) && p.value() >= S(1), rule, "p", p.value(), "[1, inf]");
}

namespace detail {

using std::pow;
using std::sqrt;
template <class S, class = void>
struct lp_has_pow : std::false_type {};
template <class S>
struct lp_has_pow<S, std::void_t<decltype(pow(std::declval<const S&>(), std::declval<const S&>()))>>
    : std::true_type {};
template <class S, class = void>
struct lp_has_sqrt : std::false_type {};
template <class S>
struct lp_has_sqrt<S, std::void_t<decltype(sqrt(std::declval<const S&>()))>> : std::true_type {};
// Exact rationals (Boost gmp_rational): numerator()/denominator() found by ADL.
template <class S, class = void>
struct lp_has_num_den : std::false_type {};
template <class S>
struct lp_has_num_den<S, std::void_t<decltype(sqrt(numerator(std::declval<const S&>()))),
                                     decltype(denominator(std::declval<const S&>()))>> : std::true_type {};

// sqrt(x) for x >= 0: the scalar's own square root, or, for an exact rational, the
// exact root of a perfect square (std::domain_error otherwise).
template <class S>
S lp_sqrt(const S& x) {
  if constexpr (lp_has_sqrt<S>::value) {
    return ops::sqrt(x);
  } else if constexpr (lp_has_num_den<S>::value) {
    const auto n = numerator(x);
    const auto d = denominator(x);
    const auto rn = sqrt(n);  // integer square root (floor)
    const auto rd = sqrt(d);
    if (!(rn * rn == n && rd * rd == d)) {
      throw std::domain_error("lp_ball_maximiser: sqrt(" + ops::to_string(x) +
                              ") is not rational; use a floating scalar for p = 2 here");
    }
    return S(rn) / S(rd);
  } else {
    static_assert(lp_has_sqrt<S>::value, "lp_ball_maximiser: the scalar has no square root");
    return x;
  }
}

template <class S>
S lp_pow(const S& x, const S& y) {
  if constexpr (lp_has_pow<S>::value) {
    return ops::pow(x, y);
  } else {
    throw std::domain_error("lp_ball_maximiser: p other than 1, 2, inf needs pow, which this exact scalar lacks");
  }
}

template <class S>
S signum(const S& x) {
  return S(ops::sign(x));
}

}  // namespace detail

// epsilon*(w) of 004 (52) for the gradient g: see the file comment for the cases.
template <class S>
Vector<S> lp_ball_maximiser(const Vector<S>& g, const S& rho, const LpExponent<S>& p) {
  const Eigen::Index n = g.size();
  Vector<S> eps(n);
  const S m = norm_inf(g);
  if (m == S(0)) {  // zero-gradient guard
    for (Eigen::Index i = 0; i < n; ++i) eps[i] = S(0);
    return eps;
  }
  if (p.is_infinite()) {  // q = 1
    for (Eigen::Index i = 0; i < n; ++i) eps[i] = rho * detail::signum(g[i]);
    return eps;
  }
  if (p.is(1)) {  // q = inf: mass rho split equally among the ties of max|g_i|
    long ties = 0;
    for (Eigen::Index i = 0; i < n; ++i)
      if (ops::abs(g[i]) == m) ++ties;
    const S share = rho / S(ties);
    for (Eigen::Index i = 0; i < n; ++i) eps[i] = ops::abs(g[i]) == m ? share * detail::signum(g[i]) : S(0);
    return eps;
  }
  if (p.is(2)) {  // (53), with the norm of g / m
    S s(0);
    for (Eigen::Index i = 0; i < n; ++i) s += (g[i] / m) * (g[i] / m);
    const S scale = rho / detail::lp_sqrt(s);
    for (Eigen::Index i = 0; i < n; ++i) eps[i] = scale * (g[i] / m);
    return eps;
  }
  // (52) with r_i = |g_i| / m, q = p / (p - 1), q - 1 = 1 / (p - 1).
  const S& pv = p.value();
  const S q = pv / (pv - S(1));
  const S q_minus_1 = S(1) / (pv - S(1));
  S s(0);
  for (Eigen::Index i = 0; i < n; ++i) {
    const S r = ops::abs(g[i]) / m;
    if (r != S(0)) s += detail::lp_pow(r, q);
  }
  const S den = detail::lp_pow(s, S(S(1) / pv));
  for (Eigen::Index i = 0; i < n; ++i) {
    const S r = ops::abs(g[i]) / m;
    eps[i] = r == S(0) ? S(0) : rho * detail::signum(g[i]) * detail::lp_pow(r, q_minus_1) / den;
  }
  return eps;
}

// ||g||_q for the dual exponent q of p (the value of the linear maximum / rho),
// exact in rational for p = inf (q = 1) and p = 1 (q = inf).
template <class S>
S dual_norm(const Vector<S>& g, const LpExponent<S>& p) {
  if (p.is_infinite()) return norm1(g);
  if (p.is(1)) return norm_inf(g);
  if (p.is(2)) return detail::lp_sqrt(squared_norm(g));
  if constexpr (detail::lp_has_pow<S>::value) {
    return norm_p(g, S(p.value() / (p.value() - S(1))));
  } else {
    throw std::domain_error("dual_norm: p other than 1, 2, inf needs pow, which this exact scalar lacks");
  }
}

// ||v||_p (exact in rational for p = 1, inf, and 2 on perfect squares).
template <class S>
S lp_norm(const Vector<S>& v, const LpExponent<S>& p) {
  if (p.is_infinite()) return norm_inf(v);
  if (p.is(1)) return norm1(v);
  if (p.is(2)) return detail::lp_sqrt(squared_norm(v));
  if constexpr (detail::lp_has_pow<S>::value) {
    return norm_p(v, p.value());
  } else {
    throw std::domain_error("lp_norm: p other than 1, 2, inf needs pow, which this exact scalar lacks");
  }
}

}  // namespace ov::optim
