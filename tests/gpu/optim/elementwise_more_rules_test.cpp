// The remaining elementwise rules of optim/ in the LibTorch layer (gpu/optim: HeavyBall,
// Adamax, Adadelta, NAdam, INNA) against the rigorous core running the SAME rule on the same
// network, parameters and batch (tests/gpu/optim/optimizer_fixture.hpp), and INNA against the
// public PyTorch code's semantics (camcastera/INNA-for-DeepLearning, INNA_for_pytorch/inna.py,
// as summarised in anchors-optimizers.md §2.2; docs/gpu-inna.md).
//
// Tolerances (as tests/gpu/optim/elementwise_core_agreement_test.cpp, whose pattern this is):
//  * torch vs core double after kSteps = 200 full-batch steps: 1e-12 relative (max-norm of the
//    difference over the max-norm of the parameters). Same kernel, same precision; only the
//    gradient's rounding differs (torch's GEMM/reduction order, ~1e-16 per step), amplified by
//    the run.
//  * both vs core mp100: 1e-10 relative, and the torch run no more than 100x further from
//    mp100 than the core's double run: agreement to rounding, measured against a higher
//    precision rather than against itself.
//  * a mutated constant (the core run with lr * (1 + 1e-9)) is rejected by the first check.
//  * INNA against a direct transcription of the public code's update (plain torch ops, written
//    below from anchors-optimizers.md §2.2), 100 steps with weight decay and decaypower > 0:
//    1e-12 relative. The two compute the same formulas in binary64 in a different order
//    (e.g. our beta (g + (wd/beta) theta) against the transcription's beta g + wd theta): a few
//    ulps per step. Swapping in the thesis psi_0, weight decay inside beta or a global step
//    counter moves the result by far more than 1e-12 (tested), so the check separates them.
#include <gtest/gtest.h>

#include <torch/torch.h>

#include <cmath>
#include <cstdio>
#include <functional>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "analysis/numeric/scalars.hpp"
#include "gpu/optim/adadelta.hpp"
#include "gpu/optim/adamax.hpp"
#include "gpu/optim/heavy_ball.hpp"
#include "gpu/optim/inna.hpp"
#include "gpu/optim/nadam.hpp"
#include "nets/core/network_objective.hpp"
#include "optim/core/oracle.hpp"
#include "optim/rules/adadelta.hpp"
#include "optim/rules/adamax.hpp"
#include "optim/rules/heavy_ball.hpp"
#include "optim/rules/inna.hpp"
#include "optim/rules/nadam.hpp"
#include "tests/gpu/optim/optimizer_fixture.hpp"

namespace ov::gpu {
namespace {

using testing::make_problem;
using testing::Problem;
using testing::relative_difference;
using testing::CoreFactory;
using testing::TorchFactory;
using testing::run_core;
using testing::run_torch;
using Net = nets::libtorch::TorchNetwork;

constexpr int kSteps = 200;

std::string error_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const std::exception& e) {
    return e.what();
  }
  return "";
}

// --- core agreement ---------------------------------------------------------------------------


struct Case {
  std::string name;
  TorchFactory torch_rule;
  CoreFactory<double> core_double;
  CoreFactory<mp100> core_mp100;
};

