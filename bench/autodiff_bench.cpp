// Gradient and Hessian of a 9-variable chain (tests/autodiff/test_functors.hpp)
// by chunked Jets in double and mp100, and by mp100 central differences.
#include <benchmark/benchmark.h>

#include "analysis/autodiff/finite_difference.hpp"
#include "analysis/autodiff/forward_mode.hpp"
#include "tests/autodiff/test_functors.hpp"

namespace {

using ov::Vec;
using F = ov::testing::Chain9<true>;

template <class S>
Vec<S> point() {
  Vec<S> x(9);
  for (int i = 0; i < 9; ++i) x[i] = S(i + 1) / S(8);
  return x;
}

template <class S>
void BM_Gradient(benchmark::State& st) {
  const Vec<S> x = point<S>();
  for (auto _ : st) benchmark::DoNotOptimize(ov::ad::gradient(F{}, x));
}
template <class S>
void BM_Hessian(benchmark::State& st) {
  const Vec<S> x = point<S>();
  for (auto _ : st) benchmark::DoNotOptimize(ov::ad::hessian(F{}, x));
}
void BM_FdGradientMp100(benchmark::State& st) {
  const Vec<ov::mp100> x = point<ov::mp100>();
  const auto f = [](const Vec<ov::mp100>& y) { return F{}(y); };
  for (auto _ : st) benchmark::DoNotOptimize(ov::fd::gradient(f, x));
}
void BM_FdGradientCheckMp100(benchmark::State& st) {
  const Vec<ov::mp100> x = point<ov::mp100>();
  const Vec<ov::mp100> g = F{}.gradient(x);
  const auto f = [](const Vec<ov::mp100>& y) { return F{}(y); };
  for (auto _ : st) benchmark::DoNotOptimize(ov::fd::check_gradient(f, g, x).passed);
}

BENCHMARK_TEMPLATE(BM_Gradient, double);
BENCHMARK_TEMPLATE(BM_Gradient, ov::mp100);
BENCHMARK_TEMPLATE(BM_Hessian, double);
BENCHMARK_TEMPLATE(BM_Hessian, ov::mp100);
BENCHMARK(BM_FdGradientMp100);
BENCHMARK(BM_FdGradientCheckMp100);

}  // namespace

BENCHMARK_MAIN();
