// Training throughput (images/s) of a nets/torch zoo model (issue 10, "Performance": ResNet-18 at
// batch 200 on the default device): forward + cross-entropy + backward + one optimizer step
// (ov::gpu::SGD, momentum 0.9, over the model's parameters), timed per iteration after warm-up.
//
//   build/release/bench/training_throughput_bench [--model resnet18] [--batch 200] [--iters 3]
//       [--warmup 1] [--device auto|cpu|cuda|cuda:N] [--threads N] [--json FILE]
//
// Inputs are synthetic (torch::randn images, random labels, seed 1) of the model's input shape
// (colour 32x32, 10 classes; gray 28x28 for lenet / mnist_autoencoder-like models is not
// offered here): data loading is not measured, the model's arithmetic is. The table gives each
// iteration's time split into forward+backward and step, and images/s from the minimum and the
// median iteration time.
#include <torch/cuda.h>
#include <torch/torch.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "gpu/optim/sgd.hpp"
#include "bench/integer_option.hpp"
#include "nets/torch/model_zoo.hpp"
#include "nets/torch/zoo_model.hpp"

namespace training_throughput_bench {

struct Options {
  std::string model = "resnet18";
  std::int64_t batch = 200;
  int iters = 3;
  int warmup = 1;
  std::string device = "auto";
  int threads = 0;  // 0: std::thread::hardware_concurrency()
  std::string json;
};

const char* const kUsage =
    "usage: training_throughput_bench [--model NAME] [--batch N>=1] [--iters N>=1] "
    "[--warmup N>=0] [--device auto|cpu|cuda|cuda:N] [--threads N>=1] [--json FILE]";

[[noreturn]] void usage_error(const std::string& what) { throw std::invalid_argument(what + "\n" + kUsage); }

long long to_integer(const std::string& option, const std::string& v, long long lowest) {
  return static_cast<long long>(ov::bench::integer_option(option, v, lowest, kUsage));
}

Options parse(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (i + 1 >= argc) usage_error("option " + a + " needs a value");
    const std::string v = argv[++i];
    if (a == "--model") {
      o.model = v;
    } else if (a == "--batch") {
      o.batch = to_integer(a, v, 1);
    } else if (a == "--iters") {
      o.iters = static_cast<int>(to_integer(a, v, 1));
    } else if (a == "--warmup") {
      o.warmup = static_cast<int>(to_integer(a, v, 0));
    } else if (a == "--device") {
      o.device = v;
    } else if (a == "--threads") {
      o.threads = static_cast<int>(to_integer(a, v, 1));
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

}  // namespace training_throughput_bench

int main(int argc, char** argv) try {
  using namespace training_throughput_bench;
  using Clock = std::chrono::steady_clock;
  Options opt = parse(argc, argv);
  if (opt.device == "auto") opt.device = torch::cuda::is_available() ? "cuda" : "cpu";
  const torch::Device device(opt.device);
  const bool cuda = device.is_cuda();
  if (cuda && !torch::cuda::is_available())
    throw std::invalid_argument("--device " + opt.device + ": this LibTorch has no CUDA device available");
  const int threads = opt.threads > 0 ? opt.threads : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  at::set_num_threads(threads);
  auto sync = [&] {
    if (cuda) torch::cuda::synchronize();
  };

  torch::manual_seed(1);
  const auto spec = ov::nets::torchzoo::ModelSpec::colour32(10);
  auto model = ov::nets::torchzoo::make_model(opt.model, spec);
  model->to(device);
  model->train();
  ov::gpu::SGD optimizer(model->parameters(), ov::gpu::SGDOptions(1e-3).momentum(0.9));
  const auto x = torch::randn({opt.batch, spec.channels, spec.image_size, spec.image_size},
                              torch::TensorOptions().device(device));
  const auto y = torch::randint(0, spec.num_classes, {opt.batch}, torch::TensorOptions().dtype(torch::kLong).device(device));

  std::vector<double> total, fwd_bwd, step;
  for (int it = 0; it < opt.warmup + opt.iters; ++it) {
    sync();
    const auto t0 = Clock::now();
    optimizer.zero_grad();
    const auto loss = torch::nn::functional::cross_entropy(model->forward(x), y);
    loss.backward();
    sync();
    const auto t1 = Clock::now();
    optimizer.step();
    sync();
    const auto t2 = Clock::now();
    if (optimizer.last_step_refused()) throw std::runtime_error("the optimizer refused a step (non-finite values)");
    if (it < opt.warmup) continue;
    fwd_bwd.push_back(std::chrono::duration<double>(t1 - t0).count());
    step.push_back(std::chrono::duration<double>(t2 - t1).count());
    total.push_back(std::chrono::duration<double>(t2 - t0).count());
  }
  const double tmin = *std::min_element(total.begin(), total.end()), tmed = median(total);
  const auto b = static_cast<double>(opt.batch);
  std::printf("training throughput: %s, batch %lld, device %s, %d threads, %d iterations after %d warm-up\n",
              opt.model.c_str(), static_cast<long long>(opt.batch), opt.device.c_str(), threads, opt.iters,
              opt.warmup);
  std::printf("%-10s %12s %12s %10s\n", "iteration", "fwd+bwd s", "step s", "images/s");
  for (std::size_t i = 0; i < total.size(); ++i)
    std::printf("%-10zu %12.3f %12.4f %10.1f\n", i + 1, fwd_bwd[i], step[i], b / total[i]);
  std::printf("images/s: %.1f (min time), %.1f (median time); step share of an iteration: %.1f %%\n", b / tmin,
              b / tmed, 100 * median(step) / tmed);
  if (!opt.json.empty()) {
    nlohmann::json j = {{"model", opt.model},         {"batch", opt.batch},
                        {"device", opt.device},       {"threads", threads},
                        {"iterations", opt.iters},    {"warmup", opt.warmup},
                        {"forward_backward_s", fwd_bwd}, {"step_s", step},
                        {"images_per_s_min_time", b / tmin}, {"images_per_s_median_time", b / tmed}};
    std::ofstream f(opt.json);
    if (!f) throw std::runtime_error("--json: cannot write " + opt.json);
    f << j.dump(2) << "\n";
  }
  return 0;
} catch (const std::exception& e) {
  std::cerr << "training_throughput_bench: " << e.what() << "\n";
  return 2;
}
