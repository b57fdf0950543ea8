// The MBT protocols' qualitative checks (mbt_checks.hpp).
#include "gpu/bench/mbt_checks.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <set>
#include <sstream>

namespace ov::gpu::bench {

namespace mbt_checks_detail {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

std::string num(double v) {
  std::ostringstream s;
  s.precision(4);
  s << v;
  return s.str();
}

// JSON null for a non-finite figure (the report schema refuses NaN).
nlohmann::json figure(double v) { return std::isfinite(v) ? nlohmann::json(v) : nlohmann::json(); }

std::vector<double> ranks(const std::vector<double>& v) {
  std::vector<std::size_t> order(v.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return v[a] < v[b]; });
  std::vector<double> r(v.size());
  for (std::size_t i = 0; i < order.size();) {
    std::size_t j = i;
    while (j + 1 < order.size() && v[order[j + 1]] == v[order[i]]) ++j;
    const double average = (static_cast<double>(i) + static_cast<double>(j)) / 2 + 1;
    for (std::size_t t = i; t <= j; ++t) r[order[t]] = average;
    i = j + 1;
  }
  return r;
}

bool positive_finite(double v) { return std::isfinite(v) && v > 0; }

}  // namespace mbt_checks_detail

QualitativeCheck with_outcome(QualitativeCheck base, const MbtCheckOutcome& outcome) {
  base.verdict = outcome.verdict;
  base.check = outcome.check;
  base.summary = outcome.summary;
  for (auto it = outcome.figures.begin(); it != outcome.figures.end(); ++it) base.figures[it.key()] = it.value();
  return base;
}

std::vector<double> row_max_over_min(const std::vector<std::vector<double>>& table) {
  std::vector<double> out;
  for (const auto& row : table) {
    if (row.empty() || !std::all_of(row.begin(), row.end(), mbt_checks_detail::positive_finite)) {
      out.push_back(mbt_checks_detail::kNaN);
      continue;
    }
    const auto [lo, hi] = std::minmax_element(row.begin(), row.end());
    out.push_back(*hi / *lo);
  }
  return out;
}

double spearman_correlation(const std::vector<double>& x, const std::vector<double>& y) {
  if (x.size() != y.size() || x.size() < 2) return mbt_checks_detail::kNaN;
  for (std::size_t i = 0; i < x.size(); ++i)
    if (!std::isfinite(x[i]) || !std::isfinite(y[i])) return mbt_checks_detail::kNaN;
  const auto rx = mbt_checks_detail::ranks(x), ry = mbt_checks_detail::ranks(y);
  // Pearson correlation of the ranks (exact with ties, unlike 1 - 6 sum d^2 / (n (n^2 - 1))).
  const double n = static_cast<double>(x.size());
  const double mx = std::accumulate(rx.begin(), rx.end(), 0.0) / n, my = std::accumulate(ry.begin(), ry.end(), 0.0) / n;
  double sxy = 0, sxx = 0, syy = 0;
  for (std::size_t i = 0; i < rx.size(); ++i) {
    sxy += (rx[i] - mx) * (ry[i] - my);
    sxx += (rx[i] - mx) * (rx[i] - mx);
    syy += (ry[i] - my) * (ry[i] - my);
  }
  if (sxx == 0 || syy == 0) return mbt_checks_detail::kNaN;
  return sxy / std::sqrt(sxx * syy);
}

MbtCheckOutcome check_finder_start_independence(const std::vector<std::vector<double>>& rates,
                                                const std::vector<std::int64_t>& batch_sizes, double max_ratio) {
  using namespace mbt_checks_detail;
  MbtCheckOutcome o;
  o.check = "every row (batch size) of the table: max/min of the found rates over the starting rates <= " +
            num(max_ratio);
  o.figures["threshold_max_over_min"] = max_ratio;
  if (rates.empty() || rates.size() != batch_sizes.size()) {
    o.verdict = "inconclusive";
    o.summary = "no table (or rows and batch sizes differ in number)";
    return o;
  }
  const auto ratios = row_max_over_min(rates);
  double worst = 0;
  std::int64_t worst_batch = 0;
  bool complete = true;
  std::string per_row;
  for (std::size_t i = 0; i < ratios.size(); ++i) {
    o.figures["max_over_min_batch_" + std::to_string(batch_sizes[i])] = figure(ratios[i]);
    per_row += (per_row.empty() ? "" : ", ") + std::to_string(batch_sizes[i]) + ": " + num(ratios[i]);
    if (!std::isfinite(ratios[i]) || rates[i].size() < 2) {
      complete = false;
      continue;
    }
    if (ratios[i] > worst) {
      worst = ratios[i];
      worst_batch = batch_sizes[i];
    }
  }
  o.figures["worst_max_over_min"] = figure(worst);
  if (!complete) {
    o.verdict = "inconclusive";
    o.summary = "a row has a rate that is not finite and positive, or fewer than 2 starting rates (max/min per "
                "batch size: " + per_row + ")";
    return o;
  }
  o.verdict = worst <= max_ratio ? "holds" : "refuted";
  o.summary = "largest max/min " + num(worst) + " (batch " + std::to_string(worst_batch) + ")" +
              (worst <= max_ratio ? " <= " : " > ") + num(max_ratio) + "; per batch size: " + per_row;
  return o;
}

