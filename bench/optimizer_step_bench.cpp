// One optimizer step on a ResNet-18-sized parameter set (issue 10, "Performance"): our fused
// steps (gpu/optim: SGD, SGD-momentum, Adam, INNA, RMSprop) against torch::optim (SGD,
// SGD-momentum, Adam, RMSprop; INNA has no torch counterpart) on the same tensors, and against
// the memory-traffic bound from a STREAM-like triad a = b + s c measured in the same run.
//
//   build/release/bench/optimizer_step_bench [--threads 2] [--rounds 15] [--device cpu|cuda]
//                                            [--flat 1] [--json FILE] [--only SUBSTRING] [--peak-gbs N]
//
// With --peak-gbs (the device's nominal memory bandwidth, e.g. from its data sheet) a second
// table gives each step's achieved bandwidth (minimal bytes / minimum time) as a fraction of the
// same run's triad and of that peak (on a GPU: the fraction of HBM bandwidth reached).
//
// Parameters: the real ResNet-18 of nets/torch (make_model("resnet18", colour32(10)),
// 11,173,962 float32 scalars in 62 tensors), gradients fixed (randn * 1e-3, seed 1). "per
// tensor": the optimizer gets the model's tensors; "flat": a copy of them in one buffer
// (gpu/optim/flat_parameters.hpp), so one fused pass updates everything.
//
// Why a plain main and not Google Benchmark: every figure is a ratio to another one of the same
// run (torch's step, the triad), and the machine is shared. The program therefore measures in
// ROUNDS: each round times the triad, a copy and one step of every optimizer, one after the
// other, so a burst of load from elsewhere hits all of them alike; it reports each item's
// minimum and median over the rounds. Google Benchmark runs one benchmark to completion before
// the next, which spreads the load unevenly across the items of a ratio.
//
// Bytes per step (STREAM convention: every array read or written once counts its size once;
// 4 bytes per float32 parameter). The MINIMAL count of each rule (what an in-place update must
// move, the bound):
//   sgd            read p, g;          write p         3 arrays
//   sgd_momentum   read p, g, b;       write p, b      5
//   adam           read p, g, m, v;    write p, m, v   7
//   inna           read p, g, psi;     write p, psi    5
//   rmsprop        read p, g, v;       write p, v      5
// Our optimizers refuse a non-finite step with nothing changed (docs/gpu.md), so they compute
// into scratch buffers and then copy the new parameters into p (ElementwiseOptimizer::
// step_group): +2 arrays (read p1, write p) over the minimal count, e.g. 9 for Adam. The table
// gives the ratio to both bounds. bound = bytes / triad bandwidth (bandwidth of the same run:
// 3 arrays / triad time; the minimum time for the "min" columns, the median for "median").
#include <torch/cuda.h>
#include <torch/torch.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "gpu/optim/adam.hpp"
#include "bench/integer_option.hpp"
#include "gpu/optim/flat_parameters.hpp"
#include "gpu/optim/inna.hpp"
#include "gpu/optim/rmsprop.hpp"
#include "gpu/optim/sgd.hpp"
#include "nets/torch/model_zoo.hpp"
#include "nets/torch/zoo_model.hpp"

namespace optimizer_step_bench {

struct Options {
  int threads = 2;
  int rounds = 15;
  std::string device = "cpu";
  bool flat = true;
  std::string json;
  double peak_gbs = 0;  // the device's nominal memory bandwidth (GB/s) for the "fraction of peak" column; 0: none
  std::string only;  // time only the items whose name contains this (plus the triad and copy): profiling
};

const char* const kUsage =
    "usage: optimizer_step_bench [--threads N>=1] [--rounds N>=3] [--device cpu|cuda|cuda:N] [--flat 0|1] [--json FILE] [--only SUBSTRING] [--peak-gbs N]";

[[noreturn]] void usage_error(const std::string& what) { throw std::invalid_argument(what + "\n" + kUsage); }

int to_int(const std::string& option, const std::string& v, int lowest) {
  return static_cast<int>(ov::bench::integer_option(option, v, lowest, kUsage));
}

Options parse(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (i + 1 >= argc) usage_error("option " + a + " needs a value");
    const std::string v = argv[++i];
    if (a == "--threads") {
      o.threads = to_int(a, v, 1);
    } else if (a == "--rounds") {
      o.rounds = to_int(a, v, 3);
    } else if (a == "--device") {
      o.device = v;
    } else if (a == "--flat") {
      if (v != "0" && v != "1") usage_error("--flat must be 0 or 1, got '" + v + "'");
      o.flat = v == "1";
    } else if (a == "--json") {
      o.json = v;
    } else if (a == "--only") {
      o.only = v;
    } else if (a == "--peak-gbs") {
      o.peak_gbs = to_int(a, v, 1);
    } else {
      usage_error("unknown option " + a);
    }
  }
  return o;
}

