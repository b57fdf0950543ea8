// A small float64 network and batch shared by the gpu/optim tests: the torch twin
// (tests/nets/torch/torch_network.hpp) of an ov::nets network, so that a torch run and a core
// run see the same function, parameters and data.
#pragma once

#include <torch/torch.h>

#include <cstdint>
#include <functional>
#include <memory>

#include "nets/core/architecture.hpp"
#include "nets/core/initialization.hpp"
#include "nets/data/dataset.hpp"
#include "optim/core/random.hpp"
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

}  // namespace ov::gpu::testing
