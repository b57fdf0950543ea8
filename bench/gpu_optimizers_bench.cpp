// One Adam step of ov::gpu::Adam (the core's AdamKernel over tensors, gpu/optim) against
// torch::optim::Adam on the same parameters, in one run (ratios, not absolute times, are what
// this machine can report: it is shared and noisy):
//   BM_OursPerTensor / BM_TorchAdam   a ResNet-like list of tensors (20 tensors, ~N floats)
//   BM_OursFlat                       the same parameters in one buffer (FlatParameters)
// Arguments: N (total coordinates), the number of threads (at::set_num_threads), float64 (1) or
// float32 (0).
//   build/release/bench/gpu_optimizers_bench --benchmark_min_time=0.5
#include <benchmark/benchmark.h>

#include <torch/torch.h>

#include <memory>
#include <vector>

#include "gpu/optim/adam.hpp"
#include "gpu/optim/flat_parameters.hpp"

namespace {

// 20 tensors whose sizes sum to n (one large, several medium and small, like a network).
std::vector<torch::Tensor> make_params(std::int64_t n, bool double_precision) {
  const auto dtype = double_precision ? torch::kFloat64 : torch::kFloat32;
  torch::manual_seed(1);
  std::vector<torch::Tensor> ps;
  std::int64_t left = n;
  for (int i = 0; i < 19; ++i) {
    const std::int64_t size = std::max<std::int64_t>(1, left / 4);
    ps.push_back(torch::randn({size}, dtype).requires_grad_(true));
    left -= size;
  }
  ps.push_back(torch::randn({std::max<std::int64_t>(1, left)}, dtype).requires_grad_(true));
  for (auto& p : ps) p.mutable_grad() = torch::randn_like(p) * 1e-3;
  return ps;
}

template <class Make>
void run(benchmark::State& state, Make make) {
  at::set_num_threads(static_cast<int>(state.range(1)));
  auto ps = make_params(state.range(0), state.range(2) != 0);
  auto opt = make(ps);
  for (auto _ : state) {
    opt->step();
    benchmark::ClobberMemory();
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}

void BM_TorchAdam(benchmark::State& state) {
  run(state, [](std::vector<torch::Tensor>& ps) {
    return std::make_unique<torch::optim::Adam>(ps, torch::optim::AdamOptions(1e-3));
  });
}
void BM_OursPerTensor(benchmark::State& state) {
  run(state, [](std::vector<torch::Tensor>& ps) {
    return std::make_unique<ov::gpu::Adam>(ps, ov::gpu::AdamOptions(1e-3));
  });
}
void BM_OursFlat(benchmark::State& state) {
  at::set_num_threads(static_cast<int>(state.range(1)));
  auto ps = make_params(state.range(0), state.range(2) != 0);
  ov::gpu::FlatParameters flat(ps);
  ov::gpu::Adam opt({flat.parameter()}, ov::gpu::AdamOptions(1e-3));
  for (auto _ : state) {
    opt.step();
    benchmark::ClobberMemory();
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}

void args(benchmark::internal::Benchmark* b) {
  for (int dp : {0, 1})
    for (std::int64_t n : {1 << 16, 1 << 22})
      for (int threads : {1, 2}) b->Args({n, threads, dp});
}

}  // namespace

BENCHMARK(BM_TorchAdam)->Apply(args)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_OursPerTensor)->Apply(args)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_OursFlat)->Apply(args)->Unit(benchmark::kMicrosecond);
BENCHMARK_MAIN();
