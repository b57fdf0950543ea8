#include "nets/landscape/cost_index.hpp"

#include <algorithm>
#include <cmath>
#include <iomanip>
#include <numeric>
#include <sstream>
#include <stdexcept>

#include "analysis/numeric/string_io.hpp"
#include "optim/core/random.hpp"

namespace ov::nets::landscape {

namespace {

void check_pair(const char* who, const std::vector<double>& x, const std::vector<double>& y) {
  if (x.size() != y.size())
    throw std::invalid_argument(std::string(who) + ": x has " + std::to_string(x.size()) + " values, y has " +
                                std::to_string(y.size()) + "; they must have the same size");
  if (x.size() < 2)
    throw std::invalid_argument(std::string(who) + ": n = " + std::to_string(x.size()) + ", it needs n >= 2");
  for (std::size_t i = 0; i < x.size(); ++i) {
    if (!std::isfinite(x[i])) throw std::invalid_argument(std::string(who) + ": x[" + std::to_string(i) + "] is not finite");
    if (!std::isfinite(y[i])) throw std::invalid_argument(std::string(who) + ": y[" + std::to_string(i) + "] is not finite");
  }
}

double mean(const std::vector<double>& v) { return std::accumulate(v.begin(), v.end(), 0.0) / v.size(); }

// Pearson without the argument checks (resamples); nullopt on zero variance.
std::optional<double> pearson_raw(const std::vector<double>& x, const std::vector<double>& y) {
  const double mx = mean(x), my = mean(y);
  double sxy = 0, sxx = 0, syy = 0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) * (x[i] - mx);
    syy += (y[i] - my) * (y[i] - my);
  }
  if (!(sxx > 0) || !(syy > 0)) return std::nullopt;
  return std::clamp(sxy / std::sqrt(sxx * syy), -1.0, 1.0);
}

std::optional<double> statistic(Statistic s, const std::vector<double>& x, const std::vector<double>& y) {
  if (s == Statistic::pearson) return pearson_raw(x, y);
  return pearson_raw(average_ranks(x), average_ranks(y));
}

}  // namespace

std::vector<double> average_ranks(const std::vector<double>& x) {
  const std::size_t n = x.size();
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return x[a] < x[b]; });
  std::vector<double> r(n);
  std::size_t i = 0;
  while (i < n) {
    std::size_t j = i;
    while (j + 1 < n && x[order[j + 1]] == x[order[i]]) ++j;
    const double avg = 0.5 * static_cast<double>(i + j) + 1.0;  // ranks i+1 .. j+1
    for (std::size_t k = i; k <= j; ++k) r[order[k]] = avg;
    i = j + 1;
  }
  return r;
}

double pearson(const std::vector<double>& x, const std::vector<double>& y) {
  check_pair("pearson", x, y);
  const auto r = pearson_raw(x, y);
  if (!r) throw std::invalid_argument("pearson: x or y is constant (zero variance); r is undefined");
  return *r;
}

double spearman(const std::vector<double>& x, const std::vector<double>& y) {
  check_pair("spearman", x, y);
  const auto r = statistic(Statistic::spearman, x, y);
  if (!r) throw std::invalid_argument("spearman: x or y is constant (all ranks tied); rho is undefined");
  return *r;
}

double normal_quantile(double p) {
  if (!(p > 0 && p < 1)) throw std::invalid_argument("normal_quantile: p = " + std::to_string(p) + ", valid: (0, 1)");
  double lo = -40, hi = 40;
  for (int k = 0; k < 200; ++k) {
    const double mid = 0.5 * (lo + hi);
    if (0.5 * std::erfc(-mid / std::sqrt(2.0)) < p) lo = mid; else hi = mid;
  }
  return 0.5 * (lo + hi);
}

Interval fisher_interval(double r, int n, double confidence) {
  if (n < 4) throw std::invalid_argument("fisher_interval: n = " + std::to_string(n) + ", it needs n >= 4");
  if (!(std::abs(r) < 1)) throw std::invalid_argument("fisher_interval: r = " + std::to_string(r) + ", valid: |r| < 1");
  if (!(confidence > 0 && confidence < 1))
    throw std::invalid_argument("fisher_interval: confidence = " + std::to_string(confidence) + ", valid: (0, 1)");
  const double z = std::atanh(r);
  const double q = normal_quantile(0.5 + confidence / 2);
  const double se = 1.0 / std::sqrt(static_cast<double>(n - 3));
  return {std::tanh(z - q * se), std::tanh(z + q * se)};
}

