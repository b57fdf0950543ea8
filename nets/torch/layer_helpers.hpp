// Small building blocks shared by the zoo's model files (nets/torch/*.cpp only; not part of the
// public interface): layer constructors with the options the models use, the activation switch,
// global average pooling, and an ordered list of blocks registered as children "0", "1", ...
// (so parameter names read "layer1.0.conv1.weight", as in PyTorch).
#pragma once

#include <torch/nn/modules/batchnorm.h>
#include <torch/nn/modules/conv.h>
#include <torch/nn/modules/linear.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "nets/torch/model_spec.hpp"

namespace ov::nets::torchzoo::detail {

// Conv2d with PyTorch's default initialisation (LibTorch's reset_parameters: the same as PyTorch's).
inline torch::nn::Conv2d conv2d(std::int64_t in, std::int64_t out, std::int64_t kernel, std::int64_t stride,
                                std::int64_t padding, bool bias, std::int64_t groups = 1) {
  return torch::nn::Conv2d(
      torch::nn::Conv2dOptions(in, out, kernel).stride(stride).padding(padding).bias(bias).groups(groups));
}

inline torch::nn::BatchNorm2d batch_norm(std::int64_t channels) {
  return torch::nn::BatchNorm2d(torch::nn::BatchNorm2dOptions(channels));
}

inline torch::Tensor activate(Activation a, const torch::Tensor& x) {
  switch (a) {
    case Activation::relu:
      return torch::relu(x);
    case Activation::elu:
      return torch::elu(x);
    case Activation::silu:
      return torch::silu(x);
  }
  return x;  // unreachable: every enumerator is handled above
}

// [N, C, H, W] -> [N, C], the mean over the spatial positions. At 32x32 input every kuangliu model's
// last map is 4x4, where this equals its F.avg_pool2d(out, 4); unlike that it also fits 28x28 input.
inline torch::Tensor global_average_pool(const torch::Tensor& x) { return x.mean({2, 3}); }

template <class Block>
class BlockSequence : public torch::nn::Module {
 public:
  void append(std::shared_ptr<Block> block) {
    blocks_.push_back(register_module(std::to_string(blocks_.size()), std::move(block)));
  }
  torch::Tensor forward(torch::Tensor x) {
    for (auto& b : blocks_) x = b->forward(x);
    return x;
  }
  std::size_t size() const { return blocks_.size(); }

 private:
  std::vector<std::shared_ptr<Block>> blocks_;
};

}  // namespace ov::nets::torchzoo::detail
