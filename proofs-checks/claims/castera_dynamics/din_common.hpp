// Shared helpers of the castera_dynamics claims (002_dc929347c6f8ce02.txt, Chapter 2):
// the DIN vector field (2.6) as an exchangeable ingredient (the library's
// optim::DinSystem, or a mutant in the tests), exact derivatives of polynomial maps by
// interpolation in rational, Dormand-Prince integration of (2.6) between sample times in
// double and mp50, local objectives that the problem library lacks (|theta|^c and the
// Fig. 2.1 valley) and small JSON/series utilities.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "analysis/numeric/scalars.hpp"
#include "optim/core/objective.hpp"
#include "optim/core/random.hpp"
#include "optim/core/scalar_ops.hpp"
#include "optim/core/vector.hpp"

namespace ov::claims::castera_dyn {

template <class S>
using Vec = optim::Vector<S>;

// z' = F(z) for the state z = (theta, psi) of (2.6), J and (alpha, beta) given.
template <class S>
using FieldFn = std::function<Vec<S>(const optim::Objective<S>& J, const S& alpha, const S& beta, const Vec<S>& z)>;

// One field in the three scalars the claims use.
struct DinField {
  std::string name;
  FieldFn<double> d;
  FieldFn<mp50> m;
  FieldFn<rational> q;
};

// optim::DinSystem<S> (optim/components/din_system.hpp): (2.6) as deployed.
DinField library_din_field();

// d/de f(z + e d) at e = 0, exactly, for a map whose coordinates are polynomials of degree
// <= deg in e: interpolation at e = 0..deg; the value at e = deg + 1 is checked against the
// interpolant (std::runtime_error if the degree bound is wrong).
Vec<rational> exact_directional_derivative(const std::function<Vec<rational>(const Vec<rational>&)>& f,
                                           const Vec<rational>& z, const Vec<rational>& d, int deg);
rational exact_directional_derivative(const std::function<rational(const Vec<rational>&)>& f,
                                      const Vec<rational>& z, const Vec<rational>& d, int deg);

// E_lambda(theta, psi) = lambda J(theta) + (1/2) ||(alpha - 1/beta) theta + psi/beta||^2 (proof of
// Lemma 2.5, L1208); E = E_lambda with lambda = 2 (1 + alpha beta), doubled: E = 2 E_{(1+ab)} ... see
// energy(): E = 2 (1 + alpha beta) J + ||w||^2 (2.17)/(L1392).
template <class S>
S e_lambda(const optim::Objective<S>& J, const S& alpha, const S& beta, const S& lambda, const Vec<S>& z) {
  const int p = J.dim();
  S w2(0);
  const S a = alpha - S(1) / beta;
  for (int i = 0; i < p; ++i) {
    const S w = a * z[i] + z[p + i] / beta;
    w2 += w * w;
  }
  return lambda * J.value(Vec<S>(z.head(p))) + w2 / S(2);
}
template <class S>
S energy(const optim::Objective<S>& J, const S& alpha, const S& beta, const Vec<S>& z) {
  // E = E_min + E_max = 2 (1 + alpha beta) J + ||w||^2 = 2 E_{1 + alpha beta}.
  return S(2) * e_lambda(J, alpha, beta, S(S(1) + alpha * beta), z);
}
// -2 alpha ||theta'||^2 - (2/beta) ||psi' - theta'||^2, from z' (2.32).
template <class S>
S energy_rate_rhs(const S& alpha, const S& beta, const Vec<S>& zdot) {
  const Eigen::Index p = zdot.size() / 2;
  S a(0), b(0);
  for (Eigen::Index i = 0; i < p; ++i) {
    a += zdot[i] * zdot[i];
    const S d = zdot[p + i] - zdot[i];
    b += d * d;
  }
  return -(S(2) * alpha * a) - (S(2) / beta) * b;
}

// The states at `times` (increasing, times[0] = 0 gives z0) of (2.6) integrated by
// Dormand-Prince 5(4) (optim::integrate_adaptive) from z0 with rtol = atol = tol.
// If the integrator fails: throws std::runtime_error when `failure` is null, else returns the
// states reached so far (fewer than times.size()) and sets *failure to the integrator's message.
std::vector<Vec<double>> integrate_samples(const FieldFn<double>& F, const optim::Objective<double>& J, double alpha,
                                           double beta, const Vec<double>& z0, const std::vector<double>& times,
                                           double tol, long max_steps, std::string* failure = nullptr);
std::vector<Vec<mp50>> integrate_samples(const FieldFn<mp50>& F, const optim::Objective<mp50>& J, const mp50& alpha,
                                         const mp50& beta, const Vec<mp50>& z0, const std::vector<mp50>& times,
                                         const mp50& tol, long max_steps, std::string* failure = nullptr);
// (2.6) by n equal steps of the classical RK4 (optim::integrate_fixed) on [0, T]: the state at T.
Vec<mp50> integrate_rk4(const FieldFn<mp50>& F, const optim::Objective<mp50>& J, const mp50& alpha, const mp50& beta,
                        const Vec<mp50>& z0, const mp50& T, long n);
// The same for a plain autonomous system z' = G(z) (e.g. DIN (2.5) as (theta, theta')).
std::vector<Vec<mp50>> integrate_system(const std::function<Vec<mp50>(const Vec<mp50>&)>& G, const Vec<mp50>& z0,
                                        const std::vector<mp50>& times, const mp50& tol, long max_steps);

// J(theta) = ||theta||^c (c > 1; an even integer c gives a polynomial, exact in rational).
template <class S>
class PowerObjective : public optim::Objective<S> {
 public:
  PowerObjective(int dim, long c_num, long c_den) : dim_(dim), num_(c_num), den_(c_den) {}
  int dim() const override { return dim_; }
  S value(const Vec<S>& x) const override {
    const S r2 = x.squaredNorm();
    if (even_integer()) return optim::ops::pow_int(r2, num_ / den_ / 2);
    if (!(r2 > S(0))) return S(0);
    return optim::ops::pow(r2, S(S(num_) / S(2 * den_)));
  }
  Vec<S> gradient(const Vec<S>& x) const override {
    const S r2 = x.squaredNorm();
    const S c = S(num_) / S(den_);
    S f;  // c ||x||^(c-2)
    if (even_integer()) {
      f = c * optim::ops::pow_int(r2, num_ / den_ / 2 - 1);
    } else {
      if (!(r2 > S(0))) return Vec<S>::Zero(dim_);
      f = c * optim::ops::pow(r2, S(S(num_ - 2 * den_) / S(2 * den_)));
    }
    return Vec<S>(f * x);
  }
  bool even_integer() const { return num_ % den_ == 0 && (num_ / den_) % 2 == 0; }

