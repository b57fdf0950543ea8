// Forward + backward pass (mean loss and full gradient) of the same fully connected network
// on the same batch: ours (nets::NetworkObjective<double>::batch_value_and_gradient, and the
// same in mp50 on the small networks) against LibTorch 1.13 CPU autograd in float64
// (tests/nets/torch/torch_network.hpp: torch::addmm layers, the parameters copied from our
// theta, the same activations and loss). Issue 7, "Performance"; docs/performance-networks.md.
//
// Architectures (003 = 003_61d556b637c4f269.txt):
//   003 §5.1 (L985-L987): 2 -> 20 leaky_relu(0.1) -> 1 logistic, log loss, batch 100 (n = 100),
//            parameters U(-100, 100) (the author's code, [REPO], guide §3.2)
//   003 §5.2 (L1031):     8 -> 12x5 relu -> 1 identity, square loss, batches 50 and 1000
//   003 §5.3 (L1084):     196 -> 10x3 relu -> 1 logistic, log loss, batches 1, 10, 1000
//   wide (not in the documents): 784 -> 256 relu -> 256 relu -> 10, softmax cross-entropy, batch 128
// §5.2-5.3 and wide start from Glorot-uniform weights ([EXT]/[REPO], nets/core/initialization.hpp).
// Data: seeded (SplitMix64) synthetic inputs and labels of the documents' shapes; the time of a
// pass does not depend on the values (apart from branch prediction in ReLU).
//
// Threads: ours is single-threaded; torch runs with torch::set_num_threads(1) ("torch_t1"), then
// again with its default intra-op thread count read at start-up when that is not 1, and with
// one thread per logical CPU ("torch_t<k>"; the default is printed at start-up).
// Before any timing, every case is checked: ours and torch must give the same loss and
// gradient to 1e-12 relative (tests/nets/torch/crosscheck_test.cpp says why); the program
// exits with status 1 and a message otherwise (OV_NETS_BENCH_MUTANT=1 mutates torch's first
// layer to show it).
//
//   build/release/bench/nets_bench --benchmark_min_time=0.2
#include <benchmark/benchmark.h>

#include <torch/torch.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>
#include <vector>

#include "nets/core/initialization.hpp"
#include "nets/core/network_objective.hpp"
#include "optim/core/random.hpp"
#include "tests/nets/torch/torch_network.hpp"

