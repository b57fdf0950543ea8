// Closed forms of the Jacobian spectrum per Hessian eigenvalue lambda, for every
// method of method.hpp, in any scalar T (double, mp50, mp100; interval for
// enclosures; trace/determinant also in rational).
//
// After the orthogonal change of basis V (Hess J = V diag(lambda_p) V^T) and a perfect
// shuffle (theta_1, psi_1, theta_2, psi_2, ...), the Jacobian of every method is
// block diagonal with one block per lambda_p (002 (3.6)-(3.7), (3.24); the printed
// permutation (3.36) is wrong, guide §4.6 item 8, any perfect shuffle works).
// block_matrix() builds that block FROM THE JACOBIAN ENTRIES:
//   inna (3.23):  [[1 - g(a - 1/b) - g b l,  -g/b], [-g(a - 1/b), 1 - g/b]]
//   din  (3.5):   [[-(a - 1/b) - b l,        -1/b], [-(a - 1/b),  -1/b]]
//   gd   (1.15):  [[1 - g l]]
//   hb   (state (x, d); d1 = mu d - g grad, x1 = x + d1; optim/rules/heavy_ball.hpp):
//                 [[1 - g l, mu], [-g l, mu]]
//   nag  (paper form, state (x, v); grad at x - mu v; v1 = mu v + g grad; x1 = x - v1;
//         optim/rules/nesterov.hpp):  [[1 - g l, -mu (1 - g l)], [g l, mu (1 - g l)]]
// with a = alpha, b = beta, g = gamma, mu = beta (momentum), l = lambda.
//
// closed_form() evaluates the THESIS's formulas (not the block):
//   din:  chi(X) = X^2 + (a + b l) X + l (3.8); Delta = (a + b l)^2 - 4 l (3.9);
//         sigma = -(a + b l)/2 +- sqrt(Delta)/2 (3.10), or +- i sqrt(-Delta)/2 (3.14)
//   inna: chi(X) = X^2 - (2 - g(a + b l)) X + 1 - g(a + b l) + g^2 l (3.25); discriminant
//         g^2 Delta (L1894); sigma = 1 - g(a + b l)/2 +- g sqrt(Delta)/2 (3.26), or
//         +- i g sqrt(-Delta)/2 (3.29); |sigma|^2 = det in the complex case (3.30)
//   gd/hb/nag: the quadratic formula on the trace and determinant above.
// The two are independent: tests check that the formulas are the eigenvalues of the
// blocks (interval enclosures of the block's eigenvalues contain the closed forms).
//
// Complex band (Lemma 3.6, L1696-L1701): Delta <= 0 iff alpha beta <= 1 and
//   lambda in [x-, x+],  x+- = (2 - alpha beta +- 2 sqrt(1 - alpha beta)) / beta^2.
// Step bound (3.20) of Theorem 3.9 with the erratum's fallback (guide §4.6 item 2).
#pragma once

#include <array>
#include <optional>
#include <stdexcept>
#include <string>
#include <type_traits>

#include "analysis/numeric/elementary.hpp"
#include "analysis/numeric/linear_algebra.hpp"
#include "analysis/numeric/predicates.hpp"
#include "analysis/numeric/scalars.hpp"
#include "analysis/spectra/method.hpp"

