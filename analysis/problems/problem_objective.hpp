// Adapters from a problem of the library (analysis/problems) to the optimizer
// library's objectives (optim/core/objective.hpp): ProblemObjective<S> for any
// problem, ProblemFiniteSum<S> for a finite-sum problem (mean convention on both
// sides, so batch values agree exactly).
#pragma once

#include <stdexcept>
#include <string>

#include "analysis/problems/problem.hpp"
#include "optim/core/objective.hpp"

namespace ov::problems {

template <class S>
class ProblemObjective : public optim::Objective<S> {
 public:
  explicit ProblemObjective(Problem p) : p_(std::move(p)), e_(&p_.in<S>()) {}
  int dim() const override { return p_.dim(); }
  S value(const optim::Vector<S>& x) const override { return e_->value(x); }
  optim::Vector<S> gradient(const optim::Vector<S>& x) const override { return e_->gradient(x); }
  S value_and_gradient(const optim::Vector<S>& x, optim::Vector<S>& g) const override {
    return e_->value_and_gradient(x, g);
  }
  bool provides_hessian_vector() const override { return true; }
  optim::Vector<S> hessian_vector(const optim::Vector<S>& x, const optim::Vector<S>& v) const override {
    return e_->hessian_vector_product(x, v);
  }
  const Problem& problem() const { return p_; }

 private:
  Problem p_;
  const Evaluator<S>* e_;
};

template <class S>
class ProblemFiniteSum : public optim::FiniteSumObjective<S> {
 public:
  explicit ProblemFiniteSum(Problem p) : p_(std::move(p)), e_(&p_.in<S>()) {
    if (e_->num_samples() == 0) {
      throw std::invalid_argument("problem '" + p_.info().name + "' is not a finite sum (it has no samples)");
    }
  }
  int dim() const override { return p_.dim(); }
  std::size_t num_samples() const override { return e_->num_samples(); }
  S batch_value(const optim::Vector<S>& x, const optim::Batch& b) const override { return e_->batch_value(b, x); }
  optim::Vector<S> batch_gradient(const optim::Vector<S>& x, const optim::Batch& b) const override {
    return e_->batch_gradient(b, x);
  }
  bool provides_hessian_vector() const override { return true; }
  // Mean of the per-sample products (repeated indices count, as for gradients).
  optim::Vector<S> batch_hessian_vector(const optim::Vector<S>& x, const optim::Batch& b,
                                        const optim::Vector<S>& v) const override {
    if (b.empty()) throw std::invalid_argument("empty mini-batch");
    optim::Vector<S> sum = optim::Vector<S>::Zero(x.size());
    for (std::size_t i : b) sum += e_->sample_hessian_vector_product(i, x, v);
    return sum / S(static_cast<long>(b.size()));
  }
  // The whole sum through the problem's own evaluation (not a batch of all samples).
  S value(const optim::Vector<S>& x) const override { return e_->value(x); }
  optim::Vector<S> gradient(const optim::Vector<S>& x) const override { return e_->gradient(x); }
  S value_and_gradient(const optim::Vector<S>& x, optim::Vector<S>& g) const override {
    return e_->value_and_gradient(x, g);
  }
  optim::Vector<S> hessian_vector(const optim::Vector<S>& x, const optim::Vector<S>& v) const override {
    return e_->hessian_vector_product(x, v);
  }
  const Problem& problem() const { return p_; }

 private:
  Problem p_;
  const Evaluator<S>* e_;
};

}  // namespace ov::problems
