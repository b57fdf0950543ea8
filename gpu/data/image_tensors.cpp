#include "gpu/data/image_tensors.hpp"

#include <ATen/ops/empty.h>

#include <cmath>
#include <cstdint>
#include <sstream>
#include <stdexcept>
#include <string>

#include "gpu/data/number_text.hpp"
#include "nets/data/cifar_reader.hpp"

namespace ov::gpu::data {

namespace nd = ov::nets::data;

namespace {

void check_set(const nd::ImageSet& set, const char* fn) {
  if (set.count() == 0) throw std::invalid_argument(std::string(fn) + ": the image set " + set.file + " is empty");
  if (set.channels < 1 || set.rows < 1 || set.cols < 1 || set.pixels.size() != set.count() * set.image_size()) {
    throw std::invalid_argument(std::string(fn) + ": the image set " + set.file + " holds " +
                                std::to_string(set.pixels.size()) + " pixel bytes for " +
                                std::to_string(set.count()) + " labels of " + std::to_string(set.channels) + " x " +
                                std::to_string(set.rows) + " x " + std::to_string(set.cols) +
                                " images (valid: count * channels * rows * cols, each dimension >= 1)");
  }
}

}  // namespace

ChannelStatistics channel_statistics(const nd::ImageSet& set) {
  check_set(set, "channel_statistics");
  const std::size_t plane = static_cast<std::size_t>(set.rows) * static_cast<std::size_t>(set.cols);
  ChannelStatistics out;
  for (int c = 0; c < set.channels; ++c) {
    // Exact: at most 2^31 bytes of value <= 255 (sum < 2^39), squares <= 65025 (sum < 2^47).
    std::uint64_t sum = 0, squares = 0;
    for (std::size_t i = 0; i < set.count(); ++i) {
      const std::uint8_t* p = set.image(i) + static_cast<std::size_t>(c) * plane;
      for (std::size_t k = 0; k < plane; ++k) {
        sum += p[k];
        squares += static_cast<std::uint64_t>(p[k]) * p[k];
      }
    }
    const std::uint64_t count = set.count() * plane;
    const double n = static_cast<double>(count);
    // Population variance of the bytes = (n Σx² − (Σx)²) / n²; the numerator is exact in
    // 128-bit integers (n < 2^31, Σx² < 2^47), so var has only two roundings (~1e-16 relative).
    const unsigned __int128 numerator = static_cast<unsigned __int128>(count) * squares -
                                        static_cast<unsigned __int128>(sum) * sum;
    const double mean = static_cast<double>(sum) / n;
    const double var = static_cast<double>(numerator) / (n * n);
    out.mean.push_back(mean / 255.0);
    out.sd.push_back(std::sqrt(var) / 255.0);
  }
  return out;
}

void normalize_images(at::Tensor& images, const std::vector<double>& mean, const std::vector<double>& sd) {
  if (!images.defined() || images.dim() != 4) {
    throw std::invalid_argument("normalize_images: images must be a defined (N, C, H, W) tensor (got " +
                                std::to_string(images.defined() ? images.dim() : 0) + " dimensions)");
  }
  if (images.scalar_type() != at::kFloat || !images.device().is_cpu() || !images.is_contiguous()) {
    throw std::invalid_argument("normalize_images: images must be float32, contiguous, on the CPU (got " +
                                std::string(c10::toString(images.scalar_type())) + " on " + images.device().str() +
                                ")");
  }
  const auto channels = static_cast<std::size_t>(images.size(1));
  if (mean.size() != channels || sd.size() != channels) {
    throw std::invalid_argument("normalize_images: mean has " + std::to_string(mean.size()) + " and sd " +
                                std::to_string(sd.size()) + " entries, the images " + std::to_string(channels) +
                                " channels (valid: one each per channel)");
  }
  for (std::size_t c = 0; c < channels; ++c) {
    if (!std::isfinite(mean[c])) {
      throw std::invalid_argument("normalize_images: mean of channel " + std::to_string(c) + " = " + number_text(mean[c]) +
                                  " is invalid (valid: finite)");
    }
    if (!std::isfinite(sd[c]) || !(static_cast<float>(sd[c]) > 0)) {
      throw std::invalid_argument("normalize_images: sd of channel " + std::to_string(c) + " = " + number_text(sd[c]) +
                                  " is invalid (valid: finite and > 0, also in float)");
    }
  }
  float* data = images.data_ptr<float>();
  const auto n = static_cast<std::size_t>(images.size(0));
  const auto plane = static_cast<std::size_t>(images.size(2) * images.size(3));
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t c = 0; c < channels; ++c) {
      const float m = static_cast<float>(mean[c]), d = static_cast<float>(sd[c]);
      float* p = data + (i * channels + c) * plane;
      for (std::size_t k = 0; k < plane; ++k) p[k] = (p[k] - m) / d;
    }
}

ImageTensors image_tensors(const nd::ImageSet& set) {
  check_set(set, "image_tensors");
  const auto n = static_cast<std::int64_t>(set.count());
  ImageTensors out;
  out.images = at::empty({n, set.channels, set.rows, set.cols}, at::kFloat);
  out.labels = at::empty({n}, at::kLong);
  float* pixels = out.images.data_ptr<float>();
  for (std::size_t k = 0; k < set.pixels.size(); ++k) pixels[k] = static_cast<float>(set.pixels[k]) / 255.0f;
  std::int64_t* labels = out.labels.data_ptr<std::int64_t>();
  for (std::size_t i = 0; i < set.count(); ++i) labels[i] = set.labels[i];
  return out;
}

ImageTensors image_tensors(const nd::ImageSet& set, const std::vector<double>& mean, const std::vector<double>& sd) {
  ImageTensors out = image_tensors(set);
  normalize_images(out.images, mean, sd);
  return out;
}

}  // namespace ov::gpu::data
