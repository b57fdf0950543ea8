#include "gpu/train/training_data.hpp"

#include <ATen/ATen.h>

#include <filesystem>
#include <mutex>
#include <stdexcept>

#include "gpu/data/image_batch_loader.hpp"
#include "gpu/data/image_tensors.hpp"
#include "gpu/data/transform_pipeline.hpp"
#include "gpu/train/training_config.hpp"

namespace ov::gpu::train {

namespace training_data_detail {

namespace gd = ov::gpu::data;
using ov::nets::data::DataFileError;
using ov::nets::data::ImageSet;

std::string where_to_get(gd::ImageDataset d) {
  switch (d) {
    case gd::ImageDataset::mnist:
      return "set data_dir or OPTVERIFY_MNIST_DIR to a directory with the MNIST IDX files "
             "{train,t10k}-{images-idx3,labels-idx1}-ubyte[.gz]";
    case gd::ImageDataset::fashion_mnist:
      return "install the Debian package dataset-fashion-mnist (/usr/share/datasets/fashion-mnist), or set data_dir "
             "or OPTVERIFY_FASHION_MNIST_DIR to a directory with the Fashion-MNIST IDX files";
    case gd::ImageDataset::cifar10:
      return "set data_dir or OPTVERIFY_CIFAR10_DIR to a directory with the CIFAR-10 binary files data_batch_1.bin .. "
             "data_batch_5.bin and test_batch.bin (not packaged for Debian, never downloaded)";
    case gd::ImageDataset::cifar100:
      return "set data_dir or OPTVERIFY_CIFAR100_DIR to a directory with the CIFAR-100 binary files train.bin and "
             "test.bin (not packaged for Debian, never downloaded)";
  }
  return "";
}

ImageSet load(gd::ImageDataset d, gd::Split split, const std::string& dir) {
  try {
    return gd::load_image_dataset(d, split, dir);
  } catch (const DataFileError& e) {
    if (e.byte() >= 0) throw;
    std::string problem = e.what();
    if (problem.rfind(e.file() + ": ", 0) == 0) problem = problem.substr(e.file().size() + 2);
    throw DataFileError(e.file(), -1, problem + " (" + where_to_get(d) + ")");
  } catch (const std::invalid_argument& e) {
    throw std::invalid_argument(std::string(e.what()) + " (" + where_to_get(d) + ")");
  }
}

// The splits of the last data set loaded in this process, with the training split's channel
// statistics: a protocol or test that trains many times on one data set reads and decodes
// its files once. The key holds every file's path, size and modification time, so a changed
// file is read again. One entry only (bounded memory: CIFAR-10 is ~180 MB).
struct LoadedSplits {
  std::string key;
  std::shared_ptr<const ImageSet> train, test;
  gd::ChannelStatistics stats;
};

std::string files_key(gd::ImageDataset d, const std::string& dir) {
  std::string key = std::to_string(static_cast<int>(d));
  for (const gd::Split split : {gd::Split::train, gd::Split::test}) {
    for (const std::string& f : gd::image_dataset_files(d, split, dir)) {
      std::error_code ec;
      const auto size = std::filesystem::file_size(f, ec);
      const auto time = std::filesystem::last_write_time(f, ec);
      key += "|" + f + ":" + std::to_string(size) + ":" + std::to_string(time.time_since_epoch().count());
    }
  }
  return key;
}

LoadedSplits load_splits(gd::ImageDataset d, const std::string& dir) {
  static std::mutex mutex;
  static LoadedSplits cache;
  std::string key;
  try {
    key = files_key(d, dir);
  } catch (const std::exception&) {
    key.clear();  // a missing file: load() below reports it with the full message
  }
  {
    std::lock_guard<std::mutex> lock(mutex);
    if (!key.empty() && cache.key == key) return cache;
  }
  LoadedSplits fresh;
  auto train = std::make_shared<ImageSet>(load(d, gd::Split::train, dir));
  fresh.stats = gd::channel_statistics(*train);
  fresh.train = std::move(train);
  fresh.test = std::make_shared<ImageSet>(load(d, gd::Split::test, dir));
  fresh.key = key;
  std::lock_guard<std::mutex> lock(mutex);
  if (!key.empty()) cache = fresh;
  return fresh;
}

// The first n samples of a set (n = 0 or n = count: the set itself).
ImageSet first(const ImageSet& full, std::int64_t n, const char* field, const char* split) {
  if (n == 0 || static_cast<std::size_t>(n) == full.count()) return full;
  if (static_cast<std::size_t>(n) > full.count())
    throw std::invalid_argument("training config: " + std::string(field) + " = " + std::to_string(n) +
                                " is outside its valid range [0, " + std::to_string(full.count()) + "] (the " + split +
                                " split of " + full.file + " has " + std::to_string(full.count()) + " samples)");
  ImageSet set;
  set.file = full.file;
  set.channels = full.channels;
  set.rows = full.rows;
  set.cols = full.cols;
  const std::size_t m = static_cast<std::size_t>(n);
  set.pixels.assign(full.pixels.begin(), full.pixels.begin() + static_cast<std::ptrdiff_t>(m * full.image_size()));
  set.labels.assign(full.labels.begin(), full.labels.begin() + static_cast<std::ptrdiff_t>(m));
  if (!full.coarse_labels.empty())
    set.coarse_labels.assign(full.coarse_labels.begin(), full.coarse_labels.begin() + static_cast<std::ptrdiff_t>(m));
  return set;
}

}  // namespace training_data_detail

ov::gpu::data::ImageDataset dataset_from_name(const std::string& name) {
  using ov::gpu::data::ImageDataset;
  if (name == "mnist") return ImageDataset::mnist;
  if (name == "fashion-mnist") return ImageDataset::fashion_mnist;
  if (name == "cifar10") return ImageDataset::cifar10;
  if (name == "cifar100") return ImageDataset::cifar100;
  throw std::invalid_argument("unknown dataset \"" + name + "\"; valid: mnist, fashion-mnist, cifar10, cifar100");
}

TrainingData::TrainingData(const TrainingConfig& config) {
  using namespace training_data_detail;
  const gd::ImageDataset d = dataset_from_name(config.dataset);
  classes_ = gd::image_dataset_classes(d);
  const LoadedSplits splits = load_splits(d, config.data_dir);
  const std::size_t full_train = splits.train->count();
  channels_ = splits.train->channels;
  mean_ = splits.stats.mean;
  sd_ = splits.stats.sd;
  ImageSet train = first(*splits.train, config.subset, "subset", "training");
  train_count_ = train.count();
  const ImageSet test = first(*splits.test, config.test_subset, "test_subset", "test");
  augment_ = config.augment;
  if (augment_) {
    if (channels_ != 3)
      throw std::invalid_argument("training config: augment = true needs a colour (CIFAR) dataset: the MBT CIFAR preset "
                                  "(gpu/data/transform_pipeline.hpp) has colour jitter; dataset = " + config.dataset);
    train_set_ = std::make_unique<ImageSet>(std::move(train));
    use_seed(0);
  } else {
    gd::ImageTensors t = gd::image_tensors(train, mean_, sd_);
    train_images_ = t.images;
    train_labels_ = t.labels;
  }
  gd::ImageTensors t = gd::image_tensors(test, mean_, sd_);
  test_images_ = t.images;
  test_labels_ = t.labels;
  description_ = std::string(gd::image_dataset_name(d)) + ": " + std::to_string(train_count_) +
                 " training samples (the first of " + std::to_string(full_train) + "), " +
                 std::to_string(test_count()) + " test samples, normalised by the training split's channel statistics" +
                 (augment_ ? ", MBT CIFAR augmentation" : "");
}

TrainingData::~TrainingData() = default;

void TrainingData::use_seed(std::uint64_t seed) {
  if (!augment_) return;
  namespace gd = ov::gpu::data;
  gd::BatchOptions o;
  o.batch_size = 1;
  o.seed = seed;
  loader_ = std::make_unique<gd::ImageBatchLoader>(*train_set_, gd::mbt_cifar_train_pipeline(mean_, sd_), o);
}

std::pair<at::Tensor, at::Tensor> TrainingData::train_rows(std::uint64_t epoch,
                                                           const std::vector<std::int64_t>& indices) const {
  if (augment_) {
    std::vector<std::size_t> idx(indices.begin(), indices.end());
    ov::gpu::data::ImageBatch b = loader_->gather(epoch, idx);
    return {b.images, b.labels};
  }
  const at::Tensor i = at::tensor(indices, at::kLong);
  return {train_images_.index_select(0, i), train_labels_.index_select(0, i)};
}

}  // namespace ov::gpu::train
