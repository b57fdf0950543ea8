// Per-iteration cost of the elementwise rules (optim/rules/*.hpp) in double on
// 1e6- and 1e7-dimensional vectors, next to a STREAM-like triad a = b + s c measured
// in the same run; and one full step in double vs mp50 on a 2-D quadratic.
//
// Kernel benchmarks run exactly what a rule's step does after the gradient is known:
// elementwise(kernel, consts, in(...), out(...)) (one fused loop with the finiteness
// test folded in) followed by the O(1) swaps of the double buffers. Counters:
//   bytes        bytes the loop must move: 8 n per input and per output array
//                (no write-allocate traffic counted, as STREAM does not count it);
//   triad_GBs    the triad's bandwidth, best of 5 timed passes after a warm-up,
//                measured once per (n) in this process;
//   x_triad      time per iteration / (bytes / triad bandwidth): 1.0 means the rule
//                runs at the triad's memory speed, > 1 means slower than that bound.
// The Step benchmarks time the whole Optimizer::step (oracle call copying a
// precomputed gradient into the rule's scratch, plus the kernel). The StepQuadratic
// benchmarks time a whole step of every elementwise rule on the diagonal quadratic
// f = sum a_i x_i^2 / 2 whose gradient g = a .* x is written in place
// (Objective::gradient_into): bytes = 3 arrays for the gradient pass + the kernel's.
//
//   build/<dir>/bench/optim_elementwise_bench --benchmark_min_time=0.5
//   (add --benchmark_filter=Kernel to skip the mp50 part)
#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <memory>

#include "analysis/numeric/linear_algebra.hpp"
#include "analysis/numeric/scalars.hpp"
#include "optim/core/elementwise.hpp"
#include "optim/core/oracle.hpp"
#include "optim/rules/adadelta.hpp"
#include "optim/rules/adagrad.hpp"
#include "optim/rules/adam.hpp"
#include "optim/rules/adamax.hpp"
#include "optim/rules/heavy_ball.hpp"
#include "optim/rules/nadam.hpp"
#include "optim/rules/rmsprop.hpp"
#include "optim/rules/rmsprop_global.hpp"
#include "optim/rules/sgd.hpp"

