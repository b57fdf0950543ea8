// The dense MNIST auto-encoder of the Castera thesis's Problem (d) (002_dc929347c6f8ce02.txt L2390-L2393;
// Table 4.1, L2429-L2436: "Auto-Encoder (Dense)" on MNIST, SiLU activations, no batch norm, mean-square
// loss, a "slightly modified version" of "the auto-encoder of G. E. Hinton and Salakhutdinov (2006)").
// The thesis gives no layer sizes, so they are Hinton & Salakhutdinov 2006's MNIST auto-encoder,
// 784-1000-500-250-30 with the mirrored decoder 30-250-500-1000-784; as there, the 30 code units are
// linear and the output units logistic (pixel intensities in [0, 1]); the hidden units use the thesis's
// SiLU (Hinton & Salakhutdinov: logistic). Parameters: 2,837,314 for 784 inputs (see the test).
//
// Input adaptation: the image [N, C, S, S] is flattened to C*S*S inputs (784 for 1x28x28, 3072 for
// 3x32x32) and the reconstruction is returned in the input's shape. ModelSpec::num_classes is unused.
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "nets/torch/model_spec.hpp"

namespace ov::nets::torchzoo {

class ZooModel;

struct AutoEncoderOptions {
  std::vector<std::int64_t> hidden{1000, 500, 250};  // encoder widths before the code; decoder mirrors them
  std::int64_t code = 30;
  Activation activation = Activation::silu;  // hidden layers
  bool logistic_output = true;                // sigmoid on the reconstruction (false: linear output)
};

std::shared_ptr<ZooModel> make_mnist_autoencoder(const ModelSpec& spec, const AutoEncoderOptions& options = {});

}  // namespace ov::nets::torchzoo