LeastSquaresLine least_squares(const std::vector<double>& x, const std::vector<double>& y) {
  check_pair("least_squares", x, y);
  const double mx = mean(x), my = mean(y);
  double sxy = 0, sxx = 0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) * (x[i] - mx);
  }
  if (!(sxx > 0)) throw std::invalid_argument("least_squares: x is constant; the slope is undefined");
  LeastSquaresLine l;
  l.slope = sxy / sxx;
  l.intercept = my - l.slope * mx;
  return l;
}

Bootstrap bootstrap_interval(const std::vector<double>& x, const std::vector<double>& y, Statistic s,
                             std::uint64_t seed, int resamples, double confidence) {
  check_pair("bootstrap_interval", x, y);
  if (resamples < 10 || resamples > 1000000)
    throw std::invalid_argument("bootstrap_interval: resamples = " + std::to_string(resamples) +
                                ", valid: [10, 10^6]");
  if (!(confidence > 0 && confidence < 1))
    throw std::invalid_argument("bootstrap_interval: confidence = " + std::to_string(confidence) + ", valid: (0, 1)");
  const std::size_t n = x.size();
  optim::SplitMix64 rng(seed);
  std::vector<double> stats;
  stats.reserve(resamples);
  Bootstrap b;
  std::vector<double> xs(n), ys(n);
  for (int k = 0; k < resamples; ++k) {
    for (std::size_t i = 0; i < n; ++i) {
      const std::size_t j = rng.below(n);
      xs[i] = x[j];
      ys[i] = y[j];
    }
    const auto v = statistic(s, xs, ys);
    if (v) stats.push_back(*v); else ++b.skipped;
  }
  b.used = static_cast<int>(stats.size());
  if (stats.empty()) throw std::invalid_argument("bootstrap_interval: every resample had a constant variable");
  std::sort(stats.begin(), stats.end());
  const double a = (1 - confidence) / 2;
  const double m1 = static_cast<double>(stats.size() - 1);
  b.interval.lo = stats[static_cast<std::size_t>(std::floor(a * m1))];
  b.interval.hi = stats[static_cast<std::size_t>(std::ceil((1 - a) * m1))];
  return b;
}

CostIndexStudy cost_against_index(const LandscapeReport& report, const CostIndexOptions& o) {
  CostIndexStudy st;
  for (const FoundPoint& p : report.points) {
    if (p.classification.kind == PointClass::degenerate && !o.include_degenerate) continue;
    st.alpha.push_back(static_cast<double>(p.classification.index) / report.dim);
    st.cost.push_back(static_cast<double>(p.value));
  }
  st.n = static_cast<int>(st.alpha.size());
  if (st.n < 2) {
    st.note = "fewer than 2 critical points";
    return st;
  }
  const auto r = pearson_raw(st.alpha, st.cost);
  if (!r) {
    st.note = "the index fraction or the cost is the same at every point: no correlation is defined";
    return st;
  }
  st.defined = true;
  st.pearson_r = *r;
  st.spearman_rho = spearman(st.alpha, st.cost);
  st.line = least_squares(st.alpha, st.cost);
  if (st.n >= 4 && std::abs(st.pearson_r) < 1) st.pearson_fisher = fisher_interval(st.pearson_r, st.n, o.confidence);
  st.spearman_bootstrap = bootstrap_interval(st.alpha, st.cost, Statistic::spearman, o.seed, o.bootstrap_resamples,
                                             o.confidence);
  return st;
}

namespace {
std::string short_mp(const mp100& v, int digits) { return v.str(digits, std::ios_base::scientific); }
}  // namespace