namespace {

using namespace ov::optim;
using VecD = Vector<double>;

VecD filled(Eigen::Index n, double base) {
  VecD v(n);
  for (Eigen::Index i = 0; i < n; ++i) v[i] = base + static_cast<double>(i % 1000) / 1024.0;
  return v;
}

// STREAM triad bandwidth in bytes/s for vectors of length n (3 arrays of 8 n bytes).
double triad_bandwidth(Eigen::Index n) {
  static std::map<Eigen::Index, double> cache;
  auto it = cache.find(n);
  if (it != cache.end()) return it->second;
  VecD a(n), b = filled(n, 1), c = filled(n, 2);
  const double s = 3;
  double best = 1e300;
  for (int rep = 0; rep < 6; ++rep) {
    const auto t0 = std::chrono::steady_clock::now();
    for (Eigen::Index i = 0; i < n; ++i) a[i] = b[i] + s * c[i];
    benchmark::DoNotOptimize(a.data());
    benchmark::ClobberMemory();
    const double dt = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    if (rep > 0) best = std::min(best, dt);  // rep 0 warms up (page faults)
  }
  const double bw = 3.0 * 8.0 * static_cast<double>(n) / best;
  cache[n] = bw;
  return bw;
}

void report(benchmark::State& st, Eigen::Index n, int arrays) {
  const double bytes = 8.0 * static_cast<double>(n) * arrays;
  const double bw = triad_bandwidth(n);
  st.counters["bytes"] = bytes;
  st.counters["triad_GBs"] = bw / 1e9;
  // seconds per iteration / (bytes / bandwidth): kIsIterationInvariantRate would
  // divide by time; we want time * bw / bytes, i.e. the inverse of a rate.
  st.counters["x_triad"] = benchmark::Counter(bytes / bw, benchmark::Counter::kIsIterationInvariantRate |
                                                              benchmark::Counter::kInvert);
  st.SetBytesProcessed(static_cast<int64_t>(st.iterations()) * static_cast<int64_t>(bytes));
}

void BM_Triad(benchmark::State& st) {
  const Eigen::Index n = st.range(0);
  VecD a = filled(n, 0), b = filled(n, 1), c = filled(n, 2);
  for (auto _ : st) {
    for (Eigen::Index i = 0; i < n; ++i) a[i] = b[i] + 3.0 * c[i];
    benchmark::DoNotOptimize(a.data());
    benchmark::ClobberMemory();
  }
  report(st, n, 3);
}

// One state vector rules: (x, g, s) -> (x1, s1).
template <class Kernel, class C>
void run_one_state(benchmark::State& st, const C& c) {
  const Eigen::Index n = st.range(0);
  VecD x = filled(n, 1), g = filled(n, -0.5), s = filled(n, 0.25), x1(n), s1(n);
  elementwise(Kernel{}, c, in(x, g, s), out(x1, s1));  // first touch of the outputs, untimed
  for (auto _ : st) {
    benchmark::DoNotOptimize(elementwise(Kernel{}, c, in(x, g, s), out(x1, s1)));
    x.swap(x1);
    s.swap(s1);
    x.swap(x1);  // keep the same input values every iteration (swaps are O(1))
    s.swap(s1);
    benchmark::ClobberMemory();
  }
  report(st, n, 5);
}
// Two state vector rules: (x, g, m, v) -> (x1, m1, v1).
template <class Kernel, class C>
void run_two_states(benchmark::State& st, const C& c) {
  const Eigen::Index n = st.range(0);
  VecD x = filled(n, 1), g = filled(n, -0.5), m = filled(n, 0.1), v = filled(n, 0.25), x1(n), m1(n), v1(n);
  elementwise(Kernel{}, c, in(x, g, m, v), out(x1, m1, v1));  // first touch of the outputs, untimed
  for (auto _ : st) {
    benchmark::DoNotOptimize(elementwise(Kernel{}, c, in(x, g, m, v), out(x1, m1, v1)));
    x.swap(x1);
    m.swap(m1);
    v.swap(v1);
    x.swap(x1);
    m.swap(m1);
    v.swap(v1);
    benchmark::ClobberMemory();
  }
  report(st, n, 7);
}

const double lr = 1e-3;  // ov-lint: double-literal-ok (benchmark constants in double)

void BM_Kernel_Sgd(benchmark::State& st) {
  const Eigen::Index n = st.range(0);
  const SgdConstants<double> c{lr, 0, 0};
  VecD x = filled(n, 1), g = filled(n, -0.5), x1 = filled(n, 0);
  for (auto _ : st) {
    benchmark::DoNotOptimize(elementwise(SgdKernel{}, c, in(x, g), out(x1)));
    benchmark::ClobberMemory();
  }
  report(st, n, 3);
}
void BM_Kernel_RmspropGlobal(benchmark::State& st) {  // the reduction ||g||^2, then the kernel
  const Eigen::Index n = st.range(0);
  VecD x = filled(n, 1), g = filled(n, -0.5), x1 = filled(n, 0);
  for (auto _ : st) {
    const double v = 0.1 * squared_norm(g);  // ov-lint: double-literal-ok
    const RmspropGlobalConstants<double> c{lr, std::sqrt(1e-8 + v)};  // ov-lint: double-literal-ok
    benchmark::DoNotOptimize(elementwise(RmspropGlobalKernel{}, c, in(x, g), out(x1)));
    benchmark::ClobberMemory();
  }
  report(st, n, 4);  // g read twice
}
void BM_Kernel_HeavyBall(benchmark::State& st) { run_one_state<HeavyBallKernel>(st, HeavyBallConstants<double>{lr, 0.5}); }
void BM_Kernel_Adagrad(benchmark::State& st) { run_one_state<AdagradKernel>(st, AdagradConstants<double>{lr, 1e-10, 0}); }
void BM_Kernel_Rmsprop(benchmark::State& st) {
  run_one_state<RmspropKernel>(st, RmspropConstants<double>{lr, 0.9, 0.1, 1e-8, 0});  // ov-lint: double-literal-ok
}
void BM_Kernel_Adam(benchmark::State& st) {
  AdamConstants<double> c{0.9, 0.1, 0.999, 0.001, 2 * lr, 4, 0, 1e-8, 0, 0, 0};  // ov-lint: double-literal-ok
  run_two_states<AdamKernel>(st, c);
}
void BM_Kernel_Adamax(benchmark::State& st) {
  run_two_states<AdamaxKernel>(st, AdamaxConstants<double>{0.9, 0.1, 0.999, 0, lr});  // ov-lint: double-literal-ok
}
void BM_Kernel_Adadelta(benchmark::State& st) {
  run_two_states<AdadeltaKernel>(st, AdadeltaConstants<double>{1, 0.95, 0.05, 1e-6});  // ov-lint: double-literal-ok
}
void BM_Kernel_Nadam(benchmark::State& st) {
  NadamConstants<double> c{0.9, 0.1, 0.999, 0.001, 0.5, 0.1, 4, lr, 1e-8};  // ov-lint: double-literal-ok
  run_two_states<NadamKernel>(st, c);
}

// Whole steps: an objective returning a fixed gradient (one copy of g per step).
template <class S>
class FixedGradient : public Objective<S> {
 public:
  explicit FixedGradient(Vector<S> g) : g_(std::move(g)) {}
  int dim() const override { return static_cast<int>(g_.size()); }
  S value(const Vector<S>&) const override { return S(0); }
  Vector<S> gradient(const Vector<S>&) const override { return g_; }
  void gradient_into(const Vector<S>&, Vector<S>& g) const override { g = g_; }

 private:
  Vector<S> g_;
};

// f = sum a_i x_i^2 / 2 with the gradient written in place.
class DiagonalQuadratic : public Objective<double> {
 public:
  explicit DiagonalQuadratic(VecD a) : a_(std::move(a)) {}
  int dim() const override { return static_cast<int>(a_.size()); }
  double value(const VecD& x) const override { return 0.5 * x.dot(a_.cwiseProduct(x)); }  // ov-lint: double-literal-ok
  VecD gradient(const VecD& x) const override { return a_.cwiseProduct(x); }
  void gradient_into(const VecD& x, VecD& g) const override {
    g.resize(x.size());
    const Eigen::Index n = x.size();
    for (Eigen::Index i = 0; i < n; ++i) g[i] = a_[i] * x[i];
  }

