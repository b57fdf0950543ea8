// Error sequences from a run of the optimizer library (optim/core/trace.hpp).
//
// A trace row with iteration k describes the step from x_k to x_{k+1}: its monitor values
// belong to x_{k+1}, so they are recorded at index k + 1. The starting point x_0 is not in the
// trace; pass its value where a function takes one. Rows without the quantity (monitor off)
// are counted in ErrorSequence::missing.
//
//   value_gap(trace, f_star, f0)   err_k = f(x_k) - f*  (negative entries are kept: a fit
//                                  counts them as excluded, a bound check compares them)
//   gradient_norm(trace, g0)       err_k = ||grad f(x_k)|| (from grad_norm, or the square root of
//                                  squared_grad_norm when only that was recorded)
//   DistanceRecorder<S>            a callback for minimize() that records ||x_k - x*||_2
#pragma once

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>

#include "analysis/numeric/elementary.hpp"
#include "analysis/rates/error_sequence.hpp"
#include "optim/core/callbacks.hpp"
#include "optim/core/trace.hpp"
#include "optim/core/vector.hpp"

namespace ov::rates {

template <class S>
ErrorSequence<S> value_gap(const ov::optim::Trace<S>& trace, const S& f_star, const std::optional<S>& f0 = {}) {
  ErrorSequence<S> s;
  s.name = "f(x_k) - f*";
  if (f0) {
    s.k.push_back(0);
    s.err.push_back(*f0 - f_star);
  }
  for (const auto& row : trace) {
    if (!row.value) {
      ++s.missing;
      continue;
    }
    s.k.push_back(row.iteration + 1);
    s.err.push_back(*row.value - f_star);
  }
  return s;
}

template <class S>
ErrorSequence<S> gradient_norm(const ov::optim::Trace<S>& trace, const std::optional<S>& g0 = {}) {
  ErrorSequence<S> s;
  s.name = "||grad f(x_k)||";
  if (g0) {
    s.k.push_back(0);
    s.err.push_back(*g0);
  }
  for (const auto& row : trace) {
    if (row.grad_norm) {
      s.k.push_back(row.iteration + 1);
      s.err.push_back(*row.grad_norm);
    } else if (row.squared_grad_norm) {
      s.k.push_back(row.iteration + 1);
      s.err.push_back(ov::num::sqrt(*row.squared_grad_norm));
    } else {
      ++s.missing;
    }
  }
  return s;
}

// Records err_k = ||x_k - x*||_2 for k = 0 (begin) and after every step (k = iteration + 1).
template <class S>
class DistanceRecorder : public ov::optim::Callback<S> {
 public:
  explicit DistanceRecorder(ov::optim::Vector<S> x_star) : x_star_(std::move(x_star)) { seq_.name = "||x_k - x*||"; }
  void begin(const ov::optim::Vector<S>& x0, std::int64_t) override {
    seq_.k.clear();
    seq_.err.clear();
    record(0, x0);
  }
  bool step_taken(const ov::optim::TraceRow<S>& row, const ov::optim::Vector<S>& x) override {
    record(row.iteration + 1, x);
    return false;
  }
  const ErrorSequence<S>& sequence() const { return seq_; }

 private:
  void record(std::int64_t k, const ov::optim::Vector<S>& x) {
    if (x.size() != x_star_.size()) {
      throw std::invalid_argument("DistanceRecorder: x has " + std::to_string(x.size()) + " coordinates, x* has " +
                                  std::to_string(x_star_.size()));
    }
    S sq = 0;
    for (Eigen::Index i = 0; i < x.size(); ++i) {
      const S d = x[i] - x_star_[i];
      sq += d * d;
    }
    seq_.k.push_back(k);
    seq_.err.push_back(ov::num::sqrt(sq));
  }
  ov::optim::Vector<S> x_star_;
  ErrorSequence<S> seq_;
};

}  // namespace ov::rates
