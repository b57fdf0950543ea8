// Explicit Runge-Kutta integrators for z' = F(t, z), generic over the scalar S, with
// every Butcher coefficient typed as an exact ratio (ops::ratio: exact in rational,
// correctly rounded in the floating types), for the DIN system of
// optim/components/din_system.hpp (002_dc929347c6f8ce02.txt (2.6)).
//
//   classic_rk4<S>()        the classical 4-stage, order-4 method (fixed step);
//   dormand_prince_54<S>()  Dormand & Prince (1980) 5(4) pair (7 stages, FSAL rows; the
//                           5th-order solution is propagated, "local extrapolation");
//   integrate_fixed(F, tableau, t0, z0, t1, n)    n equal steps;
//   integrate_adaptive(F, tableau, t0, z0, t1, o) embedded error control with the
//     Hairer-Norsett-Wanner norm  err = sqrt(mean_i (e_i / (atol + rtol max(|z_i|, |z1_i|)))^2),
//     accept if err <= 1, h <- h min(fac_max, max(fac_min, safety err^(-1/(q+1)))),
//     q = the lower order of the pair. Bounded: at most max_steps attempted steps, never a
//     step below h_min; the result's status says how it ended.
// The adaptive controller needs pow, so it is for floating scalars (float ... mp100);
// integrate_fixed works in any S, rational included.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

#include "optim/core/hyperparameter.hpp"
#include "optim/core/reductions.hpp"
#include "optim/core/scalar_ops.hpp"
#include "optim/core/vector.hpp"