 private:
  VecD a_;
};

// kernel_arrays: the arrays the rule's kernel moves (as in its BM_Kernel benchmark).
template <class Rule, int kernel_arrays>
void BM_StepQuadratic(benchmark::State& st) {
  const Eigen::Index n = st.range(0);
  DiagonalQuadratic f(filled(n, 1));
  Oracle<double> o(f);
  Rule rule;
  VecD x = filled(n, 1);
  rule.step(o, x);  // first step allocates the state and scratch buffers: untimed
  for (auto _ : st) {
    benchmark::DoNotOptimize(rule.step(o, x));
    benchmark::ClobberMemory();
  }
  report(st, n, 3 + kernel_arrays);
}

template <class Rule>
void BM_Step(benchmark::State& st) {
  const Eigen::Index n = st.range(0);
  FixedGradient<double> f(filled(n, -0.5));
  Oracle<double> o(f);
  Rule rule;
  VecD x = filled(n, 1);
  rule.step(o, x);  // first step allocates the state and scratch buffers: untimed
  for (auto _ : st) {
    benchmark::DoNotOptimize(rule.step(o, x));
    benchmark::ClobberMemory();
  }
}

// 2-D quadratic f = (x1^2 + 3 x2^2)/2, one full step of each rule.
template <class S>
class Quadratic2 : public Objective<S> {
 public:
  int dim() const override { return 2; }
  S value(const Vector<S>& x) const override { return (x[0] * x[0] + S(3) * x[1] * x[1]) / S(2); }
  Vector<S> gradient(const Vector<S>& x) const override {
    Vector<S> g(2);
    g << x[0], S(3) * x[1];
    return g;
  }
};
template <class Rule, class S>
void BM_Step2D(benchmark::State& st) {
  Quadratic2<S> f;
  Oracle<S> o(f);
  Rule rule;
  Vector<S> x(2);
  x << S(1), S(1);
  for (auto _ : st) {
    benchmark::DoNotOptimize(rule.step(o, x));
    x << S(1), S(1);  // stay away from the minimiser (no underflow over many steps)
  }
}

}  // namespace

#define OV_SIZES ->Arg(1000000)->Arg(10000000)->Unit(benchmark::kMillisecond)->UseRealTime()
BENCHMARK(BM_Triad) OV_SIZES;
BENCHMARK(BM_Kernel_Sgd) OV_SIZES;
BENCHMARK(BM_Kernel_HeavyBall) OV_SIZES;
BENCHMARK(BM_Kernel_Adagrad) OV_SIZES;
BENCHMARK(BM_Kernel_Rmsprop) OV_SIZES;
BENCHMARK(BM_Kernel_RmspropGlobal) OV_SIZES;
BENCHMARK(BM_Kernel_Adam) OV_SIZES;
BENCHMARK(BM_Kernel_Adamax) OV_SIZES;
BENCHMARK(BM_Kernel_Adadelta) OV_SIZES;
BENCHMARK(BM_Kernel_Nadam) OV_SIZES;
BENCHMARK_TEMPLATE(BM_Step, Sgd<double>) OV_SIZES;
BENCHMARK_TEMPLATE(BM_Step, Adam<double>) OV_SIZES;
BENCHMARK_TEMPLATE(BM_StepQuadratic, Sgd<double>, 3) OV_SIZES;
BENCHMARK_TEMPLATE(BM_StepQuadratic, HeavyBall<double>, 5) OV_SIZES;
BENCHMARK_TEMPLATE(BM_StepQuadratic, Adagrad<double>, 5) OV_SIZES;
BENCHMARK_TEMPLATE(BM_StepQuadratic, Rmsprop<double>, 5) OV_SIZES;
BENCHMARK_TEMPLATE(BM_StepQuadratic, RmspropGlobal<double>, 4) OV_SIZES;
BENCHMARK_TEMPLATE(BM_StepQuadratic, Adam<double>, 7) OV_SIZES;
BENCHMARK_TEMPLATE(BM_StepQuadratic, Adamax<double>, 7) OV_SIZES;
BENCHMARK_TEMPLATE(BM_StepQuadratic, Adadelta<double>, 7) OV_SIZES;
BENCHMARK_TEMPLATE(BM_StepQuadratic, Nadam<double>, 7) OV_SIZES;

#define OV_2D(R)                                     \
  BENCHMARK_TEMPLATE(BM_Step2D, R<double>, double);  \
  BENCHMARK_TEMPLATE(BM_Step2D, R<ov::mp50>, ov::mp50);
OV_2D(Sgd)
OV_2D(HeavyBall)
OV_2D(Adagrad)
OV_2D(Rmsprop)
OV_2D(RmspropGlobal)
OV_2D(Adam)
OV_2D(Adamax)
OV_2D(Adadelta)
OV_2D(Nadam)

BENCHMARK_MAIN();
