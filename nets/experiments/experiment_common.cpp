#include "nets/experiments/experiment_common.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <exception>
#include <limits>
#include <mutex>
#include <stdexcept>
#include <thread>

#include "analysis/report/provenance.hpp"

namespace ov::nets::experiments {

double quantile(std::vector<double> s, double p) {
  if (s.empty()) throw std::invalid_argument("quantile: empty sample (valid: at least one value)");
  if (!(p >= 0 && p <= 1)) throw std::invalid_argument("quantile: p = " + std::to_string(p) + " outside [0, 1]");
  for (auto& x : s)
    if (std::isnan(x)) x = std::numeric_limits<double>::infinity();
  std::sort(s.begin(), s.end());
  const double h = static_cast<double>(s.size() - 1) * p;
  const auto lo = static_cast<std::size_t>(std::floor(h));
  const std::size_t hi = std::min(lo + 1, s.size() - 1);
  const double frac = h - static_cast<double>(lo);
  if (frac == 0 || s[lo] == s[hi]) return s[lo];
  return s[lo] + frac * (s[hi] - s[lo]);
}

Quartiles quartiles(const std::vector<double>& s) {
  return {quantile(s, 0), quantile(s, 0.25), quantile(s, 0.5), quantile(s, 0.75), quantile(s, 1)};
}

LinearFit fit_line(const std::vector<double>& x, const std::vector<double>& y) {
  if (x.size() != y.size() || x.size() < 2) {
    throw std::invalid_argument("fit_line: x has " + std::to_string(x.size()) + " entries and y " +
                                std::to_string(y.size()) + " (valid: equal sizes, at least 2)");
  }
  const double n = static_cast<double>(x.size());
  double xbar = 0, ybar = 0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    xbar += x[i];
    ybar += y[i];
  }
  xbar /= n;
  ybar /= n;
  double sxx = 0, sxy = 0, syy = 0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    const double dx = x[i] - xbar, dy = y[i] - ybar;
    sxx += dx * dx;
    sxy += dx * dy;
    syy += dy * dy;
  }
  if (!(sxx > 0)) throw std::invalid_argument("fit_line: all x are equal (the slope is undefined)");
  LinearFit f;
  f.points = x.size();
  f.slope = sxy / sxx;
  f.intercept = ybar - f.slope * xbar;
  f.r = syy > 0 ? sxy / std::sqrt(sxx * syy) : 0.0;
  return f;
}

LinearFit fit_log_log(const std::vector<double>& x, const std::vector<double>& y) {
  std::vector<double> lx(x.size()), ly(y.size());
  for (std::size_t i = 0; i < x.size(); ++i) {
    if (!(x[i] > 0)) throw std::invalid_argument("fit_log_log: x[" + std::to_string(i) + "] = " + std::to_string(x[i]) + " (valid: > 0)");
    lx[i] = std::log(x[i]);
  }
  for (std::size_t i = 0; i < y.size(); ++i) {
    if (!(y[i] > 0)) throw std::invalid_argument("fit_log_log: y[" + std::to_string(i) + "] = " + std::to_string(y[i]) + " (valid: > 0)");
    ly[i] = std::log(y[i]);
  }
  return fit_line(lx, ly);
}

int first_increase(const std::vector<double>& v, double tie) {
  if (v.size() < 2) throw std::invalid_argument("decreasing_trend: " + std::to_string(v.size()) + " values (valid: at least 2)");
  if (!(tie >= 0)) throw std::invalid_argument("decreasing_trend: tie = " + std::to_string(tie) + " (valid: >= 0)");
  for (std::size_t i = 0; i + 1 < v.size(); ++i)
    if (!(v[i + 1] <= v[i] + tie)) return static_cast<int>(i);
  return -1;
}

bool decreasing_trend(const std::vector<double>& v, double tie) {
  return first_increase(v, tie) < 0 && v.back() < v.front() - tie;
}

void check_jobs(int jobs) {
  if (jobs < 1 || jobs > 1024) throw std::invalid_argument("jobs = " + std::to_string(jobs) + " is outside its valid range [1, 1024]");
}

void parallel_for(std::size_t count, int jobs, const std::function<void(std::size_t)>& task) {
  check_jobs(jobs);
  if (jobs == 1 || count <= 1) {
    for (std::size_t i = 0; i < count; ++i) task(i);
    return;
  }
  std::atomic<std::size_t> next{0};
  std::atomic<bool> failed{false};
  std::exception_ptr first;
  std::mutex m;
  auto worker = [&] {
    for (;;) {
      const std::size_t i = next.fetch_add(1);
      if (i >= count || failed.load()) return;
      try {
        task(i);
      } catch (...) {
        std::lock_guard<std::mutex> lock(m);
        if (!first) first = std::current_exception();
        failed = true;
      }
    }
  };
  std::vector<std::thread> pool;
  const auto n = std::min<std::size_t>(static_cast<std::size_t>(jobs), count);
  for (std::size_t t = 0; t < n; ++t) pool.emplace_back(worker);
  for (auto& t : pool) t.join();
  if (first) std::rethrow_exception(first);
}

nlohmann::json number_or_null(double x) { return std::isfinite(x) ? nlohmann::json(x) : nlohmann::json(nullptr); }

nlohmann::json to_json_array(const std::vector<double>& v) {
  nlohmann::json a = nlohmann::json::array();
  for (double x : v) a.push_back(number_or_null(x));
  return a;
}

nlohmann::json make_claim(const ClaimText& t, bool holds, std::uint64_t seed, const nlohmann::json& parameters,
                          double time_s, const std::string& summary, const nlohmann::json& figures,
                          const nlohmann::json& series) {
  return {{"id", t.id},
          {"title", t.title},
          {"source", {{"file", kSource003}, {"section", t.section}, {"lines", t.lines}}},
          {"hypotheses", t.hypotheses},
          {"statement", t.statement},
          {"check", t.check},
          {"verdict", holds ? "holds" : "inconclusive"},
          {"precision", "double"},
          {"seed", seed},
          {"parameters", parameters},
          {"time_s", std::max(0.0, time_s)},
          {"evidence", {{"summary", summary}, {"figures", figures}, {"series", series}, {"counterexample", nullptr}}}};
}

nlohmann::json make_series(const std::string& name, const std::string& plot, const std::string& role,
                           const std::vector<double>& x, const std::vector<double>& y, const std::string& x_label,
                           const std::string& y_label, bool log_x, bool log_y) {
  nlohmann::json xs = nlohmann::json::array(), ys = nlohmann::json::array();
  for (std::size_t i = 0; i < x.size() && i < y.size(); ++i) {
    if (!std::isfinite(x[i]) || !std::isfinite(y[i])) continue;
    xs.push_back(x[i]);
    ys.push_back(y[i]);
  }
  return {{"name", name}, {"plot", plot},       {"kind", "convergence"}, {"role", role},   {"x", xs},
          {"y", ys},      {"x_label", x_label}, {"y_label", y_label},    {"log_x", log_x}, {"log_y", log_y}};
}

nlohmann::json result_header(const std::string& experiment, std::uint64_t seed, bool full, int jobs) {
  return {{"experiment", experiment},
          {"seed", seed},
          {"precision", "double"},
          {"mode", full ? "full" : "quick"},
          {"jobs", jobs},
          {"source", {{"file", kSource003}}},
          {"provenance", report::run_provenance_json()}};
}

}  // namespace ov::nets::experiments