MbtCheckOutcome check_finder_grows_with_batch_size(const std::vector<std::int64_t>& batch_sizes,
                                                   const std::vector<double>& row_values, double min_spearman) {
  using namespace mbt_checks_detail;
  MbtCheckOutcome o;
  o.check = "Spearman's rank correlation of (batch size, the row's median found rate) >= " + num(min_spearman);
  o.figures["threshold_spearman"] = min_spearman;
  std::vector<double> x(batch_sizes.begin(), batch_sizes.end());
  const std::set<double> distinct(x.begin(), x.end());
  const bool finite = std::all_of(row_values.begin(), row_values.end(), [](double v) { return std::isfinite(v); });
  if (x.size() != row_values.size() || distinct.size() < 3 || !finite) {
    o.verdict = "inconclusive";
    o.summary = "needs >= 3 distinct batch sizes with a finite value each";
    return o;
  }
  const double rho = spearman_correlation(x, row_values);
  int increases = 0;
  for (std::size_t i = 1; i < row_values.size(); ++i) increases += row_values[i] > row_values[i - 1] ? 1 : 0;
  o.figures["spearman"] = figure(rho);
  o.figures["increasing_steps"] = increases;
  o.figures["steps"] = static_cast<int>(row_values.size() - 1);
  if (!std::isfinite(rho)) {
    o.verdict = "refuted";  // finite values with no spread: the rate does not grow
    o.summary = "the row values are all equal: no growth with the batch size";
    return o;
  }
  o.verdict = rho >= min_spearman ? "holds" : "refuted";
  o.summary = "Spearman rho = " + num(rho) + (rho >= min_spearman ? " >= " : " < ") + num(min_spearman) + "; " +
              std::to_string(increases) + " of " + std::to_string(row_values.size() - 1) +
              " consecutive batch sizes increase the rate";
  return o;
}

MbtCheckOutcome check_beats_badly_tuned(double mbt_accuracy, double worst_accuracy, double chance_accuracy,
                                        double min_gap) {
  using namespace mbt_checks_detail;
  MbtCheckOutcome o;
  o.check = "MBT's best validation accuracy >= the worst learning rate's best validation accuracy + " + num(min_gap) +
            " (a diverged run without validation counts as chance level)";
  const double worst = std::isfinite(worst_accuracy) ? worst_accuracy : chance_accuracy;
  o.figures = {{"mbt_accuracy", figure(mbt_accuracy)}, {"worst_baseline_accuracy", figure(worst)},
               {"min_gap", min_gap}};
  if (!std::isfinite(mbt_accuracy) || !std::isfinite(worst)) {
    o.verdict = "inconclusive";
    o.summary = "MBT (or the baseline) has no finite validation accuracy";
    return o;
  }
  o.figures["gap"] = mbt_accuracy - worst;
  o.verdict = mbt_accuracy >= worst + min_gap ? "holds" : "refuted";
  o.summary = "MBT " + num(mbt_accuracy) + " vs badly tuned " + num(worst) + ": gap " + num(mbt_accuracy - worst) +
              (o.verdict == "holds" ? " >= " : " < ") + num(min_gap);
  return o;
}

MbtCheckOutcome check_near_best_tuned(double mbt_accuracy, double best_accuracy, double margin) {
  using namespace mbt_checks_detail;
  MbtCheckOutcome o;
  o.check = "MBT's best validation accuracy >= the best-tuned baseline's best validation accuracy - " + num(margin);
  o.figures = {{"mbt_accuracy", figure(mbt_accuracy)}, {"best_baseline_accuracy", figure(best_accuracy)},
               {"margin", margin}};
  if (!std::isfinite(mbt_accuracy) || !std::isfinite(best_accuracy)) {
    o.verdict = "inconclusive";
    o.summary = "MBT or the best baseline has no finite validation accuracy";
    return o;
  }
  o.figures["difference"] = mbt_accuracy - best_accuracy;
  o.verdict = mbt_accuracy >= best_accuracy - margin ? "holds" : "refuted";
  o.summary = "MBT " + num(mbt_accuracy) + " vs best tuned " + num(best_accuracy) + ": difference " +
              num(mbt_accuracy - best_accuracy) + (o.verdict == "holds" ? " >= -" : " < -") + num(margin);
  return o;
}

