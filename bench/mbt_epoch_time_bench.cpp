// MBT epoch time / plain MMT epoch time (issue 10, "Performance"; the MBT paper reports MBT at
// 80-99 % of MMT's speed, target <= 1.05): run_training (gpu/train/trainer.hpp) with the MBT
// optimizer (default "mbt_mmt": the learning-rate finder on K = 20 mini-batches at the start of
// every epoch, then momentum SGD at the found rate) and with plain momentum SGD
// ("sgd:lr=0.01,momentum=0.9") on the same model, data, batch size and seed. The two runs
// alternate (baseline, MBT, baseline, MBT, ...) so that load from elsewhere hits both alike;
// every epoch's EpochRecord::seconds (training + finder + validation) is one sample.
//
//   build/release/bench/mbt_epoch_time_bench [--model lenet] [--dataset fashion-mnist]
//       [--batch 200] [--epochs 2] [--repeats 3] [--subset 0] [--test-subset 1000]
//       [--threads 2] [--device auto] [--mbt mbt_mmt] [--baseline sgd:lr=0.01,momentum=0.9]
//       [--json FILE]
//
// What the ratio is made of: an epoch of N samples has B = N / batch training steps (one
// forward + backward + update each); the finder adds K = 20 mini-batches, each one gradient
// and a few forward evaluations (the backtracking's trials; EpochRecord::extra
// finder_closure_calls / finder_gradient_evaluations). So MBT / MMT ~ 1 + (K x cost of a finder
// batch) / (B x cost of a step + validation). The table reports both counts per epoch.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <stdexcept>
#include <string>
#include <vector>

#include <sys/resource.h>

#include <nlohmann/json.hpp>

#include "gpu/train/trainer.hpp"
#include "bench/integer_option.hpp"

namespace mbt_epoch_time_bench {

struct Options {
  ov::gpu::train::TrainingConfig config;
  int repeats = 3;
  std::string mbt = "mbt_mmt";
  std::string baseline = "sgd:lr=0.01,momentum=0.9";
  std::string json;
};

const char* const kUsage =
    "usage: mbt_epoch_time_bench [--model NAME] [--dataset NAME] [--batch N>=1] [--epochs N>=1] "
    "[--repeats N>=1] [--subset N>=0] [--test-subset N>=0] [--threads N>=0] [--device auto|cpu|cuda] "
    "[--mbt SPEC] [--baseline SPEC] [--json FILE]";

[[noreturn]] void usage_error(const std::string& what) { throw std::invalid_argument(what + "\n" + kUsage); }

long long to_integer(const std::string& option, const std::string& v, long long lowest) {
  return static_cast<long long>(ov::bench::integer_option(option, v, lowest, kUsage));
}

Options parse(int argc, char** argv) {
  Options o;
  auto& c = o.config;
  c.model = "lenet";
  c.dataset = "fashion-mnist";
  c.batch_size = 200;
  c.epochs = 2;
  c.test_subset = 1000;
  c.threads = 2;
  c.seeds = {0};
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (i + 1 >= argc) usage_error("option " + a + " needs a value");
    const std::string v = argv[++i];
    if (a == "--model") {
      c.model = v;
    } else if (a == "--dataset") {
      c.dataset = v;
    } else if (a == "--batch") {
      c.batch_size = to_integer(a, v, 1);
    } else if (a == "--epochs") {
      c.epochs = static_cast<int>(to_integer(a, v, 1));
    } else if (a == "--repeats") {
      o.repeats = static_cast<int>(to_integer(a, v, 1));
    } else if (a == "--subset") {
      c.subset = to_integer(a, v, 0);
    } else if (a == "--test-subset") {
      c.test_subset = to_integer(a, v, 0);
    } else if (a == "--threads") {
      c.threads = static_cast<int>(to_integer(a, v, 0));
    } else if (a == "--device") {
      c.device = v;
    } else if (a == "--mbt") {
      o.mbt = v;
    } else if (a == "--baseline") {
      o.baseline = v;
    } else if (a == "--json") {
      o.json = v;
    } else {
      usage_error("unknown option " + a);
    }
  }
  return o;
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  const std::size_t n = v.size();
  return n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

struct Samples {
  std::vector<double> seconds;
  std::vector<std::int64_t> gradients, functions;  // per epoch
  std::vector<double> cpu_seconds_per_epoch;  // process CPU time of each whole run / its epochs
  bool diverged = false;
  nlohmann::json extra_first;  // the first epoch's extra (finder details)
};

// User + system CPU time of this process so far (seconds).
double cpu_seconds() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
         1e-6 * static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec);
}

