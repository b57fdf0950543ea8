// MobileNetV2, CIFAR variant (kuangliu/pytorch-cifar models/mobilenetv2.py, used by the MBT seed code;
// Sandler et al. 2018): a 3x3 stem convolution (32, stride 1 instead of 2) + BN + ReLU, 17
// inverted-residual blocks (expansion t, width c, repeats n, stride s):
//   (1,16,1,1) (6,24,2,1) (6,32,3,2) (6,64,4,2) (6,96,3,1) (6,160,3,2) (6,320,1,1)
// (the second row's stride 2 -> 1 for 32x32 input, as kuangliu), a 1x1 convolution to 1280 + BN + ReLU,
// global average pooling and fc. Each block: 1x1 expansion conv (also for t = 1) + BN + ReLU, 3x3
// depthwise conv (stride s) + BN + ReLU, 1x1 projection conv + BN (linear bottleneck); a stride-1 block
// adds its input, through a 1x1 conv + BN where the width changes (kuangliu's choice; the paper has no
// residual there). ReLU, not ReLU6, as kuangliu. 2,296,922 parameters at 10 classes: torchvision's
// mobilenet_v2 (3,504,872) with the 1000-way fc replaced by a 10-way one, plus kuangliu's t = 1 expansion
// conv (1,088) and its four width-changing stride-1 shortcuts (59,152); see the test.
//
// Input adaptation: the stem takes ModelSpec::channels; global pooling fits 28x28 (maps 28-14-7-4).
#pragma once

#include <memory>

#include "nets/torch/model_spec.hpp"

namespace ov::nets::torchzoo {

class ZooModel;

std::shared_ptr<ZooModel> make_mobilenetv2(const ModelSpec& spec);

}  // namespace ov::nets::torchzoo