 private:
  int dim_;
  long num_, den_;
};

// Fig. 2.1 (L944, L1456): J(t1, t2) = 100 (t2 - |t1|)^2 + |1 - t1|, minimum 0 at (1, 1).
// At the kinks the element of the Clarke subdifferential returned uses sign(0) = 0.
template <class S>
class ValleyObjective : public optim::Objective<S> {
 public:
  int dim() const override { return 2; }
  S value(const Vec<S>& x) const override {
    const S d = x[1] - optim::ops::abs(x[0]);
    return S(100) * d * d + optim::ops::abs(S(S(1) - x[0]));
  }
  Vec<S> gradient(const Vec<S>& x) const override {
    const S d = x[1] - optim::ops::abs(x[0]);
    Vec<S> g(2);
    g[0] = S(-200) * d * sgn(x[0]) - sgn(S(S(1) - x[0]));
    g[1] = S(200) * d;
    return g;
  }

 private:
  static S sgn(const S& v) { return v > S(0) ? S(1) : (v < S(0) ? S(-1) : S(0)); }
};

rational ratio(long p, long q);
// A random rational k/den with k uniform in [-m, m].
rational random_rational(optim::SplitMix64& rng, long m, long den);
nlohmann::json vec_json(const Vec<rational>& v);
double to_double(const rational& q);
double to_double(const mp50& x);

// A report-schema Series object (convergence kind).
nlohmann::json series(const std::string& plot, const std::string& name, const std::string& role,
                      const std::vector<double>& x, const std::vector<double>& y, const std::string& x_label,
                      const std::string& y_label, bool log_x, bool log_y);

}  // namespace ov::claims::castera_dyn
