// The data of a training run by dataset name (docs/benchmarks.md "Data"): mnist,
// fashion-mnist, cifar10, cifar100 read through gpu/data/image_dataset_files.hpp.
//   subset N       the FIRST N samples of the training split (file order), 0 = all
//   test_subset N  the first N samples of the test split, 0 = all
//   normalisation  per-channel mean and population standard deviation of the WHOLE training
//                  split (gpu/data channel_statistics), applied to both splits
//   augment        the MBT CIFAR preset (gpu/data mbt_cifar_train_pipeline with these
//                  statistics) on the training rows, drawn per (seed, epoch, sample); CIFAR
//                  only. The test split is never augmented.
// Without augmentation the training rows are converted once and gathered by index.
#pragma once

#include <ATen/core/Tensor.h>

#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "gpu/data/image_dataset_files.hpp"

namespace ov::gpu::data {
class ImageBatchLoader;
}

namespace ov::gpu::train {

struct TrainingConfig;

// "mnist" -> ImageDataset::mnist, ...; std::invalid_argument listing the valid names.
ov::gpu::data::ImageDataset dataset_from_name(const std::string& name);

class TrainingData {
 public:
  // Loads both splits. Throws DataFileError (nets/data) for missing or corrupt files (a missing
  // one names the file, the environment variable and, for Fashion-MNIST, the Debian package),
  // std::invalid_argument for a subset larger than the split or augment on a grayscale set.
  explicit TrainingData(const TrainingConfig& config);
  ~TrainingData();
  TrainingData(const TrainingData&) = delete;
  TrainingData& operator=(const TrainingData&) = delete;

  int classes() const { return classes_; }
  bool grayscale() const { return channels_ == 1; }
  std::size_t train_count() const { return train_count_; }
  std::size_t test_count() const { return static_cast<std::size_t>(test_labels_.size(0)); }
  const std::vector<double>& mean() const { return mean_; }
  const std::vector<double>& sd() const { return sd_; }
  // One line: "Fashion-MNIST: 512 training samples (first of 60000), 10000 test samples, ...".
  const std::string& description() const { return description_; }

  // Selects the seed of the augmentation draws (call before train_rows for each run seed).
  void use_seed(std::uint64_t seed);
  // Training rows `indices` (0-based, < train_count) as seen in `epoch` (0-based): images
  // (B, C, H, W) float32 and labels (B) int64, on the CPU.
  std::pair<at::Tensor, at::Tensor> train_rows(std::uint64_t epoch, const std::vector<std::int64_t>& indices) const;
  const at::Tensor& test_images() const { return test_images_; }
  const at::Tensor& test_labels() const { return test_labels_; }

 private:
  int classes_ = 10, channels_ = 1;
  std::size_t train_count_ = 0;
  std::vector<double> mean_, sd_;
  std::string description_;
  bool augment_ = false;
  at::Tensor train_images_, train_labels_;  // without augmentation: normalised, all rows
  std::unique_ptr<ov::nets::data::ImageSet> train_set_;  // with augmentation: the raw rows
  std::unique_ptr<ov::gpu::data::ImageBatchLoader> loader_;
  at::Tensor test_images_, test_labels_;
};

}  // namespace ov::gpu::train
