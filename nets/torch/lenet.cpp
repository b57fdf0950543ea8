#include "nets/torch/lenet.hpp"

#include "nets/torch/layer_helpers.hpp"
#include "nets/torch/zoo_model.hpp"

namespace ov::nets::torchzoo {
namespace {

// "lenet", "lenet_elu", "lenet_elu_bn", ...: the zoo's names of the variants.
std::string name_of(const LeNetOptions& o) {
  std::string name = "lenet";
  if (o.activation == Activation::elu) name += "_elu";
  if (o.activation == Activation::silu) name += "_silu";
  if (o.batch_norm) name += "_bn";
  return name;
}

class LeNet final : public ZooModel {
 public:
  LeNet(const ModelSpec& spec, const LeNetOptions& options)
      : ZooModel(name_of(options), spec, ModelOutput::logits), options_(options) {
    const bool bias = !options.batch_norm;
    const std::int64_t pad = spec.image_size == 28 ? 2 : 0;  // 28x28 -> the 32x32 field of LeNet-5
    conv1_ = register_module("conv1", detail::conv2d(spec.channels, 6, 5, 1, pad, bias));
    conv2_ = register_module("conv2", detail::conv2d(6, 16, 5, 1, 0, bias));
    if (options.batch_norm) {
      bn1_ = register_module("bn1", detail::batch_norm(6));
      bn2_ = register_module("bn2", detail::batch_norm(16));
    }
    fc1_ = register_module("fc1", torch::nn::Linear(16 * 5 * 5, 120));
    fc2_ = register_module("fc2", torch::nn::Linear(120, 84));
    fc3_ = register_module("fc3", torch::nn::Linear(84, spec.num_classes));
  }

 protected:
  torch::Tensor run(torch::Tensor x) override {
    const auto act = options_.activation;
    x = conv1_(x);
    if (options_.batch_norm) x = bn1_(x);
    x = torch::max_pool2d(detail::activate(act, x), {2, 2});
    x = conv2_(x);
    if (options_.batch_norm) x = bn2_(x);
    x = torch::max_pool2d(detail::activate(act, x), {2, 2}).flatten(1);
    x = detail::activate(act, fc1_(x));
    x = detail::activate(act, fc2_(x));
    return fc3_(x);
  }

 private:
  LeNetOptions options_;
  torch::nn::Conv2d conv1_{nullptr}, conv2_{nullptr};
  torch::nn::BatchNorm2d bn1_{nullptr}, bn2_{nullptr};
  torch::nn::Linear fc1_{nullptr}, fc2_{nullptr}, fc3_{nullptr};
};

}  // namespace

std::shared_ptr<ZooModel> make_lenet(const ModelSpec& spec, const LeNetOptions& options) {
  validate(spec);
  return std::make_shared<LeNet>(spec, options);
}

}  // namespace ov::nets::torchzoo
