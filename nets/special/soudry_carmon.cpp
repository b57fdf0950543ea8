// The perturbed leaky-ReLU network of Soudry & Carmon (soudry_carmon.hpp; 003 §3.3 Theorem 3.6).
#include "nets/special/soudry_carmon.hpp"

#include <cmath>
#include <stdexcept>
#include <string>

#include "analysis/numeric/elementary.hpp"
#include "nets/core/exact_parameter.hpp"
#include "optim/core/random.hpp"

namespace ov::nets::special {

namespace {
void require(bool ok, const std::string& message) {
  if (!ok) throw std::invalid_argument(message);
}
}  // namespace

bool soudry_carmon_condition(long n, int d0, int d1) {
  require(n >= 1, "soudry_carmon_condition: n (samples) = " + std::to_string(n) + " must be >= 1");
  require(d0 >= 1, "soudry_carmon_condition: d0 (inputs) = " + std::to_string(d0) + " must be >= 1");
  require(d1 >= 1, "soudry_carmon_condition: d1 (hidden width) = " + std::to_string(d1) + " must be >= 1");
  return n <= static_cast<long>(d1) * d0;
}

int soudry_carmon_min_width(long n, int d0) {
  require(n >= 1, "soudry_carmon_min_width: n (samples) = " + std::to_string(n) + " must be >= 1");
  require(d0 >= 1, "soudry_carmon_min_width: d0 (inputs) = " + std::to_string(d0) + " must be >= 1");
  return static_cast<int>((n + d0 - 1) / d0);
}

ReproducibleNormal::ReproducibleNormal(std::uint64_t seed) : state_(seed) {}

double ReproducibleNormal::next() {
  if (has_spare_) {
    has_spare_ = false;
    return spare_;
  }
  optim::SplitMix64 rng(state_);
  // u1 in (0, 1] (log defined), u2 in [0, 1): 53-bit dyadic uniforms, exact in mp100.
  const double u1 = 1.0 - static_cast<double>(rng.next() >> 11) * 0x1.0p-53;
  const double u2 = static_cast<double>(rng.next() >> 11) * 0x1.0p-53;
  state_ = rng.state();
  const mp100 r = num::sqrt(mp100(-2 * num::log(mp100(u1))));
  const mp100 t = 2 * num::pi<mp100>() * mp100(u2);
  spare_ = static_cast<double>(r * num::sin(t));
  has_spare_ = true;
  return static_cast<double>(r * num::cos(t));
}

Mat<double> soudry_carmon_perturbation(long n, int d1, std::uint64_t seed, double mean, double stddev) {
  require(n >= 1, "soudry_carmon_perturbation: n (samples) = " + std::to_string(n) + " must be >= 1");
  require(d1 >= 1, "soudry_carmon_perturbation: d1 (hidden width) = " + std::to_string(d1) + " must be >= 1");
  require(std::isfinite(mean), "soudry_carmon_perturbation: mean must be finite");
  require(std::isfinite(stddev) && stddev >= 0,
          "soudry_carmon_perturbation: stddev = " + std::to_string(stddev) + " must be finite and >= 0");
  ReproducibleNormal g(seed);
  Mat<double> e(n, d1);
  for (long i = 0; i < n; ++i)  // row by row: eps_1, eps_2, ...
    for (int h = 0; h < d1; ++h) e(i, h) = mean + stddev * g.next();
  return e;
}

Dataset with_input_noise(const Dataset& data, double sigma, std::uint64_t seed) {
  require(std::isfinite(sigma) && sigma >= 0,
          "with_input_noise: sigma = " + std::to_string(sigma) + " must be finite and >= 0");
  Dataset r = data;
  ReproducibleNormal g(seed);
  for (Eigen::Index i = 0; i < r.inputs.rows(); ++i)
    for (Eigen::Index j = 0; j < r.inputs.cols(); ++j) r.inputs(i, j) += sigma * g.next();
  r.description += " + N(0, sigma^2) input noise";
  return r;
}

template <class S>
SoudryCarmonObjective<S>::SoudryCarmonObjective(const Dataset& data, int hidden, const Mat<double>& eps,
                                                const rational& slope) {
  require(hidden >= 1, "SoudryCarmonObjective: hidden (d1) = " + std::to_string(hidden) + " must be >= 1");
  require(data.size() >= 1, "SoudryCarmonObjective: the data set '" + data.name + "' is empty");
  require(data.input_dim() >= 1, "SoudryCarmonObjective: the inputs have no feature (d0 = 0)");
  require(data.output_dim() == 1, "SoudryCarmonObjective: the network has one output, but the targets have " +
                                      std::to_string(data.output_dim()) + " columns");
  require(data.targets.rows() == data.size(), "SoudryCarmonObjective: inputs have " + std::to_string(data.size()) +
                                                  " rows but targets have " + std::to_string(data.targets.rows()));
  require(eps.rows() == data.size() && eps.cols() == hidden,
          "SoudryCarmonObjective: the perturbation must be n x d1 = " + std::to_string(data.size()) + " x " +
              std::to_string(hidden) + ", got " + std::to_string(eps.rows()) + " x " + std::to_string(eps.cols()));
  require(slope > 0 && slope < 1, "SoudryCarmonObjective: slope must be in (0, 1) (003: 1/10)");
  for (Eigen::Index i = 0; i < eps.rows(); ++i)
    for (Eigen::Index j = 0; j < eps.cols(); ++j)
      require(std::isfinite(eps(i, j)), "SoudryCarmonObjective: perturbation(" + std::to_string(i) + "," +
                                            std::to_string(j) + ") is not finite");
  d0_ = static_cast<int>(data.input_dim());
  d1_ = hidden;
  n_ = static_cast<long>(data.size());
  x_.resize(n_, d0_);
  y_.resize(n_);
  eps_.resize(n_, d1_);
  for (long i = 0; i < n_; ++i) {
    for (int k = 0; k < d0_; ++k) x_(i, k) = data_as<S>(data.inputs(i, k));
    y_[i] = data_as<S>(data.targets(i, 0));
    for (int h = 0; h < d1_; ++h) eps_(i, h) = data_as<S>(eps(i, h));
  }
  slope_ = exact_as<S>(slope);
}

template <class S>
void SoudryCarmonObjective<S>::check(const optim::Vector<S>& theta) const {
  if (theta.size() != dim())
    throw std::invalid_argument("SoudryCarmonObjective: parameter vector has " + std::to_string(theta.size()) +
                                " entries, the network needs d1 d0 + d1 = " + std::to_string(dim()));
}

template <class S>
S SoudryCarmonObjective<S>::forward(const optim::Vector<S>& theta, std::size_t i, Vec<S>* z, Vec<S>* act) const {
  if (i >= num_samples())
    throw std::out_of_range("SoudryCarmonObjective: sample " + std::to_string(i) + " is outside [0, " +
                            std::to_string(n_ - 1) + "]");
  const auto row = static_cast<Eigen::Index>(i);
  S out = S(0);
  for (int h = 0; h < d1_; ++h) {
    S zh = S(0);
    for (int k = 0; k < d0_; ++k) zh += theta[h * d0_ + k] * x_(row, k);
    const S s = zh >= 0 ? zh : S(slope_ * zh);
    if (z) (*z)[h] = zh;
    if (act) (*act)[h] = s;
    out += theta[d1_ * d0_ + h] * eps_(row, h) * s;
  }
  return out;
}

template <class S>
S SoudryCarmonObjective<S>::output(const optim::Vector<S>& theta, std::size_t i) const {
  check(theta);
  return forward(theta, i, nullptr, nullptr);
}

template <class S>
S SoudryCarmonObjective<S>::evaluate(const optim::Vector<S>& theta, const optim::Batch& batch,
                                     optim::Vector<S>* g) const {
  check(theta);
  if (batch.empty()) throw std::invalid_argument("SoudryCarmonObjective: empty batch");
  if (g) *g = optim::Vector<S>::Zero(dim());
  S total = S(0);
  Vec<S> z(d1_), act(d1_);
  for (const std::size_t i : batch) {
    const S out = forward(theta, i, &z, &act);
    const auto row = static_cast<Eigen::Index>(i);
    const S r = out - y_[row];
    total += r * r;
    if (g) {
      const S two_r = 2 * r;
      for (int h = 0; h < d1_; ++h) {
        (*g)[d1_ * d0_ + h] += two_r * eps_(row, h) * act[h];
        const S coeff = two_r * theta[d1_ * d0_ + h] * eps_(row, h) * (z[h] >= 0 ? S(1) : slope_);
        for (int k = 0; k < d0_; ++k) (*g)[h * d0_ + k] += coeff * x_(row, k);
      }
    }
  }
  const S inv_b = S(1) / S(static_cast<long>(batch.size()));
  if (g) *g *= inv_b;
  return S(total * inv_b);
}

template <class S>
S SoudryCarmonObjective<S>::batch_value(const optim::Vector<S>& theta, const optim::Batch& batch) const {
  return evaluate(theta, batch, nullptr);
}
template <class S>
optim::Vector<S> SoudryCarmonObjective<S>::batch_gradient(const optim::Vector<S>& theta,
                                                          const optim::Batch& batch) const {
  optim::Vector<S> g;
  evaluate(theta, batch, &g);
  return g;
}
template <class S>
S SoudryCarmonObjective<S>::batch_value_and_gradient(const optim::Vector<S>& theta, const optim::Batch& batch,
                                                     optim::Vector<S>& g) const {
  return evaluate(theta, batch, &g);
}

template class SoudryCarmonObjective<double>;
template class SoudryCarmonObjective<mp100>;

}  // namespace ov::nets::special
