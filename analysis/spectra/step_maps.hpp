// The step maps (or, for DIN, the vector field) of every method of method.hpp, written
// generically so that ceres::Jet differentiates them: the Jacobian at a point is
// ad::jacobian(map, z) (analysis/autodiff/forward_mode.hpp).
//
//   gd    x -> x - gamma grad f(x)                                           002 (1.15)
//   hb    (x, d) -> (x + d1, d1), d1 = mu d - gamma grad f(x)               optim HeavyBallKernel
//   nag   (x, v) -> (x - v1, v1), v1 = mu v + gamma grad f(x - mu v)        optim NesterovKernel (paper form)
//   inna  (theta, psi) -> (3.19)                                            optim InnaKernel
//   din   (theta, psi) -> (2.6):  theta' = -(alpha - 1/beta) theta - psi/beta - beta grad f(theta)
//                                 psi'   = -(alpha - 1/beta) theta - psi/beta
// (mu = the `beta` hyper-parameter for hb/nag). hb, nag and inna call the optimizer
// library's own per-coordinate kernels, so the Jacobian is that of the code that runs.
// The DIN field mirrors optim/components/din_system.hpp (which needs an Objective<S>
// and so cannot take Jets); tests compare the two values.
//
// A gradient field G provides template <class T> Vec<T> operator()(const Vec<T>&) for
// T = S and T = ceres::Jet<S, K>:
//   QuadraticGradient<S>   grad f = H x (+ b), fully differentiated by Jets;
//   LinearizedGradient<S>  grad f and Hess f from a problem evaluator; on Jets it returns
//                          grad f(x) with partials Hess f(x) dx, which is exactly the
//                          first-order chain rule a Jet propagates (Jets carry first
//                          derivatives only), so the Jacobian of the step map is exact up
//                          to the evaluator's Hessian (nested-Jet autodiff or analytic).
#pragma once

#include <ceres/jet.h>

#include <stdexcept>
#include <string>

#include "analysis/numeric/lift.hpp"
#include "analysis/numeric/linear_algebra.hpp"
#include "analysis/problems/evaluator.hpp"
#include "analysis/spectra/closed_forms.hpp"
#include "optim/rules/heavy_ball.hpp"
#include "optim/rules/inna.hpp"
#include "optim/rules/nesterov.hpp"

namespace ov::spectra {

template <class S>
struct QuadraticGradient {
  Mat<S> H;
  template <class T>
  Vec<T> operator()(const Vec<T>& x) const {
    Vec<T> g(x.size());
    for (Eigen::Index i = 0; i < x.size(); ++i) {
      T s = lift<T>(S(0));
      for (Eigen::Index j = 0; j < x.size(); ++j) s += lift<T>(H(i, j)) * x[j];
      g[i] = s;
    }
    return g;
  }
};

template <class S>
struct LinearizedGradient {
  const problems::Evaluator<S>* f;
  Vec<S> operator()(const Vec<S>& x) const { return f->gradient(x); }
  template <int K>
  Vec<ceres::Jet<S, K>> operator()(const Vec<ceres::Jet<S, K>>& x) const {
    Vec<S> xv(x.size());
    for (Eigen::Index i = 0; i < x.size(); ++i) xv[i] = x[i].a;
    const Vec<S> g = f->gradient(xv);
    const Mat<S> H = f->hessian(xv);
    Vec<ceres::Jet<S, K>> out(x.size());
    for (Eigen::Index i = 0; i < x.size(); ++i) {
      out[i] = ceres::Jet<S, K>(g[i]);
      for (int k = 0; k < K; ++k) {
        S s(0);
        for (Eigen::Index j = 0; j < x.size(); ++j) s += H(i, j) * x[j].v[k];
        out[i].v[k] = s;
      }
    }
    return out;
  }
};

// Dimension of the state z for a parameter dimension n.
inline int state_dim(Method m, int n) { return m == Method::gd ? n : 2 * n; }

template <class S, class Grad>
struct StepMap {
  Method method;
  Hyper<S> h;
  Grad grad;
  int n;  // dimension of x / theta

  template <class T>
  Vec<T> operator()(const Vec<T>& z) const {
    if (z.size() != state_dim(method, n)) {
      throw std::invalid_argument("StepMap: state has size " + std::to_string(z.size()) + ", expected " +
                                  std::to_string(state_dim(method, n)));
    }
    Vec<T> out(z.size());
    switch (method) {
      case Method::gd: {
        const Vec<T> g = grad(z);
        for (int i = 0; i < n; ++i) out[i] = z[i] - h.gamma * g[i];
        return out;
      }
      case Method::hb: {
        const Vec<T> x = z.head(n), d = z.tail(n);
        const Vec<T> g = grad(x);
        const optim::HeavyBallConstants<S> c{h.gamma, h.beta};
        for (int i = 0; i < n; ++i) optim::HeavyBallKernel{}(c, x[i], g[i], d[i], out[i], out[n + i]);
        return out;
      }
      case Method::nag: {
        const Vec<T> x = z.head(n), v = z.tail(n);
        Vec<T> look(n);
        for (int i = 0; i < n; ++i) look[i] = x[i] - h.beta * v[i];
        const Vec<T> g = grad(look);
        const optim::MomentumConstants<S> c{h.gamma, h.beta, optim::MomentumForm::paper};
        for (int i = 0; i < n; ++i) optim::NesterovKernel{}(c, x[i], g[i], v[i], out[i], out[n + i]);
        return out;
      }
      case Method::inna: {
        const Vec<T> th = z.head(n), ps = z.tail(n);
        const Vec<T> g = grad(th);
        const S inv_b = S(1) / h.beta;
        const optim::InnaConstants<S> c{S(inv_b - h.alpha), inv_b, h.beta, h.gamma};
        for (int i = 0; i < n; ++i) optim::InnaKernel{}(c, th[i], ps[i], g[i], out[i], out[n + i]);
        return out;
      }
      case Method::din: {
        const Vec<T> th = z.head(n), ps = z.tail(n);
        const Vec<T> g = grad(th);
        const S inv_b = S(1) / h.beta;
        const S a = h.alpha - inv_b;  // alpha - 1/beta
        for (int i = 0; i < n; ++i) {
          const T common = -(a * th[i]) - inv_b * ps[i];
          out[i] = common - h.beta * g[i];
          out[n + i] = common;
        }
        return out;
      }
    }
    throw std::logic_error("StepMap: unknown method");
  }
};

template <class S, class Grad>
StepMap<S, Grad> make_step_map(Method m, const Hyper<S>& h, Grad g, int n) {
  return StepMap<S, Grad>{m, h, std::move(g), n};
}

// The state at which the Jacobian is taken for a point x: (x) for gd, (x, 0) for
// hb/nag (zero velocity), (theta, (1 - alpha beta) theta) for inna/din (the psi of a
// fixed point, (3.22)). The Jacobian of hb/nag/inna/din does not depend on the second
// block of the state (the maps are affine in it), so this choice only fixes the
// evaluation point of grad f.
template <class S>
Vec<S> state_at(Method m, const Hyper<S>& h, const Vec<S>& x) {
  const int n = static_cast<int>(x.size());
  if (m == Method::gd) return x;
  Vec<S> z(2 * n);
  z.head(n) = x;
  if (m == Method::inna || m == Method::din) {
    z.tail(n) = (S(1) - h.alpha * h.beta) * x;
  } else {
    z.tail(n).setZero();
  }
  return z;
}

}  // namespace ov::spectra