nlohmann::json to_json(const LandscapeReport& rep, const CostIndexStudy* st) {
  using nlohmann::json;
  json j;
  j["function"] = rep.function;
  j["dim"] = rep.dim;
  j["options"] = {{"num_starts", rep.options.num_starts},
                  {"seed", rep.options.seed},
                  {"box_lo", rep.options.box_lo},
                  {"box_hi", rep.options.box_hi},
                  {"dedup_tolerance", rep.options.dedup_tolerance},
                  {"gradient_tolerance", ov::to_string(rep.options.search.gradient_tolerance)},
                  {"newton_max_iterations", rep.options.search.newton_max_iterations},
                  {"lm_max_iterations", rep.options.search.lm_max_iterations},
                  {"zero_tolerance_factor", rep.options.search.zero_tolerance_factor}};
  j["converged_starts"] = rep.converged_starts;
  j["failed_starts"] = rep.failed_starts;
  j["derivative_check"] = {{"max_gradient_error", rep.max_gradient_error},
                           {"max_hessian_error", rep.max_hessian_error}};
  json pts = json::array();
  for (const FoundPoint& p : rep.points) {
    const Classification& c = p.classification;
    json x = json::array();
    for (Eigen::Index i = 0; i < p.x.size(); ++i) x.push_back(ov::to_string(p.x[i]));
    json q = nullptr;
    if (c.exact_point) {
      q = json::array();
      for (Eigen::Index i = 0; i < c.exact_point->size(); ++i) q.push_back(ov::to_string((*c.exact_point)[i]));
    }
    pts.push_back({{"x", x},
                   {"exact_x", q},
                   {"value", ov::to_string(p.value)},
                   {"gradient_norm", ov::to_string(p.gradient_norm)},
                   {"newton_iterations", p.newton_iterations},
                   {"class", to_string(c.kind)},
                   {"label", c.label},
                   {"index", c.index},
                   {"index_fraction", static_cast<double>(c.index) / rep.dim},
                   {"inertia", {{"positive", c.inertia.positive}, {"negative", c.inertia.negative},
                                {"zero", c.inertia.zero}}},
                   {"inertia_exact", c.exact},
                   {"zero_tolerance", ov::to_string(c.zero_tolerance)},
                   {"min_abs_eigenvalue", ov::to_string(c.min_abs_eigenvalue)},
                   {"hits", p.hits},
                   {"first_start", p.first_start}});
  }
  j["points"] = pts;
  if (st) {
    json s = {{"n", st->n}, {"defined", st->defined}, {"note", st->note}, {"alpha", st->alpha}, {"cost", st->cost}};
    if (st->defined) {
      s["pearson_r"] = st->pearson_r;
      s["spearman_rho"] = st->spearman_rho;
      s["line"] = {{"intercept", st->line.intercept}, {"slope", st->line.slope}};
      s["pearson_fisher_interval"] =
          st->pearson_fisher ? json{st->pearson_fisher->lo, st->pearson_fisher->hi} : json(nullptr);
      if (st->spearman_bootstrap)
        s["spearman_bootstrap"] = {{"interval", {st->spearman_bootstrap->interval.lo, st->spearman_bootstrap->interval.hi}},
                                   {"used", st->spearman_bootstrap->used},
                                   {"skipped", st->spearman_bootstrap->skipped}};
    }
    j["cost_index"] = s;
  }
  return j;
}

std::string to_text(const LandscapeReport& rep, const CostIndexStudy* st) {
  std::ostringstream o;
  o << "critical points of " << rep.function << " (dim " << rep.dim << "): " << rep.points.size() << " distinct from "
    << rep.converged_starts << " converged of " << rep.options.num_starts << " starts (seed " << rep.options.seed
    << ")";
  for (const auto& [status, count] : rep.failed_starts) o << "; " << status << ": " << count;
  o << "\n";
  o << std::left << std::setw(4) << "#" << std::setw(26) << "class" << std::setw(8) << "alpha" << std::setw(30)
    << "f" << std::setw(12) << "|grad f|" << std::setw(6) << "hits" << "x\n";
  int k = 0;
  for (const FoundPoint& p : rep.points) {
    const Classification& c = p.classification;
    std::ostringstream a;
    a << std::setprecision(4) << static_cast<double>(c.index) / rep.dim;
    std::string x;
    for (Eigen::Index i = 0; i < p.x.size() && i < 4; ++i) x += (i ? ", " : "") + short_mp(p.x[i], 12);
    if (p.x.size() > 4) x += ", ...";
    o << std::left << std::setw(4) << k++ << std::setw(26) << (c.label + (c.exact ? " *" : "")) << std::setw(8)
      << a.str() << std::setw(30) << short_mp(p.value, 20) << std::setw(12) << short_mp(p.gradient_norm, 2)
      << std::setw(6) << p.hits << "(" << x << ")\n";
  }
  o << "(* exact rational inertia at an exact critical point)\n";
  if (st) {
    o << "cost against index fraction (n = " << st->n << "): ";
    if (!st->defined) {
      o << st->note << "\n";
    } else {
      o << std::setprecision(6) << "Pearson r = " << st->pearson_r;
      if (st->pearson_fisher) o << " [" << st->pearson_fisher->lo << ", " << st->pearson_fisher->hi << "] (Fisher z)";
      o << ", Spearman rho = " << st->spearman_rho;
      if (st->spearman_bootstrap)
        o << " [" << st->spearman_bootstrap->interval.lo << ", " << st->spearman_bootstrap->interval.hi
          << "] (bootstrap, " << st->spearman_bootstrap->used << " resamples)";
      o << "; f = " << st->line.intercept << " + " << st->line.slope << " alpha\n";
    }
  }
  return o.str();
}

}  // namespace ov::nets::landscape