// One timed item: a step (or the triad / copy), the arrays it moves (minimal and ours).
struct Item {
  std::string name;
  double arrays_minimal = 0;  // 0: not a step
  double arrays_moved = 0;
  std::function<void()> run;
  std::function<bool()> refused;  // our optimizers: did the last step refuse?
  std::function<std::string()> path;  // our optimizers: the kernel path of the last step
  std::vector<double> seconds;
};

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  const std::size_t n = v.size();
  return n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}
double minimum(const std::vector<double>& v) { return *std::min_element(v.begin(), v.end()); }

std::vector<torch::Tensor> with_gradients(std::vector<torch::Tensor> ps) {
  for (auto& p : ps) p.mutable_grad() = torch::randn_like(p) * 1e-3;
  return ps;
}

}  // namespace optimizer_step_bench

int main(int argc, char** argv) try {
  using namespace optimizer_step_bench;
  const Options opt = parse(argc, argv);
  const torch::Device device(opt.device);
  const bool cuda = device.is_cuda();
  if (cuda && !torch::cuda::is_available())
    throw std::invalid_argument("--device " + opt.device + ": this LibTorch has no CUDA device available");
  at::set_num_threads(opt.threads);
  auto sync = [&] {
    if (cuda) torch::cuda::synchronize();
  };

  torch::manual_seed(1);
  auto model = ov::nets::torchzoo::make_model("resnet18", ov::nets::torchzoo::ModelSpec::colour32(10));
  model->to(device);
  std::vector<torch::Tensor> params = with_gradients(model->parameters());
  std::int64_t n = 0;
  for (const auto& p : params) n += p.numel();
  const double array_bytes = 4.0 * static_cast<double>(n);

  // The flat copy (the model's own tensors stay per-tensor).
  std::vector<torch::Tensor> copies;
  for (const auto& p : params) copies.push_back(p.detach().clone().requires_grad_(true));
  std::unique_ptr<ov::gpu::FlatParameters> flat;
  if (opt.flat) {
    flat = std::make_unique<ov::gpu::FlatParameters>(copies);
    flat->gradients().copy_(torch::randn({n}, flat->gradients().options()) * 1e-3);
  }

  // Triad and copy on arrays of the parameter set's size (3 x 44.7 MB >> the 32 MB L3 here).
  const auto fopt = torch::TensorOptions().dtype(torch::kFloat32).device(device);
  torch::Tensor ta = torch::zeros({n}, fopt), tb = torch::rand({n}, fopt), tc = torch::rand({n}, fopt);

  std::vector<Item> items;
  items.push_back({"triad a=b+s*c", 0, 3, [&] { at::add_out(ta, tb, tc, 0.5); }, nullptr, nullptr, {}});
  items.push_back({"copy a=b", 0, 2, [&] { ta.copy_(tb); }, nullptr, nullptr, {}});
  // In place: a is read before it is written, so its cache lines need no read-for-ownership;
  // the triad's a is written cold (on x86 the write costs a read too). The ratio of the two
  // bandwidths shows how much the STREAM convention flatters an in-place update.
  items.push_back({"axpy in place a+=s*c", 0, 3, [&] { ta.add_(tc, 0.5); }, nullptr, nullptr, {}});

  // Learning rates small enough that hundreds of steps stay finite (checked: refusals are
  // reported); the values do not change the work of an elementwise step.
  std::vector<std::shared_ptr<torch::optim::Optimizer>> keep;
  auto ours = [&](const std::string& name, double minimal, auto make) {
    auto add = [&](const std::string& label, std::vector<torch::Tensor> ps) {
      auto o = make(std::move(ps));
      keep.push_back(o);
      items.push_back({label, minimal, minimal + 2, [o] { o->step(); }, [o] { return o->last_step_refused(); },
                       [o] { return o->last_outcomes().empty() ? std::string("?") : o->last_outcomes()[0].path; },
                       {}});
    };
    add("ours " + name + " (per tensor)", params);
    if (flat) add("ours " + name + " (flat)", {flat->parameter()});
  };
  auto theirs = [&](const std::string& name, double minimal, auto make) {
    auto o = make(params);
    keep.push_back(o);
    items.push_back({"torch " + name + " (per tensor)", minimal, minimal, [o] { o->step(); }, nullptr, nullptr, {}});
  };
  using PV = std::vector<torch::Tensor>;
  ours("sgd", 3, [](PV ps) { return std::make_shared<ov::gpu::SGD>(ps, ov::gpu::SGDOptions(1e-3)); });
  theirs("sgd", 3, [](PV ps) { return std::make_shared<torch::optim::SGD>(ps, torch::optim::SGDOptions(1e-3)); });
  ours("sgd_momentum", 5,
       [](PV ps) { return std::make_shared<ov::gpu::SGD>(ps, ov::gpu::SGDOptions(1e-3).momentum(0.9)); });
  theirs("sgd_momentum", 5, [](PV ps) {
    return std::make_shared<torch::optim::SGD>(ps, torch::optim::SGDOptions(1e-3).momentum(0.9));
  });
  ours("adam", 7, [](PV ps) { return std::make_shared<ov::gpu::Adam>(ps, ov::gpu::AdamOptions(1e-4)); });
  theirs("adam", 7, [](PV ps) { return std::make_shared<torch::optim::Adam>(ps, torch::optim::AdamOptions(1e-4)); });
  ours("inna", 5, [](PV ps) { return std::make_shared<ov::gpu::Inna>(ps, ov::gpu::InnaOptions(1e-3)); });
  ours("rmsprop", 5, [](PV ps) {
    return std::make_shared<ov::gpu::Rmsprop>(
        ps, ov::gpu::RmspropOptions(1e-4).gamma(0.99).epsilon_placement("outside_sqrt"));
  });
  theirs("rmsprop", 5,
         [](PV ps) { return std::make_shared<torch::optim::RMSprop>(ps, torch::optim::RMSpropOptions(1e-4)); });

  if (!opt.only.empty()) {
    std::vector<Item> kept;
    for (auto& it : items)
      if (it.arrays_minimal == 0 || it.name.find(opt.only) != std::string::npos) kept.push_back(std::move(it));
    items = std::move(kept);
  }

  // Warm-up: allocates every state and scratch buffer, faults the pages in.
  for (int w = 0; w < 2; ++w)
    for (auto& it : items) it.run();
  sync();
  std::int64_t refusals = 0;
  for (int r = 0; r < opt.rounds; ++r) {
    for (auto& it : items) {
      // The reference loops (triad, copy, axpy) take 3 samples per round: their minimum sets
      // every bound, so it must not come from a round that another process disturbed.
      for (int rep = 0; rep < (it.arrays_minimal == 0 ? 3 : 1); ++rep) {
        sync();
        const auto t0 = std::chrono::steady_clock::now();
        it.run();
        sync();
        it.seconds.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
        if (it.refused && it.refused()) ++refusals;
      }
    }
  }

  const double triad_min = minimum(items[0].seconds), triad_med = median(items[0].seconds);
  const double bw_min = 3 * array_bytes / triad_min, bw_med = 3 * array_bytes / triad_med;  // bytes/s
  const double inplace_bw_min = 3 * array_bytes / minimum(items[2].seconds);
  std::map<std::string, double> torch_min, torch_med;
  for (const auto& it : items)
    if (it.name.rfind("torch ", 0) == 0) {
      const std::string rule = it.name.substr(6, it.name.find(' ', 6) - 6);
      torch_min[rule] = minimum(it.seconds);
      torch_med[rule] = median(it.seconds);
    }

  std::printf("optimizer step, ResNet-18 parameters: %lld float32 in %zu tensors, device %s, %d threads, %d rounds\n",
              static_cast<long long>(n), params.size(), opt.device.c_str(), opt.threads, opt.rounds);
  std::printf("triad bandwidth: %.2f GB/s (min time), %.2f GB/s (median time); copy: %.2f GB/s (min time)\n",
              bw_min / 1e9, bw_med / 1e9, 2 * array_bytes / minimum(items[1].seconds) / 1e9);
  std::printf("in-place axpy bandwidth: %.2f GB/s (min time)\n", inplace_bw_min / 1e9);
  std::printf("%-32s %9s %9s %7s %7s %9s %9s %9s %9s %9s %9s\n", "item", "min ms", "med ms", "arrays", "moved",
              "x_bound", "x_bound", "x_moved", "x_inplace", "x_torch", "x_torch");
  std::printf("%-32s %9s %9s %7s %7s %9s %9s %9s %9s %9s %9s\n", "", "", "", "minimal", "", "(min)", "(median)",
              "(min)", "(min)", "(min)", "(median)");
  nlohmann::json out;
  out["device"] = opt.device;
  out["threads"] = opt.threads;
  out["rounds"] = opt.rounds;
  out["parameters"] = n;
  out["tensors"] = params.size();
  out["triad_gb_per_s_min_time"] = bw_min / 1e9;
  out["triad_gb_per_s_median_time"] = bw_med / 1e9;
  out["copy_gb_per_s_min_time"] = 2 * array_bytes / minimum(items[1].seconds) / 1e9;
  out["inplace_axpy_gb_per_s_min_time"] = inplace_bw_min / 1e9;
  out["refused_steps"] = refusals;
  for (const auto& it : items) {
    const double tmin = minimum(it.seconds), tmed = median(it.seconds);
    nlohmann::json row;
    row["name"] = it.name;
    row["min_ms"] = tmin * 1e3;
    row["median_ms"] = tmed * 1e3;
    row["seconds"] = it.seconds;
    if (it.path) row["kernel_path"] = it.path();
    if (it.arrays_minimal > 0) {
      const double bound_min = it.arrays_minimal * array_bytes / bw_min;
      const double bound_med = it.arrays_minimal * array_bytes / bw_med;
      const double moved_min = it.arrays_moved * array_bytes / bw_min;
      const std::string rule = it.name.substr(it.name.find(' ') + 1, it.name.find(' ', it.name.find(' ') + 1) -
                                                                         it.name.find(' ') - 1);
      const bool has_torch = torch_min.count(rule) > 0;
      const double xt_min = has_torch ? tmin / torch_min[rule] : 0, xt_med = has_torch ? tmed / torch_med[rule] : 0;
      const double inplace_min = it.arrays_minimal * array_bytes / inplace_bw_min;
      std::printf("%-32s %9.2f %9.2f %7.0f %7.0f %9.2f %9.2f %9.2f %9.2f ", it.name.c_str(), tmin * 1e3, tmed * 1e3,
                  it.arrays_minimal, it.arrays_moved, tmin / bound_min, tmed / bound_med, tmin / moved_min,
                  tmin / inplace_min);
      if (has_torch)
        std::printf("%9.2f %9.2f\n", xt_min, xt_med);
      else
        std::printf("%9s %9s\n", "-", "-");
      row["arrays_minimal"] = it.arrays_minimal;
      row["arrays_moved"] = it.arrays_moved;
      row["x_bound_min"] = tmin / bound_min;
      row["x_bound_median"] = tmed / bound_med;
      row["x_moved_bound_min"] = tmin / moved_min;
      row["x_inplace_bound_min"] = tmin / inplace_min;
      row["achieved_gb_per_s_min_time"] = it.arrays_minimal * array_bytes / tmin / 1e9;
      if (has_torch) {
        row["x_torch_min"] = xt_min;
        row["x_torch_median"] = xt_med;
      }
    } else {
      std::printf("%-32s %9.2f %9.2f %7s %7.0f\n", it.name.c_str(), tmin * 1e3, tmed * 1e3, "-", it.arrays_moved);
    }
    out["items"].push_back(row);
  }
  std::printf("\n%-32s %12s %12s %12s %12s\n", "achieved bandwidth", "GB/s min", "of triad", "of peak", "moved GB/s");
  for (const auto& it : items) {
    if (it.arrays_minimal == 0) continue;
    const double tmin = minimum(it.seconds);
    const double gbs = it.arrays_minimal * array_bytes / tmin / 1e9;
    std::printf("%-32s %12.1f %12.2f ", it.name.c_str(), gbs, gbs / (bw_min / 1e9));
    if (opt.peak_gbs > 0)
      std::printf("%12.2f ", gbs / opt.peak_gbs);
    else
      std::printf("%12s ", "-");
    std::printf("%12.1f\n", it.arrays_moved * array_bytes / tmin / 1e9);
  }
  if (opt.peak_gbs > 0) out["peak_gb_per_s"] = opt.peak_gbs;
  std::string paths;
  for (const auto& it : items)
    if (it.path) paths += (paths.empty() ? "" : ", ") + it.name.substr(5) + ": " + it.path();
  std::printf("kernel paths of our steps: %s\n", paths.c_str());
  const double spread = median(items[0].seconds) / minimum(items[0].seconds);
  std::printf("noise: triad median/min = %.2f; refused steps: %lld (must be 0)\n", spread,
              static_cast<long long>(refusals));
  std::printf("x_bound = time / (minimal arrays x 4 B x n / triad bandwidth); x_moved = the same with the arrays\n"
              "our step moves (+2: the commit copy p <- p1); x_inplace = x_bound with the in-place axpy's bandwidth;\n"
              "x_torch = ours / torch::optim's step.\n");
  if (!opt.json.empty()) {
    std::ofstream f(opt.json);
    if (!f) throw std::runtime_error("--json: cannot write " + opt.json);
    f << out.dump(2) << "\n";
  }
  return refusals == 0 ? 0 : 1;
} catch (const std::exception& e) {
  std::cerr << "optimizer_step_bench: " << e.what() << "\n";
  return 2;
}
