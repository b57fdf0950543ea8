// PreActResNet-18, CIFAR variant (kuangliu/pytorch-cifar models/preact_resnet.py, used by the MBT seed
// code): a 3x3 stem convolution (64, no batch norm, no activation), four stages of pre-activation basic
// blocks (nets/torch/preact_block.hpp) of 64/128/256/512 channels, strides 1/2/2/2, {2, 2, 2, 2}
// blocks, global average pooling and fc. As in kuangliu's code there is no batch norm + ReLU after the
// last block (He et al. 2016b put one there); the projection shortcuts have no batch norm.
// 11,171,146 parameters at 10 classes: kuangliu's ResNet-18 (11,173,962) less the stem's batch norm
// (128) and, in each of the three blocks that change the width to p = 128, 256, 512, batch norms over
// p/2 + p channels instead of 3p (2 x 1.5p = 3p scalars fewer): 128 + 3 (128 + 256 + 512) = 2,816.
//
// Input adaptation: the stem takes ModelSpec::channels; global pooling fits 28x28 (maps 28-28-14-7-4).
#pragma once

#include <array>
#include <cstdint>
#include <memory>

#include "nets/torch/model_spec.hpp"

namespace ov::nets::torchzoo {

class ZooModel;

// blocks per stage; {2, 2, 2, 2} is PreActResNet-18.
std::shared_ptr<ZooModel> make_preact_resnet(const ModelSpec& spec, const std::array<std::int64_t, 4>& blocks);
std::shared_ptr<ZooModel> make_preact_resnet18(const ModelSpec& spec);

}  // namespace ov::nets::torchzoo