namespace ov::optim {

template <class S>
struct ButcherTableau {
  std::string name;
  int order = 0;          // order of b
  int embedded_order = 0; // order of b_hat (0: no embedded pair)
  std::vector<S> c;
  std::vector<std::vector<S>> a;  // a[i][j], j < i (row i has i entries)
  std::vector<S> b;
  std::vector<S> b_hat;           // empty: no error estimate
  int stages() const { return static_cast<int>(b.size()); }
};

template <class S>
ButcherTableau<S> classic_rk4() {
  auto r = [](long p, long q) { return ops::ratio<S>(p, q); };
  ButcherTableau<S> t;
  t.name = "rk4";
  t.order = 4;
  t.c = {S(0), r(1, 2), r(1, 2), S(1)};
  t.a = {{}, {r(1, 2)}, {S(0), r(1, 2)}, {S(0), S(0), S(1)}};
  t.b = {r(1, 6), r(1, 3), r(1, 3), r(1, 6)};
  return t;
}

// Dormand, J. R.; Prince, P. J. (1980), "A family of embedded Runge-Kutta formulae",
// J. Comput. Appl. Math. 6(1), Table 2 (coefficients as in Hairer-Norsett-Wanner I, Table 5.2).
template <class S>
ButcherTableau<S> dormand_prince_54() {
  auto r = [](long p, long q) { return ops::ratio<S>(p, q); };
  ButcherTableau<S> t;
  t.name = "dormand_prince_54";
  t.order = 5;
  t.embedded_order = 4;
  t.c = {S(0), r(1, 5), r(3, 10), r(4, 5), r(8, 9), S(1), S(1)};
  t.a = {{},
         {r(1, 5)},
         {r(3, 40), r(9, 40)},
         {r(44, 45), r(-56, 15), r(32, 9)},
         {r(19372, 6561), r(-25360, 2187), r(64448, 6561), r(-212, 729)},
         {r(9017, 3168), r(-355, 33), r(46732, 5247), r(49, 176), r(-5103, 18656)},
         {r(35, 384), S(0), r(500, 1113), r(125, 192), r(-2187, 6784), r(11, 84)}};
  t.b = {r(35, 384), S(0), r(500, 1113), r(125, 192), r(-2187, 6784), r(11, 84), S(0)};
  t.b_hat = {r(5179, 57600), S(0), r(7571, 16695), r(393, 640), r(-92097, 339200), r(187, 2100), r(1, 40)};
  return t;
}

enum class OdeStatus { success, max_steps, step_underflow, non_finite };

inline const char* to_string(OdeStatus s) {
  switch (s) {
    case OdeStatus::success: return "success";
    case OdeStatus::max_steps: return "max_steps reached";
    case OdeStatus::step_underflow: return "step size below h_min";
    case OdeStatus::non_finite: return "non-finite state or error estimate";
  }
  return "?";
}

template <class S>
struct OdeResult {
  Vector<S> z;           // the state at t (the last accepted one)
  S t = S(0);
  std::int64_t accepted = 0, rejected = 0, evaluations = 0;
  OdeStatus status = OdeStatus::success;
  std::string message;
  bool ok() const { return status == OdeStatus::success; }
};

// One step of the tableau from (t, z) with step h: returns z1 (order `order`) and, if the
// tableau has an embedded pair, the error vector e = h sum (b_i - b_hat_i) k_i.
template <class S, class F>
Vector<S> rk_step(const F& f, const ButcherTableau<S>& tab, const S& t, const Vector<S>& z, const S& h,
                  Vector<S>* error = nullptr) {
  const int s = tab.stages();
  std::vector<Vector<S>> k(static_cast<std::size_t>(s));
  for (int i = 0; i < s; ++i) {
    Vector<S> zi = z;
    for (int j = 0; j < i; ++j)
      if (!(tab.a[i][j] == S(0))) zi += (h * tab.a[i][j]) * k[j];
    k[i] = f(S(t + tab.c[i] * h), zi);
  }
  Vector<S> z1 = z;
  for (int i = 0; i < s; ++i)
    if (!(tab.b[i] == S(0))) z1 += (h * tab.b[i]) * k[i];
  if (error && !tab.b_hat.empty()) {
    Vector<S> e = Vector<S>::Zero(z.size());
    for (int i = 0; i < s; ++i) {
      const S w = tab.b[i] - tab.b_hat[i];
      if (!(w == S(0))) e += (h * w) * k[i];
    }
    *error = std::move(e);
  }
  return z1;
}

template <class S, class F>
OdeResult<S> integrate_fixed(const F& f, const ButcherTableau<S>& tab, const S& t0, const Vector<S>& z0,
                             const S& t1, long n_steps) {
  require_count("integrate_fixed", "n_steps", n_steps, 1);
  OdeResult<S> r;
  r.z = z0;
  r.t = t0;
  const S h = (t1 - t0) / S(n_steps);
  for (long n = 0; n < n_steps; ++n) {
    Vector<S> z1 = rk_step(f, tab, r.t, r.z, h);
    r.evaluations += tab.stages();
    if (!all_finite(z1)) {
      r.status = OdeStatus::non_finite;
      r.message = tab.name + ": non-finite state at step " + std::to_string(n) + " (t = " + ops::to_string(r.t) + ")";
      return r;
    }
    r.z.swap(z1);
    r.t = n + 1 == n_steps ? t1 : S(t0 + S(n + 1) * h);
    ++r.accepted;
  }
  r.message = std::to_string(n_steps) + " steps of " + tab.name;
  return r;
}

template <class S>
struct AdaptiveOptions {
  S rtol = ops::ratio<S>(1, 1000000);
  S atol = ops::ratio<S>(1, 1000000);
  S h0 = S(0);     // initial step; 0: (t1 - t0) / 100
  S h_min = S(0);  // smallest step allowed; 0: |t1 - t0| * 2^-60 ... see integrate_adaptive
  long max_steps = 100000;  // attempted steps (accepted + rejected)
  S safety = ops::ratio<S>(9, 10);
  S fac_min = ops::ratio<S>(1, 5);
  S fac_max = S(5);
};

template <class S, class F>
OdeResult<S> integrate_adaptive(const F& f, const ButcherTableau<S>& tab, const S& t0, const Vector<S>& z0,
                                const S& t1, const AdaptiveOptions<S>& o = {}) {
  const std::string n = "integrate_adaptive";
  if (tab.b_hat.empty() || tab.embedded_order < 1) {
    throw std::invalid_argument(n + ": the tableau '" + tab.name + "' has no embedded pair");
  }
  require_positive(n, "rtol", o.rtol);
  require_nonnegative(n, "atol", o.atol);
  require_nonnegative(n, "h0", o.h0);
  require_nonnegative(n, "h_min", o.h_min);
  require_count(n, "max_steps", o.max_steps, 1);
  require(t1 > t0, n, "t1", t1, "(t0, inf) with t0 = " + ops::to_string(t0));
  OdeResult<S> r;
  r.z = z0;
  r.t = t0;
  const S span = t1 - t0;
  S h = o.h0 > S(0) ? o.h0 : S(span / S(100));
  // h_min default: span / 2^50 (below that the controller is stuck, not converging).
  const S h_min = o.h_min > S(0) ? o.h_min : S(span / ops::pow_int(S(2), 50));
  const S expo = S(-1) / S(tab.embedded_order + 1);
  const Eigen::Index dim = z0.size();
  for (long attempt = 0;; ++attempt) {
    if (!(r.t < t1)) break;
    if (attempt >= o.max_steps) {
      r.status = OdeStatus::max_steps;
      r.message = n + ": " + std::to_string(o.max_steps) + " attempted steps reached at t = " + ops::to_string(r.t);
      return r;
    }
    const bool last = !(r.t + h < t1);
    const S hs = last ? S(t1 - r.t) : h;
    Vector<S> e;
    Vector<S> z1 = rk_step(f, tab, r.t, r.z, hs, &e);
    r.evaluations += tab.stages();
    S acc(0);
    for (Eigen::Index i = 0; i < dim; ++i) {
      const S sc = o.atol + o.rtol * ops::max(ops::abs(r.z[i]), ops::abs(z1[i]));
      const S q = e[i] / sc;
      acc += q * q;
    }
    const S err = dim > 0 ? S(ops::sqrt(S(acc / S(dim)))) : S(0);
    if (!all_finite(z1) || !ops::is_finite(err)) {
      r.status = OdeStatus::non_finite;
      r.message = n + ": non-finite state or error estimate at t = " + ops::to_string(r.t);
      return r;
    }
    const bool accept = err <= S(1);
    S fac = err == S(0) ? o.fac_max : ops::min(o.fac_max, ops::max(o.fac_min, S(o.safety * ops::pow(err, expo))));
    if (accept) {
      r.z.swap(z1);
      r.t = last ? t1 : S(r.t + hs);
      ++r.accepted;
    } else {
      ++r.rejected;
      fac = ops::min(fac, S(1));
    }
    h = hs * fac;
    if (r.t < t1 && h < h_min) {
      r.status = OdeStatus::step_underflow;
      r.message = n + ": step " + ops::to_string(h) + " below h_min = " + ops::to_string(h_min) + " at t = " +
                  ops::to_string(r.t);
      return r;
    }
  }
  r.message = n + ": " + std::to_string(r.accepted) + " accepted, " + std::to_string(r.rejected) + " rejected steps";
  return r;
}

}  // namespace ov::optim
