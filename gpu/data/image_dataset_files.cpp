#include "gpu/data/image_dataset_files.hpp"

#include <cstdlib>
#include <filesystem>
#include <stdexcept>
#include <string>

#include "nets/data/fashion_mnist.hpp"
#include "nets/data/idx_reader.hpp"

namespace ov::gpu::data {

namespace nd = ov::nets::data;
namespace fs = std::filesystem;

namespace {

const char* environment_variable(ImageDataset dataset) {
  switch (dataset) {
    case ImageDataset::mnist: return "OPTVERIFY_MNIST_DIR";
    case ImageDataset::fashion_mnist: return nd::kFashionMnistDirEnv;
    case ImageDataset::cifar10: return "OPTVERIFY_CIFAR10_DIR";
    case ImageDataset::cifar100: return "OPTVERIFY_CIFAR100_DIR";
  }
  return "";
}

bool is_file(const fs::path& p) {
  std::error_code ec;
  return fs::is_regular_file(p, ec);
}

std::string expected_layout(ImageDataset dataset, const std::string& dir) {
  switch (dataset) {
    case ImageDataset::mnist:
    case ImageDataset::fashion_mnist:
      return std::string(image_dataset_name(dataset)) + " expects " + dir +
             "/{train,t10k}-{images-idx3,labels-idx1}-ubyte[.gz]" +
             (dataset == ImageDataset::fashion_mnist
                  ? " (Debian package dataset-fashion-mnist: apt-get install dataset-fashion-mnist)"
                  : "");
    case ImageDataset::cifar10:
      return "CIFAR-10 (binary version) expects data_batch_1.bin .. data_batch_5.bin and test_batch.bin in " + dir +
             " or " + dir + "/cifar-10-batches-bin";
    case ImageDataset::cifar100:
      return "CIFAR-100 (binary version) expects train.bin and test.bin in " + dir + " or " + dir +
             "/cifar-100-binary";
  }
  return "";
}

// base.gz if it exists, else base, else DataFileError naming both.
std::string idx_file(ImageDataset dataset, const std::string& dir, const std::string& base) {
  const fs::path gz = fs::path(dir) / (base + ".gz"), raw = fs::path(dir) / base;
  if (is_file(gz)) return gz.string();
  if (is_file(raw)) return raw.string();
  throw nd::DataFileError(gz.string(), -1,
                          "missing (neither " + gz.string() + " nor " + raw.string() + " exists); " +
                              expected_layout(dataset, dir));
}

std::string cifar_file(ImageDataset dataset, const std::string& dir, const std::string& name) {
  const fs::path sub = fs::path(dir) / (dataset == ImageDataset::cifar10 ? "cifar-10-batches-bin" : "cifar-100-binary");
  std::error_code ec;
  const fs::path base = fs::is_directory(sub, ec) ? sub : fs::path(dir);
  const fs::path file = base / name;
  if (!is_file(file)) {
    throw nd::DataFileError(file.string(), -1, "missing; " + expected_layout(dataset, dir));
  }
  return file.string();
}

void append(nd::ImageSet& into, const nd::ImageSet& part) {
  into.pixels.insert(into.pixels.end(), part.pixels.begin(), part.pixels.end());
  into.labels.insert(into.labels.end(), part.labels.begin(), part.labels.end());
  into.coarse_labels.insert(into.coarse_labels.end(), part.coarse_labels.begin(), part.coarse_labels.end());
}

}  // namespace

const char* image_dataset_name(ImageDataset dataset) {
  switch (dataset) {
    case ImageDataset::mnist: return "MNIST";
    case ImageDataset::fashion_mnist: return "Fashion-MNIST";
    case ImageDataset::cifar10: return "CIFAR-10";
    case ImageDataset::cifar100: return "CIFAR-100";
  }
  throw std::invalid_argument("image_dataset_name: unknown data set " + std::to_string(static_cast<int>(dataset)));
}

int image_dataset_classes(ImageDataset dataset) { return dataset == ImageDataset::cifar100 ? 100 : 10; }

std::string image_dataset_directory(ImageDataset dataset, const std::string& directory) {
  if (!directory.empty()) return directory;
  if (dataset == ImageDataset::fashion_mnist) return nd::fashion_mnist_directory("");
  const char* variable = environment_variable(dataset);
  const char* value = std::getenv(variable);
  if (value != nullptr && *value != '\0') return value;
  throw std::invalid_argument(std::string("image_dataset_directory: no directory for ") +
                              image_dataset_name(dataset) + " (pass one, or set " + variable +
                              "; it is not packaged for Debian and is never downloaded)");
}

std::vector<std::string> image_dataset_files(ImageDataset dataset, Split split, const std::string& directory) {
  const std::string dir = image_dataset_directory(dataset, directory);
  switch (dataset) {
    case ImageDataset::mnist:
    case ImageDataset::fashion_mnist: {
      const std::string prefix = split == Split::train ? "train" : "t10k";
      return {idx_file(dataset, dir, prefix + "-images-idx3-ubyte"),
              idx_file(dataset, dir, prefix + "-labels-idx1-ubyte")};
    }
    case ImageDataset::cifar10: {
      if (split == Split::test) return {cifar_file(dataset, dir, "test_batch.bin")};
      std::vector<std::string> files;
      for (int k = 1; k <= 5; ++k) files.push_back(cifar_file(dataset, dir, "data_batch_" + std::to_string(k) + ".bin"));
      return files;
    }
    case ImageDataset::cifar100:
      return {cifar_file(dataset, dir, split == Split::train ? "train.bin" : "test.bin")};
  }
  throw std::invalid_argument("image_dataset_files: unknown data set " + std::to_string(static_cast<int>(dataset)));
}

nd::ImageSet idx_image_set(const std::string& images_file, const std::string& labels_file, int classes) {
  if (classes < 1 || classes > 256) {
    throw std::invalid_argument("idx_image_set: classes = " + std::to_string(classes) + " is invalid (valid: 1..256)");
  }
  std::vector<std::uint8_t> labels = nd::read_idx_labels(labels_file);
  for (std::size_t i = 0; i < labels.size(); ++i) {
    if (labels[i] >= classes) {
      throw nd::DataFileError(labels_file, 8 + static_cast<std::int64_t>(i),
                              "label " + std::to_string(labels[i]) + " of sample " + std::to_string(i) +
                                  " is invalid (valid: 0.." + std::to_string(classes - 1) + ")");
    }
  }
  nd::IdxImages images = nd::read_idx_images(images_file);
  if (images.count != labels.size()) {
    throw nd::DataFileError(images_file, 4,
                            std::to_string(images.count) + " images, but " + labels_file + " holds " +
                                std::to_string(labels.size()) + " labels (the counts must be equal)");
  }
  nd::ImageSet set;
  set.file = images_file;
  set.channels = 1;
  set.rows = static_cast<int>(images.rows);
  set.cols = static_cast<int>(images.cols);
  set.pixels = std::move(images.pixels);
  set.labels = std::move(labels);
  return set;
}

nd::ImageSet load_image_dataset(ImageDataset dataset, Split split, const std::string& directory) {
  const std::vector<std::string> files = image_dataset_files(dataset, split, directory);
  switch (dataset) {
    case ImageDataset::mnist:
    case ImageDataset::fashion_mnist: {
      nd::ImageSet set = idx_image_set(files[0], files[1], image_dataset_classes(dataset));
      if (set.rows != 28 || set.cols != 28) {
        throw nd::DataFileError(files[0], 8,
                                "images are " + std::to_string(set.rows) + " x " + std::to_string(set.cols) +
                                    " (valid: 28 x 28, the " + image_dataset_name(dataset) + " size)");
      }
      return set;
    }
    case ImageDataset::cifar10:
    case ImageDataset::cifar100: {
      const nd::CifarKind kind = dataset == ImageDataset::cifar10 ? nd::CifarKind::cifar10 : nd::CifarKind::cifar100;
      nd::ImageSet set = nd::read_cifar_binary(files[0], kind);
      for (std::size_t k = 1; k < files.size(); ++k) append(set, nd::read_cifar_binary(files[k], kind));
      if (files.size() > 1) set.file = fs::path(files[0]).parent_path().string();
      return set;
    }
  }
  throw std::invalid_argument("load_image_dataset: unknown data set " + std::to_string(static_cast<int>(dataset)));
}

}  // namespace ov::gpu::data
