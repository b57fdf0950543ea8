// Shared pieces of the 003 §5 experiments (docs/experiments.md): order statistics,
// least-squares fits with Pearson's r, trend detectors, a deterministic parallel loop,
// and the JSON helpers of the results.
//
// Everything is in double: these summarise measured costs; none of them is a
// verified quantity.
#pragma once

#include <cstdint>
#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "optim/core/objective.hpp"

namespace ov::nets::experiments {

// min, Q1, median, Q3, max of a sample, with the quantile of type 7 (linear
// interpolation between order statistics, numpy's default and so the guide's
// summary of results/experiment_1.csv): q(p) = x_(h) + (h - floor h)(x_(h+1) - x_(h)),
// h = (n - 1) p on the sorted sample, 0-based. Non-finite values sort last
// (+inf for NaN). Throws std::invalid_argument for an empty sample.
struct Quartiles {
  double min = 0, q1 = 0, median = 0, q3 = 0, max = 0;
};
double quantile(std::vector<double> sample, double p);
Quartiles quartiles(const std::vector<double>& sample);

// Ordinary least squares of y on x (our own, two passes: means, then centred sums):
// slope = Sxy / Sxx, intercept = ybar - slope xbar, r = Sxy / sqrt(Sxx Syy) (Pearson).
// Throws std::invalid_argument (naming the sizes) unless x and y have the same
// length >= 2 and x is not constant; r = 0 when y is constant.
struct LinearFit {
  double slope = 0, intercept = 0, r = 0;
  std::size_t points = 0;
};
LinearFit fit_line(const std::vector<double>& x, const std::vector<double>& y);
// The fit of log y on log x (natural logs; the slope is the exponent of a power law
// y ~ c x^slope). Throws std::invalid_argument naming the first entry <= 0.
LinearFit fit_log_log(const std::vector<double>& x, const std::vector<double>& y);

// True when v "decreases": v.back() < v.front() - tie, and no step goes up by more
// than `tie` (v[i+1] <= v[i] + tie for all i). The absolute tie absorbs the noise of
// values that are already near zero. Throws std::invalid_argument for fewer than 2
// values or tie < 0.
bool decreasing_trend(const std::vector<double>& v, double tie);
// The index of the first step that goes up by more than tie, or -1.
int first_increase(const std::vector<double>& v, double tie);

// Runs task(i) for i = 0..count-1 on `jobs` threads (jobs >= 1; 1 runs inline).
// Each task writes only its own result slot, so the results do not depend on jobs.
// The first exception thrown by a task is rethrown after all threads have stopped.
void parallel_for(std::size_t count, int jobs, const std::function<void(std::size_t)>& task);

// Checks 1 <= jobs <= 1024 (std::invalid_argument naming "jobs" otherwise).
void check_jobs(int jobs);

// A wrapper that makes every gradient evaluation also record f at the same point
// (value_and_gradient: one backpropagation instead of a forward pass more), so a
// full-batch optimizer step yields f(theta_k) for free: last_value().
class ValueRecording : public optim::Objective<double> {
 public:
  explicit ValueRecording(const optim::Objective<double>& f) : f_(&f) {}
  int dim() const override { return f_->dim(); }
  double value(const optim::Vector<double>& x) const override { return f_->value(x); }
  optim::Vector<double> gradient(const optim::Vector<double>& x) const override {
    optim::Vector<double> g;
    last_ = f_->value_and_gradient(x, g);
    return g;
  }
  double value_and_gradient(const optim::Vector<double>& x, optim::Vector<double>& g) const override {
    return last_ = f_->value_and_gradient(x, g);
  }
  void gradient_into(const optim::Vector<double>& x, optim::Vector<double>& g) const override {
    last_ = f_->value_and_gradient(x, g);
  }
  double last_value() const { return last_; }

 private:
  const optim::Objective<double>* f_;
  mutable double last_ = 0;
};

// A JSON number for a double; non-finite values become null (JSON has no NaN).
nlohmann::json number_or_null(double x);
// A vector of doubles as a JSON array (non-finite -> null).
nlohmann::json to_json_array(const std::vector<double>& v);

// The identification of a result: experiment name, seed, precision "double",
// quick/full, jobs (not part of the numbers), and the program's provenance (git commit).
nlohmann::json result_header(const std::string& experiment, std::uint64_t seed, bool full, int jobs);

// A report claim (docs/report-schema.md, ClaimResult) citing 003: verdict "holds" when
// `holds`, else "inconclusive" (experiments.hpp's verdict policy); precision "double".
struct ClaimText {
  std::string id, title, section, lines, hypotheses, statement, check;
};
nlohmann::json make_claim(const ClaimText& text, bool holds, std::uint64_t seed, const nlohmann::json& parameters,
                          double time_s, const std::string& summary, const nlohmann::json& figures,
                          const nlohmann::json& series);
// A "convergence"-kind series (the schema's kind for x/y curves); points with a
// non-finite y are dropped (with their x); role "measured", "bound" or "fit".
nlohmann::json make_series(const std::string& name, const std::string& plot, const std::string& role,
                           const std::vector<double>& x, const std::vector<double>& y, const std::string& x_label,
                           const std::string& y_label, bool log_x, bool log_y);

// The citation of the experiments' source document.
inline constexpr const char* kSource003 = "003_61d556b637c4f269.txt";

}  // namespace ov::nets::experiments