void run(const ov::gpu::train::TrainingConfig& base, const std::string& spec, Samples& s) {
  ov::gpu::train::TrainingConfig c = base;
  c.optimizer = spec;
  const double cpu0 = cpu_seconds();
  const auto result = ov::gpu::train::run_training(c);
  s.cpu_seconds_per_epoch.push_back((cpu_seconds() - cpu0) / c.epochs);
  for (const auto& r : result.runs) {
    s.diverged = s.diverged || r.diverged;
    std::int64_t g0 = 0, f0 = 0;
    for (const auto& e : r.epochs) {
      s.seconds.push_back(e.seconds);
      s.gradients.push_back(e.gradient_evaluations - g0);
      s.functions.push_back(e.function_evaluations - f0);
      g0 = e.gradient_evaluations;
      f0 = e.function_evaluations;
      if (s.extra_first.is_null()) s.extra_first = e.extra;
    }
  }
}

}  // namespace mbt_epoch_time_bench

int main(int argc, char** argv) try {
  using namespace mbt_epoch_time_bench;
  const Options opt = parse(argc, argv);
  opt.config.validate();
  Samples base, mbt;
  for (int r = 0; r < opt.repeats; ++r) {
    run(opt.config, opt.baseline, base);
    run(opt.config, opt.mbt, mbt);
  }
  const auto& c = opt.config;
  std::printf("MBT epoch time: %s on %s, batch %lld, %d epochs x %d repeats, subset %lld, test subset %lld, "
              "threads %d, device %s\n",
              c.model.c_str(), c.dataset.c_str(), static_cast<long long>(c.batch_size), c.epochs, opt.repeats,
              static_cast<long long>(c.subset), static_cast<long long>(c.test_subset), c.threads, c.device.c_str());
  std::printf("%-34s %9s %9s %12s %12s  %s\n", "optimizer", "min s", "median s", "grad evals", "fwd evals",
              "epoch seconds");
  nlohmann::json out = {{"config", c.to_json()}, {"repeats", opt.repeats}};
  for (const auto* p : {&base, &mbt}) {
    const std::string& spec = p == &base ? opt.baseline : opt.mbt;
    std::printf("%-34s %9.3f %9.3f %12lld %12lld  ", spec.c_str(), *std::min_element(p->seconds.begin(), p->seconds.end()),
                median(p->seconds), static_cast<long long>(median(std::vector<double>(p->gradients.begin(), p->gradients.end()))),
                static_cast<long long>(median(std::vector<double>(p->functions.begin(), p->functions.end()))));
    for (double s : p->seconds) std::printf("%.3f ", s);
    std::printf("%s\n", p->diverged ? " (diverged)" : "");
    out[p == &base ? "baseline" : "mbt"] = {{"spec", spec},
                                            {"seconds", p->seconds},
                                            {"gradient_evaluations_per_epoch", p->gradients},
                                            {"function_evaluations_per_epoch", p->functions},
                                            {"diverged", p->diverged},
                                            {"first_epoch_extra", p->extra_first}};
  }
  const double rmin = *std::min_element(mbt.seconds.begin(), mbt.seconds.end()) /
                      *std::min_element(base.seconds.begin(), base.seconds.end());
  const double rmed = median(mbt.seconds) / median(base.seconds);
  std::printf("MBT / baseline epoch time: %.3f (min/min), %.3f (median/median); finder share of an MBT epoch "
              "(1 - baseline/MBT, medians): %.1f %%\n",
              rmin, rmed, 100 * (1 - median(base.seconds) / median(mbt.seconds)));
  const double cmin = *std::min_element(mbt.cpu_seconds_per_epoch.begin(), mbt.cpu_seconds_per_epoch.end()) /
                      *std::min_element(base.cpu_seconds_per_epoch.begin(), base.cpu_seconds_per_epoch.end());
  std::printf("CPU time per epoch (whole run incl. data loading / epochs), baseline: %.3f s, MBT: %.3f s (minima); "
              "MBT / baseline CPU time: %.3f (with 1 thread the figure least disturbed by other processes)\n",
              *std::min_element(base.cpu_seconds_per_epoch.begin(), base.cpu_seconds_per_epoch.end()),
              *std::min_element(mbt.cpu_seconds_per_epoch.begin(), mbt.cpu_seconds_per_epoch.end()), cmin);
  out["cpu_ratio_min"] = cmin;
  out["baseline"]["cpu_seconds_per_epoch"] = base.cpu_seconds_per_epoch;
  out["mbt"]["cpu_seconds_per_epoch"] = mbt.cpu_seconds_per_epoch;
  out["ratio_min"] = rmin;
  out["ratio_median"] = rmed;
  if (!opt.json.empty()) {
    std::ofstream f(opt.json);
    if (!f) throw std::runtime_error("--json: cannot write " + opt.json);
    f << out.dump(2) << "\n";
  }
  return 0;
} catch (const std::exception& e) {
  std::cerr << "mbt_epoch_time_bench: " << e.what() << "\n";
  return 2;
}
