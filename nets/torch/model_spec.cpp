#include "nets/torch/model_spec.hpp"

#include <stdexcept>

namespace ov::nets::torchzoo {

void validate(const ModelSpec& spec) {
  if (spec.channels != 1 && spec.channels != 3) {
    throw std::invalid_argument("ModelSpec.channels = " + std::to_string(spec.channels) +
                                ": must be 1 (grayscale) or 3 (colour)");
  }
  if (spec.image_size != 28 && spec.image_size != 32) {
    throw std::invalid_argument("ModelSpec.image_size = " + std::to_string(spec.image_size) +
                                ": must be 28 (MNIST-like) or 32 (CIFAR-like)");
  }
  if (spec.num_classes < 2) {
    throw std::invalid_argument("ModelSpec.num_classes = " + std::to_string(spec.num_classes) +
                                ": must be >= 2");
  }
}

std::string describe(const ModelSpec& spec) {
  return std::to_string(spec.channels) + "x" + std::to_string(spec.image_size) + "x" +
         std::to_string(spec.image_size) + ", " + std::to_string(spec.num_classes) + " classes";
}

}  // namespace ov::nets::torchzoo