MbtCheckOutcome check_mbt_accuracy_floor(const std::vector<std::string>& runs, const std::vector<double>& accuracies,
                                         double floor) {
  using namespace mbt_checks_detail;
  MbtCheckOutcome o;
  o.check = "every MBT run's best validation accuracy >= " + num(floor) + " (a diverged run, without accuracy, fails)";
  o.figures = {{"floor", floor}, {"runs", static_cast<int>(runs.size())}};
  if (runs.empty() || runs.size() != accuracies.size()) {
    o.verdict = "inconclusive";
    o.summary = "no MBT runs";
    return o;
  }
  double lowest = std::numeric_limits<double>::infinity();
  std::string lowest_run, failures;
  for (std::size_t i = 0; i < runs.size(); ++i) {
    const bool ok = std::isfinite(accuracies[i]) && accuracies[i] >= floor;
    if (!ok) failures += (failures.empty() ? "" : ", ") + runs[i] + " (" + num(accuracies[i]) + ")";
    const double a = std::isfinite(accuracies[i]) ? accuracies[i] : -std::numeric_limits<double>::infinity();
    if (a < lowest) {
      lowest = a;
      lowest_run = runs[i];
    }
  }
  o.figures["lowest_accuracy"] = figure(lowest);
  o.figures["lowest_run"] = lowest_run;
  o.verdict = failures.empty() ? "holds" : "refuted";
  o.summary = failures.empty() ? "lowest " + num(lowest) + " (" + lowest_run + ") >= " + num(floor)
                               : "below " + num(floor) + ": " + failures;
  return o;
}

MbtCheckOutcome check_finder_overhead(double finder_seconds, double step_seconds, double steps_per_epoch,
                                      double min_fraction) {
  using namespace mbt_checks_detail;
  MbtCheckOutcome o;
  o.check = "speed fraction E / (E + F) >= " + num(min_fraction) +
            ", E = steps per epoch x measured step time, F = measured time of one finder run (20 batches)";
  o.figures = {{"finder_seconds", figure(finder_seconds)}, {"step_seconds", figure(step_seconds)},
               {"steps_per_epoch", figure(steps_per_epoch)}, {"min_fraction", min_fraction}};
  if (!positive_finite(finder_seconds) || !positive_finite(step_seconds) || !std::isfinite(steps_per_epoch) ||
      steps_per_epoch < 1) {
    o.verdict = "inconclusive";
    o.summary = "times not measured (not finite and positive) or fewer than 1 step per epoch";
    return o;
  }
  const double epoch = steps_per_epoch * step_seconds, fraction = epoch / (epoch + finder_seconds);
  o.figures["speed_fraction"] = fraction;
  o.figures["finder_in_steps"] = finder_seconds / step_seconds;
  o.verdict = fraction >= min_fraction ? "holds" : "refuted";
  o.summary = "finder = " + num(finder_seconds / step_seconds) + " steps' time; at " + num(steps_per_epoch) +
              " steps per epoch the speed fraction is " + num(fraction) + (o.verdict == "holds" ? " >= " : " < ") +
              num(min_fraction);
  return o;
}

MbtCheckOutcome check_rates_do_not_collapse(const std::vector<double>& rates, double min_ratio) {
  using namespace mbt_checks_detail;
  MbtCheckOutcome o;
  o.check = "every rate finite and > 0, and the geometric mean of the last quarter of the trace >= " + num(min_ratio) +
            " x the largest rate";
  o.figures["min_ratio"] = min_ratio;
  o.figures["points"] = static_cast<int>(rates.size());
  if (rates.size() < 4) {
    o.verdict = "inconclusive";
    o.summary = "fewer than 4 rates";
    return o;
  }
  if (!std::all_of(rates.begin(), rates.end(), positive_finite)) {
    o.verdict = "refuted";
    o.summary = "a rate is not finite and positive";
    return o;
  }
  const double largest = *std::max_element(rates.begin(), rates.end());
  const std::size_t from = rates.size() - rates.size() / 4;
  double log_sum = 0;
  for (std::size_t i = from; i < rates.size(); ++i) log_sum += std::log(rates[i]);
  const double tail = std::exp(log_sum / static_cast<double>(rates.size() - from));
  o.figures["largest_rate"] = largest;
  o.figures["last_quarter_geometric_mean"] = tail;
  o.figures["ratio"] = tail / largest;
  o.verdict = tail >= min_ratio * largest ? "holds" : "refuted";
  o.summary = "last-quarter geometric mean " + num(tail) + " = " + num(tail / largest) + " x the largest rate " +
              num(largest) + (o.verdict == "holds" ? " >= " : " < ") + num(min_ratio);
  return o;
}

