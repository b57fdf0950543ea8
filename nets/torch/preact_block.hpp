// The pre-activation basic block (He et al. 2016b, "Identity mappings in deep residual networks"),
// shared by PreActResNet-18 and SENet-18 (nets/torch/*.cpp only), as kuangliu/pytorch-cifar builds it
// (models/preact_resnet.py PreActBlock; models/senet.py PreActBlock):
//
//   a = relu(bn1(x));  r = conv2(relu(bn2(conv1(a))));  [SE: r = r * sigmoid(fc2(relu(fc1(gap(r)))))]
//   out = r + (shape changes ? conv1x1_stride(a) : x)      (no batch norm on the projection)
//
// conv1 is 3x3 with the block's stride, conv2 3x3; both without bias. The squeeze-and-excitation
// branch (Hu et al. 2018) uses 1x1 convolutions with bias, planes -> planes/16 -> planes.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "nets/torch/layer_helpers.hpp"

namespace ov::nets::torchzoo::detail {

class PreActBlock final : public torch::nn::Module {
 public:
  PreActBlock(std::int64_t in, std::int64_t planes, std::int64_t stride, bool squeeze_excitation)
      : se_(squeeze_excitation) {
    bn1_ = register_module("bn1", batch_norm(in));
    conv1_ = register_module("conv1", conv2d(in, planes, 3, stride, 1, false));
    bn2_ = register_module("bn2", batch_norm(planes));
    conv2_ = register_module("conv2", conv2d(planes, planes, 3, 1, 1, false));
    if (stride != 1 || in != planes) {
      shortcut_ = register_module("shortcut", conv2d(in, planes, 1, stride, 0, false));
    }
    if (se_) {
      fc1_ = register_module("fc1", conv2d(planes, planes / 16, 1, 1, 0, true));
      fc2_ = register_module("fc2", conv2d(planes / 16, planes, 1, 1, 0, true));
    }
  }

  torch::Tensor forward(torch::Tensor x) {
    auto a = torch::relu(bn1_(x));
    auto skip = shortcut_ ? shortcut_(a) : x;
    auto r = conv2_(torch::relu(bn2_(conv1_(a))));
    if (se_) {
      auto w = r.mean({2, 3}, /*keepdim=*/true);  // squeeze: [N, planes, 1, 1]
      w = torch::sigmoid(fc2_(torch::relu(fc1_(w))));
      r = r * w;  // excitation
    }
    return r + skip;
  }

 private:
  bool se_;
  torch::nn::BatchNorm2d bn1_{nullptr}, bn2_{nullptr};
  torch::nn::Conv2d conv1_{nullptr}, conv2_{nullptr}, shortcut_{nullptr}, fc1_{nullptr}, fc2_{nullptr};
};

// Four stages of pre-activation blocks, 64/128/256/512 channels, strides 1/2/2/2, from `in` channels.
inline std::vector<std::shared_ptr<BlockSequence<PreActBlock>>> make_preact_stages(
    torch::nn::Module& owner, std::int64_t in, const std::array<std::int64_t, 4>& blocks, bool squeeze_excitation) {
  const std::int64_t widths[4] = {64, 128, 256, 512};
  const std::int64_t strides[4] = {1, 2, 2, 2};
  std::vector<std::shared_ptr<BlockSequence<PreActBlock>>> stages;
  for (int s = 0; s < 4; ++s) {
    auto stage = std::make_shared<BlockSequence<PreActBlock>>();
    for (std::int64_t b = 0; b < blocks[s]; ++b) {
      stage->append(std::make_shared<PreActBlock>(in, widths[s], b == 0 ? strides[s] : 1, squeeze_excitation));
      in = widths[s];
    }
    stages.push_back(owner.register_module("layer" + std::to_string(s + 1), stage));
  }
  return stages;
}

}  // namespace ov::nets::torchzoo::detail