// The core rules in scalar S with the torch run's double hyper-parameters (converted exactly).
template <class S>
CoreFactory<S> core_heavy_ball(double lr, double momentum) {
  return [=](double k) {
    optim::HeavyBallOptions<S> o;
    o.lr = S(lr * k);
    o.momentum = S(momentum);
    return std::make_unique<optim::HeavyBall<S>>(o);
  };
}
template <class S>
CoreFactory<S> core_adamax(double lr, double eps) {
  return [=](double k) {
    optim::AdamaxOptions<S> o;
    o.lr = S(lr * k);
    o.beta1 = S(0.9);
    o.beta2 = S(0.999);
    o.eps = S(eps);
    return std::make_unique<optim::Adamax<S>>(o);
  };
}
template <class S>
CoreFactory<S> core_adadelta(double lr, double rho, double eps) {
  return [=](double k) {
    optim::AdadeltaOptions<S> o;
    o.lr = S(lr * k);
    o.rho = S(rho);
    o.eps = S(eps);
    return std::make_unique<optim::Adadelta<S>>(o);
  };
}
template <class S>
CoreFactory<S> core_nadam(double lr) {
  return [=](double k) {
    optim::NadamOptions<S> o;
    o.lr = S(lr * k);
    o.beta1 = S(0.9);
    o.beta2 = S(0.999);
    o.eps = S(1e-8);
    o.momentum_decay = S(4e-3);
    return std::make_unique<optim::Nadam<S>>(o);
  };
}
template <class S>
CoreFactory<S> core_inna(double lr, double decay_power, optim::Psi0 psi0) {
  return [=](double k) {
    optim::InnaOptions<S> o;
    o.lr = S(lr * k);
    o.alpha = S(0.5);
    o.beta = S(0.1);
    o.decay_power = S(decay_power);
    o.psi0 = psi0;
    return std::make_unique<optim::Inna<S>>(o);
  };
}

std::vector<Case> cases() {
  using optim::Psi0;
  return {
      {"heavy_ball", [](auto ps) { return std::make_unique<HeavyBall>(ps, HeavyBallOptions(0.05).momentum(0.9)); },
       core_heavy_ball<double>(0.05, 0.9), core_heavy_ball<mp100>(0.05, 0.9)},
      {"adamax", [](auto ps) { return std::make_unique<Adamax>(ps, AdamaxOptions(1e-2)); },
       core_adamax<double>(1e-2, 0), core_adamax<mp100>(1e-2, 0)},
      {"adamax_eps", [](auto ps) { return std::make_unique<Adamax>(ps, AdamaxOptions(1e-2).eps(1e-8)); },
       core_adamax<double>(1e-2, 1e-8), core_adamax<mp100>(1e-2, 1e-8)},
      {"adadelta", [](auto ps) { return std::make_unique<Adadelta>(ps, AdadeltaOptions(1.0).rho(0.9)); },
       core_adadelta<double>(1.0, 0.9, 1e-6), core_adadelta<mp100>(1.0, 0.9, 1e-6)},
      {"nadam", [](auto ps) { return std::make_unique<NAdam>(ps, NAdamOptions(1e-2)); }, core_nadam<double>(1e-2),
       core_nadam<mp100>(1e-2)},
      {"inna_thesis_decay",
       [](auto ps) { return std::make_unique<Inna>(ps, InnaOptions(0.05).decay_power(0.5)); },
       core_inna<double>(0.05, 0.5, Psi0::thesis), core_inna<mp100>(0.05, 0.5, Psi0::thesis)},
      {"inna_public_code",
       [](auto ps) { return std::make_unique<Inna>(ps, InnaOptions(0.05).psi0("public_code")); },
       core_inna<double>(0.05, 0, Psi0::public_code), core_inna<mp100>(0.05, 0, Psi0::public_code)},
      {"inna_public_decay",
       [](auto ps) { return std::make_unique<Inna>(ps, InnaOptions(0.05).psi0("public_code").decay_power(0.25)); },
       core_inna<double>(0.05, 0.25, Psi0::public_code), core_inna<mp100>(0.05, 0.25, Psi0::public_code)},
  };
}


