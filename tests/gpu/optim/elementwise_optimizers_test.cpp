// The elementwise rules of optim/ as torch::optim::Optimizers (gpu/optim) against LibTorch's
// own optimizers, and their optimizer mechanics: kernel paths, refusals, bad input,
// parameter groups, checkpoints.
//
// Differential tolerance: 1e-10 relative (max-norm of the parameter difference over the
// max-norm of the parameters) after 1000 float64 steps. Both sides run the same formulas in
// binary64 and differ only in rounding: the order of a few operations per coordinate (e.g.
// torch's sqrt(v)/sqrt(1 - beta2^t) against our sqrt(v/(1 - beta2^t))) and torch's in-place
// update sequence; one step differs by a few ulps (~1e-16 relative) and on this small,
// smooth, well-conditioned problem 1000 steps amplify that by at most ~1e3 (measured worst:
// printed by the test). A mutated rule (lr off by 1e-6 relative) is caught by the same check,
// so 1e-10 separates "same rule, other rounding" from "another rule".
#include <gtest/gtest.h>

#include <torch/torch.h>

#include <cmath>
#include <cstdio>
#include <functional>
#include <limits>
#include <sstream>
#include <string>

#include "gpu/optim/adadelta.hpp"
#include "gpu/optim/adagrad.hpp"
#include "gpu/optim/adam.hpp"
#include "gpu/optim/adamax.hpp"
#include "gpu/optim/flat_parameters.hpp"
#include "gpu/optim/heavy_ball.hpp"
#include "gpu/optim/nadam.hpp"
#include "gpu/optim/rmsprop.hpp"
#include "gpu/optim/sgd.hpp"
#include "tests/gpu/optim/torch_mlp.hpp"

