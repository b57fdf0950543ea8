// Data, model and closures of the MBT protocol runners (mbt_image_data.hpp).
#include "gpu/bench/mbt_image_data.hpp"

#include <ATen/ATen.h>
#include <torch/cuda.h>
#include <torch/nn/functional/loss.h>
#include <torch/utils.h>

#include <cctype>
#include <random>
#include <stdexcept>

#include "gpu/data/image_dataset_files.hpp"
#include "gpu/data/image_tensors.hpp"
#include "nets/torch/model_zoo.hpp"
#include "nets/torch/zoo_model.hpp"

namespace ov::gpu::bench {

namespace mbt_image_data_detail {

data::ImageDataset parse_dataset(const std::string& name) {
  if (name == "mnist") return data::ImageDataset::mnist;
  if (name == "fashion-mnist") return data::ImageDataset::fashion_mnist;
  if (name == "cifar10") return data::ImageDataset::cifar10;
  if (name == "cifar100") return data::ImageDataset::cifar100;
  throw std::invalid_argument("unknown dataset \"" + name + "\" (valid: mnist, fashion-mnist, cifar10, cifar100)");
}

// `count` of the rows 0..n-1 without replacement, seeded (Fisher-Yates with mt19937_64; the
// modulo's bias, < n / 2^64, is irrelevant here), or all rows in order when count is 0 or >= n.
at::Tensor subset_rows(std::int64_t n, std::int64_t count, std::uint64_t seed) {
  if (count <= 0 || count >= n) return at::arange(n, at::kLong);
  std::vector<std::int64_t> rows(static_cast<std::size_t>(n));
  for (std::int64_t i = 0; i < n; ++i) rows[static_cast<std::size_t>(i)] = i;
  std::mt19937_64 rng(seed);
  for (std::int64_t i = 0; i < count; ++i) {
    const auto j = i + static_cast<std::int64_t>(rng() % static_cast<std::uint64_t>(n - i));
    std::swap(rows[static_cast<std::size_t>(i)], rows[static_cast<std::size_t>(j)]);
  }
  rows.resize(static_cast<std::size_t>(count));
  return at::tensor(rows, at::kLong);
}

}  // namespace mbt_image_data_detail

MbtImageData load_mbt_image_data(const std::string& dataset, const std::string& data_dir, std::int64_t train_subset,
                                 std::int64_t test_subset, std::uint64_t subset_seed, const c10::Device& device) {
  using namespace mbt_image_data_detail;
  const data::ImageDataset which = parse_dataset(dataset);
  MbtImageData out;
  out.dataset = dataset;
  out.dataset_name = data::image_dataset_name(which);
  out.classes = data::image_dataset_classes(which);
  const auto train_set = data::load_image_dataset(which, data::Split::train, data_dir);
  const auto stats = data::channel_statistics(train_set);
  out.channels = train_set.channels;
  out.image_size = train_set.rows;
  auto train = data::image_tensors(train_set, stats.mean, stats.sd);
  const at::Tensor rows = subset_rows(train.images.size(0), train_subset, subset_seed);
  out.train_images = train.images.index_select(0, rows).to(device);
  out.train_labels = train.labels.index_select(0, rows).to(device);
  if (test_subset >= 0) {
    auto test = data::image_tensors(data::load_image_dataset(which, data::Split::test, data_dir), stats.mean, stats.sd);
    const at::Tensor test_rows = subset_rows(test.images.size(0), test_subset, subset_seed + 1);
    out.test_images = test.images.index_select(0, test_rows).to(device);
    out.test_labels = test.labels.index_select(0, test_rows).to(device);
  }
  return out;
}

std::shared_ptr<nets::torchzoo::ZooModel> make_mbt_model(const std::string& model, const MbtImageData& data,
                                                         std::uint64_t model_seed, const c10::Device& device) {
  torch::manual_seed(model_seed);
  nets::torchzoo::ModelSpec spec{data.channels, data.image_size, data.classes};
  auto m = nets::torchzoo::make_model(model, spec);
  m->to(device);
  return m;
}

std::function<at::Tensor(const std::vector<std::int64_t>&)> mbt_batch_closure(
    const std::shared_ptr<nets::torchzoo::ZooModel>& model, const MbtImageData& data) {
  return [model, images = data.train_images, labels = data.train_labels](const std::vector<std::int64_t>& indices) {
    const at::Tensor rows = at::tensor(indices, at::kLong).to(images.device());
    model->zero_grad();
    at::Tensor loss = torch::nn::functional::cross_entropy(model->forward(images.index_select(0, rows)),
                                                           labels.index_select(0, rows));
    loss.backward();
    return loss.detach();
  };
}

std::function<at::Tensor()> mbt_full_batch_closure(const std::shared_ptr<nets::torchzoo::ZooModel>& model,
                                                   const MbtImageData& data) {
  return [model, images = data.train_images, labels = data.train_labels]() {
    model->zero_grad();
    at::Tensor loss = torch::nn::functional::cross_entropy(model->forward(images), labels);
    loss.backward();
    return loss.detach();
  };
}

std::string mbt_run_output_dir(const std::string& base, const std::string& protocol, const std::string& run) {
  if (base.empty()) return "";
  auto clean = [](std::string t) {
    for (char& c : t)
      if (!std::isalnum(static_cast<unsigned char>(c)) && c != '.' && c != '_' && c != '-') c = '_';
    return t;
  };
  return base + "/" + clean(protocol) + "/" + clean(run);
}

std::string mbt_stand_in_note(const MbtImageData& data, const std::string& model, const std::string& paper_dataset,
                              const std::string& paper_model, const std::string& where) {
  if (data.dataset == paper_dataset && model == paper_model) return "";
  const std::string paper_name = data::image_dataset_name(mbt_image_data_detail::parse_dataset(paper_dataset));
  return data.dataset_name + " (" + std::to_string(data.train_images.size(0)) + " training samples) and " + model +
         " stood in for " + paper_name + " and " + paper_model + " (" + where + ")";
}

}  // namespace ov::gpu::bench
