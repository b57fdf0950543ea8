// Per-step cost of EVERY registered deterministic rule (line searches, momentum,
// SAM, INNA, Step-Tuned, ...) in double and mp50 on a 2-D problem, side by side
// in one run. Each benchmark iteration restarts the rule from the same point
// (reset + one step), so a converging rule never degenerates into cheap
// stationary steps. The ratio mp50/double is what docs/performance.md reports.
#include <benchmark/benchmark.h>

#include <memory>
#include <string>

#include "analysis/numeric/exact_constant.hpp"
#include "analysis/numeric/linear_algebra.hpp"
#include "analysis/numeric/scalars.hpp"
#include "optim/core/oracle.hpp"
#include "optim/registry/all_entries.hpp"

namespace {

// f(x) = 1/2 (x1^2 + 10 x2^2) + x1 x2 / 2: ill-conditioned, nonzero everywhere but 0.
template <class S>
class Quadratic2D : public ov::optim::Objective<S> {
 public:
  int dim() const override { return 2; }
  S value(const ov::optim::Vector<S>& x) const override {
    return (x[0] * x[0] + S(10) * x[1] * x[1] + x[0] * x[1]) / S(2);
  }
  ov::optim::Vector<S> gradient(const ov::optim::Vector<S>& x) const override {
    ov::optim::Vector<S> g(2);
    g[0] = x[0] + x[1] / S(2);
    g[1] = S(10) * x[1] + x[0] / S(2);
    return g;
  }
};

template <class S>
void step_from_start(benchmark::State& state, const std::string& name) {
  const auto registry = ov::optim::make_registry<S>();
  auto opt = registry.make(name, [](const std::string& t) { return ov::constant<S>(t); });
  Quadratic2D<S> f;
  ov::optim::Oracle<S> oracle(f);
  ov::optim::Vector<S> x0(2);
  x0[0] = S(1);
  x0[1] = S(-1) / S(2);
  for (auto _ : state) {
    ov::optim::Vector<S> x = x0;
    opt->reset();
    auto rep = opt->step(oracle, x);
    benchmark::DoNotOptimize(rep);
    benchmark::DoNotOptimize(x.data());
  }
  state.counters["f_evals_per_step"] = benchmark::Counter(
      static_cast<double>(oracle.evaluations().values), benchmark::Counter::kAvgIterations);
  state.counters["g_evals_per_step"] = benchmark::Counter(
      static_cast<double>(oracle.evaluations().gradients), benchmark::Counter::kAvgIterations);
}

}  // namespace

int main(int argc, char** argv) {
  const auto registry = ov::optim::make_registry<double>();
  for (const auto& e : registry.entries()) {
    if (e.needs_finite_sum) continue;
    const std::string name = e.name;
    benchmark::RegisterBenchmark(("Step2D/" + name + "/double").c_str(),
                                 [name](benchmark::State& s) { step_from_start<double>(s, name); });
    benchmark::RegisterBenchmark(("Step2D/" + name + "/mp50").c_str(),
                                 [name](benchmark::State& s) { step_from_start<ov::mp50>(s, name); });
  }
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
