// The perturbed one-hidden-layer leaky-ReLU network of Soudry & Carmon (003 §3.3, Theorem 3.6,
// 003_61d556b637c4f269.txt L442-L472; guide C6):
//
//   h(x_i) = W^(2) diag(a_i) W^(1) x_i,  (a_i)_h = (eps_i)_h * (1 if (W^(1) x_i)_h >= 0 else 0.1)  (003 L442-L450)
//          = sum_h v_h eps_{ih} sigma(w_h^T x_i),  sigma = leaky ReLU with slope 1/10, v = W^(2),
//   f(theta) = (1/n) sum_i (y_i - h(x_i))^2                                                     (003 L456)
//   theta = (W^(1) row-major (d1 x d0), W^(2) (1 x d1))                                         (003 L462)
//
// The perturbation E = [eps_1, ..., eps_n] has i.i.d. Gaussian entries (003 L452; the document
// does not give mean or variance: N(0, 1) by default, mean/stddev selectable). eps_i is fixed per
// sample (drawn once from a seed): it is part of the model, not noise resampled per step.
// Theorem 3.6: if n <= d1 d0, every differentiable local minimum is global with f = 0 for
// almost all (X, E) (003 L470).
//
// Gradient (where f is differentiable, i.e. no (W^(1) x_i)_h = 0; at 0 the right derivative 1,
// as the core's leaky ReLU, 003 L374), r_i = h(x_i) - y_i:
//   df/dv_h      = (2/n) sum_i r_i eps_{ih} sigma(w_h^T x_i)
//   df/dW^(1)_hk = (2/n) sum_i r_i v_h eps_{ih} sigma'(w_h^T x_i) x_{ik}
// Instantiated for double and mp100 (data and E are doubles, converted exactly).
#pragma once

#include <cstdint>

#include "analysis/numeric/linear_algebra.hpp"
#include "analysis/numeric/scalars.hpp"
#include "nets/data/dataset.hpp"
#include "optim/core/objective.hpp"

namespace ov::nets::special {

// Theorem 3.6's condition n <= d1 d0, and the smallest width that meets it, ceil(n / d0).
// Throw std::invalid_argument naming n, d0 or d1 unless n >= 1, d0 >= 1, d1 >= 1.
bool soudry_carmon_condition(long n, int d0, int d1);
int soudry_carmon_min_width(long n, int d0);

// A standard normal by the Box-Muller transform of two SplitMix64 uniforms, with log, sqrt and
// cos evaluated in mp100 (MPFR, correctly rounded) and rounded once to double, so a seed gives
// the same bits on every platform (std::log/std::cos may differ in the last bit between C
// libraries; std::normal_distribution differs between standard libraries).
class ReproducibleNormal {
 public:
  explicit ReproducibleNormal(std::uint64_t seed);
  double next();

 private:
  std::uint64_t state_;
  double spare_ = 0;
  bool has_spare_ = false;
};

// The n x d1 perturbation matrix E^T (row i = eps_i^T): i.i.d. N(mean, stddev^2) from `seed`.
// Throws std::invalid_argument naming n, d1 (>= 1) or stddev (finite, >= 0) or mean (finite).
Mat<double> soudry_carmon_perturbation(long n, int d1, std::uint64_t seed, double mean = 0.0, double stddev = 1.0);

// The data with i.i.d. N(0, sigma^2) noise added to every input (003 L452: "X ... subject to
// arbitrarily small Gaussian i.i.d. noise"); sigma >= 0 finite (named otherwise).
Dataset with_input_noise(const Dataset& data, double sigma, std::uint64_t seed);

template <class S>
class SoudryCarmonObjective : public optim::FiniteSumObjective<S> {
 public:
  // data: n x d0 inputs, n x 1 targets; perturbation: n x hidden (all ones = the unperturbed
  // network, 003 L474). slope: the leaky ReLU's negative slope (003: 1/10), 0 < slope < 1.
  // Throws std::invalid_argument naming the offending argument and its valid range.
  SoudryCarmonObjective(const Dataset& data, int hidden, const Mat<double>& perturbation,
                        const rational& slope = rational(1, 10));

  int dim() const override { return d1_ * d0_ + d1_; }
  std::size_t num_samples() const override { return static_cast<std::size_t>(n_); }
  S batch_value(const optim::Vector<S>& theta, const optim::Batch& batch) const override;
  optim::Vector<S> batch_gradient(const optim::Vector<S>& theta, const optim::Batch& batch) const override;
  S batch_value_and_gradient(const optim::Vector<S>& theta, const optim::Batch& batch,
                             optim::Vector<S>& g) const override;
  // h(x_i) at theta.
  S output(const optim::Vector<S>& theta, std::size_t i) const;
  int input_dim() const { return d0_; }
  int hidden() const { return d1_; }

 private:
  S evaluate(const optim::Vector<S>& theta, const optim::Batch& batch, optim::Vector<S>* g) const;
  // The network's output for sample i; the hidden pre-activations and activations when asked.
  S forward(const optim::Vector<S>& theta, std::size_t i, Vec<S>* z, Vec<S>* act) const;
  void check(const optim::Vector<S>& theta) const;

  int d0_ = 0, d1_ = 0;
  long n_ = 0;
  Mat<S> x_;    // n x d0
  Vec<S> y_;    // n
  Mat<S> eps_;  // n x d1
  S slope_;
};

extern template class SoudryCarmonObjective<double>;
extern template class SoudryCarmonObjective<mp100>;

}  // namespace ov::nets::special
