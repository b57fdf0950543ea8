// 003 §5.3 (003_61d556b637c4f269.txt L1065-L1116): the average squared gradient norm of
// SGD against the step size and against 1/|B| (Thm 4.8's bound (5.1)-(5.2) ~ alpha L M).
#include <fmt/core.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>
#include <ostream>
#include <stdexcept>

#include "analysis/stats/run_seed.hpp"
#include "nets/core/initialization.hpp"
#include "nets/core/network_objective.hpp"
#include "nets/data/fashion_mnist.hpp"
#include "nets/experiments/experiments.hpp"
#include "optim/core/batch_sampler.hpp"
#include "optim/core/oracle.hpp"
#include "optim/rules/sgd.hpp"

namespace ov::nets::experiments {

namespace {

Architecture images_network() {
  return Architecture::fully_connected(196, {10, 10, 10}, Activation::parse("relu"), 1, Activation::parse("logistic"),
                                       Loss::parse("log_loss"), true);
}

void summarize(AsymptoticPoint& p) {
  double s = 0;
  for (double v : p.per_run) s += v;
  p.mean = s / static_cast<double>(p.per_run.size());
  double ss = 0;
  for (double v : p.per_run) ss += (v - p.mean) * (v - p.mean);
  p.sd = p.per_run.size() > 1 ? std::sqrt(ss / static_cast<double>(p.per_run.size() - 1)) : 0.0;
}

}  // namespace

double average_squared_gradient(const optim::FiniteSumObjective<double>& f, const optim::Vector<double>& theta1,
                                double alpha, long batch, long K, std::uint64_t seed) {
  if (K < 1) throw std::invalid_argument("average_squared_gradient: K = " + std::to_string(K) + " is outside [1, inf)");
  optim::BatchSampler sampler(f.num_samples(), static_cast<std::size_t>(batch), optim::Sampling::with_replacement, seed);
  optim::Oracle<double> oracle(f, sampler);
  optim::Sgd<double> rule(optim::SgdOptions<double>{alpha});
  optim::Vector<double> theta = theta1, g;
  double sum = 0;
  for (long k = 0; k < K; ++k) {
    oracle.next_batch();
    if (rule.step(oracle, theta).refused()) return std::numeric_limits<double>::infinity();
    f.gradient_into(theta, g);  // the full gradient after the update (theta_2 .. theta_{K+1})
    sum += g.squaredNorm();
  }
  return sum / static_cast<double>(K);
}

void AsymptoticOptions::validate() const {
  check_jobs(jobs);
  auto bad = [](const std::string& s) { throw std::invalid_argument("asymptotic: " + s); };
  if (class_a < 0 || class_a > 9 || class_b < 0 || class_b > 9 || class_a == class_b) {
    bad(fmt::format("classes {} and {} (valid: two different labels in 0..9)", class_a, class_b));
  }
  if (max_samples < 0) bad("max_samples = " + std::to_string(max_samples) + " is outside [0, inf) (0: all)");
  if (gd_iterations < 0) bad("gd_iterations = " + std::to_string(gd_iterations) + " is outside [0, inf)");
  if (!(std::isfinite(gd_lr) && gd_lr > 0)) bad(fmt::format("gd_lr = {} is outside (0, inf)", gd_lr));
  if (K < 1) bad("K = " + std::to_string(K) + " is outside [1, inf)");
  if (runs < 2) bad("runs = " + std::to_string(runs) + " is outside [2, inf) (a standard deviation needs two)");
  if (alphas.size() < 3) bad("alphas has " + std::to_string(alphas.size()) + " entries (valid: at least 3, for a fit)");
  for (double a : alphas)
    if (!(std::isfinite(a) && a > 0)) bad(fmt::format("alpha {} is outside (0, inf)", a));
  if (batch_sizes.size() < 3) bad("batch_sizes has " + std::to_string(batch_sizes.size()) + " entries (valid: at least 3)");
  for (long b : batch_sizes)
    if (b < 1) bad("batch size " + std::to_string(b) + " is outside [1, n]");
  if (!(std::isfinite(alpha_batch) && alpha_batch > 0)) bad(fmt::format("alpha_batch = {} is outside (0, inf)", alpha_batch));
}

AsymptoticOptions asymptotic_defaults(bool full) {
  AsymptoticOptions o;
  o.full = full;
  for (int i = 1; i <= 10; ++i) o.alphas.push_back(1e-4 * i);
  for (long b = 1; b <= 10; ++b) o.batch_sizes.push_back(b);
  if (!full) {
    o.max_samples = 400;
    o.gd_iterations = 2000;
    o.K = 1000;
    o.runs = 5;
  }
  return o;
}

AsymptoticResult run_asymptotic(const AsymptoticOptions& o) {
  o.validate();
  const auto t0 = std::chrono::steady_clock::now();
  data::ImageSubsetOptions io;
  io.directory = o.data_dir;
  io.max_samples = o.max_samples;
  const Dataset data = data::two_class_images(o.class_a, o.class_b, io);
  for (long b : o.batch_sizes)
    if (b > data.size()) throw std::invalid_argument(fmt::format("asymptotic: batch size {} is outside [1, n = {}]", b, data.size()));
  const Architecture a = images_network();
  const NetworkObjective<double> f(a, data);
  AsymptoticResult res;
  res.options = o;
  res.n = data.size();
  res.d = a.num_parameters();
  res.data_description = fmt::format("Fashion-MNIST {} ({}) vs {} ({}), 14x14, {} training images{} -- a SUBSTITUTE "
                                     "for the document's MNIST 3 vs 6",
                                     o.class_a, data::fashion_mnist_class_name(o.class_a), o.class_b,
                                     data::fashion_mnist_class_name(o.class_b), res.n,
                                     o.max_samples > 0 ? " (the first ones in file order)" : "");
  // theta_1: full-batch GD from the Keras-default initialisation.
  optim::Vector<double> theta = glorot_uniform_initialization(a, stats::run_seed(o.seed, 1000000007u));
  {
    optim::Oracle<double> full(f);
    optim::Sgd<double> gd(optim::SgdOptions<double>{o.gd_lr});
    for (long k = 0; k < o.gd_iterations; ++k) {
      if (gd.step(full, theta).refused()) throw std::runtime_error("asymptotic: the initial GD met a non-finite value");
    }
  }
  optim::Vector<double> g;
  res.start_cost = f.value_and_gradient(theta, g);
  res.start_grad_sq = g.squaredNorm();
  for (double al : o.alphas) res.alpha_sweep.push_back({al, 1, std::vector<double>(static_cast<std::size_t>(o.runs)), 0, 0});
  for (long b : o.batch_sizes) res.batch_sweep.push_back({o.alpha_batch, b, std::vector<double>(static_cast<std::size_t>(o.runs)), 0, 0});
  // Tasks: every (point, run); a batch-sweep point equal to an alpha-sweep point (|B| = 1,
  // alpha_batch in alphas) reuses its runs, as the author's code does (guide §3.4).
  struct Task {
    AsymptoticPoint* p;
    std::size_t run;
  };
  std::vector<Task> tasks;
  std::vector<std::pair<AsymptoticPoint*, const AsymptoticPoint*>> reuse;
  for (auto& p : res.alpha_sweep)
    for (std::size_t i = 0; i < p.per_run.size(); ++i) tasks.push_back({&p, i});
  for (auto& p : res.batch_sweep) {
    const AsymptoticPoint* same = nullptr;
    for (const auto& q : res.alpha_sweep)
      if (p.batch == 1 && q.alpha == p.alpha) same = &q;
    if (same) {
      reuse.emplace_back(&p, same);
      continue;
    }
    for (std::size_t i = 0; i < p.per_run.size(); ++i) tasks.push_back({&p, i});
  }
  parallel_for(tasks.size(), o.jobs, [&](std::size_t i) {
    const Task& t = tasks[i];
    // Run i uses the same sampler seed at every alpha and |B| (common random numbers).
    t.p->per_run[t.run] = average_squared_gradient(f, theta, t.p->alpha, t.p->batch, o.K, stats::run_seed(o.seed, t.run));
  });
  for (auto& [p, q] : reuse) p->per_run = q->per_run;
  std::vector<double> ax, ay, bx, by;
  for (auto& p : res.alpha_sweep) {
    summarize(p);
    ax.push_back(p.alpha);
    ay.push_back(p.mean);
  }
  for (auto& p : res.batch_sweep) {
    summarize(p);
    bx.push_back(1.0 / static_cast<double>(p.batch));
    by.push_back(p.mean);
  }
  res.alpha_fit = fit_line(ax, ay);
  res.batch_fit = fit_line(bx, by);
  const auto positive = [](const std::vector<double>& v) {
    return std::all_of(v.begin(), v.end(), [](double x) { return x > 0 && std::isfinite(x); });
  };
  if (positive(ay)) res.alpha_loglog = fit_log_log(ax, ay);
  if (positive(by)) res.batch_loglog = fit_log_log(bx, by);
  res.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return res;
}

namespace {

nlohmann::json fit_json(const LinearFit& f) {
  return {{"slope", number_or_null(f.slope)}, {"intercept", number_or_null(f.intercept)}, {"r", number_or_null(f.r)}};
}

nlohmann::json parameters_json(const AsymptoticOptions& o, const AsymptoticResult& r) {
  return {{"classes", {o.class_a, o.class_b}},
          {"n", r.n},
          {"max_samples", o.max_samples},
          {"gd_iterations", o.gd_iterations},
          {"gd_lr", o.gd_lr},
          {"K", o.K},
          {"runs", o.runs},
          {"alphas", o.alphas},
          {"batch_sizes", o.batch_sizes},
          {"alpha_batch", o.alpha_batch},
          {"min_r", o.min_r},
          {"sampling", "with replacement (optim::BatchSampler); run i uses run_seed(seed, i) at every point"},
          {"estimator", "(1/K) sum_{k=2}^{K+1} ||grad f(theta_k)||^2, full gradient after each update ([REPO] index)"},
          {"fits", "own ordinary least squares (nets/experiments/experiment_common.hpp), Pearson r; log-log with natural logs"},
          {"data", r.data_description},
          {"network", "196 -> 3 x 10 relu -> 1 logistic, biases, log loss, glorot-uniform init"},
          {"mode", o.full ? "full" : "quick"}};
}

}  // namespace

nlohmann::json to_json(const AsymptoticResult& r) {
  nlohmann::json j = result_header("asymptotic", r.options.seed, r.options.full, r.options.jobs);
  j["parameters"] = parameters_json(r.options, r);
  j["seconds"] = r.seconds;
  j["parameters_d"] = r.d;
  j["start"] = {{"cost", number_or_null(r.start_cost)}, {"grad_sq", number_or_null(r.start_grad_sq)}};
  auto points = [](const std::vector<AsymptoticPoint>& v) {
    nlohmann::json a = nlohmann::json::array();
    for (const auto& p : v) {
      a.push_back({{"alpha", p.alpha}, {"batch", p.batch}, {"mean", number_or_null(p.mean)}, {"sd", number_or_null(p.sd)},
                   {"per_run", to_json_array(p.per_run)}});
    }
    return a;
  };
  j["alpha_sweep"] = points(r.alpha_sweep);
  j["batch_sweep"] = points(r.batch_sweep);
  j["fits"] = {{"alpha", fit_json(r.alpha_fit)},
               {"alpha_log_log", fit_json(r.alpha_loglog)},
               {"inverse_batch", fit_json(r.batch_fit)},
               {"inverse_batch_log_log", fit_json(r.batch_loglog)},
               {"guide", {{"alpha", {{"slope", 5.71e-4}, {"intercept", -8.0e-9}, {"r", 0.948}, {"log_log_slope", 0.876}}},
                          {"inverse_batch", {{"slope", 6.52e-7}, {"intercept", -1.8e-11}, {"r", 0.978}, {"log_log_slope", 0.82}}}}}};
  return j;
}

void append_report(nlohmann::json& doc, const AsymptoticResult& r) {
  const auto& o = r.options;
  const nlohmann::json params = parameters_json(o, r);
  const std::string mode = o.full ? "full protocol" : "quick (shortened) run";
  std::vector<double> ax, ay, bx, by;
  for (const auto& p : r.alpha_sweep) {
    ax.push_back(p.alpha);
    ay.push_back(p.mean);
  }
  for (const auto& p : r.batch_sweep) {
    bx.push_back(1.0 / static_cast<double>(p.batch));
    by.push_back(p.mean);
  }
  auto line = [](const LinearFit& f, const std::vector<double>& x) {
    std::vector<double> y;
    for (double v : x) y.push_back(f.intercept + f.slope * v);
    return y;
  };
  nlohmann::json sa = nlohmann::json::array(), sb = nlohmann::json::array();
  const std::string pa = "mean average squared gradient against alpha (SGD)";
  sa.push_back(make_series("mean over runs", pa, "measured", ax, ay, "step size alpha", "mean (1/K) sum ||grad f||^2", false, false));
  sa.push_back(make_series(fmt::format("least squares: {:.3g} alpha + {:.3g}", r.alpha_fit.slope, r.alpha_fit.intercept),
                           pa, "fit", ax, line(r.alpha_fit, ax), "step size alpha", "mean (1/K) sum ||grad f||^2", false, false));
  const std::string pb = "mean average squared gradient against 1/|B| (alpha = 0.001)";
  sb.push_back(make_series("mean over runs", pb, "measured", bx, by, "1/|B|", "mean (1/K) sum ||grad f||^2", true, true));
  std::vector<double> ll;
  for (double x : bx) ll.push_back(std::exp(r.batch_loglog.intercept) * std::pow(x, r.batch_loglog.slope));
  sb.push_back(make_series(fmt::format("log-log fit: slope {:.3g}", r.batch_loglog.slope), pb, "fit", bx, ll, "1/|B|",
                           "mean (1/K) sum ||grad f||^2", true, true));
  nlohmann::json fa = {{"slope", r.alpha_fit.slope}, {"intercept", r.alpha_fit.intercept}, {"r", r.alpha_fit.r},
                       {"log_log_slope", r.alpha_loglog.slope}, {"guide_slope", 5.71e-4}, {"guide_r", 0.948},
                       {"guide_log_log_slope", 0.876}, {"start_cost", number_or_null(r.start_cost)},
                       {"start_grad_sq", number_or_null(r.start_grad_sq)}};
  nlohmann::json fb = {{"slope", r.batch_fit.slope}, {"intercept", r.batch_fit.intercept}, {"r", r.batch_fit.r},
                       {"log_log_slope", r.batch_loglog.slope}, {"guide_slope", 6.52e-7}, {"guide_r", 0.978},
                       {"guide_log_log_slope", 0.82}};
  auto& claims = doc["claims"];
  const std::string hyp = "196 -> 3 x 10 ReLU -> 1 logistic, log loss; theta_1 from full-batch GD; data: " + r.data_description;
  claims.push_back(make_claim(
      {"exp.5-3.alpha-linear", "5.3: the mean average squared gradient grows linearly with alpha", "5.3, (5.1)-(5.3)",
       "L1069-L1071, L1092, L1096-L1098", hyp,
       "The average squared norm of the gradients decreases for smaller step sizes, and the mean values almost lie on a "
       "straight line (Fig. 5.8), as the bound alpha L M of (5.2).",
       fmt::format("least-squares line of the means (over {} runs, K = {}) against alpha in {{1e-4, ..., 1e-3}} "
                   "([REPO] values); holds when slope > 0 and Pearson r >= {:g} ({})",
                   o.runs, o.K, o.min_r, mode)},
      r.alpha_fit.slope > 0 && r.alpha_fit.r >= o.min_r, o.seed, params, r.seconds,
      fmt::format("slope {:.3g}, intercept {:.3g}, r {:.3f}, log-log slope {:.3f} (guide: 5.71e-4, -8.0e-9, 0.948, 0.876)",
                  r.alpha_fit.slope, r.alpha_fit.intercept, r.alpha_fit.r, r.alpha_loglog.slope),
      fa, sa));
  claims.push_back(make_claim(
      {"exp.5-3.noise-proportional", "5.3: the mean average squared gradient is about proportional to M ~ 1/|B|",
       "5.3", "L1092, L1102, L1114", hyp,
       "Against 1/|B| on log-log axes the mean values lie approximately on a line, indicating that the mean of the "
       "average squared gradient norm is almost proportional to the noise term M (Fig. 5.9).",
       fmt::format("least-squares line of the means against 1/|B|, |B| = 1..10 at alpha = {:g}; holds when slope > 0 "
                   "and r >= {:g}; the log-log slope (1 = proportional) is reported ({})",
                   o.alpha_batch, o.min_r, mode)},
      r.batch_fit.slope > 0 && r.batch_fit.r >= o.min_r, o.seed, params, r.seconds,
      fmt::format("slope {:.3g}, intercept {:.3g}, r {:.3f}, log-log slope {:.3f} (guide: 6.52e-7, -1.8e-11, 0.978, 0.82)",
                  r.batch_fit.slope, r.batch_fit.intercept, r.batch_fit.r, r.batch_loglog.slope),
      fb, sb));
}

void print_text(std::ostream& os, const AsymptoticResult& r) {
  const auto& o = r.options;
  os << fmt::format("experiment asymptotic (003 §5.3), {} run, seed {}, precision double, {} job(s), {:.1f} s\n",
                    o.full ? "FULL" : "QUICK", o.seed, o.jobs, r.seconds);
  os << "  data: " << r.data_description << "\n";
  if (!o.full) {
    os << fmt::format("  shortened: {} images, initial GD {} iterations, K = {}, {} runs (--full: all 12000 images, "
                      "25000 GD iterations, K = 30000, 20 runs: about 90 core-hours)\n",
                      r.n, o.gd_iterations, o.K, o.runs);
  }
  os << fmt::format("  network 196 -> 3 x 10 relu -> 1 logistic ({} parameters); theta_1: GD lr {:g}, f = {:.4g}, "
                    "||grad f||^2 = {:.3g}\n",
                    r.d, o.gd_lr, r.start_cost, r.start_grad_sq);
  os << fmt::format("  {:>8} {:>6} {:>12} {:>12}\n", "alpha", "|B|", "mean", "sd");
  for (const auto& p : r.alpha_sweep) os << fmt::format("  {:>8g} {:>6} {:>12.4g} {:>12.4g}\n", p.alpha, p.batch, p.mean, p.sd);
  for (const auto& p : r.batch_sweep) os << fmt::format("  {:>8g} {:>6} {:>12.4g} {:>12.4g}\n", p.alpha, p.batch, p.mean, p.sd);
  os << fmt::format("  {:<22} {:>11} {:>11} {:>7} {:>14}\n", "fit (least squares)", "slope", "intercept", "r",
                    "log-log slope");
  os << fmt::format("  {:<22} {:>11.3g} {:>11.3g} {:>7.3f} {:>14.3f}\n", "vs alpha", r.alpha_fit.slope,
                    r.alpha_fit.intercept, r.alpha_fit.r, r.alpha_loglog.slope);
  os << fmt::format("  {:<22} {:>11.3g} {:>11.3g} {:>7.3f} {:>14.3f}\n", "  guide (MNIST)", 5.71e-4, -8.0e-9, 0.948, 0.876);
  os << fmt::format("  {:<22} {:>11.3g} {:>11.3g} {:>7.3f} {:>14.3f}\n", "vs 1/|B|", r.batch_fit.slope,
                    r.batch_fit.intercept, r.batch_fit.r, r.batch_loglog.slope);
  os << fmt::format("  {:<22} {:>11.3g} {:>11.3g} {:>7.3f} {:>14.3f}\n", "  guide (MNIST)", 6.52e-7, -1.8e-11, 0.978, 0.82);
}

const std::vector<std::string>& experiment_names() {
  static const std::vector<std::string> names = {"local_minima", "efficiency", "asymptotic"};
  return names;
}

}  // namespace ov::nets::experiments
