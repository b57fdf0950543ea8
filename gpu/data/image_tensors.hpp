// An image set as tensors: images (N, C, H, W) float32 and labels (N) int64, both
// contiguous on the CPU (move them with .to(device)). Built from an ImageSet
// (nets/data/cifar_reader.hpp: CIFAR files, or IDX files through image_dataset_files.hpp)
// as torchvision's ToTensor (pixel / 255 in float) and, optionally, Normalize.
#pragma once

#include <ATen/core/Tensor.h>

#include <vector>

namespace ov::nets::data {
struct ImageSet;
}

namespace ov::gpu::data {

struct ImageTensors {
  at::Tensor images;  // (N, C, H, W) float32
  at::Tensor labels;  // (N) int64: ImageSet::labels (the fine label for CIFAR-100)
};

// Per-channel mean and population standard deviation (divide by N) of pixel / 255 over
// the whole set, in double with exact integer sums (sum and sum of squares of the bytes),
// e.g. to derive Normalize constants. Throws std::invalid_argument for an empty set.
struct ChannelStatistics {
  std::vector<double> mean, sd;
};
ChannelStatistics channel_statistics(const ov::nets::data::ImageSet& set);

// ToTensor: images = pixel / 255 (float). With mean and sd (one per channel): then
// Normalize, (x - float(mean[c])) / float(sd[c]) in float, the same values as
// nets/data normalize(). Throws std::invalid_argument for an empty set, a set whose
// pixel or label count does not match its shape, or bad mean / sd (naming the channel).
ImageTensors image_tensors(const ov::nets::data::ImageSet& set);
ImageTensors image_tensors(const ov::nets::data::ImageSet& set, const std::vector<double>& mean,
                           const std::vector<double>& sd);

// Normalize in place: images (N, C, H, W) float32, contiguous, on the CPU; mean and sd
// one per channel (finite, sd > 0 also in float). Throws std::invalid_argument naming
// the problem (dimension, dtype, device, channel count, channel value).
void normalize_images(at::Tensor& images, const std::vector<double>& mean, const std::vector<double>& sd);

}  // namespace ov::gpu::data
