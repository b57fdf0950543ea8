// Test objectives and mutants shared by castera_test.cpp (rational, double) and
// castera_precision_test.cpp (mp100) for the rules of Castera's thesis (INNA, DIN,
// Step-Tuned SGD). Each mutant carries ONE deliberate defect; every property of the
// two TUs is run on one and must fail there.
#pragma once

#include <cmath>
#include <limits>
#include <memory>
#include <vector>

#include "analysis/numeric/linear_algebra.hpp"
#include "analysis/numeric/scalars.hpp"
#include "optim/components/din_system.hpp"
#include "optim/components/ode_integrators.hpp"
#include "optim/core/objective.hpp"
#include "optim/rules/gradient_variation_sgd.hpp"
#include "optim/rules/inna.hpp"
#include "optim/rules/inna_fixed_step.hpp"
#include "optim/rules/step_tuned_full_batch.hpp"
#include "optim/rules/step_tuned_sgd.hpp"

namespace castera_test {

using namespace ov::optim;

template <class S>
Vector<S> vec(std::initializer_list<S> v) {
  Vector<S> r(static_cast<Eigen::Index>(v.size()));
  Eigen::Index i = 0;
  for (const auto& e : v) r[i++] = e;
  return r;
}

// J(x) = sum_i a_i x_i^2 / 2 - b_i x_i, gradient a_i x_i - b_i (any sign of a_i).
template <class S>
class DiagQuadratic : public Objective<S> {
 public:
  DiagQuadratic(Vector<S> a, Vector<S> b) : a_(std::move(a)), b_(std::move(b)) {}
  explicit DiagQuadratic(Vector<S> a) : a_(std::move(a)), b_(Vector<S>::Zero(a_.size())) {}
  int dim() const override { return static_cast<int>(a_.size()); }
  S value(const Vector<S>& x) const override {
    S s(0);
    for (Eigen::Index i = 0; i < x.size(); ++i) s += a_[i] * x[i] * x[i] / S(2) - b_[i] * x[i];
    return s;
  }
  Vector<S> gradient(const Vector<S>& x) const override {
    ++calls;
    Vector<S> g(x.size());
    for (Eigen::Index i = 0; i < x.size(); ++i) g[i] = a_[i] * x[i] - b_[i];
    if constexpr (std::numeric_limits<S>::has_quiet_NaN) {
      if (poison_at > 0 && calls == poison_at) g[0] = std::numeric_limits<S>::quiet_NaN();
    }
    return g;
  }
  bool provides_hessian_vector() const override { return true; }
  Vector<S> hessian_vector(const Vector<S>& /*x*/, const Vector<S>& v) const override {
    return hvp_sign * a_.cwiseProduct(v);
  }
  const Vector<S>& a() const { return a_; }
  const Vector<S>& b() const { return b_; }
  S hvp_sign = S(1);  // -1: a MUTANT curvature oracle returning -Hess v
  mutable long calls = 0;
  long poison_at = 0;  // 1-based gradient call that returns NaN in coordinate 0 (0: never)

 private:
  Vector<S> a_, b_;
};

// Finite sum of P-D diagonal quadratics: sample i is sum_j a_ij x_j^2/2 - b_ij x_j.
// Records the batch of every gradient call.
template <class S>
class DiagQuadraticSum : public FiniteSumObjective<S> {
 public:
  DiagQuadraticSum(std::vector<Vector<S>> a, std::vector<Vector<S>> b) : a_(std::move(a)), b_(std::move(b)) {}
  int dim() const override { return static_cast<int>(a_.front().size()); }
  std::size_t num_samples() const override { return a_.size(); }
  S batch_value(const Vector<S>& x, const Batch& batch) const override {
    S s(0);
    for (std::size_t i : batch)
      for (Eigen::Index j = 0; j < x.size(); ++j) s += a_[i][j] * x[j] * x[j] / S(2) - b_[i][j] * x[j];
    return s / S(static_cast<long>(batch.size()));
  }
  Vector<S> batch_gradient(const Vector<S>& x, const Batch& batch) const override {
    log.push_back(batch);
    Vector<S> g = Vector<S>::Zero(x.size());
    for (std::size_t i : batch)
      for (Eigen::Index j = 0; j < x.size(); ++j) g[j] += a_[i][j] * x[j] - b_[i][j];
    return g / S(static_cast<long>(batch.size()));
  }
  bool provides_hessian_vector() const override { return true; }
  Vector<S> batch_hessian_vector(const Vector<S>& x, const Batch& batch, const Vector<S>& v) const override {
    Vector<S> h = Vector<S>::Zero(x.size());
    for (std::size_t i : batch) h += a_[i].cwiseProduct(v);
    return hvp_sign * h / S(static_cast<long>(batch.size()));
  }
  S hvp_sign = S(1);  // -1: a MUTANT curvature oracle returning -Hess v
  const Vector<S>& a(std::size_t i) const { return a_[i]; }
  const Vector<S>& b(std::size_t i) const { return b_[i]; }
  mutable std::vector<Batch> log;

