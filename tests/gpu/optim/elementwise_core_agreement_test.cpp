// Every elementwise rule in the LibTorch layer (gpu/optim) against the rigorous core running
// the SAME rule (optim/rules) on the same network, parameters and batch: in double (on
// ov::nets::NetworkObjective<double>) and in mp100 (NetworkObjective<mp100>, the reference).
//
// Tolerances, after kSteps full-batch steps:
//  * torch vs core double: 1e-12 relative. The update kernels are the same code in the same
//    precision; the only difference is the gradient (torch's GEMM/reduction order vs ours,
//    ~1e-16 relative per step, tests/nets/torch/crosscheck_test.cpp), amplified by the run.
//  * both vs mp100: 1e-10 relative. The mp100 run carries no rounding error at double
//    scale, so this measures each double run's accumulated rounding; the test also requires
//    the torch run to be no more than 100x further from mp100 than the core's double run, so
//    "agreement to rounding" is measured against a higher precision, not against itself.
// A mutated kernel constant (the core run with lr * (1 + 1e-9)) is rejected by the first check.
#include <gtest/gtest.h>

#include <torch/torch.h>

#include <cstdio>
#include <functional>
#include <memory>
#include <string>

#include "analysis/numeric/scalars.hpp"
#include "gpu/optim/adagrad.hpp"
#include "gpu/optim/adam.hpp"
#include "gpu/optim/rmsprop.hpp"
#include "gpu/optim/sgd.hpp"
#include "nets/core/network_objective.hpp"
#include "optim/core/oracle.hpp"
#include "optim/rules/adagrad.hpp"
#include "optim/rules/adam.hpp"
#include "optim/rules/momentum.hpp"
#include "optim/rules/nesterov.hpp"
#include "optim/rules/rmsprop.hpp"
#include "optim/rules/sgd.hpp"
#include "tests/gpu/optim/optimizer_fixture.hpp"

