// The data, model and loss closures the MBT protocol runners drive directly (the finder of
// Table 1 and the full-batch traces of Figure 2; Tables 2-3 go through run_training):
// an image classification set loaded once as tensors on the device (seeded random subsets of
// the training and test splits, normalised with the training split's channel statistics),
// a zoo model for it, and the cross-entropy closures of gpu/optim's finder and optimizers.
#pragma once

#include <ATen/core/Tensor.h>
#include <c10/core/Device.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace ov::nets::torchzoo {
class ZooModel;
}

namespace ov::gpu::bench {

struct MbtImageData {
  std::string dataset;        // "fashion-mnist", "cifar10", ...
  std::string dataset_name;   // "Fashion-MNIST", "CIFAR-10", ...
  int classes = 0;
  std::int64_t channels = 0, image_size = 0;
  at::Tensor train_images, train_labels;  // on the device
  at::Tensor test_images, test_labels;    // empty when test_subset < 0
};

// dataset: mnist | fashion-mnist | cifar10 | cifar100 (std::invalid_argument listing them).
// train_subset: that many training samples drawn without replacement with subset_seed
// (0 = all); test_subset likewise for the test split (0 = all, < 0 = not loaded).
// Missing files: the loader's DataFileError (it names the file / package).
MbtImageData load_mbt_image_data(const std::string& dataset, const std::string& data_dir, std::int64_t train_subset,
                                 std::int64_t test_subset, std::uint64_t subset_seed, const c10::Device& device);

// A fresh zoo model for the data (torch::manual_seed(model_seed) first), on the device.
std::shared_ptr<nets::torchzoo::ZooModel> make_mbt_model(const std::string& model, const MbtImageData& data,
                                                         std::uint64_t model_seed, const c10::Device& device);

// The finder's batch closure (MbtLearningRateFinder::BatchClosure): zero the gradients, mean
// cross-entropy of the model on the training rows `indices`, backward, return the loss.
std::function<at::Tensor(const std::vector<std::int64_t>&)> mbt_batch_closure(
    const std::shared_ptr<nets::torchzoo::ZooModel>& model, const MbtImageData& data);

// The full-training-set closure (torch::optim::LossClosure): zero the gradients, mean
// cross-entropy over all training rows (the full-batch loss f), backward, return it.
std::function<at::Tensor()> mbt_full_batch_closure(const std::shared_ptr<nets::torchzoo::ZooModel>& model,
                                                   const MbtImageData& data);

// Where a training run of a protocol writes its outputs: "" when base is "", else
// base/protocol/run with every character of run outside [A-Za-z0-9._-] replaced by '_'.
std::string mbt_run_output_dir(const std::string& base, const std::string& protocol, const std::string& run);

// The paper's stand-in note, e.g. "Fashion-MNIST (60000 training samples) and lenet stood in
// for CIFAR-10 and resnet18 (000 §4.4)"; "" when data set and model are the paper's.
std::string mbt_stand_in_note(const MbtImageData& data, const std::string& model, const std::string& paper_dataset,
                              const std::string& paper_model, const std::string& where);

}  // namespace ov::gpu::bench
