// Mode classification of one Jacobian block (one Hessian eigenvalue lambda):
//
//   iteration maps (gd, hb, nag, inna): radius = max_k |sigma_k|;
//       stable if radius < 1, unstable if radius > 1, marginal if radius = 1 (within tol);
//       spiral if the pair is complex; omega = arg sigma (radians per iteration);
//       decay_rate = -log(radius) per iteration (negative: growth).
//   continuous system (din): radius = max_k Re sigma_k (the spectral abscissa);
//       stable if < 0, unstable if > 0, marginal if = 0 (within tol); spiral if complex;
//       omega = |Im sigma| = sqrt(4 lambda - (alpha + beta lambda)^2)/2 and
//       decay_rate = -max Re sigma = (alpha + beta lambda)/2 in the complex case
//       (002 §3.3.2.2, L1781-L1787).
//
// tol: the closed forms are evaluated with a handful of correctly rounded operations,
// so their relative error is a few eps of the working precision; tol = eps^(3/4) keeps
// exact cases (lambda = 0 gives radius exactly 1 for INNA) marginal and separates any
// value farther than eps^(3/4) from the threshold. This classification is OBSERVED at
// the working precision; the certified one (Spectrum enclosures) uses intervals.
#pragma once

#include <boost/multiprecision/mpfr.hpp>
#include <cmath>
#include <limits>
#include <string>

#include "analysis/numeric/elementary.hpp"
#include "analysis/spectra/closed_forms.hpp"

namespace ov::spectra {

enum class Stability { stable, unstable, marginal };
inline const char* to_string(Stability s) {
  return s == Stability::stable ? "stable" : (s == Stability::unstable ? "unstable" : "marginal");
}

template <class T>
struct ModeClass {
  Stability stability = Stability::marginal;
  bool spiral = false;
  T radius;      // max |sigma| (maps) or max Re sigma (din)
  T omega;       // frequency (0 for a real pair)
  T decay_rate;  // -log(radius) (maps) or -max Re sigma (din)
};

template <class T>
T classification_tolerance() {
  using std::pow;
  return T(pow(std::numeric_limits<T>::epsilon(), T(3) / T(4)));
}

template <class T>
ModeClass<T> classify(Method m, const EigenPair<T>& e, const T& tol = classification_tolerance<T>()) {
  using std::atan2;
  using std::log;
  using ov::num::abs;
  using ov::num::sqrt;
  ModeClass<T> c;
  c.spiral = e.count == 2 && e.im[0] != T(0);
  if (is_continuous(m)) {
    c.radius = e.re[0];
    for (int k = 1; k < e.count; ++k)
      if (e.re[k] > c.radius) c.radius = e.re[k];
    c.omega = abs(e.im[0]);
    c.decay_rate = -c.radius;
    c.stability = c.radius < -tol ? Stability::stable : (c.radius > tol ? Stability::unstable : Stability::marginal);
  } else {
    c.radius = T(0);
    for (int k = 0; k < e.count; ++k) {
      const T r = sqrt(T(e.re[k] * e.re[k] + e.im[k] * e.im[k]));
      if (r > c.radius) c.radius = r;
    }
    c.omega = c.spiral ? T(atan2(abs(e.im[0]), e.re[0])) : T(0);
    c.decay_rate = c.radius > T(0) ? T(-log(c.radius)) : std::numeric_limits<T>::infinity();
    c.stability = c.radius < T(1) - tol ? Stability::stable
                                        : (c.radius > T(1) + tol ? Stability::unstable : Stability::marginal);
  }
  return c;
}

}  // namespace ov::spectra
