// A FiniteSumQuadratic (sgd_expectation.hpp) as an optim::FiniteSumObjective, so the REAL
// update rules (optim::Sgd with an optim::Oracle and optim::BatchSampler) can be run on the
// problem whose SGD expectations the oracle computes exactly (docs/sgd-expectation.md).
// Header-only and light: instantiate it only where it is used (a test, a claim), in one scalar.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>
#include <utility>

#include "analysis/stochastic/sgd_expectation.hpp"
#include "optim/core/objective.hpp"

namespace ov::stochastic {

template <class S>
class QuadraticFiniteSum : public optim::FiniteSumObjective<S> {
 public:
  // Throws std::invalid_argument for an invalid problem (FiniteSumQuadratic::validate).
  explicit QuadraticFiniteSum(FiniteSumQuadratic<S> p) : p_(std::move(p)) { p_.validate(); }

  const FiniteSumQuadratic<S>& problem() const { return p_; }
  int dim() const override { return p_.dim(); }
  std::size_t num_samples() const override { return static_cast<std::size_t>(p_.num_samples()); }

  // (1/|B|) sum_{i in B} (1/2 x^T H_i x - r_i^T x + c_i), repeats counted.
  S batch_value(const optim::Vector<S>& x, const optim::Batch& batch) const override {
    require_batch(batch);
    S s(0);
    for (std::size_t i : batch) {
      S v = -p_.r[i].dot(x);
      for (Eigen::Index a = 0; a < x.size(); ++a)
        for (Eigen::Index b = 0; b < x.size(); ++b) v += x[a] * p_.H[i](a, b) * x[b] / S(2);
      if (!p_.c.empty()) v += p_.c[i];
      s += v;
    }
    return s / S(static_cast<long>(batch.size()));
  }
  // (1/|B|) sum_{i in B} (H_i x - r_i).
  optim::Vector<S> batch_gradient(const optim::Vector<S>& x, const optim::Batch& batch) const override {
    require_batch(batch);
    optim::Vector<S> g = optim::Vector<S>::Zero(x.size());
    for (std::size_t i : batch) {
      for (Eigen::Index a = 0; a < x.size(); ++a) {
        S s = -p_.r[i][a];
        for (Eigen::Index b = 0; b < x.size(); ++b) s += p_.H[i](a, b) * x[b];
        g[a] += s;
      }
    }
    return g / S(static_cast<long>(batch.size()));
  }

 private:
  void require_batch(const optim::Batch& batch) const {
    if (batch.empty()) throw std::invalid_argument("QuadraticFiniteSum: empty batch (batch size valid range [1, inf))");
    for (std::size_t i : batch)
      if (i >= num_samples())
        throw std::invalid_argument("QuadraticFiniteSum: sample index " + std::to_string(i) +
                                    " is outside its valid range [0, " + std::to_string(num_samples() - 1) + "]");
  }
  FiniteSumQuadratic<S> p_;
};

}  // namespace ov::stochastic