TEST(GpuElementwiseMoreRules, EveryRuleAgreesWithTheCoreInDoubleAndMp100AndAMutantIsRejected) {
  const Problem p = make_problem();
  for (const Case& c : cases()) {
    SCOPED_TRACE(c.name);
    const auto t = run_torch(p, c.torch_rule, kSteps);
    const auto d = run_core<double>(p, c.core_double, 1.0, kSteps);
    const auto m = run_core<mp100>(p, c.core_mp100, 1.0, kSteps);
    const auto mutant = run_core<double>(p, c.core_double, 1 + 1e-9, kSteps);
    const double td = relative_difference(t, d), tm = relative_difference(t, m), dm = relative_difference(d, m);
    const double tmut = relative_difference(t, mutant);
    std::printf("[ core   ] %-18s torch-double %.1e  torch-mp100 %.1e  double-mp100 %.1e  torch-mutant %.1e\n",
                c.name.c_str(), td, tm, dm, tmut);
    EXPECT_LE(td, 1e-12);
    EXPECT_LE(tm, 1e-10);
    EXPECT_LE(dm, 1e-10);
    EXPECT_LE(tm, 100 * dm + 1e-15);
    EXPECT_GT(relative_difference(t, p.theta0), 1e-3);  // the run moved
    EXPECT_GT(tmut, 1e-12);                             // the first check rejects lr * (1 + 1e-9)
  }
}

// The tensor-expression path (a non-contiguous parameter) runs the same kernels as the fused
// path (1e-14 relative: the same operations in binary64, a contraction or two apart).
TEST(GpuElementwiseMoreRules, FusedAndTensorExpressionPathsAgree) {
  torch::manual_seed(3);
  const torch::Tensor base = torch::randn({6, 5}, torch::kFloat64);
  std::vector<std::pair<std::string, TorchFactory>> rules = {
      {"heavy_ball", [](auto ps) { return std::make_unique<HeavyBall>(ps, HeavyBallOptions(0.05)); }},
      {"adamax", [](auto ps) { return std::make_unique<Adamax>(ps, AdamaxOptions(0.05)); }},
      {"adadelta", [](auto ps) { return std::make_unique<Adadelta>(ps, AdadeltaOptions(1.0)); }},
      {"nadam", [](auto ps) { return std::make_unique<NAdam>(ps, NAdamOptions(0.05)); }},
      {"inna", [](auto ps) { return std::make_unique<Inna>(ps, InnaOptions(0.05).weight_decay(0.01)); }},
      {"inna_public", [](auto ps) { return std::make_unique<Inna>(ps, inna_public_code_options(0.05, 0.01, 0.5)); }},
  };
  for (const auto& [name, make] : rules) {
    SCOPED_TRACE(name);
    torch::Tensor a = base.clone().set_requires_grad(true);
    torch::Tensor b = base.t().contiguous().t().detach().requires_grad_(true);
    ASSERT_FALSE(b.is_contiguous());
    auto oa = make({a});
    auto ob = make({b});
    for (int k = 0; k < 20; ++k) {
      const torch::Tensor g = torch::sin(base * (k + 1));
      a.mutable_grad() = g.clone();
      b.mutable_grad() = g.clone();
      oa->step();
      ob->step();
    }
    const double d = (a - b).abs().max().item<double>() / a.abs().max().item<double>();
    EXPECT_LE(d, 1e-14);
    EXPECT_GT((a - base).abs().max().item<double>(), 1e-2);  // it moved
  }
  // The paths taken (one rule suffices: the framework chooses the path, not the rule).
  torch::Tensor c = base.clone().set_requires_grad(true);
  torch::Tensor nc = base.t().contiguous().t().detach().requires_grad_(true);
  Inna oc({c}, InnaOptions(0.05)), onc({nc}, InnaOptions(0.05));
  c.mutable_grad() = torch::ones_like(c);
  nc.mutable_grad() = torch::ones_like(nc);
  oc.step();
  onc.step();
  EXPECT_EQ(oc.last_outcomes().at(0).path, "fused_cpu");
  EXPECT_EQ(onc.last_outcomes().at(0).path, "tensor_expressions");
}

// --- INNA against the public PyTorch code ---------------------------------------------------------

// The public code's update, transcribed with plain torch ops from anchors-optimizers.md §2.2
// (per tensor; psi_0 = (1 - alpha beta) theta_0 at the tensor's first update):
//   psi_{k+1}   = psi_k - gamma_k [(alpha - 1/beta) theta_k + psi_k/beta]
//   theta_{k+1} = theta_k - gamma_k [(alpha - 1/beta) theta_k + psi_k/beta + beta grad + wd theta_k]
//   gamma_k     = lr / (1 + k)^decaypower,  k = this tensor's update count (global_counter: the
//                 optimizer's step count instead, a mutant).
struct PublicCodeTranscription {
  double lr, alpha, beta, decaypower, wd;
  bool global_counter = false;
  std::vector<torch::Tensor> psi;
  std::vector<long> k;
  long steps = 0;