namespace ov::gpu {
namespace {

using testing::make_problem;
using testing::Problem;
using testing::relative_difference;
using testing::CoreFactory;
using testing::run_core;
using testing::run_torch;

constexpr int kSteps = 200;

struct Case {
  std::string name;
  testing::TorchFactory torch_rule;
  CoreFactory<double> core_double;
  CoreFactory<mp100> core_mp100;
};

template <class S>
optim::AdamOptions<S> adam_opts(double lr, bool decoupled) {
  optim::AdamOptions<S> o;
  o.lr = S(lr);
  o.beta1 = S(0.9);  // the double values torch's run uses, converted exactly
  o.beta2 = S(0.999);
  o.eps = S(1e-8);
  if (decoupled) {
    o.weight_decay = S(1e-2);
    o.weight_decay_mode = optim::WeightDecayMode::decoupled;
  }
  return o;
}

template <class S>
CoreFactory<S> core_sgd(double lr) {
  return [lr](double k) {
    optim::SgdOptions<S> o;
    o.lr = S(lr * k);
    return std::make_unique<optim::Sgd<S>>(o);
  };
}
template <class S>
CoreFactory<S> core_momentum(double lr, double mu, bool nesterov, optim::MomentumForm form) {
  return [=](double k) -> std::unique_ptr<optim::Optimizer<S>> {
    if (nesterov) return std::make_unique<optim::Nesterov<S>>(S(lr * k), S(mu), form);
    return std::make_unique<optim::Momentum<S>>(S(lr * k), S(mu), form);
  };
}
template <class S>
CoreFactory<S> core_adam(double lr, bool decoupled) {
  return [=](double k) { return std::make_unique<optim::Adam<S>>(adam_opts<S>(lr * k, decoupled)); };
}
template <class S>
CoreFactory<S> core_adagrad(double lr) {
  return [=](double k) {
    optim::AdagradOptions<S> o;
    o.lr = S(lr * k);
    o.eps = S(1e-10);
    return std::make_unique<optim::Adagrad<S>>(o);
  };
}
template <class S>
CoreFactory<S> core_rmsprop(double lr) {
  return [=](double k) {
    optim::RmspropOptions<S> o;
    o.lr = S(lr * k);
    o.gamma = S(0.9);
    o.eps = S(1e-8);
    return std::make_unique<optim::Rmsprop<S>>(o);
  };
}

std::vector<Case> cases() {
  using optim::MomentumForm;
  return {
      {"sgd", [](auto ps) { return std::make_unique<SGD>(ps, SGDOptions(0.05)); }, core_sgd<double>(0.05),
       core_sgd<mp100>(0.05)},
      {"momentum_pytorch", [](auto ps) { return std::make_unique<SGD>(ps, SGDOptions(0.01).momentum(0.9)); },
       core_momentum<double>(0.01, 0.9, false, MomentumForm::pytorch),
       core_momentum<mp100>(0.01, 0.9, false, MomentumForm::pytorch)},
      {"momentum_paper",
       [](auto ps) { return std::make_unique<SGD>(ps, SGDOptions(0.01).momentum(0.9).form("paper")); },
       core_momentum<double>(0.01, 0.9, false, MomentumForm::paper),
       core_momentum<mp100>(0.01, 0.9, false, MomentumForm::paper)},
      {"momentum_sutskever",
       [](auto ps) { return std::make_unique<SGD>(ps, SGDOptions(0.01).momentum(0.9).form("sutskever")); },
       core_momentum<double>(0.01, 0.9, false, MomentumForm::sutskever),
       core_momentum<mp100>(0.01, 0.9, false, MomentumForm::sutskever)},
      {"nesterov_pytorch",
       [](auto ps) { return std::make_unique<SGD>(ps, SGDOptions(0.01).momentum(0.9).nesterov(true)); },
       core_momentum<double>(0.01, 0.9, true, MomentumForm::pytorch),
       core_momentum<mp100>(0.01, 0.9, true, MomentumForm::pytorch)},
      {"adam", [](auto ps) { return std::make_unique<Adam>(ps, AdamOptions(1e-2)); }, core_adam<double>(1e-2, false),
       core_adam<mp100>(1e-2, false)},
      {"adamw", [](auto ps) { return std::make_unique<Adam>(ps, adamw_options(1e-2)); },
       core_adam<double>(1e-2, true), core_adam<mp100>(1e-2, true)},
      {"adagrad", [](auto ps) { return std::make_unique<Adagrad>(ps, AdagradOptions(0.05)); },
       core_adagrad<double>(0.05), core_adagrad<mp100>(0.05)},
      {"rmsprop", [](auto ps) { return std::make_unique<Rmsprop>(ps, RmspropOptions(1e-3)); },
       core_rmsprop<double>(1e-3), core_rmsprop<mp100>(1e-3)},
  };
}


TEST(GpuElementwiseCoreAgreement, EveryRuleAgreesWithTheCoreInDoubleAndMp100) {
  const Problem p = make_problem();
  for (const Case& c : cases()) {
    SCOPED_TRACE(c.name);
    const auto t = run_torch(p, c.torch_rule, kSteps);
    const auto d = run_core<double>(p, c.core_double, 1.0, kSteps);
    const auto m = run_core<mp100>(p, c.core_mp100, 1.0, kSteps);
    const double td = relative_difference(t, d), tm = relative_difference(t, m), dm = relative_difference(d, m);
    std::printf("[ core   ] %-20s torch-double %.1e  torch-mp100 %.1e  double-mp100 %.1e\n", c.name.c_str(), td, tm,
                dm);
    EXPECT_LE(td, 1e-12);
    EXPECT_LE(tm, 1e-10);
    EXPECT_LE(dm, 1e-10);
    EXPECT_LE(tm, 100 * dm + 1e-15);
    EXPECT_GT(relative_difference(t, p.theta0), 1e-3);  // the run moved
  }
}

TEST(GpuElementwiseCoreAgreement, AMutatedCoreRuleIsRejected) {
  const Problem p = make_problem();
  const Case c = cases().at(5);  // adam
  ASSERT_EQ(c.name, "adam");
  const auto t = run_torch(p, c.torch_rule, kSteps);
  const auto mutant = run_core<double>(p, c.core_double, 1 + 1e-9, kSteps);
  EXPECT_GT(relative_difference(t, mutant), 1e-12);
}

}  // namespace
}  // namespace ov::gpu