namespace ov::gpu {
namespace {

using testing::relative_difference;
using Net = testing::TorchMlp;
using Theta = Eigen::VectorXd;

constexpr double kDiffTol = 1e-10;
constexpr int kSteps = 1000;

// Runs `steps` full-batch steps of an optimizer made by `make` on a fresh twin network and
// returns the parameters as theta.
using Factory = std::function<std::unique_ptr<torch::optim::Optimizer>(std::vector<torch::Tensor>)>;

Theta run(const Factory& make, int steps) {
  Net net;
  auto opt = make(net.parameters());
  for (int k = 0; k < steps; ++k) {
    opt->zero_grad();
    net.forward_backward();
    opt->step();
  }
  return net.theta();
}

struct DiffCase {
  std::string name;
  Factory ours, theirs;
};

std::vector<DiffCase> diff_cases() {
  using torch::optim::OptimizerParamGroup;
  return {
      {"sgd", [](auto ps) { return std::make_unique<SGD>(ps, SGDOptions(0.05)); },
       [](auto ps) { return std::make_unique<torch::optim::SGD>(ps, torch::optim::SGDOptions(0.05)); }},
      {"sgd_weight_decay", [](auto ps) { return std::make_unique<SGD>(ps, SGDOptions(0.05).weight_decay(1e-3)); },
       [](auto ps) {
         return std::make_unique<torch::optim::SGD>(ps, torch::optim::SGDOptions(0.05).weight_decay(1e-3));
       }},
      {"momentum", [](auto ps) { return std::make_unique<SGD>(ps, SGDOptions(0.01).momentum(0.9)); },
       [](auto ps) { return std::make_unique<torch::optim::SGD>(ps, torch::optim::SGDOptions(0.01).momentum(0.9)); }},
      {"momentum_weight_decay",
       [](auto ps) { return std::make_unique<SGD>(ps, SGDOptions(0.01).momentum(0.9).weight_decay(5e-4)); },
       [](auto ps) {
         return std::make_unique<torch::optim::SGD>(ps,
                                                    torch::optim::SGDOptions(0.01).momentum(0.9).weight_decay(5e-4));
       }},
      {"nesterov", [](auto ps) { return std::make_unique<SGD>(ps, SGDOptions(0.01).momentum(0.9).nesterov(true)); },
       [](auto ps) {
         return std::make_unique<torch::optim::SGD>(ps, torch::optim::SGDOptions(0.01).momentum(0.9).nesterov(true));
       }},
      {"adam", [](auto ps) { return std::make_unique<Adam>(ps, AdamOptions(1e-2)); },
       [](auto ps) { return std::make_unique<torch::optim::Adam>(ps, torch::optim::AdamOptions(1e-2)); }},
      {"adam_weight_decay", [](auto ps) { return std::make_unique<Adam>(ps, AdamOptions(1e-2).weight_decay(1e-3)); },
       [](auto ps) {
         return std::make_unique<torch::optim::Adam>(ps, torch::optim::AdamOptions(1e-2).weight_decay(1e-3));
       }},
      {"adamw", [](auto ps) { return std::make_unique<Adam>(ps, adamw_options(1e-2)); },
       [](auto ps) { return std::make_unique<torch::optim::AdamW>(ps, torch::optim::AdamWOptions(1e-2)); }},
      {"adagrad",
       [](auto ps) { return std::make_unique<Adagrad>(ps, AdagradOptions(0.05).epsilon_placement("outside_sqrt")); },
       [](auto ps) { return std::make_unique<torch::optim::Adagrad>(ps, torch::optim::AdagradOptions(0.05)); }},
      // RMSprop: a trajectory can be ill-conditioned in binary64. On the network of
      // optimizer_fixture.hpp at lr = 1e-3, ours, torch's and the core's double runs agree to
      // 1e-15 for 850 steps, then ALL leave the mp100 trajectory by ~1e-2 by step 1000 (measured;
      // docs/gpu.md): no implementation could agree to 1e-10 there. On this MLP they do.
      {"rmsprop",
       [](auto ps) {
         return std::make_unique<Rmsprop>(ps, RmspropOptions(1e-3).gamma(0.99).epsilon_placement("outside_sqrt"));
       },
       [](auto ps) { return std::make_unique<torch::optim::RMSprop>(ps, torch::optim::RMSpropOptions(1e-3)); }},
  };
}

TEST(GpuElementwiseOptimizers, AgreeWithTorchOptimFor1000Float64Steps) {
  const Theta theta0 = Net().theta();
  double worst = 0;
  for (const auto& c : diff_cases()) {
    SCOPED_TRACE(c.name);
    const auto ours = run(c.ours, kSteps);
    const auto theirs = run(c.theirs, kSteps);
    const double d = relative_difference(ours, theirs);
    worst = std::max(worst, d);
    EXPECT_LE(d, kDiffTol) << c.name;
    // The run must have moved: agreement of two runs that never left theta0 would prove nothing.
    EXPECT_GT(relative_difference(ours, theta0), 1e-3) << c.name;
    std::printf("[ torch  ] %-22s relative difference after %d steps: %.2e\n", c.name.c_str(), kSteps, d);
  }
  std::printf("[ torch  ] worst: %.2e (tolerance %.0e)\n", worst, kDiffTol);
}

// The same check rejects a different rule: lr off by one part in a million.
TEST(GpuElementwiseOptimizers, DifferentialCheckCatchesAMutatedLearningRate) {
  const Theta theta0 = Net().theta();
  const auto mutant = run([](auto ps) { return std::make_unique<Adam>(ps, AdamOptions(1e-2 * (1 + 1e-6))); },
                          kSteps);
  const auto theirs =
      run([](auto ps) { return std::make_unique<torch::optim::Adam>(ps, torch::optim::AdamOptions(1e-2)); }, kSteps);
  EXPECT_GT(relative_difference(mutant, theirs), kDiffTol);
}

// Named convention differences: the core defaults are not torch's, and each difference is
// real (changes the iterates) and is the only one (setting it as torch agrees: above).
TEST(GpuElementwiseOptimizers, ConventionDifferencesFromTorchAreReal) {
  const Theta theta0 = Net().theta();
  const int n = 50;
  // Adagrad: eps inside the square root (core default, 004) vs outside (torch); eps large
  // enough to matter.
  const auto inside = run([](auto ps) { return std::make_unique<Adagrad>(ps, AdagradOptions(0.05).eps(1e-2)); }, n);
  const auto torch_ada = run(
      [](auto ps) { return std::make_unique<torch::optim::Adagrad>(ps, torch::optim::AdagradOptions(0.05).eps(1e-2)); },
      n);
  EXPECT_GT(relative_difference(inside, torch_ada), 1e-6);
  // RMSprop: core gamma = 0.9 vs torch alpha = 0.99.
  const auto ours_rms = run([](auto ps) { return std::make_unique<Rmsprop>(ps, RmspropOptions(1e-3)); }, n);
  const auto torch_rms = run(
      [](auto ps) { return std::make_unique<torch::optim::RMSprop>(ps, torch::optim::RMSpropOptions(1e-3)); }, n);
  EXPECT_GT(relative_difference(ours_rms, torch_rms), 1e-6);
  // SGD dampening (torch only): with dampening the iterates differ from ours.
  const auto ours_mom = run([](auto ps) { return std::make_unique<SGD>(ps, SGDOptions(0.01).momentum(0.9)); }, n);
  const auto damp = run(
     
      [](auto ps) {
        return std::make_unique<torch::optim::SGD>(ps, torch::optim::SGDOptions(0.01).momentum(0.9).dampening(0.5));
      },
      n);
  EXPECT_GT(relative_difference(ours_mom, damp), 1e-6);
}

template <class F>
std::string error_of(F&& f) {
  try {
    f();
  } catch (const std::exception& e) {
    return e.what();
  }
  return "";
}

// --- kernel paths -------------------------------------------------------------------------

// A non-contiguous leaf forces the tensor-expression path; the same kernel must give the
// same numbers as the fused path (same operations in the same order, binary64; tolerance
// 1e-14 relative allows the compiler a contraction or two).
TEST(GpuElementwiseOptimizers, FusedAndTensorExpressionPathsAgree) {
  torch::manual_seed(3);
  const torch::Tensor base = torch::randn({6, 5}, torch::kFloat64);
  torch::Tensor a = base.clone().set_requires_grad(true);                 // contiguous
  torch::Tensor b = base.t().contiguous().t().set_requires_grad(false);   // same values, transposed layout
  b = b.detach().requires_grad_(true);
  ASSERT_FALSE(b.is_contiguous());
  Adam oa({a}, AdamOptions(0.1));
  Adam ob({b}, AdamOptions(0.1));
  for (int k = 0; k < 20; ++k) {
    const torch::Tensor g = torch::sin(base * (k + 1));
    a.mutable_grad() = g.clone();
    b.mutable_grad() = g.clone();
    oa.step();
    ob.step();
  }
  EXPECT_EQ(oa.last_outcomes().at(0).path, "fused_cpu");
  EXPECT_EQ(ob.last_outcomes().at(0).path, "tensor_expressions");
  const double d = (a - b).abs().max().item<double>() / a.abs().max().item<double>();
  EXPECT_LE(d, 1e-14);
  EXPECT_GT((a - base).abs().max().item<double>(), 0.1);  // it moved
}

// Parameters in one flat buffer: one fused pass per step for the whole model, and the same
// numbers as the per-tensor steps (the same kernel on the same coordinates: bit-identical).
TEST(GpuElementwiseOptimizers, FlatParametersGiveOnePassAndTheSameIterates) {
  torch::manual_seed(4);
  const torch::Tensor w0 = torch::randn({4, 3}, torch::kFloat64), b0 = torch::randn({3}, torch::kFloat64);
  const torch::Tensor x = torch::randn({10, 4}, torch::kFloat64), y = torch::randn({10, 3}, torch::kFloat64);
  auto loss = [&](const torch::Tensor& w, const torch::Tensor& b) {
    return (torch::tanh(torch::mm(x, w) + b) - y).pow(2).mean();
  };
  torch::Tensor w = w0.clone().requires_grad_(true), b = b0.clone().requires_grad_(true);
  torch::Tensor w2 = w0.clone().requires_grad_(true), b2 = b0.clone().requires_grad_(true);
  FlatParameters flat({w, b});
  EXPECT_EQ(flat.numel(), 15);
  Adam fused({flat.parameter()}, AdamOptions(0.05));
  Adam separate({w2, b2}, AdamOptions(0.05));
  for (int k = 0; k < 50; ++k) {
    flat.zero_grad();
    loss(w, b).backward();  // autograd accumulates into the views of the flat gradient
    fused.step();
    separate.zero_grad();
    loss(w2, b2).backward();
    separate.step();
  }
  EXPECT_EQ(fused.last_outcomes().at(0).updated, 1);  // one tensor: one pass
  EXPECT_EQ(fused.last_outcomes().at(0).path, "fused_cpu");
  EXPECT_TRUE(torch::equal(w.detach(), w2.detach()));
  EXPECT_TRUE(torch::equal(b.detach(), b2.detach()));
  EXPECT_GT((w.detach() - w0).abs().max().item<double>(), 0.1);  // it moved
  // Dropping a gradient view (zero_grad(set_to_none = true) does this) is detected.
  b.mutable_grad() = torch::Tensor();
  EXPECT_NE(error_of([&] { flat.zero_grad(); }).find("parameter 1"), std::string::npos);
}

// On a CUDA device (skipped without one): every elementwise rule's step on a CUDA tensor equals
// its step on the CPU, and takes one fused CUDA kernel per step when the build has the CUDA
// kernels (OPTVERIFY_CUDA_KERNELS), the tensor expressions otherwise. float64, 20 steps;
// tolerance 1e-13 relative: the same kernel, but nvcc contracts a*b + c into fused multiply-adds
// (one rounding instead of two), so the last bits may differ. A NaN gradient is refused on the
// device as on the CPU.
TEST(GpuElementwiseOptimizers, CudaStepsAgreeWithCpuSteps) {
  if (!torch::cuda::is_available()) GTEST_SKIP() << "no CUDA device";
  using Make = std::function<std::unique_ptr<torch::optim::Optimizer>(std::vector<torch::Tensor>)>;
  const std::vector<std::pair<std::string, Make>> rules = {
      {"sgd", [](auto ps) { return std::make_unique<SGD>(ps, SGDOptions(0.05)); }},
      {"momentum", [](auto ps) { return std::make_unique<SGD>(ps, SGDOptions(0.05).momentum(0.9)); }},
      {"nesterov", [](auto ps) { return std::make_unique<SGD>(ps, SGDOptions(0.05).momentum(0.9).nesterov(true)); }},
      {"heavy_ball", [](auto ps) { return std::make_unique<HeavyBall>(ps, HeavyBallOptions(0.05)); }},
      {"adam", [](auto ps) { return std::make_unique<Adam>(ps, AdamOptions(0.05)); }},
      {"adamw", [](auto ps) { return std::make_unique<Adam>(ps, adamw_options(0.05)); }},
      {"adagrad", [](auto ps) { return std::make_unique<Adagrad>(ps, AdagradOptions(0.05)); }},
      {"rmsprop", [](auto ps) { return std::make_unique<Rmsprop>(ps, RmspropOptions(0.01)); }},
      {"adamax", [](auto ps) { return std::make_unique<Adamax>(ps, AdamaxOptions(0.05).eps(1e-8)); }},
      {"adadelta", [](auto ps) { return std::make_unique<Adadelta>(ps, AdadeltaOptions(1.0)); }},
      {"nadam", [](auto ps) { return std::make_unique<NAdam>(ps, NAdamOptions(0.05)); }},
  };
  torch::manual_seed(6);
  const torch::Tensor base = torch::randn({1000}, torch::kFloat64);
  for (const auto& [name, make] : rules) {
    SCOPED_TRACE(name);
    torch::Tensor cpu = base.clone().requires_grad_(true);
    torch::Tensor dev = base.to(torch::kCUDA).requires_grad_(true);
    auto ocpu = make({cpu});
    auto odev = make({dev});
    for (int k = 0; k < 20; ++k) {
      const torch::Tensor g = torch::sin(base * (k + 1)) + 0.1 * base;
      cpu.mutable_grad() = g.clone();
      dev.mutable_grad() = g.to(torch::kCUDA);
      ocpu->step();
      odev->step();
    }
    const torch::Tensor back = dev.detach().cpu();
    EXPECT_LE((back - cpu.detach()).abs().max().item<double>() / cpu.abs().max().item<double>(), 1e-13);
    EXPECT_GT((cpu.detach() - base).abs().max().item<double>(), 1e-3);  // it moved
#if defined(OPTVERIFY_CUDA_KERNELS)
    const char* expected = "fused_cuda";
#else
    const char* expected = "tensor_expressions";
#endif
    const auto* reporter = dynamic_cast<const OutcomeReporter*>(odev.get());
    ASSERT_NE(reporter, nullptr);
    EXPECT_EQ(reporter->last_outcomes().at(0).path, expected);
    // Refusal on the device: nothing changes.
    torch::Tensor g = torch::ones_like(dev);
    g[3] = std::nan("");
    dev.mutable_grad() = g;
    const torch::Tensor before = dev.detach().clone();
    odev->step();
    EXPECT_EQ(reporter->last_outcomes().at(0).status, StepStatus::refused_non_finite_gradient);
    EXPECT_TRUE(torch::equal(dev.detach(), before));
  }
}

// float32: the fused path computes each coordinate in double and rounds once; torch computes
// in float. After 200 steps they agree to float precision (1e-4 relative: 2^-24 = 6e-8 per
// operation, amplified by the run).
TEST(GpuElementwiseOptimizers, Float32AgreesWithTorchToFloatPrecision) {
  torch::manual_seed(5);
  const torch::Tensor w0 = torch::randn({32}, torch::kFloat32);
  const torch::Tensor target = torch::randn({32}, torch::kFloat32);
  auto run32 = [&](bool ours) {
    torch::Tensor w = w0.clone().set_requires_grad(true);
    std::unique_ptr<torch::optim::Optimizer> opt;
    if (ours) opt = std::make_unique<Adam>(std::vector<torch::Tensor>{w}, AdamOptions(1e-2));
    else opt = std::make_unique<torch::optim::Adam>(std::vector<torch::Tensor>{w}, torch::optim::AdamOptions(1e-2));
    for (int k = 0; k < 200; ++k) {
      opt->zero_grad();
      ((w - target).pow(2).sum() + w.pow(4).sum() * 0.01).backward();
      opt->step();
    }
    return w.detach();
  };
  const torch::Tensor a = run32(true), b = run32(false);
  EXPECT_LE((a - b).abs().max().item<float>() / b.abs().max().item<float>(), 1e-4);
}

// --- refusals -------------------------------------------------------------------------------

TEST(GpuElementwiseOptimizers, NonFiniteGradientRefusesTheWholeGroupAndChangesNothing) {
  torch::manual_seed(1);
  torch::Tensor a = torch::randn({4}, torch::kFloat64).requires_grad_(true);
  torch::Tensor b = torch::randn({3}, torch::kFloat64).requires_grad_(true);
  torch::Tensor c = torch::randn({2}, torch::kFloat64).requires_grad_(true);
  std::vector<torch::optim::OptimizerParamGroup> groups;
  groups.emplace_back(std::vector<torch::Tensor>{a, b});
  groups.emplace_back(std::vector<torch::Tensor>{c});
  Adam opt(groups, AdamOptions(0.1));
  a.mutable_grad() = torch::ones_like(a);
  b.mutable_grad() = torch::ones_like(b);
  c.mutable_grad() = torch::ones_like(c);
  opt.step();  // one good step: the state exists
  const torch::Tensor a0 = a.detach().clone(), b0 = b.detach().clone(), c0 = c.detach().clone();
  const torch::Tensor m0 = opt.param_state(a)->buffer("exp_avg").clone();
  b.mutable_grad()[1] = std::nan("");  // the second parameter of group 0
  opt.step();
  ASSERT_EQ(opt.last_outcomes().size(), 2u);
  EXPECT_EQ(opt.last_outcomes()[0].status, StepStatus::refused_non_finite_gradient);
  EXPECT_NE(opt.last_outcomes()[0].message.find("not finite"), std::string::npos);
  EXPECT_TRUE(opt.last_step_refused());
  EXPECT_TRUE(torch::equal(a.detach(), a0));  // the FIRST parameter is untouched too
  EXPECT_TRUE(torch::equal(b.detach(), b0));
  EXPECT_TRUE(torch::equal(opt.param_state(a)->buffer("exp_avg"), m0));
  EXPECT_EQ(opt.param_state(a)->step(), 1);
  // The other group was updated.
  EXPECT_EQ(opt.last_outcomes()[1].status, StepStatus::taken);
  EXPECT_FALSE(torch::equal(c.detach(), c0));
  EXPECT_EQ(opt.param_state(c)->step(), 2);
  // A mutant that commits parameter by parameter would have moved a: shown by the check
  // itself: a step with finite gradients moves a.
  b.mutable_grad() = torch::ones_like(b);
  opt.step();
  EXPECT_FALSE(torch::equal(a.detach(), a0));
}

// The fused CPU path tests finiteness from the float's bit pattern (elementwise_runner.hpp
// all_finite, vectorised): float32 as well as float64, every position of a block (lengths
// around the 512-wide blocks), NaN, both infinities; a finite gradient whose update overflows
// float32 (1e30 * 1e30) is refused too, and the same step with a finite update is taken.
TEST(GpuElementwiseOptimizers, Float32NonFiniteValuesAreRefusedAtEveryPosition) {
  const float bad_values[] = {std::numeric_limits<float>::quiet_NaN(), std::numeric_limits<float>::infinity(),
                              -std::numeric_limits<float>::infinity()};
  for (const std::int64_t n : {1, 7, 511, 512, 513, 1100}) {
    for (const std::int64_t pos : {std::int64_t{0}, n / 2, n - 1}) {
      for (const float bad : bad_values) {
        torch::Tensor w = torch::ones({n}, torch::kFloat32).requires_grad_(true);
        Adam opt({w}, AdamOptions(0.1));
        w.mutable_grad() = torch::ones({n}, torch::kFloat32);
        w.mutable_grad()[pos] = bad;
        opt.step();
        ASSERT_EQ(opt.last_outcomes().at(0).status, StepStatus::refused_non_finite_gradient)
            << "n " << n << " position " << pos << " value " << bad;
        ASSERT_TRUE(torch::equal(w.detach(), torch::ones({n}, torch::kFloat32)));
        w.mutable_grad()[pos] = 1.0f;  // the control: finite everywhere, the step is taken
        opt.step();
        ASSERT_EQ(opt.last_outcomes().at(0).status, StepStatus::taken) << "n " << n << " position " << pos;
      }
    }
  }
  torch::Tensor v = torch::full({600}, 1.0f, torch::kFloat32).requires_grad_(true);
  SGD sgd({v}, SGDOptions(1e30));
  v.mutable_grad() = torch::full({600}, 1e-10f, torch::kFloat32);
  v.mutable_grad()[599] = 1e30f;
  sgd.step();
  EXPECT_EQ(sgd.last_outcomes().at(0).status, StepStatus::refused_non_finite_update);
  EXPECT_TRUE(torch::equal(v.detach(), torch::full({600}, 1.0f, torch::kFloat32)));
  v.mutable_grad()[599] = 1e-10f;
  sgd.step();
  EXPECT_EQ(sgd.last_outcomes().at(0).status, StepStatus::taken);
}

TEST(GpuElementwiseOptimizers, NonFiniteUpdateFromFiniteGradientIsRefused) {
  torch::Tensor w = torch::full({3}, 1e300, torch::kFloat64).requires_grad_(true);
  SGD opt({w}, SGDOptions(1e10));
  w.mutable_grad() = torch::full({3}, 1e300, torch::kFloat64);
  opt.step();
  EXPECT_EQ(opt.last_outcomes().at(0).status, StepStatus::refused_non_finite_update);
  EXPECT_TRUE(torch::equal(w.detach(), torch::full({3}, 1e300, torch::kFloat64)));
}

TEST(GpuElementwiseOptimizers, AdamAsPrintedIn004IsRefusedAsUndefined) {
  torch::Tensor w = torch::ones({3}, torch::kFloat64).requires_grad_(true);
  Adam opt({w}, AdamOptions(0.1).bias_correction("as_printed_004"));
  w.mutable_grad() = torch::ones_like(w);
  opt.step();
  EXPECT_EQ(opt.last_outcomes().at(0).status, StepStatus::refused_undefined);
  EXPECT_EQ(opt.param_state(w), nullptr);  // no state was created
  EXPECT_TRUE(torch::equal(w.detach(), torch::ones({3}, torch::kFloat64)));
}

TEST(GpuElementwiseOptimizers, ParametersWithoutGradientAreSkippedAndCounted) {
  torch::Tensor a = torch::ones({2}, torch::kFloat64).requires_grad_(true);
  torch::Tensor b = torch::ones({2}, torch::kFloat64).requires_grad_(true);
  SGD opt({a, b}, SGDOptions(0.5));
  a.mutable_grad() = torch::ones_like(a);
  opt.step();
  EXPECT_EQ(opt.last_outcomes().at(0).status, StepStatus::taken);
  EXPECT_EQ(opt.last_outcomes().at(0).updated, 1);
  EXPECT_EQ(opt.last_outcomes().at(0).without_gradient, 1);
  EXPECT_DOUBLE_EQ(a[0].item<double>(), 0.5);
  EXPECT_DOUBLE_EQ(b[0].item<double>(), 1.0);
}

// --- bad input --------------------------------------------------------------------------------

TEST(GpuElementwiseOptimizers, BadInputGivesClearErrors) {
  torch::Tensor d = torch::ones({2}, torch::kFloat64).requires_grad_(true);
  torch::Tensor f = torch::ones({2}, torch::kFloat32).requires_grad_(true);
  torch::Tensor frozen = torch::ones({2}, torch::kFloat64);
  EXPECT_NE(error_of([&] { SGD({d, f}); }).find("parameter 1 is Float on cpu but parameter 0 is Double"),
            std::string::npos);
  EXPECT_NE(error_of([&] { SGD({frozen}); }).find("does not require a gradient"), std::string::npos);
  EXPECT_NE(error_of([&] { SGD({d}, SGDOptions(-1)); }).find("lr"), std::string::npos);
  EXPECT_NE(error_of([&] { Adam({d}, AdamOptions().beta1(1.0)); }).find("beta1"), std::string::npos);
  EXPECT_NE(error_of([&] { Adam({d}, AdamOptions().eps(-1)); }).find("eps"), std::string::npos);
  EXPECT_NE(error_of([&] { Adam({d}, AdamOptions().weight_decay_mode("sideways")); }).find("weight_decay_mode"),
            std::string::npos);
  EXPECT_NE(error_of([&] { SGD({d}, SGDOptions(0.1).momentum(0.9).nesterov(true).form("paper")); })
                .find("look-ahead"),
            std::string::npos);
  EXPECT_NE(error_of([&] { SGD({d}, SGDOptions(0.1).nesterov(true)); }).find("nesterov"), std::string::npos);
  EXPECT_NE(error_of([&] { Rmsprop({d}, RmspropOptions().gamma(1.5)); }).find("gamma"), std::string::npos);
  // An option made invalid after construction is caught at the step, before any change.
  SGD opt({d}, SGDOptions(0.1));
  static_cast<SGDOptions&>(opt.param_groups()[0].options()).lr(-0.1);
  d.mutable_grad() = torch::ones_like(d);
  EXPECT_NE(error_of([&] { opt.step(); }).find("parameter group 0: sgd: lr"), std::string::npos);
  EXPECT_TRUE(torch::equal(d.detach(), torch::ones({2}, torch::kFloat64)));
  // A gradient of the wrong shape.
  d.mutable_grad() = torch::ones({3}, torch::kFloat64);
  static_cast<SGDOptions&>(opt.param_groups()[0].options()).lr(0.1);
  EXPECT_NE(error_of([&] { opt.step(); }).find("has a gradient of"), std::string::npos);
}

// --- groups, schedulers, checkpoints -----------------------------------------------------------

TEST(GpuElementwiseOptimizers, GroupsWithTheirOwnOptionsEqualSeparateOptimizers) {
  torch::manual_seed(2);
  const torch::Tensor a0 = torch::randn({5}, torch::kFloat64), b0 = torch::randn({4}, torch::kFloat64);
  torch::Tensor a = a0.clone().requires_grad_(true), b = b0.clone().requires_grad_(true);
  torch::Tensor a2 = a0.clone().requires_grad_(true), b2 = b0.clone().requires_grad_(true);
  std::vector<torch::optim::OptimizerParamGroup> groups;
  groups.emplace_back(std::vector<torch::Tensor>{a});
  groups.emplace_back(std::vector<torch::Tensor>{b}, std::make_unique<AdamOptions>(AdamOptions(0.3).beta1(0.5)));
  Adam both(groups, AdamOptions(0.01));
  Adam only_a({a2}, AdamOptions(0.01));
  Adam only_b({b2}, AdamOptions(0.3).beta1(0.5));
  for (int k = 0; k < 10; ++k) {
    for (auto* t : {&a, &b, &a2, &b2}) t->mutable_grad() = torch::cos(t->detach() * 3);
    both.step();
    only_a.step();
    only_b.step();
  }
  EXPECT_TRUE(torch::equal(a.detach(), a2.detach()));
  EXPECT_TRUE(torch::equal(b.detach(), b2.detach()));
  // set_lr (what LR schedulers call) reaches the rule.
  both.param_groups()[0].options().set_lr(0.0 + 1e-300);
  const torch::Tensor before = a.detach().clone();
  a.mutable_grad() = torch::ones_like(a);
  both.step();
  EXPECT_LE((a.detach() - before).abs().max().item<double>(), 1e-290);
}

TEST(GpuElementwiseOptimizers, CheckpointResumesToTheSameResult) {
  const std::string path = ::testing::TempDir() + "/ov_adam_checkpoint.pt";
  auto train = [&](Net& net, torch::optim::Optimizer& opt, int steps) {
    for (int k = 0; k < steps; ++k) {
      opt.zero_grad();
      net.forward_backward();
      opt.step();
    }
  };
  // Uninterrupted: 20 steps.
  Net full;
  Adam opt_full(full.parameters(), AdamOptions(1e-2));
  train(full, opt_full, 20);
  // Interrupted: 10 steps, checkpoint, a NEW network and optimizer, load, 10 more.
  Net first;
  Adam opt_first(first.parameters(), AdamOptions(1e-2));
  train(first, opt_first, 10);
  torch::save(opt_first, path);
  Net second;
  second.set_theta(first.theta());
  Adam opt_second(second.parameters(), AdamOptions(1e-2));
  torch::load(opt_second, path);
  EXPECT_EQ(opt_second.param_state(second.parameters()[0])->step(), 10);
  train(second, opt_second, 10);
  EXPECT_EQ(relative_difference(second.theta(), full.theta()), 0.0);  // bit-identical
  // Without the state (fresh optimizer) the result differs: the checkpoint carried something.
  Net fresh;
  fresh.set_theta(first.theta());
  Adam opt_fresh(fresh.parameters(), AdamOptions(1e-2));
  train(fresh, opt_fresh, 10);
  EXPECT_GT(relative_difference(fresh.theta(), full.theta()), 1e-6);
  // The options round-trip through serialize.
  torch::serialize::OutputArchive out;
  SGDOptions(0.3).momentum(0.5).form("paper").serialize(out);
  std::ostringstream buf;
  out.save_to(buf);
  std::istringstream inbuf(buf.str());
  torch::serialize::InputArchive in;
  in.load_from(inbuf);
  SGDOptions back;
  back.serialize(in);
  EXPECT_TRUE(back == SGDOptions(0.3).momentum(0.5).form("paper"));
}

}  // namespace
}  // namespace ov::gpu
