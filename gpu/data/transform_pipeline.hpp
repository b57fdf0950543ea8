// A per-sample image transform pipeline: a composition of the seeded transforms of
// nets/data/augmentation.hpp, applied to one image in CHW order. Torch-free (the batch
// loader, image_batch_loader.hpp, writes its output into tensors).
//
// Reproducibility: the random draws of sample `index` in epoch `epoch` come from one
// SplitMix64 stream seeded with sample_seed(seed, epoch, index); the steps draw from it in
// pipeline order. The output is therefore a pure function of (image, seed, epoch, index):
// it does not depend on the batch size, the batch order, the thread that runs it or the
// samples transformed before it.
//
// Value scale: apply() first converts the uint8 image to float in [0, 1] (torchvision's
// ToTensor), then runs the steps; the geometric steps (crop, flip, affine, rotation) move
// pixels and fill with 0, colour jitter needs values in [0, 1] and normalize maps to the
// network's scale, so normalize belongs last (a step after it that needs [0, 1] throws).
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "nets/data/augmentation.hpp"

namespace ov::gpu::data {

using ov::nets::data::ImageF;
using ov::nets::data::ImageU8;

// derive_seed(derive_seed(derive_seed(seed, 2), epoch), index) (nets/data/sampling.hpp).
std::uint64_t sample_seed(std::uint64_t seed, std::uint64_t epoch, std::uint64_t index);

class TransformPipeline {
 public:
  struct Step {
    std::string name;  // e.g. "RandomCrop(pad 4)"
    std::function<ImageF(const ImageF&, ov::optim::SplitMix64&)> apply;
  };

  // Builders: each validates its parameters now (std::invalid_argument naming the
  // parameter and the valid range) and appends one step.
  TransformPipeline& random_crop(int pad);                      // RandomCrop(size, padding = pad)
  TransformPipeline& random_horizontal_flip(double p = 0.5);    // RandomHorizontalFlip(p)
  TransformPipeline& random_affine(const ov::nets::data::RandomAffineOptions& options);  // RandomAffine
  TransformPipeline& random_rotation(double degrees);           // RandomRotation(degrees)
  TransformPipeline& color_jitter(const ov::nets::data::ColorJitterOptions& options);    // ColorJitter
  TransformPipeline& normalize(std::vector<double> mean, std::vector<double> sd);        // Normalize

  // ToTensor, then every step with SplitMix64(sample_seed(seed, epoch, index)).
  ImageF apply(const ImageU8& image, std::uint64_t seed, std::uint64_t epoch, std::uint64_t index) const;
  // The steps on a float image with a caller's stream.
  ImageF apply(const ImageF& image, ov::optim::SplitMix64& rng) const;

  const std::vector<Step>& steps() const { return steps_; }
  // "ToTensor -> RandomCrop(pad 4) -> ... -> Normalize(...)".
  std::string describe() const;

 private:
  std::vector<Step> steps_;
};

// CIFAR-10 channel statistics of the MBT code (guide seed-000-001 §2): Normalize(mean
// (0.4914, 0.4822, 0.4465), std (0.2023, 0.1994, 0.2010)).
std::vector<double> cifar10_mean();
std::vector<double> cifar10_sd();

// The MBT code's CIFAR training pipeline: RandomCrop(32, pad 4), RandomHorizontalFlip(),
// RandomAffine(10), RandomRotation(20), ColorJitter(0.2, 0.2, 0.1, 0.1), Normalize(mean, sd)
// (default: the CIFAR-10 constants above).
TransformPipeline mbt_cifar_train_pipeline(std::vector<double> mean = cifar10_mean(),
                                           std::vector<double> sd = cifar10_sd());
// The plain evaluation pipeline: ToTensor, Normalize(mean, sd); no random draw.
TransformPipeline plain_test_pipeline(std::vector<double> mean, std::vector<double> sd);

}  // namespace ov::gpu::data
