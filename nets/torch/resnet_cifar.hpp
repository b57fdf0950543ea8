// Residual networks of basic blocks (two 3x3 convolutions with batch norm) for small images:
//
// - ResNet-18, CIFAR variant (kuangliu/pytorch-cifar models/resnet.py, used by the MBT seed code):
//   3x3 stem (64) + BN + ReLU, four stages of 64/128/256/512 channels and strides 1/2/2/2 with
//   {2, 2, 2, 2} blocks, projection shortcuts (1x1 conv + BN) where the shape changes, global average
//   pooling, fc. 11,173,962 parameters at 10 classes (= torchvision's resnet18, 11,689,512, with the
//   7x7 stem replaced by a 3x3 one and the 1000-way fc by a 10-way one).
// - ResNet-(6n+2) of He et al. 2016 §4.2 (ResNet-20: n = 3): 3x3 stem (16) + BN + ReLU, three stages
//   of 16/32/64 channels and strides 1/2/2 with n blocks each, identity shortcuts with zero-padded
//   extra channels and stride-2 subsampling (option A, "so all residual models have exactly the same
//   number of parameters as their plain counterparts"), global average pooling, fc. He et al. Table 6:
//   0.27M parameters (ResNet-20), 0.46M (32), 0.66M (44), 0.85M (56), 1.7M (110). Weights of the
//   convolutions are initialised as He et al. 2015 (kaiming normal, fan-in, ReLU gain), as §4.2 says.
//
// Input adaptation: the stem takes ModelSpec::channels; the pooling is global, so 28x28 input gives
// final maps of 4x4 (ResNet-18: 28-28-14-7-4) or 7x7 (ResNet-20: 28-14-7) and the same parameters.
#pragma once

#include <array>
#include <cstdint>
#include <memory>

#include "nets/torch/model_spec.hpp"

namespace ov::nets::torchzoo {

class ZooModel;

// How a block whose input and output shapes differ adds its input:
// projection: 1x1 convolution (stride s) + batch norm (He et al.'s option B; kuangliu's choice);
// zero_padding: subsample by s and pad the new channels with zeros (option A; parameter-free).
enum class ShortcutKind { projection, zero_padding };

// kuangliu's ResNet of basic blocks with the given blocks per stage ({2,2,2,2}: ResNet-18).
std::shared_ptr<ZooModel> make_resnet_kuangliu(const ModelSpec& spec, const std::array<std::int64_t, 4>& blocks);
std::shared_ptr<ZooModel> make_resnet18(const ModelSpec& spec);

// He et al.'s ResNet-(6n+2) for CIFAR, n >= 1 blocks per stage (n = 3: ResNet-20).
std::shared_ptr<ZooModel> make_resnet_he_cifar(const ModelSpec& spec, std::int64_t n,
                                               ShortcutKind shortcut = ShortcutKind::zero_padding);
std::shared_ptr<ZooModel> make_resnet20(const ModelSpec& spec);

}  // namespace ov::nets::torchzoo
