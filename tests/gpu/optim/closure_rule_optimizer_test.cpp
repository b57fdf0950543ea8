// ov::gpu::ClosureRuleOptimizer: every rule of the optim/ registry driven by a LossClosure.
//
// (a) Agreement with the core. For every registry rule that works on a deterministic
//     objective, 20 steps on a small float64 network in LibTorch (the torch twin of an
//     ov::nets network: same architecture, parameters and batch) agree with the core rule run
//     directly on ov::nets::NetworkObjective<double> of the same network and batch, and both
//     agree with the core run in mp100.
//     Tolerances (max-norm of the difference / max-norm of the core's iterate, every step):
//       torch vs core double: 1e-12. Both run the same rule code in binary64; they differ only
//       in how the loss and gradient are computed (torch's GEMM/reductions and tanh vs ours),
//       which tests/nets/torch/crosscheck_test.cpp bounds by 1e-12 and measures at ~1e-15 per
//       evaluation; 20 steps of a contracting-or-mildly-expanding map on a 26-parameter
//       network amplify that by a small factor (measured maximum 2.1e-15, printed below).
//       An Armijo test decided differently would give a difference of the order of the step
//       (>= 1e-4 here): the tolerance separates the two cleanly.
//     core double vs core mp100: 1e-11. The double run carries rounding errors of ~1e-16 per
//       operation through 20 steps of rules with divisions by small quantities (Adagrad /
//       RMSProp / Adam denominators with eps 1e-8, BB ratios of Step-Tuned SGD); measured
//       maximum 3.6e-15 (printed below); the margin covers other libm / BLAS builds. A
//       different search decision would again be >= 1e-4.
//     A mutated closure (the loss scaled by 2, or one target changed) is caught.
// (b) 000 Remark 4.1 (000_47ba9189a2c8a171.txt L582): with a module given, every evaluation
//     of a step runs in eval() (deterministic: the same loss twice at one point; batch-norm
//     running statistics untouched) and each submodule's mode is restored, also after an
//     exception; with evaluation_mode(false) dropout makes the evaluations differ and the
//     running statistics change (the test's probe is shown to detect that).
// (c) Bad input: non-finite loss / gradient at the start and a failed search are refused with
//     the parameters bit-identical and the rule's state unchanged; several groups, no closure,
//     a closure without backward, mixed dtypes, finite-sum rules and set_lr on a rule without
//     lr are clear errors.
// (d) The options and the optimizer round-trip through torch::save / torch::load.
// (e) The MBT learning-rate finder over a batch closure (gpu/optim/mbt_learning_rate_finder.hpp)
//     gives the core finder's rates on NetworkObjective<double> with the same seed (1e-12, as
//     in (a)); a closure that sums instead of averaging over the batch is caught.
#include <gtest/gtest.h>

#include <torch/torch.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <limits>
#include <sstream>
#include <string>
#include <vector>

#include "analysis/numeric/exact_constant.hpp"
#include "analysis/numeric/scalars.hpp"
#include "gpu/optim/closure_rule_optimizer.hpp"
#include "gpu/optim/mbt_learning_rate_finder.hpp"
#include "nets/core/initialization.hpp"
#include "nets/core/network_objective.hpp"
#include "optim/core/oracle.hpp"
#include "optim/core/random.hpp"
#include "optim/registry/all_entries.hpp"
#include "tests/nets/torch/torch_network.hpp"

