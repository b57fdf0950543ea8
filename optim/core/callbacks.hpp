// Callbacks in the ensmallen style: begin, step_taken (true stops), epoch_end
// (true stops), end; and the built-ins of the design (progress bar, periodic
// table report, early stop, stop on divergence).
#pragma once

#include <cstdint>
#include <iomanip>
#include <optional>
#include <ostream>
#include <sstream>
#include <string>

#include "optim/core/scalar_ops.hpp"
#include "optim/core/trace.hpp"
#include "optim/core/vector.hpp"

namespace ov::optim {

template <class S>
class Callback {
 public:
  virtual ~Callback() = default;
  virtual void begin(const Vector<S>& /*x0*/, std::int64_t /*max_iterations*/) {}
  // After every iteration (including refused ones). Return true to stop.
  virtual bool step_taken(const TraceRow<S>& /*row*/, const Vector<S>& /*x*/) { return false; }
  // After the step that completed an epoch (stochastic runs). Return true to stop.
  virtual bool epoch_end(std::size_t /*epoch*/, const TraceRow<S>& /*row*/) { return false; }
  virtual void end(const Vector<S>& /*x*/, const std::string& /*stop_reason*/) {}
  // Why this callback asked to stop (empty if it did not).
  virtual std::string stop_message() const { return {}; }
};

// A one-line progress bar, redrawn at most every 1 % of the run.
template <class S>
class ProgressBar : public Callback<S> {
 public:
  explicit ProgressBar(std::ostream& os, int width = 40) : os_(os), width_(width) {}
  void begin(const Vector<S>&, std::int64_t max_iterations) override { total_ = max_iterations > 0 ? max_iterations : 1; }
  bool step_taken(const TraceRow<S>& row, const Vector<S>&) override {
    const int percent = static_cast<int>(100 * (row.iteration + 1) / total_);
    if (percent != last_) {
      last_ = percent;
      const int filled = width_ * percent / 100;
      os_ << '\r' << '[' << std::string(filled, '#') << std::string(width_ - filled, ' ') << "] " << std::setw(3)
          << percent << '%';
      if (row.value) os_ << "  f = " << ops::to_double(*row.value);
      os_ << std::flush;
    }
    return false;
  }
  void end(const Vector<S>&, const std::string&) override { os_ << '\n'; }

 private:
  std::ostream& os_;
  int width_;
  std::int64_t total_ = 1;
  int last_ = -1;
};

// A table row every `every` iterations: k, f, ||g||, step, trials, evaluations.
template <class S>
class PeriodicReport : public Callback<S> {
 public:
  PeriodicReport(std::ostream& os, std::int64_t every) : os_(os), every_(every > 0 ? every : 1) {}
  void begin(const Vector<S>&, std::int64_t) override {
    os_ << std::setw(8) << "iter" << std::setw(15) << "f" << std::setw(13) << "|g|" << std::setw(13) << "step"
        << std::setw(7) << "trials" << std::setw(9) << "f-evals" << std::setw(9) << "g-evals" << "  status\n";
  }
  bool step_taken(const TraceRow<S>& r, const Vector<S>&) override {
    if (r.iteration % every_ != 0 && !is_refusal(r.status)) return false;
    auto num = [](const std::optional<S>& v, int w, int p) {
      std::ostringstream s;
      if (v) s << std::setprecision(p) << ops::to_double(*v); else s << "-";
      std::string t = s.str();
      return std::string(t.size() < static_cast<std::size_t>(w) ? w - t.size() : 1, ' ') + t;
    };
    os_ << std::setw(8) << r.iteration << num(r.value, 15, 8) << num(r.grad_norm, 13, 4) << num(r.step_size, 13, 4)
        << std::setw(7) << r.trials << std::setw(9) << r.evaluations.values << std::setw(9) << r.evaluations.gradients
        << "  " << to_string(r.status) << '\n';
    return false;
  }

 private:
  std::ostream& os_;
  std::int64_t every_;
};

// Stops when the monitored value has not improved by more than min_delta for
// `patience` consecutive monitored iterations.
template <class S>
class EarlyStop : public Callback<S> {
 public:
  EarlyStop(std::int64_t patience, S min_delta) : patience_(patience), min_delta_(min_delta) {}
  bool step_taken(const TraceRow<S>& r, const Vector<S>&) override {
    if (!r.value) return false;
    if (!best_ || *r.value < *best_ - min_delta_) {
      best_ = *r.value;
      stale_ = 0;
      return false;
    }
    if (++stale_ >= patience_) {
      message_ = "early stop: no improvement by more than " + ops::to_string(min_delta_) + " in " +
                 std::to_string(patience_) + " iterations";
      return true;
    }
    return false;
  }
  std::string stop_message() const override { return message_; }

 private:
  std::int64_t patience_;
  S min_delta_;
  std::optional<S> best_;
  std::int64_t stale_ = 0;
  std::string message_;
};

// Stops when the monitored value is not finite or exceeds `threshold`, or when x
// is not finite.
template <class S>
class StopOnDivergence : public Callback<S> {
 public:
  explicit StopOnDivergence(S threshold) : threshold_(threshold) {}
  bool step_taken(const TraceRow<S>& r, const Vector<S>& x) override {
    bool x_finite = true;
    for (Eigen::Index i = 0; i < x.size(); ++i) x_finite = x_finite && ops::is_finite(x[i]);
    if (!x_finite) message_ = "diverged: the iterate is not finite";
    else if (r.value && !ops::is_finite(*r.value)) message_ = "diverged: f is not finite";
    else if (r.value && *r.value > threshold_) message_ = "diverged: f = " + ops::to_string(*r.value) + " > " + ops::to_string(threshold_);
    return !message_.empty();
  }
  std::string stop_message() const override { return message_; }

 private:
  S threshold_;
  std::string message_;
};

}  // namespace ov::optim
