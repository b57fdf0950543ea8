// What a zoo model is built for (nets/torch, the LibTorch model zoo): the input images
// (28x28 grayscale as MNIST/Fashion-MNIST, or 32x32 colour as CIFAR-10/100) and the number of
// classes. Torch-free, so that code choosing a model need not include LibTorch.
#pragma once

#include <cstdint>
#include <string>

namespace ov::nets::torchzoo {

// The activation of the models that let one choose it (LeNet, Network-in-Network, the auto-encoder):
// the Castera thesis trains LeNet and NiN with ELU and the auto-encoder with SiLU
// (002_dc929347c6f8ce02.txt Table 4.1, L2416-L2439: activations L2424 and L2435); kuangliu's LeNet uses ReLU.
enum class Activation { relu, elu, silu };

// Input images of shape [N, channels, image_size, image_size] and num_classes outputs.
// Valid: channels 1 or 3, image_size 28 or 32, num_classes >= 2 (the auto-encoder ignores it).
struct ModelSpec {
  std::int64_t channels = 3;
  std::int64_t image_size = 32;
  std::int64_t num_classes = 10;

  static ModelSpec gray28(std::int64_t num_classes = 10) { return {1, 28, num_classes}; }
  static ModelSpec colour32(std::int64_t num_classes = 10) { return {3, 32, num_classes}; }
};

// Throws std::invalid_argument naming the field, its value and the valid range.
void validate(const ModelSpec& spec);

// "1x28x28, 10 classes"
std::string describe(const ModelSpec& spec);

}  // namespace ov::nets::torchzoo
