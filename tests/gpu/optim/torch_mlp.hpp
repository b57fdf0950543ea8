// A small float64 multilayer perceptron written with plain LibTorch operations (no
// dependence on the rigorous core, so the tests that use it also run in a GPU-only build):
// 4 -> 8 (tanh) -> 3, softmax cross-entropy with soft targets, 16 samples. Parameters and data
// come from SplitMix64 (optim/core/random.hpp), not from torch's generator, so they are the
// same with every LibTorch version.
#pragma once

#include <torch/torch.h>

#include <Eigen/Core>

#include <cstdint>
#include <vector>

#include "optim/core/random.hpp"

namespace ov::gpu::testing {

class TorchMlp {
 public:
  explicit TorchMlp(std::uint64_t seed = 7) {
    optim::SplitMix64 r(seed);
    auto fill = [&](std::vector<std::int64_t> shape, double lo, double hi) {
      torch::Tensor t = torch::empty(shape, torch::kFloat64);
      auto* d = t.data_ptr<double>();
      for (std::int64_t i = 0; i < t.numel(); ++i) d[i] = lo + (hi - lo) * r.uniform();
      return t;
    };
    w1_ = fill({8, 4}, -1, 1).requires_grad_(true);
    b1_ = fill({8}, -1, 1).requires_grad_(true);
    w2_ = fill({3, 8}, -1, 1).requires_grad_(true);
    b2_ = fill({3}, -1, 1).requires_grad_(true);
    x_ = fill({16, 4}, -1, 1);
    y_ = fill({16, 3}, 0, 1);
    y_ = y_ / y_.sum(1, true);
  }

  std::vector<torch::Tensor> parameters() const { return {w1_, b1_, w2_, b2_}; }

  torch::Tensor loss() const {
    const torch::Tensor h = torch::tanh(torch::addmm(b1_, x_, w1_.t()));
    const torch::Tensor z = torch::addmm(b2_, h, w2_.t());
    return -(y_ * torch::log_softmax(z, 1)).sum(1).mean();
  }
  // Drops the previous gradients, then one forward and backward pass.
  double forward_backward() {
    for (auto* p : {&w1_, &b1_, &w2_, &b2_}) p->mutable_grad() = torch::Tensor();
    torch::Tensor f = loss();
    f.backward();
    return f.item<double>();
  }

  // All parameters as one vector (w1, b1, w2, b2 row-major), and back.
  Eigen::VectorXd theta() const {
    Eigen::VectorXd t(8 * 4 + 8 + 3 * 8 + 3);
    Eigen::Index k = 0;
    for (const auto& p : parameters()) {
      const torch::Tensor c = p.detach().contiguous();
      for (std::int64_t i = 0; i < c.numel(); ++i) t[k++] = c.data_ptr<double>()[i];
    }
    return t;
  }
  void set_theta(const Eigen::VectorXd& t) {
    torch::NoGradGuard no_grad;
    Eigen::Index k = 0;
    for (auto& p : parameters()) {
      auto* d = p.data_ptr<double>();
      for (std::int64_t i = 0; i < p.numel(); ++i) d[i] = t[k++];
    }
  }

 private:
  torch::Tensor w1_, b1_, w2_, b2_, x_, y_;
};

// max_i |a_i - b_i| / max_i |b_i|
inline double relative_difference(const Eigen::VectorXd& a, const Eigen::VectorXd& b) {
  return (a - b).cwiseAbs().maxCoeff() / b.cwiseAbs().maxCoeff();
}

}  // namespace ov::gpu::testing