namespace ov::spectra {

template <class T>
struct Hyper {
  T alpha, beta, gamma;  // beta = momentum for hb/nag; unused ones 0
};

template <class T>
Hyper<T> hyper_in(const Parameters& p) {
  return {p.alpha_in<T>(), p.beta_in<T>(), p.gamma_in<T>()};
}

// The block of the Jacobian for the Hessian eigenvalue lambda (1x1 for gd).
template <class T>
Mat<T> block_matrix(Method m, const Hyper<T>& h, const T& l) {
  const T one(1);
  switch (m) {
    case Method::gd: {
      Mat<T> M(1, 1);
      M(0, 0) = one - h.gamma * l;
      return M;
    }
    case Method::hb: {
      Mat<T> M(2, 2);
      M << one - h.gamma * l, h.beta, -(h.gamma * l), h.beta;
      return M;
    }
    case Method::nag: {
      const T s = one - h.gamma * l;
      Mat<T> M(2, 2);
      M << s, -(h.beta * s), h.gamma * l, h.beta * s;
      return M;
    }
    case Method::inna: {
      const T a = h.alpha - one / h.beta;
      Mat<T> M(2, 2);
      M << one - h.gamma * a - h.gamma * h.beta * l, -(h.gamma / h.beta), -(h.gamma * a), one - h.gamma / h.beta;
      return M;
    }
    case Method::din: {
      const T a = h.alpha - one / h.beta;
      Mat<T> M(2, 2);
      M << -a - h.beta * l, -(one / h.beta), -a, -(one / h.beta);
      return M;
    }
  }
  throw std::logic_error("block_matrix: unknown method");
}

// Trace and determinant of the block by the closed forms (exact in rational).
template <class T>
T closed_trace(Method m, const Hyper<T>& h, const T& l) {
  const T one(1), two(2);
  switch (m) {
    case Method::gd: return one - h.gamma * l;
    case Method::hb: return one + h.beta - h.gamma * l;
    case Method::nag: return (one + h.beta) * (one - h.gamma * l);
    case Method::inna: return two - h.gamma * (h.alpha + h.beta * l);             // (3.25)
    case Method::din: return -(h.alpha + h.beta * l);                             // (3.8)
  }
  throw std::logic_error("closed_trace: unknown method");
}
template <class T>
T closed_determinant(Method m, const Hyper<T>& h, const T& l) {
  const T one(1);
  switch (m) {
    case Method::gd: return one - h.gamma * l;
    case Method::hb: return h.beta;
    case Method::nag: return h.beta * (one - h.gamma * l);
    case Method::inna: return one - h.gamma * (h.alpha + h.beta * l) + h.gamma * h.gamma * l;  // (3.39)
    case Method::din: return l;                                                             // (3.8)
  }
  throw std::logic_error("closed_determinant: unknown method");
}

// (a + b l)^2 - 4 l, the discriminant (3.9) shared by DIN and INNA (up to gamma^2).
template <class T>
T din_inna_discriminant(const T& alpha, const T& beta, const T& l) {
  const T s = alpha + beta * l;
  return s * s - T(4) * l;
}

// Eigenvalues of one block: count = 1 (gd) or 2; sigma_k = re[k] + i im[k]; for a
// complex pair im[0] > 0 > im[1]; for a real pair re[0] >= re[1].
template <class T>
struct EigenPair {
  int count = 2;
  std::array<T, 2> re, im;
};

namespace detail {

template <class T>
std::optional<int> sign_of(const T& x) {
  if constexpr (std::is_same_v<T, interval>) {
    return certain_sign(x);
  } else {
    return x > T(0) ? 1 : (x < T(0) ? -1 : 0);
  }
}

// sqrt(|x|) where the sign of x is known, or an enclosure of [0, sqrt(|x|)] hull when
// it is not (interval straddling 0).
template <class T>
T sqrt_abs(const T& x) {
  using ov::num::sqrt;
  using ov::num::abs;
  return sqrt(T(abs(x)));
}

}  // namespace detail

// mid +- scale * sqrt(disc) / 2 (real) or +- i scale * sqrt(-disc) / 2 (complex).
// For an interval disc that straddles 0 both eigenvalues are enclosed by
// mid + [-r, r] + i [-r, r] with r = scale * sqrt(|disc|.upper) / 2.
template <class T>
EigenPair<T> pair_from(const T& mid, const T& scale, const T& disc) {
  EigenPair<T> e;
  const std::optional<int> s = detail::sign_of(disc);
  const T half = T(1) / T(2);
  if (s && *s >= 0) {
    const T r = scale * detail::sqrt_abs(disc) * half;
    e.re = {mid + r, mid - r};
    e.im = {T(0), T(0)};
  } else if (s && *s < 0) {
    const T r = scale * detail::sqrt_abs(disc) * half;
    e.re = {mid, mid};
    e.im = {r, -r};
  } else {
    if constexpr (std::is_same_v<T, interval>) {
      const T r = scale * detail::sqrt_abs(disc) * half;  // |disc| encloses [0, |disc|.upper]
      const T box(-upper(r), upper(r));
      e.re = {mid + box, mid + box};
      e.im = {box, box};
    }
  }
  return e;
}

// The thesis's closed-form eigenvalues for the Hessian eigenvalue l.
template <class T>
EigenPair<T> closed_form(Method m, const Hyper<T>& h, const T& l) {
  const T one(1), half = T(1) / T(2);
  switch (m) {
    case Method::gd: {
      EigenPair<T> e;
      e.count = 1;
      e.re = {one - h.gamma * l, T(0)};
      e.im = {T(0), T(0)};
      return e;
    }
    case Method::hb:
    case Method::nag: {
      const T tr = closed_trace(m, h, l), det = closed_determinant(m, h, l);
      return pair_from(T(tr * half), one, T(tr * tr - T(4) * det));
    }
    case Method::inna:  // (3.26) / (3.29)
      return pair_from(T(one - h.gamma * (h.alpha + h.beta * l) * half), h.gamma,
                       din_inna_discriminant(h.alpha, h.beta, l));
    case Method::din:  // (3.10) / (3.14)
      return pair_from(T(-(h.alpha + h.beta * l) * half), one, din_inna_discriminant(h.alpha, h.beta, l));
  }
  throw std::logic_error("closed_form: unknown method");
}

// Eigenvalues of a 1x1 or 2x2 block from its entries (quadratic formula on its trace
// and determinant); with T = interval, an enclosure of the block's exact eigenvalues.
template <class T>
EigenPair<T> block_eigenvalues(const Mat<T>& M) {
  if (M.rows() == 1) {
    EigenPair<T> e;
    e.count = 1;
    e.re = {M(0, 0), T(0)};
    e.im = {T(0), T(0)};
    return e;
  }
  const T tr = M(0, 0) + M(1, 1);
  const T det = M(0, 0) * M(1, 1) - M(0, 1) * M(1, 0);
  return pair_from(T(tr / T(2)), T(1), T(tr * tr - T(4) * det));
}

// Complex band [x-, x+] of Lemma 3.6 (DIN and INNA); nullopt when alpha beta > 1.
template <class T>
std::optional<std::array<T, 2>> complex_band(const T& alpha, const T& beta) {
  const T ab = alpha * beta;
  if (ab > T(1)) return std::nullopt;
  const T r = T(2) * ov::num::sqrt(T(T(1) - ab));
  const T b2 = beta * beta;
  return std::array<T, 2>{T((T(2) - ab - r) / b2), T((T(2) - ab + r) / b2)};
}

// The step bound (3.20) of Theorem 3.9 for L > 0:
//   min( beta/2 + alpha/(2L) - sqrt((alpha + beta L)^2 - 4L)/(2L), beta ),
// the first term computed as 2 / ((alpha + beta L) + sqrt(radicand)) (the same number,
// without cancellation; guide §4.5 item 5 [DERIVED]). Where the radicand is negative
// (alpha beta < 1 and L in (x-, x+)) (3.20) is undefined (guide §4.6 item 2) and the
// bound is beta (the proof of Theorem 3.12 needs gamma < beta for lambda < 0 and
// nothing for lambda in the complex band).
template <class T>
struct StepBound {
  T value;
  T radicand;                // (alpha + beta L)^2 - 4 L
  std::optional<T> formula;  // the first term of (3.20), when defined
  bool fallback = false;     // true: the radicand is negative and value = beta
};

template <class T>
StepBound<T> inna_step_bound(const T& alpha, const T& beta, const T& L) {
  if (!(L > T(0))) throw std::invalid_argument("inna_step_bound: L must be > 0");
  StepBound<T> b;
  const T s = alpha + beta * L;
  b.radicand = s * s - T(4) * L;
  if (b.radicand < T(0)) {
    b.fallback = true;
    b.value = beta;
    return b;
  }
  b.formula = T(T(2) / (s + ov::num::sqrt(b.radicand)));
  b.value = *b.formula < beta ? *b.formula : beta;
  return b;
}

}  // namespace ov::spectra
