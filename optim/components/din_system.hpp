// DIN, the "Dynamical Inertial Newton" system (Alvarez, Attouch, Bolte, Redont 2002;
// Castera's thesis, 002_dc929347c6f8ce02.txt §2.3.1),
//
//   theta'' + alpha theta' + beta Hess J(theta) theta' + grad J(theta) = 0,   alpha >= 0, beta > 0   (2.5)
//
// in its first-order form (2.6), which needs only grad J (no Hessian; equivalent to (2.5)
// for J in C^2, L1012):
//
//   theta' = -beta grad J(theta) - (alpha - 1/beta) theta - (1/beta) psi
//   psi'   =                     - (alpha - 1/beta) theta - (1/beta) psi
//
// State z = (theta, psi) in R^{2P}, theta first. Change of variables (L1012):
//   psi = -beta theta' - beta^2 grad J(theta) - (alpha beta - 1) theta
// so an initial (theta_0, theta'_0) of (2.5) maps to (theta_0, psi_0) = initial_state(...).
// Lyapunov function (2.17) and its derivative along (2.6) (Lemma 2.6, (2.32)):
//   E = 2 (1 + alpha beta) J(theta) + || (alpha - 1/beta) theta + psi / beta ||^2
//   dE/dt = -2 alpha ||theta'||^2 - (2/beta) ||psi' - theta'||^2  <= 0
// Integrate with optim/components/ode_integrators.hpp: the system is a callable
// (t, z) -> z'. Explicit Euler on (2.6) with step gamma is INNA (2.13)/(3.19).
#pragma once

#include <string>

#include "optim/core/hyperparameter.hpp"
#include "optim/core/objective.hpp"
#include "optim/core/reductions.hpp"

namespace ov::optim {

template <class S>
class DinSystem {
 public:
  DinSystem(const Objective<S>& J, const S& alpha, const S& beta) : J_(&J), alpha_(alpha), beta_(beta) {
    require_nonnegative("din", "alpha", alpha);
    require_positive("din", "beta", beta);
    a_ = alpha_ - S(1) / beta_;  // alpha - 1/beta
  }

  int dim() const { return 2 * J_->dim(); }  // of the state z
  const S& alpha() const { return alpha_; }
  const S& beta() const { return beta_; }
  long gradient_evaluations() const { return grads_; }

  Vector<S> theta(const Vector<S>& z) const { return z.head(J_->dim()); }
  Vector<S> psi(const Vector<S>& z) const { return z.tail(J_->dim()); }
  static Vector<S> pack(const Vector<S>& theta, const Vector<S>& psi) {
    Vector<S> z(theta.size() + psi.size());
    z << theta, psi;
    return z;
  }

  // (2.6): z' = (theta', psi').
  Vector<S> operator()(const S& /*t*/, const Vector<S>& z) const {
    const int p = J_->dim();
    const Vector<S> th = z.head(p), ps = z.tail(p);
    ++grads_;
    const Vector<S> g = J_->gradient(th);
    Vector<S> out(2 * p);
    for (int i = 0; i < p; ++i) {
      const S common = -(a_ * th[i]) - ps[i] / beta_;  // -(alpha - 1/beta) theta - psi/beta
      out[i] = common - beta_ * g[i];
      out[p + i] = common;
    }
    return out;
  }

  // psi from (theta, theta') by the change of variables of L1012.
  Vector<S> psi_from_velocity(const Vector<S>& theta, const Vector<S>& velocity) const {
    ++grads_;
    const Vector<S> g = J_->gradient(theta);
    return Vector<S>(-beta_ * velocity - (beta_ * beta_) * g - (alpha_ * beta_ - S(1)) * theta);
  }
  Vector<S> initial_state(const Vector<S>& theta0, const Vector<S>& velocity0) const {
    return pack(theta0, psi_from_velocity(theta0, velocity0));
  }
  // theta' at z (the first line of (2.6)).
  Vector<S> velocity(const Vector<S>& z) const { return (*this)(S(0), z).head(J_->dim()); }

  // E of (2.17) and the right-hand side of (2.32) at z.
  S energy(const Vector<S>& z) const {
    const int p = J_->dim();
    const Vector<S> th = z.head(p), ps = z.tail(p);
    const Vector<S> w = a_ * th + ps / beta_;
    return S(2) * (S(1) + alpha_ * beta_) * J_->value(th) + squared_norm(w);
  }
  S energy_rate(const Vector<S>& z) const {
    const int p = J_->dim();
    const Vector<S> d = (*this)(S(0), z);
    const Vector<S> th_dot = d.head(p), diff = Vector<S>(d.tail(p) - th_dot);
    return -(S(2) * alpha_ * squared_norm(th_dot)) - (S(2) / beta_) * squared_norm(diff);
  }

 private:
  const Objective<S>* J_;
  S alpha_, beta_, a_;
  mutable long grads_ = 0;
};

}  // namespace ov::optim