 private:
  std::vector<Vector<S>> a_, b_;
};

// ------------------------------------------------------------------ INNA mutants
// psi_0 with the wrong sign of the gradient term: (1 - ab) theta0 + (b^2 - b) g0.
template <class S>
class InnaWrongPsi0 : public Inna<S> {
 public:
  using Inna<S>::Inna;
  StepReport<S> step(Oracle<S>& f, Vector<S>& x) override {
    if (this->state().psi.size() != x.size()) {
      const auto& o = this->options();
      const Vector<S> g = f.objective().gradient(x);
      InnaState<S> s;
      s.psi = (S(1) - o.alpha * o.beta) * x + (o.beta * o.beta - o.beta) * g;
      this->set_state(s);
    }
    return Inna<S>::step(f, x);
  }
};

// The viscous damping with the wrong sign: (1/beta + alpha) theta instead of (1/beta - alpha) theta.
struct WrongDampingKernel {
  template <class T, class C>
  void operator()(const C& c, const T& theta, const T& psi, const T& v, T& theta1, T& psi1) const {
    const T a_wrong = T(2) * c.inv_beta - c.a;  // 1/beta + alpha
    const T t = a_wrong * theta - c.inv_beta * psi;
    theta1 = theta + c.gamma * (t - c.beta * v);
    psi1 = psi + c.gamma * t;
  }
};
template <class S>
using InnaWrongDamping = BasicInna<S, WrongDampingKernel>;

// A refusal that nevertheless advances the counter k.
template <class S>
class InnaLeakyRefusal : public Inna<S> {
 public:
  using Inna<S>::Inna;
  StepReport<S> step(Oracle<S>& f, Vector<S>& x) override {
    StepReport<S> r = Inna<S>::step(f, x);
    if (r.refused()) {
      InnaState<S> s = this->state();
      ++s.k;
      this->set_state(s);
    }
    return r;
  }
};

// ------------------------------------------------------------------ Step-Tuned mutants
template <class S>
class StepTunedNoBiasCorrection : public StepTunedSgd<S> {
 public:
  using StepTunedSgd<S>::StepTunedSgd;

 protected:
  S bias_denominator(long) const override { return S(1); }
};

template <class S>
class StepTunedNoClip : public StepTunedSgd<S> {
 public:
  using StepTunedSgd<S>::StepTunedSgd;

 protected:
  S clip(const S& g) const override { return g; }
};

template <class S>
class StepTunedLeakyRefusal : public StepTunedSgd<S> {
 public:
  using StepTunedSgd<S>::StepTunedSgd;
  StepReport<S> step(Oracle<S>& f, Vector<S>& x) override {
    StepReport<S> r = StepTunedSgd<S>::step(f, x);
    if (r.refused()) {
      StepTunedState<S> s = this->state();
      s.gamma = s.gamma * S(2);
      this->set_state(s);
    }
    return r;
  }
};

// ------------------------------------------------------------------ DIN mutants
// (2.6) with the wrong sign of psi/beta in the psi equation.
template <class S>
struct DinWrongPsiSign {
  const Objective<S>* J;
  S alpha, beta;
  Vector<S> operator()(const S&, const Vector<S>& z) const {
    const int p = J->dim();
    const Vector<S> th = z.head(p), ps = z.tail(p);
    const Vector<S> g = J->gradient(th);
    const S a = alpha - S(1) / beta;
    Vector<S> out(2 * p);
    for (int i = 0; i < p; ++i) {
      out[i] = -(a * th[i]) - ps[i] / beta - beta * g[i];
      out[p + i] = -(a * th[i]) + ps[i] / beta;
    }
    return out;
  }
};

// RK4 with equal weights 1/4 (consistent, order 2 only).
template <class S>
ButcherTableau<S> rk4_equal_weights() {
  ButcherTableau<S> t = classic_rk4<S>();
  t.name = "rk4_equal_weights";
  t.b = {ops::ratio<S>(1, 4), ops::ratio<S>(1, 4), ops::ratio<S>(1, 4), ops::ratio<S>(1, 4)};
  return t;
}
// Dormand-Prince with b_hat = b: the error estimate is identically zero.
template <class S>
ButcherTableau<S> dp_blind_error() {
  ButcherTableau<S> t = dormand_prince_54<S>();
  t.name = "dp_blind_error";
  t.b_hat = t.b;
  return t;
}

}  // namespace castera_test
