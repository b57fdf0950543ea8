#include "nets/data/fashion_mnist.hpp"

#include <algorithm>
#include <cstdlib>
#include <stdexcept>

#include "nets/data/idx_reader.hpp"
#include "nets/data/sampling.hpp"

namespace ov::nets::data {

namespace {

constexpr std::size_t kSide = 28;
constexpr int kClasses = 10;

void check_class(const char* name, int label) {
  if (label < 0 || label >= kClasses) {
    throw std::invalid_argument(std::string("two_class_images: ") + name + " = " + std::to_string(label) +
                                " is invalid (valid: 0..9, the Fashion-MNIST labels)");
  }
}

}  // namespace

std::string fashion_mnist_directory(const std::string& directory) {
  if (!directory.empty()) return directory;
  const char* env = std::getenv(kFashionMnistDirEnv);
  if (env != nullptr && *env != '\0') return env;
  return kFashionMnistDefaultDir;
}

std::string fashion_mnist_class_name(int label) {
  static const char* const names[kClasses] = {"T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
                                              "Sandal",      "Shirt",   "Sneaker",  "Bag",   "Ankle boot"};
  if (label < 0 || label >= kClasses) {
    throw std::invalid_argument("fashion_mnist_class_name: label = " + std::to_string(label) +
                                " is invalid (valid: 0..9)");
  }
  return names[label];
}

std::vector<double> downscale_half(const std::uint8_t* pixels, std::size_t rows, std::size_t cols) {
  if (rows == 0 || rows % 2 != 0) {
    throw std::invalid_argument("downscale_half: rows = " + std::to_string(rows) + " is invalid (valid: even, >= 2)");
  }
  if (cols == 0 || cols % 2 != 0) {
    throw std::invalid_argument("downscale_half: cols = " + std::to_string(cols) + " is invalid (valid: even, >= 2)");
  }
  const std::size_t out_rows = rows / 2, out_cols = cols / 2;
  std::vector<double> out(out_rows * out_cols);
  for (std::size_t i = 0; i < out_rows; ++i) {
    for (std::size_t j = 0; j < out_cols; ++j) {
      const std::uint8_t* top = pixels + (2 * i) * cols + 2 * j;
      const std::uint8_t* bottom = top + cols;
      const int sum = int{top[0]} + int{top[1]} + int{bottom[0]} + int{bottom[1]};  // exact, <= 1020
      out[i * out_cols + j] = static_cast<double>(sum) / 1020.0;                   // one rounding
    }
  }
  return out;
}

Dataset two_class_images(int class_a, int class_b, const ImageSubsetOptions& options) {
  check_class("class_a", class_a);
  check_class("class_b", class_b);
  if (class_a == class_b) {
    throw std::invalid_argument("two_class_images: class_a = class_b = " + std::to_string(class_a) +
                                " (valid: two different labels)");
  }
  if (options.max_samples < 0) {
    throw std::invalid_argument("two_class_images: max_samples = " + std::to_string(options.max_samples) +
                                " is invalid (valid: 0 for all, or a positive cap)");
  }
  if (options.subset_seed && options.max_samples <= 0) {
    throw std::invalid_argument("two_class_images: subset_seed is set but max_samples = " +
                                std::to_string(options.max_samples) +
                                " (valid: a random subset needs max_samples > 0)");
  }
  const std::string dir = fashion_mnist_directory(options.directory);
  const std::string prefix = options.test_split ? "t10k" : "train";
  const std::string labels_path = dir + "/" + prefix + "-labels-idx1-ubyte.gz";
  const std::string images_path = dir + "/" + prefix + "-images-idx3-ubyte.gz";
  const std::vector<std::uint8_t> labels = read_idx_labels(labels_path);
  for (std::size_t i = 0; i < labels.size(); ++i) {
    if (labels[i] >= kClasses) {
      throw DataFileError(labels_path, 8 + static_cast<std::int64_t>(i),
                          "label " + std::to_string(labels[i]) + " of sample " + std::to_string(i) +
                              " is invalid (valid: 0..9)");
    }
  }
  const IdxImages images = read_idx_images(images_path);
  if (images.rows != kSide || images.cols != kSide) {
    throw DataFileError(images_path, 8,
                        "images are " + std::to_string(images.rows) + " x " + std::to_string(images.cols) +
                            " (valid: 28 x 28, the Fashion-MNIST size)");
  }
  if (images.count != labels.size()) {
    throw DataFileError(images_path, 4,
                        std::to_string(images.count) + " images, but " + labels_path + " holds " +
                            std::to_string(labels.size()) + " labels (the counts must be equal)");
  }
  std::vector<std::size_t> chosen;
  for (std::size_t i = 0; i < labels.size(); ++i) {
    if (labels[i] == class_a || labels[i] == class_b) chosen.push_back(i);
  }
  const auto cap = static_cast<std::size_t>(options.max_samples);
  if (cap > 0 && chosen.size() > cap) {
    if (options.subset_seed) {
      DataStream pick(*options.subset_seed);
      std::vector<std::size_t> positions = pick.sample_without_replacement(chosen.size(), cap);
      std::sort(positions.begin(), positions.end());
      for (std::size_t k = 0; k < cap; ++k) positions[k] = chosen[positions[k]];
      chosen = std::move(positions);
    } else {
      chosen.resize(cap);
    }
  }
  const Eigen::Index n = static_cast<Eigen::Index>(chosen.size());
  const Eigen::Index side = kSide / 2;
  Dataset d;
  d.inputs.resize(n, side * side);
  d.targets.resize(n, 1);
  long count_a = 0, count_b = 0;
  for (Eigen::Index r = 0; r < n; ++r) {
    const std::size_t i = chosen[static_cast<std::size_t>(r)];
    const std::vector<double> small = downscale_half(images.image(i), kSide, kSide);
    for (Eigen::Index k = 0; k < side * side; ++k) d.inputs(r, k) = small[static_cast<std::size_t>(k)];
    const bool is_b = labels[i] == class_b;
    d.targets(r, 0) = is_b ? 1.0 : 0.0;
    (is_b ? count_b : count_a) += 1;
  }
  d.name = "fashion_mnist_" + std::to_string(class_a) + "_vs_" + std::to_string(class_b);
  d.description = "Fashion-MNIST SUBSTITUTE for the MNIST 3-vs-6 set of 003 §5.3 (003_61d556b637c4f269.txt L1084): "
                  "classes " + std::to_string(class_a) + " (" + fashion_mnist_class_name(class_a) + ", target 0, " +
                  std::to_string(count_a) + " images) and " + std::to_string(class_b) + " (" +
                  fashion_mnist_class_name(class_b) + ", target 1, " + std::to_string(count_b) + " images) of the " +
                  prefix + " file in file order" +
                  (options.max_samples <= 0 ? std::string()
                   : options.subset_seed ? " (a random subset of at most " + std::to_string(options.max_samples) +
                                               ", SplitMix64 seed " + std::to_string(*options.subset_seed) + ")"
                                         : " (the first " + std::to_string(options.max_samples) + ")") +
                  "; pixels / 255, 28x28 -> 14x14 by 2x2 means (= [REPO] tf.image.resize bilinear with half-pixel "
                  "centres for the exact factor 2), flattened row-major to 196 inputs; from " + images_path;
  d.seed = options.subset_seed.value_or(0);
  return d;
}

}  // namespace ov::nets::data