namespace ov::gpu {
namespace {

using nets::Activation;
using nets::ActivationKind;
using nets::Architecture;
using nets::Dataset;

constexpr double kTorchVsCore = 1e-12;
constexpr double kDoubleVsMp100 = 1e-11;
constexpr int kSteps = 20;

// 3 -> 4 (tanh) -> 2 (identity), half-square loss, biases, torch's parameter order
// (W1, b1, W2, b2: the order of TorchNetwork::parameters(), so the flattened parameters ARE theta).
Architecture small_architecture() {
  Architecture a;
  a.input_dim = 3;
  a.layers = {{4, Activation{ActivationKind::tanh}}, {2, Activation{ActivationKind::identity}}};
  a.loss = nets::Loss{nets::LossKind::half_square};
  a.biases = true;
  a.order = nets::ParameterOrder::layer_by_layer;
  a.validate();
  return a;
}

Dataset small_batch(std::uint64_t seed, int n = 6) {
  optim::SplitMix64 r(seed);
  Dataset d;
  d.name = "random";
  d.inputs.resize(n, 3);
  d.targets.resize(n, 2);
  for (int s = 0; s < n; ++s) {
    for (int k = 0; k < 3; ++k) d.inputs(s, k) = 2 * r.uniform() - 1;
    for (int k = 0; k < 2; ++k) d.targets(s, k) = 2 * r.uniform() - 1;
  }
  return d;
}

double rel_diff(const optim::Vector<double>& a, const optim::Vector<double>& ref) {
  const double scale = std::max(ref.cwiseAbs().maxCoeff(), std::numeric_limits<double>::min());
  return (a - ref).cwiseAbs().maxCoeff() / scale;
}

struct Trajectory {
  std::vector<optim::Vector<double>> iterates;  // after each step
  std::vector<bool> refused;
};

// The core rule on NetworkObjective<S> (deterministic oracle: the whole batch).
template <class S>
Trajectory core_run(const std::string& spec, const Architecture& a, const Dataset& d, const Vec<double>& theta) {
  const nets::NetworkObjective<S> f(a, d);
  optim::Oracle<S> oracle(static_cast<const optim::Objective<S>&>(f));
  auto rule = optim::make_registry<S>().make(spec, [](const std::string& t) { return constant<S>(t); });
  optim::Vector<S> x(theta.size());
  for (Eigen::Index i = 0; i < x.size(); ++i) x[i] = nets::data_as<S>(theta[i]);
  Trajectory r;
  for (int k = 0; k < kSteps; ++k) {
    const auto rep = rule->step(oracle, x);
    optim::Vector<double> xd(x.size());
    for (Eigen::Index i = 0; i < x.size(); ++i) xd[i] = static_cast<double>(x[i]);
    r.iterates.push_back(xd);
    r.refused.push_back(rep.refused());
  }
  return r;
}

enum class ClosureMutation { none, scaled_loss, changed_target };

Trajectory torch_run(const std::string& spec, const Architecture& a, const Dataset& d, const Vec<double>& theta,
              ClosureMutation mutation = ClosureMutation::none) {
  nets::libtorch::TorchNetwork twin(a, theta);
  const torch::Tensor X = nets::libtorch::rows_to_tensor(d.inputs);
  torch::Tensor Y = nets::libtorch::rows_to_tensor(d.targets);
  if (mutation == ClosureMutation::changed_target) Y = Y.clone().index_put_({0, 0}, Y.index({0, 0}) + 0.01);
  ClosureRuleOptimizer opt(twin.parameters(), ClosureRuleOptions(spec));
  Trajectory r;
  for (int k = 0; k < kSteps; ++k) {
    opt.step([&] {
      opt.zero_grad();
      torch::Tensor l = twin.loss(X, Y);
      if (mutation == ClosureMutation::scaled_loss) l = 2 * l;
      l.backward();
      return l;
    });
    r.iterates.push_back(twin.theta());
    r.refused.push_back(opt.last_outcomes().at(0).refused());
  }
  return r;
}

// Every rule of the registry except those that need a finite-sum oracle (checked in (c)).
std::vector<std::string> deterministic_rules() {
  std::vector<std::string> names;
  const auto registry = optim::make_registry<double>();
  for (const auto& e : registry.entries())
    if (!e.needs_finite_sum && e.name != "expected_gv_sgd") names.push_back(e.name);
  return names;
}

double max_rel_diff(const Trajectory& a, const Trajectory& ref) {
  double m = 0;
  for (std::size_t k = 0; k < ref.iterates.size(); ++k) m = std::max(m, rel_diff(a.iterates[k], ref.iterates[k]));
  return m;
}

TEST(ClosureRuleOptimizer, EveryDeterministicRuleAgreesWithTheCoreInDoubleAndMp100) {
  const Architecture a = small_architecture();
  const Dataset d = small_batch(11);
  const Vec<double> theta = nets::uniform_initialization(a, 1.0, 5);
  const auto names = deterministic_rules();
  ASSERT_GE(names.size(), 20u);  // the registry's deterministic rules (a lost family would show here)
  const auto mp_registry = optim::make_registry<mp100>();
  double worst_torch = 0, worst_mp = 0;
  std::string worst_torch_rule, worst_mp_rule;
  for (const std::string& name : names) {
    SCOPED_TRACE(name);
    const Trajectory core = core_run<double>(name, a, d, theta);
    const Trajectory gpu = torch_run(name, a, d, theta);
    EXPECT_EQ(gpu.refused, core.refused);
    const double dt = max_rel_diff(gpu, core);
    EXPECT_LE(dt, kTorchVsCore);
    // The rule moved the parameters (a run that never moves would agree trivially).
    EXPECT_GT(rel_diff(core.iterates.back(), theta), 1e-6);
    if (dt > worst_torch) worst_torch = dt, worst_torch_rule = name;
    ASSERT_TRUE(mp_registry.contains(name));
    const Trajectory mp = core_run<mp100>(name, a, d, theta);
    EXPECT_EQ(mp.refused, core.refused);
    const double dm = max_rel_diff(core, mp);
    EXPECT_LE(dm, kDoubleVsMp100);
    if (dm > worst_mp) worst_mp = dm, worst_mp_rule = name;
  }
  std::printf("[closure rules] %zu rules x %d steps: max rel diff torch vs core double %.3g (%s), "
              "core double vs mp100 %.3g (%s)\n",
              names.size(), kSteps, worst_torch, worst_torch_rule.c_str(), worst_mp, worst_mp_rule.c_str());
}

TEST(ClosureRuleOptimizer, MutatedClosureIsCaught) {
  const Architecture a = small_architecture();
  const Dataset d = small_batch(11);
  const Vec<double> theta = nets::uniform_initialization(a, 1.0, 5);
  for (const std::string spec : {"two_way_backtracking_gd", "sam", "step_tuned_sgd"}) {
    SCOPED_TRACE(spec);
    const Trajectory core = core_run<double>(spec, a, d, theta);
    EXPECT_LE(max_rel_diff(torch_run(spec, a, d, theta), core), kTorchVsCore);
    EXPECT_GT(max_rel_diff(torch_run(spec, a, d, theta, ClosureMutation::scaled_loss), core), 1e3 * kTorchVsCore);
    EXPECT_GT(max_rel_diff(torch_run(spec, a, d, theta, ClosureMutation::changed_target), core), 1e3 * kTorchVsCore);
  }
}

// ---------------------------------------------------------------------------------------------
// (b) 000 Remark 4.1

struct BnDropoutNet {
  torch::nn::Sequential seq;
  torch::nn::BatchNorm1d bn{nullptr};
  torch::Tensor X, Y;
  BnDropoutNet() {
    torch::manual_seed(7);
    bn = torch::nn::BatchNorm1d(8);
    seq = torch::nn::Sequential(torch::nn::Linear(3, 8), bn, torch::nn::Functional(torch::relu),
                                torch::nn::Dropout(0.5), torch::nn::Linear(8, 1));
    seq->to(torch::kFloat64);
    X = torch::randn({16, 3}, torch::kFloat64);
    Y = torch::randn({16, 1}, torch::kFloat64);
  }
  std::vector<torch::Tensor> running() const { return {bn->running_mean.clone(), bn->running_var.clone()}; }
};

struct Probe {
  int calls = 0;
  int in_training_mode = 0;
  int repeat_differs = 0;  // evaluations whose immediate repetition gave another loss
};

// A closure that records the mode it ran in and evaluates the loss twice at the same point.
ClosureRuleOptimizer::LossClosure probing_closure(BnDropoutNet& n, ClosureRuleOptimizer& opt, Probe& probe,
                                                  int throw_at_call = -1) {
  return [&n, &opt, &probe, throw_at_call] {
    ++probe.calls;
    if (probe.calls == throw_at_call) throw std::runtime_error("closure failed on purpose");
    if (n.seq->is_training()) ++probe.in_training_mode;
    torch::Tensor again;
    {
      torch::NoGradGuard ng;
      again = torch::mse_loss(n.seq->forward(n.X), n.Y);
    }
    opt.zero_grad();
    torch::Tensor l = torch::mse_loss(n.seq->forward(n.X), n.Y);
    l.backward();
    if (l.item<double>() != again.item<double>()) ++probe.repeat_differs;
    return l;
  };
}

bool same(const std::vector<torch::Tensor>& a, const std::vector<torch::Tensor>& b) {
  for (std::size_t i = 0; i < a.size(); ++i)
    if (!torch::equal(a[i], b[i])) return false;
  return true;
}

TEST(ClosureRuleOptimizer, Remark41EvaluationModeDuringTheSearch) {
  BnDropoutNet n;
  n.seq->train();
  const auto before = n.running();
  ClosureRuleOptimizer opt(n.seq->parameters(),
                           ClosureRuleOptions("two_way_backtracking_gd:delta0=10,cap=slides").module(n.seq.ptr()));
  Probe probe;
  for (int k = 0; k < 3; ++k) opt.step(probing_closure(n, opt, probe));
  EXPECT_GT(probe.calls, 3);  // the search evaluated several points
  EXPECT_EQ(probe.in_training_mode, 0);
  EXPECT_EQ(probe.repeat_differs, 0);
  EXPECT_TRUE(same(n.running(), before));
  EXPECT_TRUE(n.seq->is_training());  // restored
  EXPECT_TRUE(n.bn->is_training());
}

TEST(ClosureRuleOptimizer, Remark41SwitchOffKeepsTrainingModeAndTheProbeSeesIt) {
  BnDropoutNet n;
  n.seq->train();
  const auto before = n.running();
  ClosureRuleOptimizer opt(n.seq->parameters(), ClosureRuleOptions("two_way_backtracking_gd:delta0=10,cap=slides")
                                                    .module(n.seq.ptr())
                                                    .evaluation_mode(false));
  Probe probe;
  for (int k = 0; k < 3; ++k) opt.step(probing_closure(n, opt, probe));
  EXPECT_EQ(probe.in_training_mode, probe.calls);
  EXPECT_GT(probe.repeat_differs, 0);  // dropout: the same point, another loss
  EXPECT_FALSE(same(n.running(), before));
  EXPECT_TRUE(n.seq->is_training());
}

TEST(ClosureRuleOptimizer, Remark41RestoresEachSubmodulesModeAlsoAfterAnException) {
  BnDropoutNet n;
  n.seq->train();
  n.bn->eval();  // a frozen batch norm inside a training model: its own flag must come back
  ClosureRuleOptimizer opt(n.seq->parameters(), ClosureRuleOptions("backtracking_gd").module(n.seq.ptr()));
  std::vector<torch::Tensor> start;
  for (const auto& p : n.seq->parameters()) start.push_back(p.detach().clone());
  Probe probe;
  EXPECT_THROW(opt.step(probing_closure(n, opt, probe, /*throw_at_call=*/2)), std::runtime_error);
  EXPECT_TRUE(opt.last_outcomes().empty());
  EXPECT_TRUE(n.seq->is_training());
  EXPECT_FALSE(n.bn->is_training());
  std::vector<torch::Tensor> now;
  for (const auto& p : n.seq->parameters()) now.push_back(p.detach());
  EXPECT_TRUE(same(now, start));  // the trial point of call 2 was undone
  // And after a normal step.
  Probe ok;
  opt.step(probing_closure(n, opt, ok));
  EXPECT_TRUE(n.seq->is_training());
  EXPECT_FALSE(n.bn->is_training());
  EXPECT_EQ(ok.in_training_mode, 0);
}

// ---------------------------------------------------------------------------------------------
// (c) Bad input

struct Quadratic {
  torch::Tensor w = torch::tensor({1.5, -0.5, 2.0}, torch::kFloat64).set_requires_grad(true);
  torch::Tensor loss() const { return 0.5 * (w * w * torch::tensor({1.0, 2.0, 3.0}, torch::kFloat64)).sum(); }
};

bool bit_identical(const torch::Tensor& a, const torch::Tensor& b) {
  return a.numel() == b.numel() &&
         std::memcmp(a.data_ptr<double>(), b.data_ptr<double>(), static_cast<std::size_t>(a.numel()) * sizeof(double)) == 0;
}

TEST(ClosureRuleOptimizer, NonFiniteStartIsRefusedWithNothingChanged) {
  for (const std::string spec : {"two_way_backtracking_gd", "adam", "backtracking_momentum", "sam", "step_tuned_sgd"}) {
    SCOPED_TRACE(spec);
    Quadratic q;
    const torch::Tensor w0 = q.w.detach().clone();
    ClosureRuleOptimizer opt({q.w}, ClosureRuleOptions(spec));
    // NaN loss (and gradient).
    opt.step([&] {
      torch::Tensor l = q.loss() * std::numeric_limits<double>::quiet_NaN();
      l.backward();
      return l;
    });
    EXPECT_TRUE(opt.last_outcomes().at(0).refused());
    EXPECT_FALSE(opt.last_outcomes().at(0).message.empty());
    EXPECT_TRUE(bit_identical(q.w.detach(), w0));
    // Finite loss, NaN gradient: 0 * sqrt(w - w) has value 0 and gradient 0 * inf.
    opt.step([&] {
      torch::Tensor l = q.loss() + 0 * torch::sqrt(q.w - q.w.detach()).sum();
      l.backward();
      return l;
    });
    EXPECT_EQ(opt.last_outcomes().at(0).status, StepStatus::refused_non_finite_gradient);
    EXPECT_TRUE(bit_identical(q.w.detach(), w0));
    // The rule's state is unchanged: the next good steps equal a fresh optimizer's.
    Quadratic fresh;
    ClosureRuleOptimizer ref({fresh.w}, ClosureRuleOptions(spec));
    for (int k = 0; k < 3; ++k) {
      opt.step([&] {
        torch::Tensor l = q.loss();
        l.backward();
        return l;
      });
      ref.step([&] {
        torch::Tensor l = fresh.loss();
        l.backward();
        return l;
      });
      EXPECT_FALSE(opt.last_outcomes().at(0).refused());
    }
    EXPECT_TRUE(bit_identical(q.w.detach(), fresh.w.detach()));
    EXPECT_FALSE(bit_identical(q.w.detach(), w0));
  }
}

TEST(ClosureRuleOptimizer, FailedSearchRestoresTheTrialPointsBitForBit) {
  Quadratic q;
  const torch::Tensor w0 = q.w.detach().clone();
  // delta0 = 1e6 and two trials: Armijo fails at 1e6 and 5e5, the search is refused.
  ClosureRuleOptimizer opt({q.w}, ClosureRuleOptions("backtracking_gd:delta0=1000000,max_trials=2"));
  int moved = 0;
  opt.step([&] {
    if (!bit_identical(q.w.detach(), w0)) ++moved;  // a trial point was written into w
    torch::Tensor l = q.loss();
    l.backward();
    return l;
  });
  EXPECT_EQ(opt.last_outcomes().at(0).status, StepStatus::refused_search_failed);
  EXPECT_GE(moved, 1);  // so the restoration below is not trivially true
  EXPECT_TRUE(bit_identical(q.w.detach(), w0));
  EXPECT_EQ(opt.last_closure_calls(), 3);  // start + 2 trials
}

TEST(ClosureRuleOptimizer, BadUseGivesClearErrors) {
  Quadratic q;
  auto closure = [&] {
    torch::Tensor l = q.loss();
    l.backward();
    return l;
  };
  auto message_of = [](auto&& f) {
    try {
      f();
    } catch (const std::exception& e) {
      return std::string(e.what());
    }
    return std::string("no exception");
  };
  // Several groups.
  torch::Tensor other = torch::ones({2}, torch::kFloat64).set_requires_grad(true);
  std::vector<torch::optim::OptimizerParamGroup> groups{torch::optim::OptimizerParamGroup({q.w}),
                                                        torch::optim::OptimizerParamGroup({other})};
  EXPECT_NE(message_of([&] { ClosureRuleOptimizer(groups, ClosureRuleOptions("sgd")); }).find("exactly one group"),
            std::string::npos);
  // One group is fine; adding a second later is caught at the step.
  ClosureRuleOptimizer opt({q.w}, ClosureRuleOptions("sgd"));
  opt.step(closure);
  EXPECT_FALSE(opt.last_outcomes().at(0).refused());
  // No closure.
  EXPECT_NE(message_of([&] { opt.step(); }).find("needs a LossClosure"), std::string::npos);
  // A closure that forgets backward().
  EXPECT_NE(message_of([&] { opt.step([&] { return q.loss(); }); }).find("backward"), std::string::npos);
  // Mixed dtypes in the group.
  torch::Tensor f32 = torch::ones({2}, torch::kFloat32).set_requires_grad(true);
  ClosureRuleOptimizer mixed({q.w, f32}, ClosureRuleOptions("sgd"));
  EXPECT_NE(message_of([&] { mixed.step(closure); }).find("one dtype and one device"), std::string::npos);
  // Unknown rule, bad hyper-parameter: the registry's messages.
  EXPECT_NE(message_of([&] { ClosureRuleOptimizer({q.w}, ClosureRuleOptions("two_way_backtracking")); })
                .find("did you mean"),
            std::string::npos);
  EXPECT_NE(message_of([&] { ClosureRuleOptimizer({q.w}, ClosureRuleOptions("sgd:lr=-1")); }).find("lr"),
            std::string::npos);
  // Finite-sum rules: named, with what to use instead.
  for (const std::string spec : {"mbt_gd", "mbt_momentum", "mbt_nesterov", "esam:alpha=1/10", "expected_gv_sgd"}) {
    SCOPED_TRACE(spec);
    const std::string m = message_of([&] { ClosureRuleOptimizer({q.w}, ClosureRuleOptions(spec)); });
    EXPECT_NE(m.find(spec.substr(0, spec.find(':'))), std::string::npos) << m;
    EXPECT_NE(m.find("use "), std::string::npos) << m;
  }
  EXPECT_NO_THROW(ClosureRuleOptimizer({q.w}, ClosureRuleOptions("esam:alpha=off")));
  // get_lr / set_lr.
  ClosureRuleOptions with_lr("sgd:lr=1/10");
  EXPECT_EQ(with_lr.get_lr(), 0.1);
  with_lr.set_lr(0.05);
  EXPECT_EQ(with_lr.get_lr(), 0.05);
  EXPECT_EQ(with_lr.spec(), "sgd:lr=0.05");
  EXPECT_EQ(ClosureRuleOptions("adam").get_lr(), 1e-3);  // the registry default
  EXPECT_THROW(with_lr.set_lr(-1), std::invalid_argument);
  EXPECT_EQ(with_lr.spec(), "sgd:lr=0.05");  // unchanged
  ClosureRuleOptions no_lr("backtracking_gd");
  EXPECT_NE(message_of([&] { no_lr.set_lr(0.1); }).find("backtracking_gd"), std::string::npos);
  EXPECT_THROW(no_lr.get_lr(), std::invalid_argument);
  EXPECT_EQ(no_lr.spec(), "backtracking_gd");
}

TEST(ClosureRuleOptimizer, SetLrRebuildsTheRuleAtTheNextStep) {
  Quadratic q;
  ClosureRuleOptimizer opt({q.w}, ClosureRuleOptions("sgd:lr=1/10"));
  const torch::Tensor w0 = q.w.detach().clone();
  static_cast<ClosureRuleOptions&>(opt.param_groups()[0].options()).set_lr(0.25);
  opt.step([&] {
    torch::Tensor l = q.loss();
    l.backward();
    return l;
  });
  // w1 = w0 - 0.25 * grad, grad = (1, 2, 3) * w0.
  const torch::Tensor expected = w0 - 0.25 * w0 * torch::tensor({1.0, 2.0, 3.0}, torch::kFloat64);
  EXPECT_TRUE(torch::allclose(q.w.detach(), expected, 0, 1e-15));
  EXPECT_EQ(opt.last_step_size().value_or(0), 0.25);
}

TEST(ClosureRuleOptimizer, Float32ParametersAndParametersWithoutGradient) {
  // float32: the rule runs in double on the converted values; the result is rounded once to
  // float32 when written back: w1 = float(double(w0) - lr * double(g)).
  torch::Tensor w = torch::tensor({1.1f, -0.7f, 0.3f}, torch::kFloat32).set_requires_grad(true);
  torch::Tensor unused = torch::tensor({5.0f}, torch::kFloat32).set_requires_grad(true);
  const torch::Tensor c = torch::tensor({1.0f, 3.0f, 7.0f}, torch::kFloat32);
  const torch::Tensor w0 = w.detach().clone();
  ClosureRuleOptimizer opt({w, unused}, ClosureRuleOptions("sgd:lr=1/3"));
  opt.step([&] {
    torch::Tensor l = 0.5f * (w * w * c).sum();
    l.backward();
    return l;
  });
  const torch::Tensor g = (w0 * c).to(torch::kFloat64);  // float32 gradient, exact in double
  const torch::Tensor expected = (w0.to(torch::kFloat64) - (1.0 / 3.0) * g).to(torch::kFloat32);
  EXPECT_TRUE(torch::equal(w.detach(), expected));
  EXPECT_EQ(w.scalar_type(), torch::kFloat32);
  // The parameter the closure does not use has no gradient: zero for the rule, unchanged.
  EXPECT_EQ(unused.item<float>(), 5.0f);
  EXPECT_EQ(opt.last_outcomes().at(0).without_gradient, 1);
  EXPECT_EQ(opt.last_outcomes().at(0).updated, 1);
  // The probe can fail: float32 arithmetic (w0 - lr g in float) differs in the last bit here.
  const torch::Tensor in_float = w0 - static_cast<float>(1.0 / 3.0) * (w0 * c);
  EXPECT_FALSE(torch::equal(in_float, expected));
}

TEST(ClosureRuleOptimizer, StepReturnsTheLossAtTheStartPoint) {
  // Also for the look-ahead forms of Nesterov, which evaluate at x -+ gamma v (from step 2 on).
  for (const std::string spec : {"nesterov:form=sutskever", "backtracking_nesterov", "two_way_backtracking_gd"}) {
    SCOPED_TRACE(spec);
    Quadratic q;
    ClosureRuleOptimizer opt({q.w}, ClosureRuleOptions(spec));
    for (int k = 0; k < 3; ++k) {
      double before;
      {
        torch::NoGradGuard ng;
        before = q.loss().item<double>();
      }
      const torch::Tensor l = opt.step([&] {
        torch::Tensor v = q.loss();
        v.backward();
        return v;
      });
      EXPECT_EQ(l.item<double>(), before);
      EXPECT_FALSE(opt.last_outcomes().at(0).refused());
    }
  }
}

// ---------------------------------------------------------------------------------------------
// (d) Serialisation

TEST(ClosureRuleOptimizer, OptionsAndOptimizerRoundTrip) {
  ClosureRuleOptions o("two_way_backtracking_gd:alpha=1/10000,cap=slides");
  o.evaluation_mode(false);
  torch::serialize::OutputArchive out;
  o.serialize(out);
  std::stringstream buf;
  out.save_to(buf);
  torch::serialize::InputArchive in;
  in.load_from(buf);
  ClosureRuleOptions back("sgd");
  EXPECT_FALSE(back == o);  // the comparison can fail
  back.serialize(in);
  EXPECT_TRUE(back == o);

  // The optimizer: the spec travels, the module stays this optimizer's own, the rule restarts.
  Quadratic q;
  auto module = std::make_shared<torch::nn::Module>();
  ClosureRuleOptimizer saved({q.w}, ClosureRuleOptions("sam:rho=1/10,lr=1/5"));
  std::stringstream file;
  torch::save(saved, file);
  ClosureRuleOptimizer loaded({q.w}, ClosureRuleOptions("sgd").module(module));
  torch::load(loaded, file);
  const auto& lo = static_cast<const ClosureRuleOptions&>(loaded.param_groups()[0].options());
  EXPECT_EQ(lo.spec(), "sam:rho=1/10,lr=1/5");
  EXPECT_EQ(lo.module(), module);
  EXPECT_EQ(loaded.rule_name(), "sam");
  // Same steps as the saved optimizer from here.
  Quadratic q2;
  ClosureRuleOptimizer twin({q2.w}, ClosureRuleOptions("sam:rho=1/10,lr=1/5"));
  Quadratic q1;
  ClosureRuleOptimizer again({q1.w}, ClosureRuleOptions("sgd"));
  file.clear();
  file.seekg(0);
  torch::load(again, file);
  for (int k = 0; k < 2; ++k) {
    again.step([&] {
      torch::Tensor l = q1.loss();
      l.backward();
      return l;
    });
    twin.step([&] {
      torch::Tensor l = q2.loss();
      l.backward();
      return l;
    });
  }
  EXPECT_TRUE(bit_identical(q1.w.detach(), q2.w.detach()));
  // A parameter-count mismatch is an error, with nothing changed.
  torch::Tensor other = torch::ones({2}, torch::kFloat64).set_requires_grad(true);
  ClosureRuleOptimizer two_params({q.w, other}, ClosureRuleOptions("sgd"));
  file.clear();
  file.seekg(0);
  EXPECT_THROW(torch::load(two_params, file), std::runtime_error);
  EXPECT_EQ(static_cast<const ClosureRuleOptions&>(two_params.param_groups()[0].options()).spec(), "sgd");
}

// ---------------------------------------------------------------------------------------------
// (e) The MBT learning-rate finder

TEST(MbtLearningRateFinder, AgreesWithTheCoreFinderOnTheSameBatches) {
  const Architecture a = small_architecture();
  const Dataset d = small_batch(23, /*n=*/12);
  const Vec<double> theta = nets::uniform_initialization(a, 1.0, 9);
  const std::size_t N = 12, k = 4;
  optim::MinibatchLrFinderParameters<double> p;
  p.batches = 5;
  // The core: NetworkObjective<double>, the finder's own sampler as in the mbt_* rules.
  const nets::NetworkObjective<double> f(a, d);
  optim::BatchSampler core_sampler(N, k, optim::Sampling::reshuffle_each_epoch, 42);
  optim::Oracle<double> oracle(f, core_sampler);
  const optim::MinibatchLrFinder<double> core(p);
  const auto c1 = core.find(oracle, theta, core_sampler, p.alpha);
  const auto c2 = core.find(oracle, theta, core_sampler, 0.5);  // the next epoch's run, stuck alpha

  for (const bool mutated : {false, true}) {
    SCOPED_TRACE(mutated ? "closure sums over the batch" : "closure averages over the batch");
    nets::libtorch::TorchNetwork twin(a, theta);
    const torch::Tensor X = nets::libtorch::rows_to_tensor(d.inputs), Y = nets::libtorch::rows_to_tensor(d.targets);
    MbtFinderOptions o;
    o.finder = p;
    o.seed = 42;
    MbtLearningRateFinder finder(twin.parameters(), N, k, o);
    auto closure = [&](const std::vector<std::int64_t>& idx) {
      const torch::Tensor i = torch::tensor(idx, torch::kLong);
      torch::Tensor l = twin.loss(X.index_select(0, i), Y.index_select(0, i));
      if (mutated) l = l * static_cast<double>(idx.size());
      l.backward();
      return l;
    };
    const auto t1 = finder.find(closure);
    const auto t2 = finder.find(closure, 0.5);
    EXPECT_EQ((twin.theta() - theta).cwiseAbs().maxCoeff(), 0.0);  // parameters restored
    EXPECT_GT(finder.last_closure_calls(), 5);
    const double d1 = std::abs(t1.lr - c1.lr) / c1.lr, d2 = std::abs(t2.lr - c2.lr) / c2.lr;
    if (!mutated) {
      ASSERT_EQ(t1.per_batch.size(), c1.per_batch.size());
      for (std::size_t h = 0; h < c1.per_batch.size(); ++h)
        EXPECT_LE(std::abs(t1.per_batch[h] - c1.per_batch[h]) / c1.per_batch[h], kTorchVsCore);
      EXPECT_LE(d1, kTorchVsCore);
      EXPECT_LE(d2, kTorchVsCore);
      EXPECT_EQ(t1.trials, c1.trials);
      EXPECT_EQ(t2.trials, c2.trials);
      EXPECT_NE(c1.lr, c2.lr);  // the second run saw other batches / alpha: not a repeat
      std::printf("[mbt finder] lr %.17g (core %.17g), %lld closure calls\n", t1.lr, c1.lr,
                  static_cast<long long>(finder.last_closure_calls()));
    } else {
      EXPECT_GT(std::max(d1, d2), 1e3 * kTorchVsCore);
    }
  }
}

TEST(MbtLearningRateFinder, EvaluationModeAndBadInput) {
  BnDropoutNet n;
  n.seq->train();
  const auto before = n.running();
  MbtFinderOptions o;
  o.finder.batches = 3;
  o.module = n.seq.ptr();
  MbtLearningRateFinder finder(n.seq->parameters(), 16, 4, o);
  int in_training = 0, calls = 0;
  const auto r = finder.find([&](const std::vector<std::int64_t>& idx) {
    ++calls;
    if (n.seq->is_training()) ++in_training;
    const torch::Tensor i = torch::tensor(idx, torch::kLong);
    torch::Tensor l = torch::mse_loss(n.seq->forward(n.X.index_select(0, i)), n.Y.index_select(0, i));
    l.backward();
    return l;
  });
  EXPECT_GT(r.lr, 0);
  EXPECT_GT(calls, 3);
  EXPECT_EQ(in_training, 0);
  EXPECT_TRUE(same(n.running(), before));
  EXPECT_TRUE(n.seq->is_training());
  EXPECT_THROW(finder.find(nullptr), std::invalid_argument);
  EXPECT_THROW(finder.find([](const std::vector<std::int64_t>&) { return torch::Tensor(); }, 1.5),
               std::invalid_argument);  // alpha outside (0, 1)
  EXPECT_THROW(MbtLearningRateFinder(n.seq->parameters(), 16, 17, o), std::invalid_argument);  // k > N
}

}  // namespace
}  // namespace ov::gpu
