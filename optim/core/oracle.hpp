// Oracle<S>: what an update rule sees of the objective. It counts every
// evaluation and, for a finite sum, evaluates on the CURRENT mini-batch, which the
// driver advances with next_batch() before each step; a rule that evaluates twice
// on one batch (Step-Tuned SGD, SAM) just calls it twice. Deterministic objectives
// behave as a finite sum with one batch holding everything.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <vector>

#include "optim/core/batch_sampler.hpp"
#include "optim/core/objective.hpp"

namespace ov::optim {

struct Evaluations {
  std::int64_t values = 0;            // f on the current batch (or f itself)
  std::int64_t gradients = 0;         // gradient on the current batch (or of f)
  std::int64_t sample_gradients = 0;  // per-sample gradients implied (batch size per stochastic gradient)
  std::int64_t full_values = 0;       // f on the whole objective requested by a rule (not the monitor)
  std::int64_t full_gradients = 0;
  std::int64_t hessian_vectors = 0;   // Hessian-vector products (batch, per-sample or full)
};

template <class S>
class Oracle {
 public:
  explicit Oracle(const Objective<S>& f) : f_(&f) {}
  Oracle(const FiniteSumObjective<S>& f, BatchSampler& sampler) : f_(&f), sum_(&f), sampler_(&sampler) {
    if (sampler.num_samples() != f.num_samples()) {
      throw std::invalid_argument("Oracle: the sampler draws from " + std::to_string(sampler.num_samples()) +
                                  " samples but the objective has " + std::to_string(f.num_samples()));
    }
  }

  int dim() const { return f_->dim(); }
  bool stochastic() const { return sampler_ != nullptr; }

  // On the current batch.
  S value(const Vector<S>& x) {
    ++e_.values;
    if (!stochastic()) return f_->value(x);
    require_batch();
    return sum_->batch_value(x, sampler_->current());
  }
  Vector<S> gradient(const Vector<S>& x) {
    ++e_.gradients;
    if (!stochastic()) return f_->gradient(x);
    require_batch();
    e_.sample_gradients += static_cast<std::int64_t>(sampler_->current().size());
    return sum_->batch_gradient(x, sampler_->current());
  }
  // As gradient(), written into g's storage (no allocation when g has the right size).
  void gradient_into(const Vector<S>& x, Vector<S>& g) {
    ++e_.gradients;
    if (!stochastic()) return f_->gradient_into(x, g);
    require_batch();
    e_.sample_gradients += static_cast<std::int64_t>(sampler_->current().size());
    g = sum_->batch_gradient(x, sampler_->current());
  }
  S value_and_gradient(const Vector<S>& x, Vector<S>& g) {
    ++e_.values;
    ++e_.gradients;
    if (!stochastic()) return f_->value_and_gradient(x, g);
    require_batch();
    e_.sample_gradients += static_cast<std::int64_t>(sampler_->current().size());
    return sum_->batch_value_and_gradient(x, sampler_->current(), g);
  }

  // On a batch of the rule's own choosing (learning-rate finder, ESAM's selection).
  S batch_value(const Vector<S>& x, const Batch& b) {
    ++e_.values;
    return sum_checked().batch_value(x, b);
  }
  Vector<S> batch_gradient(const Vector<S>& x, const Batch& b) {
    ++e_.gradients;
    e_.sample_gradients += static_cast<std::int64_t>(b.size());
    return sum_checked().batch_gradient(x, b);
  }
  // f_i(x) for each i of the current batch (one value evaluation per sample).
  std::vector<S> sample_values(const Vector<S>& x) {
    require_batch();
    std::vector<S> out;
    for (std::size_t i : sampler_->current()) {
      ++e_.values;
      out.push_back(sum_checked().batch_value(x, Batch{i}));
    }
    return out;
  }

  // Hessian-vector products: on a batch of the rule's choosing, or of the whole objective.
  bool provides_hessian_vector() const { return f_->provides_hessian_vector(); }
  Vector<S> batch_hessian_vector(const Vector<S>& x, const Batch& b, const Vector<S>& v) {
    require_hessian_vector();
    ++e_.hessian_vectors;
    return sum_checked().batch_hessian_vector(x, b, v);
  }
  Vector<S> full_hessian_vector(const Vector<S>& x, const Vector<S>& v) {
    require_hessian_vector();
    ++e_.hessian_vectors;
    return f_->hessian_vector(x, v);
  }

  // The whole objective, requested by a rule (counted apart).
  S full_value(const Vector<S>& x) {
    ++e_.full_values;
    return f_->value(x);
  }
  Vector<S> full_gradient(const Vector<S>& x) {
    ++e_.full_gradients;
    return f_->gradient(x);
  }

  void next_batch() {
    if (stochastic()) sampler_->next();
  }
  const Batch& batch() const {
    static const Batch empty;
    return stochastic() ? sampler_->current() : empty;
  }
  std::size_t epoch() const { return stochastic() ? sampler_->epoch() : 0; }
  bool epoch_ended() const { return stochastic() && sampler_->epoch_ended(); }
  BatchSampler* sampler() { return sampler_; }
  const FiniteSumObjective<S>* finite_sum() const { return sum_; }
  const Objective<S>& objective() const { return *f_; }
  const Evaluations& evaluations() const { return e_; }

 private:
  void require_batch() const {
    if (sampler_->current().empty()) {
      throw std::logic_error("Oracle: no mini-batch drawn yet (call next_batch() before the first stochastic step)");
    }
  }
  void require_hessian_vector() const {
    if (!f_->provides_hessian_vector()) {
      throw std::logic_error("Oracle: this rule needs Hessian-vector products, which the objective does not provide");
    }
  }
  const FiniteSumObjective<S>& sum_checked() const {
    if (!sum_) throw std::logic_error("Oracle: this rule needs a finite-sum objective");
    return *sum_;
  }
  const Objective<S>* f_;
  const FiniteSumObjective<S>* sum_ = nullptr;
  BatchSampler* sampler_ = nullptr;
  Evaluations e_;
};

}  // namespace ov::optim
