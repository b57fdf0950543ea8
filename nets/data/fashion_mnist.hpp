// Two-class image subsets in the shape of 003 §5.3 (003_61d556b637c4f269.txt L1084):
// 14 x 14 greyscale images of two classes, output 0 for the first class and 1 for
// the second. The document uses MNIST digits 3 vs 6 ([REPO]: all Keras MNIST
// training images of the two classes, / 255, tf.image.resize 28 -> 14, flattened
// to 196). MNIST is not packaged for Debian; we use Fashion-MNIST (Debian package
// dataset-fashion-mnist) as a SUBSTITUTE with the same file format and image size:
// the default classes 3 vs 6 are there Dress vs Shirt, not digits.
//
// Downscale ([REPO] tf.image.resize, default bilinear, half-pixel centres [EXT]):
// output pixel i samples the input at x = (i + 1/2) * 2 - 1/2 = 2i + 1/2, halfway
// between input pixels 2i and 2i+1, so both bilinear weights are 1/2 in each
// direction and the output is the mean of the 2 x 2 block:
//   out(i, j) = (p(2i,2j) + p(2i,2j+1) + p(2i+1,2j) + p(2i+1,2j+1)) / (4 * 255),
// computed as one division of the exact integer sum, i.e. correctly rounded.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "nets/data/dataset.hpp"

namespace ov::nets::data {

inline constexpr const char* kFashionMnistDefaultDir = "/usr/share/datasets/fashion-mnist";
inline constexpr const char* kFashionMnistDirEnv = "OPTVERIFY_FASHION_MNIST_DIR";

// `directory` if not empty, else $OPTVERIFY_FASHION_MNIST_DIR if set and not empty,
// else /usr/share/datasets/fashion-mnist.
std::string fashion_mnist_directory(const std::string& directory = "");

// "T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt",
// "Sneaker", "Bag", "Ankle boot" for 0..9; throws std::invalid_argument otherwise.
std::string fashion_mnist_class_name(int label);

// The 2 x 2 block means of a rows x cols image of bytes (rows, cols even, >= 2),
// divided by 255: (rows/2) * (cols/2) values, row-major.
// Throws std::invalid_argument naming rows/cols if one is odd or zero.
std::vector<double> downscale_half(const std::uint8_t* pixels, std::size_t rows, std::size_t cols);

struct ImageSubsetOptions {
  std::string directory;   // see fashion_mnist_directory
  bool test_split = false; // false: train-{images,labels}; true: t10k-{images,labels}
  long max_samples = 0;    // 0: every image of the two classes; else at most max_samples of them:
                           // the first ones in file order, or (subset_seed set) a random subset
  std::optional<std::uint64_t> subset_seed;  // max_samples images drawn without replacement
                                             // (partial Fisher-Yates, SplitMix64(subset_seed))
                                             // out of all images of the two classes, kept in file order
};

// Images of class_a (target 0) and class_b (target 1) in file order: inputs n x 196
// (downscale_half of the 28 x 28 image, flattened row-major), targets n x 1.
// Throws std::invalid_argument for classes outside 0..9, equal classes,
// max_samples < 0, or subset_seed without max_samples > 0; DataFileError for a
// missing or malformed file, images that are not 28 x 28, labels outside 0..9, or
// label and image counts that differ.
// Fashion-MNIST has 6000 training and 1000 test images per class.
Dataset two_class_images(int class_a = 3, int class_b = 6, const ImageSubsetOptions& options = {});

}  // namespace ov::nets::data