  void step(const std::vector<torch::Tensor>& params) {
    torch::NoGradGuard no_grad;
    psi.resize(params.size());
    k.resize(params.size(), 0);
    for (std::size_t i = 0; i < params.size(); ++i) {
      const torch::Tensor& p = params[i];
      if (!p.grad().defined()) continue;
      const torch::Tensor theta = p.detach();
      if (!psi[i].defined()) psi[i] = (1 - alpha * beta) * theta.clone();
      const long count = global_counter ? steps : k[i];
      const double gamma = lr / std::pow(1.0 + static_cast<double>(count), decaypower);
      const torch::Tensor common = (alpha - 1 / beta) * theta + psi[i] / beta;
      const torch::Tensor theta1 = theta - gamma * (common + beta * p.grad() + wd * theta);
      psi[i] = psi[i] - gamma * common;
      theta.copy_(theta1);
      ++k[i];
    }
    ++steps;
  }
};

// Runs 100 full-batch steps in which parameter 1 (the first bias) has no gradient at every
// other step, so its step counter lags the others' (the per-tensor counter matters).
template <class StepFn>
Vec<double> run_with_lagging_parameter(const Problem& p, int steps, StepFn&& step) {
  Net net(p.arch, p.theta0);
  const std::vector<torch::Tensor> ps = net.parameters();
  for (int k = 0; k < steps; ++k) {
    net.forward_backward(p.x, p.y);
    if (k % 2 == 0) ps[1].mutable_grad() = torch::Tensor();
    step(ps);
  }
  return net.theta();
}

TEST(GpuElementwiseMoreRules, InnaWithPublicCodeSemanticsReproducesTheTranscription) {
  const Problem p = make_problem();
  constexpr int kInnaSteps = 100;
  const double lr = 0.05, alpha = 0.5, beta = 0.1, decaypower = 0.5, wd = 0.01;
  auto run_ours = [&](const InnaOptions& o) {
    std::unique_ptr<Inna> opt;
    return run_with_lagging_parameter(p, kInnaSteps, [&](const std::vector<torch::Tensor>& ps) {
      if (!opt) opt = std::make_unique<Inna>(ps, o);
      opt->step();
      EXPECT_FALSE(opt->last_step_refused());
    });
  };
  auto run_transcription = [&](bool global_counter) {
    PublicCodeTranscription tr{lr, alpha, beta, decaypower, wd, global_counter, {}, {}, 0};
    return run_with_lagging_parameter(p, kInnaSteps, [&](const std::vector<torch::Tensor>& ps) { tr.step(ps); });
  };
  const InnaOptions public_code = inna_public_code_options(lr, wd, decaypower).alpha(alpha).beta(beta);
  const Vec<double> reference = run_transcription(false);
  const Vec<double> ours_public = run_ours(public_code);
  const double agreement = relative_difference(ours_public, reference);
  // Mutants: each of the three conventions changed on one side.
  const double thesis_psi0 = relative_difference(run_ours(InnaOptions(public_code).psi0("thesis")), reference);
  const double wd_inside_beta =
      relative_difference(run_ours(InnaOptions(public_code).weight_decay_mode("coupled_l2")), reference);
  const double global_counter = relative_difference(ours_public, run_transcription(true));
  std::printf("[ inna   ] public code vs transcription %.1e; mutants: thesis psi0 %.1e, wd inside beta %.1e, "
              "global step counter %.1e\n",
              agreement, thesis_psi0, wd_inside_beta, global_counter);
  EXPECT_LE(agreement, 1e-12);
  EXPECT_GT(thesis_psi0, 1e-6);
  EXPECT_GT(wd_inside_beta, 1e-6);
  EXPECT_GT(global_counter, 1e-6);
  EXPECT_GT(relative_difference(reference, p.theta0), 1e-3);  // it moved
}

