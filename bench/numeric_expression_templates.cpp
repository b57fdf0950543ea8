// Boost.Multiprecision expression templates on vs off, for MPFR at 50 and 100 digits.
//
// Kernels (each over n = 64 entries, inputs built exactly from integers):
//   Axpy            y = a x + y
//   Dot             sum x_i y_i
//   Elementary      sum exp(x_i) + sin(x_i) * sqrt(|y_i|) + tanh(x_i / 3)
//   FusedKernel     the three above in one pass (a representative optimizer-step body)
//   MatVec          8x8 Eigen matrix times vector
// Run: build/<dir>/bench/numeric_expression_templates --benchmark_min_time=0.2
// Results and the decision: docs/numeric.md ("Expression templates").
#include <benchmark/benchmark.h>

#include <Eigen/Core>
#include <boost/multiprecision/eigen.hpp>
#include <boost/multiprecision/mpfr.hpp>
#include <vector>

namespace {

namespace bmp = boost::multiprecision;
template <unsigned D, bmp::expression_template_option ET>
using Mp = bmp::number<bmp::mpfr_float_backend<D>, ET>;

constexpr int kN = 64;

template <class T>
std::vector<T> data(int shift) {
  std::vector<T> v(kN);
  for (int i = 0; i < kN; ++i) v[i] = T(i + shift) / T(kN + 7);  // exact inputs, no double literals
  return v;
}

template <class T>
void Axpy(benchmark::State& state) {
  const auto x = data<T>(1);
  auto y = data<T>(3);
  const T a = T(3) / T(7);
  for (auto _ : state) {
    for (int i = 0; i < kN; ++i) y[i] = a * x[i] + y[i];
    benchmark::DoNotOptimize(y.data());
  }
}

template <class T>
void Dot(benchmark::State& state) {
  const auto x = data<T>(1), y = data<T>(3);
  for (auto _ : state) {
    T s = 0;
    for (int i = 0; i < kN; ++i) s += x[i] * y[i];
    benchmark::DoNotOptimize(s);
  }
}

template <class T>
void Elementary(benchmark::State& state) {
  const auto x = data<T>(1), y = data<T>(3);
  for (auto _ : state) {
    T s = 0;
    for (int i = 0; i < kN; ++i) s += exp(x[i]) + sin(x[i]) * sqrt(abs(y[i])) + tanh(x[i] / 3);
    benchmark::DoNotOptimize(s);
  }
}

template <class T>
void FusedKernel(benchmark::State& state) {
  const auto x = data<T>(1);
  auto y = data<T>(3);
  const T a = T(3) / T(7);
  for (auto _ : state) {
    T d = 0, e = 0;
    for (int i = 0; i < kN; ++i) {
      y[i] = a * x[i] + y[i];
      d += x[i] * y[i];
      e += exp(x[i]) + sin(x[i]) * sqrt(abs(y[i])) + tanh(x[i] / 3);
    }
    benchmark::DoNotOptimize(d);
    benchmark::DoNotOptimize(e);
  }
}

template <class T>
void MatVec(benchmark::State& state) {
  using M = Eigen::Matrix<T, 8, 8>;
  using V = Eigen::Matrix<T, 8, 1>;
  M A;
  V v;
  for (int i = 0; i < 8; ++i) {
    v[i] = T(i + 1) / T(11);
    for (int j = 0; j < 8; ++j) A(i, j) = T(i - j) / T(13);
  }
  for (auto _ : state) {
    V w = A * v;
    benchmark::DoNotOptimize(w.data());
  }
}

#define OV_ET_BENCH(kernel)                                \
  BENCHMARK_TEMPLATE(kernel, Mp<50, bmp::et_off>);         \
  BENCHMARK_TEMPLATE(kernel, Mp<50, bmp::et_on>);          \
  BENCHMARK_TEMPLATE(kernel, Mp<100, bmp::et_off>);        \
  BENCHMARK_TEMPLATE(kernel, Mp<100, bmp::et_on>);

OV_ET_BENCH(Axpy)
OV_ET_BENCH(Dot)
OV_ET_BENCH(Elementary)
OV_ET_BENCH(FusedKernel)
OV_ET_BENCH(MatVec)

}  // namespace

BENCHMARK_MAIN();
