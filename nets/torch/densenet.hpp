// DenseNet-121, CIFAR variant (kuangliu/pytorch-cifar models/densenet.py, used by the MBT seed code;
// Huang et al. 2017): growth rate k = 32, a 3x3 stem convolution (2k = 64 channels; no batch norm, no
// pooling: ImageNet's 7x7/2 convolution and 3x3/2 max pooling dropped for 32x32 input), four dense blocks of
// {6, 12, 24, 16} bottleneck layers, transitions with compression 0.5 between them, then batch norm +
// ReLU, global average pooling and fc. Bottleneck layer: BN-ReLU-conv1x1 (4k) - BN-ReLU-conv3x3 (k),
// output concatenated before its input (kuangliu's order: [new, old]). Transition: BN-ReLU-conv1x1
// (floor(0.5 c)) - average pooling 2x2. Widths: 64 -> 256 -> 128 -> 512 -> 256 -> 1024 -> 512 -> 1024.
// 6,956,298 parameters at 10 classes: torchvision's densenet121 (7,978,856) with the 7x7 stem conv and its
// batch norm (9,408 + 128) replaced by a 3x3 conv (1,728) and the 1000-way fc by a 10-way one; see the test.
//
// Input adaptation: the stem takes ModelSpec::channels; global pooling fits 28x28 (maps 28-14-7-3).
#pragma once

#include <array>
#include <cstdint>
#include <memory>

#include "nets/torch/model_spec.hpp"

namespace ov::nets::torchzoo {

class ZooModel;

struct DenseNetOptions {
  std::array<std::int64_t, 4> blocks{6, 12, 24, 16};  // bottleneck layers per dense block
  std::int64_t growth_rate = 32;
  double reduction = 0.5;  // transition: floor(reduction * channels) output channels, 0 < reduction <= 1
};

std::shared_ptr<ZooModel> make_densenet(const ModelSpec& spec, const DenseNetOptions& options);
std::shared_ptr<ZooModel> make_densenet121(const ModelSpec& spec);

}  // namespace ov::nets::torchzoo