MbtCheckOutcome check_rates_stabilise(const std::vector<double>& rates, int window, int max_distinct) {
  using namespace mbt_checks_detail;
  MbtCheckOutcome o;
  o.check = "the last " + std::to_string(window) + " rates take at most " + std::to_string(max_distinct) +
            " distinct value(s) (equal within a relative 1e-9)";
  o.figures = {{"window", window}, {"max_distinct", max_distinct}, {"points", static_cast<int>(rates.size())}};
  if (window < 1 || rates.size() < 2 * static_cast<std::size_t>(window)) {
    o.verdict = "inconclusive";
    o.summary = "the trace is shorter than twice the window";
    return o;
  }
  auto same = [](double a, double b) { return std::abs(a - b) <= 1e-9 * std::max(std::abs(a), std::abs(b)); };
  std::vector<double> distinct;
  for (std::size_t i = rates.size() - window; i < rates.size(); ++i) {
    if (!std::isfinite(rates[i])) {
      o.verdict = "refuted";
      o.summary = "a rate of the window is not finite";
      return o;
    }
    if (std::none_of(distinct.begin(), distinct.end(), [&](double d) { return same(d, rates[i]); }))
      distinct.push_back(rates[i]);
  }
  std::size_t constant_from = rates.size() - 1;  // 0-based first index of the final constant run
  while (constant_from > 0 && same(rates[constant_from - 1], rates.back())) --constant_from;
  o.figures["distinct_in_window"] = static_cast<int>(distinct.size());
  o.figures["constant_from_iteration"] = static_cast<int>(constant_from + 1);  // 1-based
  o.figures["final_rate"] = figure(rates.back());
  o.verdict = static_cast<int>(distinct.size()) <= max_distinct ? "holds" : "refuted";
  o.summary = std::to_string(distinct.size()) + " distinct rate(s) in the last " + std::to_string(window) +
              " iterations (allowed " + std::to_string(max_distinct) + "); constant from iteration " +
              std::to_string(constant_from + 1) + " of " + std::to_string(rates.size()) + " at " + num(rates.back());
  return o;
}

MbtCheckOutcome check_warmup_then_decay(const std::vector<double>& epoch_rates, double min_change) {
  using namespace mbt_checks_detail;
  MbtCheckOutcome o;
  o.check = "the largest per-epoch rate is at an interior epoch, and the first and last epochs' rates are <= (1 - " +
            num(min_change) + ") x it";
  o.figures = {{"min_change", min_change}, {"epochs", static_cast<int>(epoch_rates.size())}};
  if (epoch_rates.size() < 3 || !std::all_of(epoch_rates.begin(), epoch_rates.end(), positive_finite)) {
    o.verdict = "inconclusive";
    o.summary = "fewer than 3 epochs, or a rate that is not finite and positive";
    return o;
  }
  const auto peak_it = std::max_element(epoch_rates.begin(), epoch_rates.end());
  const auto peak_epoch = static_cast<int>(peak_it - epoch_rates.begin()) + 1;
  const double peak = *peak_it, first = epoch_rates.front(), last = epoch_rates.back();
  o.figures["peak_epoch"] = peak_epoch;
  o.figures["peak_rate"] = peak;
  o.figures["first_over_peak"] = first / peak;
  o.figures["last_over_peak"] = last / peak;
  const bool interior = peak_epoch > 1 && peak_epoch < static_cast<int>(epoch_rates.size());
  const bool holds = interior && first <= (1 - min_change) * peak && last <= (1 - min_change) * peak;
  o.verdict = holds ? "holds" : "refuted";
  o.summary = "peak " + num(peak) + " at epoch " + std::to_string(peak_epoch) + " of " +
              std::to_string(epoch_rates.size()) + "; first/peak " + num(first / peak) + ", last/peak " +
              num(last / peak) + " (need <= " + num(1 - min_change) + ")";
  return o;
}

}  // namespace ov::gpu::bench