// With the thesis's psi_0 the first INNA step is an SGD step, theta_1 = theta_0 - gamma_0 v_0
// (002 L1481 with (2.13)). Exactly: alpha = 1, beta = 1/2, gamma_0 = 1/4 and dyadic theta_0, g
// make every operation of the kernel exact in binary64, so the identity holds bit for bit (with
// weight decay outside beta, v_0 = g + (wd/beta) theta_0, also exact here). With the public
// code's psi_0 the first step is theta_0 - gamma_0 beta v_0 instead.
TEST(GpuElementwiseMoreRules, InnaThesisFirstStepIsAnSgdStepExactly) {
  torch::manual_seed(11);
  const torch::Tensor theta0 = torch::randint(-64, 65, {7, 5}, torch::kFloat64) / 8;
  const torch::Tensor g = torch::randint(-64, 65, {7, 5}, torch::kFloat64) / 16;
  auto first_step = [&](const InnaOptions& o) {
    torch::Tensor w = theta0.clone().requires_grad_(true);
    Inna opt({w}, o);
    w.mutable_grad() = g.clone();
    opt.step();
    EXPECT_EQ(opt.last_outcomes().at(0).status, StepStatus::taken);
    return w.detach().clone();
  };
  const InnaOptions thesis = InnaOptions(0.25).alpha(1.0).beta(0.5);
  EXPECT_TRUE(torch::equal(first_step(thesis), theta0 - 0.25 * g));
  const double wd = 0.125;  // outside beta: v_0 = g + (wd / beta) theta_0 = g + theta_0 / 4
  EXPECT_TRUE(torch::equal(first_step(InnaOptions(thesis).weight_decay(wd)), theta0 - 0.25 * (g + 0.25 * theta0)));
  // The public code's psi_0: theta_1 = theta_0 - gamma_0 beta g (also exact here): not an SGD step.
  const torch::Tensor public_step = first_step(InnaOptions(thesis).psi0("public_code"));
  EXPECT_TRUE(torch::equal(public_step, theta0 - 0.25 * 0.5 * g));
  EXPECT_FALSE(torch::equal(public_step, theta0 - 0.25 * g));

  // On the network with the default alpha, beta: an SGD step up to rounding (1e-15 relative:
  // psi_0 and the bracket cost a few roundings of terms ~ theta / beta).
  const Problem p = make_problem();
  Net net(p.arch, p.theta0), sgd(p.arch, p.theta0);
  Inna opt(net.parameters(), InnaOptions(0.05));
  net.forward_backward(p.x, p.y);
  opt.step();
  Vec<double> g0;
  sgd.loss_and_gradient(p.x, p.y, g0);
  const Vec<double> expected = p.theta0 - 0.05 * g0;
  EXPECT_LE(relative_difference(net.theta(), expected), 1e-15);
  Net pub(p.arch, p.theta0);
  Inna opt_pub(pub.parameters(), InnaOptions(0.05).psi0("public_code"));
  pub.forward_backward(p.x, p.y);
  opt_pub.step();
  EXPECT_GT(relative_difference(pub.theta(), expected), 1e-4);
}

// --- refusals, bad input, checkpoints ---------------------------------------------------------------