namespace {

using namespace ov;

optim::Batch whole(const nets::Dataset& d) {  // 0, 1, ..., n-1
  optim::Batch b(static_cast<std::size_t>(d.size()));
  for (std::size_t i = 0; i < b.size(); ++i) b[i] = i;
  return b;
}

using namespace ov::nets;

struct BenchCase {
  std::string name;  // e.g. "5.2_8-12x5-1/B50"
  Architecture arch;
  Dataset data;
  Vec<double> theta;
  bool mp50;  // also time ours in mp50
};

Dataset synthetic(const Architecture& a, int batch, bool pixels, std::uint64_t seed) {
  optim::SplitMix64 r(seed);
  Dataset d;
  d.name = "synthetic";
  d.seed = seed;
  d.inputs.resize(batch, a.input_dim);
  d.targets = Eigen::MatrixXd::Zero(batch, a.output_dim());
  for (int s = 0; s < batch; ++s) {
    for (int k = 0; k < a.input_dim; ++k) d.inputs(s, k) = pixels ? r.uniform() : 2 * r.uniform() - 1;
    if (a.loss.kind == LossKind::log_loss) {
      d.targets(s, 0) = static_cast<double>(r.below(2));
    } else if (a.loss.kind == LossKind::softmax_cross_entropy) {
      d.targets(s, static_cast<Eigen::Index>(r.below(static_cast<std::uint64_t>(a.output_dim())))) = 1;
    } else {
      d.targets(s, 0) = 2 * r.uniform() - 1;
    }
  }
  return d;
}

std::vector<BenchCase> make_cases() {
  std::vector<BenchCase> cases;
  const Activation relu{ActivationKind::relu};
  Activation leaky{ActivationKind::leaky_relu};
  leaky.slope = rational(1, 10);
  const Architecture s51 = Architecture::fully_connected(2, {20}, leaky, 1, Activation{ActivationKind::logistic},
                                                         Loss{LossKind::log_loss});
  const Architecture s52 = Architecture::fully_connected(8, {12, 12, 12, 12, 12}, relu, 1, Activation{},
                                                         Loss{LossKind::square});
  const Activation logistic{ActivationKind::logistic};
  const Architecture s53 =
      Architecture::fully_connected(196, {10, 10, 10}, relu, 1, logistic, Loss{LossKind::log_loss});
  const Architecture wide = Architecture::fully_connected(784, {256, 256}, relu, 10, Activation{},
                                                          Loss{LossKind::softmax_cross_entropy});
  auto add = [&](const std::string& name, Architecture a, int batch, bool pixels, bool mp50, bool uniform100) {
    a.order = ParameterOrder::layer_by_layer;  // theta laid out as torch's parameters(): W1, b1, W2, b2, ...
    const std::uint64_t seed = 1000 + cases.size();
    cases.push_back({name + "/B" + std::to_string(batch), a, synthetic(a, batch, pixels, seed),
                     uniform100 ? uniform_initialization(a, 100.0, seed) : glorot_uniform_initialization(a, seed),
                     mp50});
  };
  add("5.1_2-20-1", s51, 100, false, true, true);
  add("5.2_8-12x5-1", s52, 50, false, true, false);
  add("5.2_8-12x5-1", s52, 1000, false, false, false);
  add("5.3_196-10x3-1", s53, 1, true, true, false);
  add("5.3_196-10x3-1", s53, 10, true, true, false);
  add("5.3_196-10x3-1", s53, 1000, true, false, false);
  add("wide_784-256-256-10", wide, 128, true, false, false);
  return cases;
}

// Ours and torch must agree before anything is timed (1e-12 relative; see the header).
bool check(const BenchCase& c) {
  const NetworkObjective<double> f(c.arch, c.data);
  Vec<double> g, gt;
  const double v = f.batch_value_and_gradient(c.theta, whole(c.data), g);
  libtorch::TorchNetwork net(c.arch, c.theta);
  // OV_NETS_BENCH_MUTANT=1: torch's first layer computes tanh instead (shows that the guard fires).
  if (const char* m = std::getenv("OV_NETS_BENCH_MUTANT"); m && std::string(m) == "1")
    net.set_activation(1, Activation{ActivationKind::tanh});
  const double vt = net.loss_and_gradient(libtorch::rows_to_tensor(c.data.inputs),
                                          libtorch::rows_to_tensor(c.data.targets), gt);
  const double loss_err = std::abs(v - vt) / std::abs(vt);
  const double scale = gt.cwiseAbs().maxCoeff();
  const double grad_err = (g - gt).cwiseAbs().maxCoeff() / (scale > 0 ? scale : 1.0);
  const bool ok = std::isfinite(v) && loss_err <= 1e-12 && grad_err <= 1e-12;
  std::fprintf(ok ? stdout : stderr, "%s %s: loss %.17g (torch %.17g), relative error %.2g, gradient %.2g\n",
               ok ? "checked" : "MISMATCH", c.name.c_str(), v, vt, loss_err, grad_err);
  return ok;
}

template <class S>
void run_ours(benchmark::State& st, const BenchCase& c) {
  const NetworkObjective<S> f(c.arch, c.data);
  Vec<S> theta(c.theta.size()), g;
  for (Eigen::Index i = 0; i < theta.size(); ++i) theta[i] = data_as<S>(c.theta[i]);
  const optim::Batch batch = whole(c.data);
  for (auto _ : st) {
    S v = f.batch_value_and_gradient(theta, batch, g);
    benchmark::DoNotOptimize(v);
    benchmark::DoNotOptimize(g.data());
  }
  st.SetItemsProcessed(st.iterations() * c.data.size());
  st.counters["params"] = static_cast<double>(c.arch.num_parameters());
}

void run_torch(benchmark::State& st, const BenchCase& c, int threads) {
  torch::set_num_threads(threads);
  libtorch::TorchNetwork net(c.arch, c.theta);
  const torch::Tensor x = libtorch::rows_to_tensor(c.data.inputs), y = libtorch::rows_to_tensor(c.data.targets);
  for (auto _ : st) benchmark::DoNotOptimize(net.forward_backward(x, y));
  st.SetItemsProcessed(st.iterations() * c.data.size());
  st.counters["params"] = static_cast<double>(c.arch.num_parameters());
  st.counters["threads"] = threads;
}

}  // namespace

int main(int argc, char** argv) {
  const int default_threads = torch::get_num_threads();  // before anything changes it
  static const std::vector<BenchCase> cases = make_cases();
  torch::set_num_threads(1);
  bool ok = true;
  for (const auto& c : cases) ok = check(c) && ok;
  if (!ok) {
    std::fprintf(stderr, "nets_bench: ours and LibTorch disagree beyond 1e-12 relative; nothing timed\n");
    return 1;
  }
  std::printf("torch intra-op threads: default %d, logical CPUs %u; torch_t<k> runs with k threads; ours: 1\n",
              default_threads, std::thread::hardware_concurrency());
  for (const auto& c : cases) {
    benchmark::RegisterBenchmark(("ours_double/" + c.name).c_str(),
                                 [&c](benchmark::State& st) { run_ours<double>(st, c); })
        ->Unit(benchmark::kMicrosecond);
    benchmark::RegisterBenchmark(("torch_t1/" + c.name).c_str(), [&c](benchmark::State& st) { run_torch(st, c, 1); })
        ->Unit(benchmark::kMicrosecond);
    if (c.mp50)
      benchmark::RegisterBenchmark(("ours_mp50/" + c.name).c_str(),
                                   [&c](benchmark::State& st) { run_ours<mp50>(st, c); })
          ->Unit(benchmark::kMicrosecond);
  }
  // torch with more threads: its default (when not 1) and every logical CPU of the machine.
  std::vector<int> more;
  const int cpus = static_cast<int>(std::thread::hardware_concurrency());
  if (default_threads > 1) more.push_back(default_threads);
  if (cpus > 1 && cpus != default_threads) more.push_back(cpus);
  for (const int t : more)
    for (const auto& c : cases)
      benchmark::RegisterBenchmark(("torch_t" + std::to_string(t) + "/" + c.name).c_str(),
                                   [&c, t](benchmark::State& st) { run_torch(st, c, t); })
          ->Unit(benchmark::kMicrosecond);
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 2;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
