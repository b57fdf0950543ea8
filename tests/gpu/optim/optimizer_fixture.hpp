// A small float64 network and batch shared by the gpu/optim tests: the torch twin
// (tests/nets/torch/torch_network.hpp) of an ov::nets network, so that a torch run and a core
// run see the same function, parameters and data.
#pragma once

#include <torch/torch.h>

#include <cstdint>
#include <functional>
#include <memory>

#include <gtest/gtest.h>

#include <vector>

#include "analysis/numeric/linear_algebra.hpp"
#include "nets/core/architecture.hpp"
#include "nets/core/initialization.hpp"
#include "nets/core/network_objective.hpp"
#include "nets/data/dataset.hpp"
#include "optim/core/optimizer.hpp"
#include "optim/core/oracle.hpp"
#include "optim/core/random.hpp"
#include "optim/core/scalar_ops.hpp"
#include "tests/nets/torch/torch_network.hpp"

namespace ov::gpu::testing {

struct Problem {
  nets::Architecture arch;
  Vec<double> theta0;
  nets::Dataset data;
  torch::Tensor x, y;  // the batch as tensors (float64)
};

// 4 -> 8 (tanh) -> 3 (softmax cross-entropy), biases, 16 samples with soft targets; seed fixed.
inline Problem make_problem(std::uint64_t seed = 7) {
  Problem p;
  p.arch = nets::Architecture::fully_connected(4, {8}, nets::Activation{nets::ActivationKind::tanh}, 3,
                                               nets::Activation{nets::ActivationKind::identity},
                                               nets::Loss{nets::LossKind::softmax_cross_entropy});
  optim::SplitMix64 r(seed);
  p.theta0 = nets::uniform_initialization(p.arch, 1.0, r.next());
  const int B = 16;
  p.data.name = "fixture";
  p.data.inputs.resize(B, 4);
  p.data.targets.resize(B, 3);
  for (int s = 0; s < B; ++s) {
    for (int k = 0; k < 4; ++k) p.data.inputs(s, k) = 2 * r.uniform() - 1;
    double sum = 0;
    for (int k = 0; k < 3; ++k) sum += (p.data.targets(s, k) = r.uniform());
    for (int k = 0; k < 3; ++k) p.data.targets(s, k) /= sum;
  }
  p.x = torch::empty({B, 4}, torch::kFloat64);
  p.y = torch::empty({B, 3}, torch::kFloat64);
  for (int s = 0; s < B; ++s) {
    for (int k = 0; k < 4; ++k) p.x[s][k] = p.data.inputs(s, k);
    for (int k = 0; k < 3; ++k) p.y[s][k] = p.data.targets(s, k);
  }
  return p;
}

// max_i |a_i - b_i| / max_i |b_i|
inline double relative_difference(const Vec<double>& a, const Vec<double>& b) {
  return (a - b).cwiseAbs().maxCoeff() / b.cwiseAbs().maxCoeff();
}

// A core rule in scalar S with the torch run's double hyper-parameters (converted exactly),
// its learning rate scaled by lr_scale (1 + 1e-9 makes the mutant the tests must reject).
template <class S>
using CoreFactory = std::function<std::unique_ptr<optim::Optimizer<S>>(double lr_scale)>;
using TorchFactory = std::function<std::unique_ptr<torch::optim::Optimizer>(std::vector<torch::Tensor>)>;

// `steps` full-batch steps of a LibTorch-layer optimizer on the torch twin; the parameters as theta.
inline Vec<double> run_torch(const Problem& p, const TorchFactory& make, int steps) {
  nets::libtorch::TorchNetwork net(p.arch, p.theta0);
  auto opt = make(net.parameters());
  for (int k = 0; k < steps; ++k) {
    opt->zero_grad();
    net.forward_backward(p.x, p.y);
    opt->step();
  }
  return net.theta();
}

// The same steps of the core rule on NetworkObjective<S> of the same network and batch.
template <class S>
Vec<double> run_core(const Problem& p, const CoreFactory<S>& make, double lr_scale, int steps) {
  // One sample per column (NetworkObjective's layout); double -> S is exact.
  Mat<S> in = p.data.inputs.transpose().template cast<S>(), out = p.data.targets.transpose().template cast<S>();
  const nets::NetworkObjective<S> f(p.arch, in, out);
  optim::Oracle<S> oracle(f);
  auto rule = make(lr_scale);
  optim::Vector<S> x = p.theta0.template cast<S>();
  for (int k = 0; k < steps; ++k) {
    const auto r = rule->step(oracle, x);
    if (r.refused()) ADD_FAILURE() << "core step " << k << " refused: " << r.message;
  }
  Vec<double> xd(x.size());
  for (Eigen::Index i = 0; i < x.size(); ++i) xd[i] = optim::ops::to_double(x[i]);
  return xd;
}

}  // namespace ov::gpu::testing