TEST(GpuElementwiseMoreRules, InnaRefusesANaNGradientWithParamsAndPsiUnchanged) {
  torch::manual_seed(12);
  torch::Tensor a = torch::randn({4}, torch::kFloat64).requires_grad_(true);
  torch::Tensor b = torch::randn({3}, torch::kFloat64).requires_grad_(true);
  Inna opt({a, b}, InnaOptions(0.05).weight_decay(0.01));
  // At the very first step (psi_0 is computed from the gradient): nothing is created.
  a.mutable_grad() = torch::ones_like(a);
  b.mutable_grad() = torch::ones_like(b);
  b.mutable_grad()[2] = std::nan("");
  const torch::Tensor a_init = a.detach().clone(), b_init = b.detach().clone();
  opt.step();
  EXPECT_EQ(opt.last_outcomes().at(0).status, StepStatus::refused_non_finite_gradient);
  EXPECT_EQ(opt.param_state(a), nullptr);
  EXPECT_EQ(opt.param_state(b), nullptr);
  EXPECT_TRUE(torch::equal(a.detach(), a_init));
  EXPECT_TRUE(torch::equal(b.detach(), b_init));
  // After a good step: a NaN in the second parameter's gradient leaves both parameters, both
  // psi buffers and both counters as they were.
  b.mutable_grad() = torch::ones_like(b);
  opt.step();
  ASSERT_EQ(opt.last_outcomes().at(0).status, StepStatus::taken);
  const torch::Tensor a0 = a.detach().clone(), b0 = b.detach().clone();
  const torch::Tensor psi_a = opt.param_state(a)->buffer("psi").clone();
  const torch::Tensor psi_b = opt.param_state(b)->buffer("psi").clone();
  b.mutable_grad()[0] = std::nan("");
  opt.step();
  EXPECT_EQ(opt.last_outcomes().at(0).status, StepStatus::refused_non_finite_gradient);
  EXPECT_NE(opt.last_outcomes().at(0).message.find("not finite"), std::string::npos);
  EXPECT_TRUE(torch::equal(a.detach(), a0));
  EXPECT_TRUE(torch::equal(b.detach(), b0));
  EXPECT_TRUE(torch::equal(opt.param_state(a)->buffer("psi"), psi_a));
  EXPECT_TRUE(torch::equal(opt.param_state(b)->buffer("psi"), psi_b));
  EXPECT_EQ(opt.param_state(a)->step(), 1);
  EXPECT_EQ(opt.param_state(b)->step(), 1);
  // The check can fail: a finite step moves both the parameters and psi.
  b.mutable_grad() = torch::ones_like(b);
  opt.step();
  EXPECT_FALSE(torch::equal(a.detach(), a0));
  EXPECT_FALSE(torch::equal(opt.param_state(a)->buffer("psi"), psi_a));
  EXPECT_EQ(opt.param_state(a)->step(), 2);
}

TEST(GpuElementwiseMoreRules, InvalidOptionsNameTheParameter) {
  torch::Tensor d = torch::ones({2}, torch::kFloat64).requires_grad_(true);
  struct Bad {
    std::function<void()> make;
    std::string names;
  };
  const std::vector<Bad> bad = {
      {[&] { HeavyBall({d}, HeavyBallOptions(-1)); }, "heavy_ball: lr"},
      {[&] { HeavyBall({d}, HeavyBallOptions().momentum(1.0)); }, "momentum"},
      {[&] { Adamax({d}, AdamaxOptions().beta1(-0.1)); }, "beta1"},
      {[&] { Adamax({d}, AdamaxOptions().beta2(1.0)); }, "beta2"},
      {[&] { Adamax({d}, AdamaxOptions().eps(-1)); }, "eps"},
      {[&] { Adadelta({d}, AdadeltaOptions().rho(1.0)); }, "rho"},
      {[&] { Adadelta({d}, AdadeltaOptions().eps(0)); }, "eps"},
      {[&] { NAdam({d}, NAdamOptions().momentum_decay(-1)); }, "momentum_decay"},
      {[&] { NAdam({d}, NAdamOptions(0)); }, "nadam: lr"},
      {[&] { Inna({d}, InnaOptions().alpha(-1)); }, "alpha"},
      {[&] { Inna({d}, InnaOptions().beta(0)); }, "beta"},
      {[&] { Inna({d}, InnaOptions(std::nan(""))); }, "inna: lr"},
      {[&] { Inna({d}, InnaOptions().decay_power(-0.5)); }, "decay_power"},
      {[&] { Inna({d}, InnaOptions().weight_decay(-1)); }, "weight_decay"},
      {[&] { Inna({d}, InnaOptions().psi0("zero")); }, "psi0"},
      {[&] { Inna({d}, InnaOptions().weight_decay_mode("inside")); }, "weight_decay_mode"},
  };
  for (const Bad& b : bad) {
    const std::string e = error_of(b.make);
    EXPECT_NE(e.find(b.names), std::string::npos) << "expected an error naming '" << b.names << "', got '" << e << "'";
  }
  // The valid neighbours construct (so the errors above come from the values, not the call).
  EXPECT_EQ(error_of([&] { HeavyBall({d}, HeavyBallOptions().momentum(0.99)); }), "");
  EXPECT_EQ(error_of([&] { Adadelta({d}, AdadeltaOptions().rho(0.0)); }), "");
  EXPECT_EQ(error_of([&] { Inna({d}, InnaOptions().alpha(0).weight_decay_mode("coupled_l2").psi0("public_code")); }),
            "");
  // An option made invalid after construction is caught at the step, nothing changed.
  Inna opt({d}, InnaOptions(0.1));
  static_cast<InnaOptions&>(opt.param_groups()[0].options()).beta(-1);
  d.mutable_grad() = torch::ones_like(d);
  EXPECT_NE(error_of([&] { opt.step(); }).find("parameter group 0: inna: beta"), std::string::npos);
  EXPECT_TRUE(torch::equal(d.detach(), torch::ones({2}, torch::kFloat64)));
  EXPECT_EQ(opt.param_state(d), nullptr);
}

