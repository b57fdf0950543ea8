// SENet-18, CIFAR variant (kuangliu/pytorch-cifar models/senet.py, used by the MBT seed code; Hu et al.
// 2018's squeeze-and-excitation on a ResNet-18 layout): a 3x3 stem convolution (64) + batch norm + ReLU,
// four stages of pre-activation basic blocks with a squeeze-and-excitation branch (reduction 16, 1x1
// convolutions with bias; nets/torch/preact_block.hpp) of 64/128/256/512 channels, strides 1/2/2/2,
// {2, 2, 2, 2} blocks, global average pooling and fc. kuangliu's SENet18 is built of PreActBlock (not of
// its BasicBlock), which this follows. 11,260,354 parameters at 10 classes (PreActResNet-18 + the stem's
// batch norm (128) + the excitation branches (89,080); see the test).
//
// Input adaptation: the stem takes ModelSpec::channels; global pooling fits 28x28 (maps 28-28-14-7-4).
#pragma once

#include <memory>

#include "nets/torch/model_spec.hpp"

namespace ov::nets::torchzoo {

class ZooModel;

std::shared_ptr<ZooModel> make_senet18(const ModelSpec& spec);

}  // namespace ov::nets::torchzoo
