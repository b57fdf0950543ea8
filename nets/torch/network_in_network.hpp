// Network-in-Network (Lin, Chen & Yan, ICLR 2014) for CIFAR, in the form of the Castera thesis's Problem (c)
// (002_dc929347c6f8ce02.txt L2391; Table 4.1, L2418-L2424: NiN on CIFAR-10 with batch norm and ELU).
// Widths, kernels and pooling follow the authors' released CIFAR-10 configuration
// (github.com/mavenlin/cuda-convnet NIN; Caffe Model Zoo gist mavenlin/e56253735ef32c3c296d):
//   mlpconv 1: conv 5x5 (192, pad 2) - 1x1 (160) - 1x1 (96);  max pool 3x3/2;      dropout 0.5
//   mlpconv 2: conv 5x5 (192, pad 2) - 1x1 (192) - 1x1 (192); average pool 3x3/2;  dropout 0.5
//   mlpconv 3: conv 3x3 (192, pad 1) - 1x1 (192) - 1x1 (K);   global average pooling -> logits
// Each convolution but the last is followed by batch norm (if enabled; then without conv bias) and the
// activation. Changes: the thesis's batch norm and ELU (Lin et al.: none, ReLU); the K class maps are left
// linear (the released model applies ReLU to them before pooling, which forbids negative logits); the
// pools pad by 1 (floor mode), giving 32-16-8 (Caffe's ceil mode gives the same 16 and 8).
// Parameters at 10 classes: 966,986 without batch norm (conv biases), 968,394 with it; see the test.
//
// Input adaptation: the first convolution takes ModelSpec::channels; 28x28 input gives maps 28-14-7.
#pragma once

#include <memory>

#include "nets/torch/model_spec.hpp"

namespace ov::nets::torchzoo {

class ZooModel;

struct NetworkInNetworkOptions {
  Activation activation = Activation::elu;
  bool batch_norm = true;
  double dropout = 0.5;  // after the first two mlpconv blocks, in training mode only; 0 <= dropout < 1
};

std::shared_ptr<ZooModel> make_network_in_network(const ModelSpec& spec, const NetworkInNetworkOptions& options = {});

}  // namespace ov::nets::torchzoo