// A checkpoint carries psi and the step counters (INNA's gamma_k, NAdam's mu product and bias
// corrections): 10 steps + save + load into a new optimizer + 10 steps = 20 steps, bit for bit.
TEST(GpuElementwiseMoreRules, CheckpointResumesToTheSameResult) {
  const Problem p = make_problem();
  std::vector<std::pair<std::string, TorchFactory>> rules = {
      {"inna", [](auto ps) { return std::make_unique<Inna>(ps, inna_public_code_options(0.05, 0.01, 0.5)); }},
      {"nadam", [](auto ps) { return std::make_unique<NAdam>(ps, NAdamOptions(1e-2)); }},
      {"adamax", [](auto ps) { return std::make_unique<Adamax>(ps, AdamaxOptions(1e-2)); }},
  };
  for (const auto& [name, make] : rules) {
    SCOPED_TRACE(name);
    const std::string path = ::testing::TempDir() + "/ov_more_rules_" + name + ".pt";
    auto train = [&](Net& net, torch::optim::Optimizer& opt, int steps) {
      for (int k = 0; k < steps; ++k) {
        opt.zero_grad();
        net.forward_backward(p.x, p.y);
        opt.step();
      }
    };
    Net full(p.arch, p.theta0);
    auto opt_full = make(full.parameters());
    train(full, *opt_full, 20);
    Net first(p.arch, p.theta0);
    auto opt_first = make(first.parameters());
    train(first, *opt_first, 10);
    torch::save(*opt_first, path);
    Net second(p.arch, first.theta());
    auto opt_second = make(second.parameters());
    torch::load(*opt_second, path);
    train(second, *opt_second, 10);
    EXPECT_EQ(relative_difference(second.theta(), full.theta()), 0.0);
    Net fresh(p.arch, first.theta());
    auto opt_fresh = make(fresh.parameters());
    train(fresh, *opt_fresh, 10);
    EXPECT_GT(relative_difference(fresh.theta(), full.theta()), 1e-6);  // the checkpoint carried something
  }
  // INNA's options round-trip through serialize.
  const InnaOptions o = inna_public_code_options(0.3, 0.02, 0.25).alpha(1.3);
  torch::serialize::OutputArchive out;
  o.serialize(out);
  std::ostringstream buf;
  out.save_to(buf);
  std::istringstream inbuf(buf.str());
  torch::serialize::InputArchive in;
  in.load_from(inbuf);
  InnaOptions back;
  back.serialize(in);
  EXPECT_TRUE(back == o);
  EXPECT_FALSE(InnaOptions() == o);
}

}  // namespace
}  // namespace ov::gpu
