// LeNet (LeCun et al. 1998, in the modern form of kuangliu/pytorch-cifar's models/lenet.py, which the
// MBT seed code uses): conv 5x5 (6) - maxpool 2 - conv 5x5 (16) - maxpool 2 - fc 120 - fc 84 - fc K.
//
// Input adaptation: the first convolution takes ModelSpec::channels; for 28x28 input it is padded by 2
// (LeNet-5's own recipe: MNIST's 28x28 digits were centred in a 32x32 field), so that both inputs reach
// the 16x5x5 map that fc1 expects. Parameters: 62,006 (3x32x32, 10 classes), 61,706 (1x28x28).
//
// Options: the Castera thesis's Problems (e) and (f) train LeNet on CIFAR-10 with ELU, without and with
// batch normalisation (002_dc929347c6f8ce02.txt Table 4.1, L2429-L2435); the placement of the batch norm
// is not given there: we put it after each convolution, before the activation, and drop the convolution's
// bias (the batch norm's shift replaces it).
#pragma once

#include <memory>

#include "nets/torch/model_spec.hpp"

namespace ov::nets::torchzoo {

class ZooModel;

struct LeNetOptions {
  Activation activation = Activation::relu;
  bool batch_norm = false;
};

std::shared_ptr<ZooModel> make_lenet(const ModelSpec& spec, const LeNetOptions& options = {});

}  // namespace ov::nets::torchzoo
