#include "nets/torch/model_zoo.hpp"

#include <functional>
#include <stdexcept>

#include "nets/torch/densenet.hpp"
#include "nets/torch/lenet.hpp"
#include "nets/torch/mnist_autoencoder.hpp"
#include "nets/torch/mobilenetv2.hpp"
#include "nets/torch/network_in_network.hpp"
#include "nets/torch/preact_resnet.hpp"
#include "nets/torch/resnet_cifar.hpp"
#include "nets/torch/senet.hpp"

namespace ov::nets::torchzoo {
namespace {

using Maker = std::function<std::shared_ptr<ZooModel>(const ModelSpec&)>;

struct Entry {
  ModelInfo info;
  Maker make;
};

const std::vector<Entry>& entries() {
  static const std::vector<Entry> table = {
      {{"lenet", "LeNet, ReLU (kuangliu/pytorch-cifar, MBT seed code)", false},
       [](const ModelSpec& s) { return make_lenet(s); }},
      {{"lenet_elu", "LeNet, ELU (Castera thesis Problem (e))", false},
       [](const ModelSpec& s) { return make_lenet(s, {Activation::elu, false}); }},
      {{"lenet_elu_bn", "LeNet, ELU + batch norm (Castera thesis Problem (f))", false},
       [](const ModelSpec& s) { return make_lenet(s, {Activation::elu, true}); }},
      {{"resnet18", "ResNet-18, CIFAR variant (kuangliu/pytorch-cifar, MBT seed code)", false},
       [](const ModelSpec& s) { return make_resnet18(s); }},
      {{"resnet20", "ResNet-20 (He et al. 2016 §4.2, option A shortcuts)", false},
       [](const ModelSpec& s) { return make_resnet20(s); }},
      {{"preact_resnet18", "PreActResNet-18, CIFAR variant (kuangliu/pytorch-cifar)", false},
       [](const ModelSpec& s) { return make_preact_resnet18(s); }},
      {{"mobilenetv2", "MobileNetV2, CIFAR variant (kuangliu/pytorch-cifar)", false},
       [](const ModelSpec& s) { return make_mobilenetv2(s); }},
      {{"senet18", "SENet-18, CIFAR variant (kuangliu/pytorch-cifar)", false},
       [](const ModelSpec& s) { return make_senet18(s); }},
      {{"densenet121", "DenseNet-121, CIFAR variant, growth 32 (kuangliu/pytorch-cifar)", false},
       [](const ModelSpec& s) { return make_densenet121(s); }},
      {{"nin", "Network-in-Network, batch norm + ELU (Castera thesis Problem (c))", false},
       [](const ModelSpec& s) { return make_network_in_network(s); }},
      {{"mnist_autoencoder", "dense auto-encoder 784-1000-500-250-30, SiLU (Castera thesis Problem (d))", true},
       [](const ModelSpec& s) { return make_mnist_autoencoder(s); }},
  };
  return table;
}

}  // namespace

const std::vector<ModelInfo>& model_catalog() {
  static const std::vector<ModelInfo> catalog = [] {
    std::vector<ModelInfo> out;
    for (const auto& e : entries()) out.push_back(e.info);
    return out;
  }();
  return catalog;
}

std::vector<std::string> model_names() {
  std::vector<std::string> names;
  for (const auto& e : entries()) names.push_back(e.info.name);
  return names;
}

bool is_model_name(const std::string& name) {
  for (const auto& e : entries()) {
    if (e.info.name == name) return true;
  }
  return false;
}

std::shared_ptr<ZooModel> make_model(const std::string& name, const ModelSpec& spec) {
  for (const auto& e : entries()) {
    if (e.info.name == name) return e.make(spec);
  }
  std::string valid;
  for (const auto& e : entries()) valid += (valid.empty() ? "" : ", ") + e.info.name;
  throw std::invalid_argument("unknown model '" + name + "'; valid names: " + valid);
}

}  // namespace ov::nets::torchzoo
