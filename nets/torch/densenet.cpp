#include "nets/torch/densenet.hpp"

#include <cmath>
#include <stdexcept>
#include <string>

#include "nets/torch/layer_helpers.hpp"
#include "nets/torch/zoo_model.hpp"

namespace ov::nets::torchzoo {
namespace {

class DenseLayer final : public torch::nn::Module {
 public:
  DenseLayer(std::int64_t in, std::int64_t growth) {
    bn1_ = register_module("bn1", detail::batch_norm(in));
    conv1_ = register_module("conv1", detail::conv2d(in, 4 * growth, 1, 1, 0, false));
    bn2_ = register_module("bn2", detail::batch_norm(4 * growth));
    conv2_ = register_module("conv2", detail::conv2d(4 * growth, growth, 3, 1, 1, false));
  }
  torch::Tensor forward(torch::Tensor x) {
    auto out = conv1_(torch::relu(bn1_(x)));
    out = conv2_(torch::relu(bn2_(out)));
    return torch::cat({out, x}, 1);
  }

 private:
  torch::nn::BatchNorm2d bn1_{nullptr}, bn2_{nullptr};
  torch::nn::Conv2d conv1_{nullptr}, conv2_{nullptr};
};

class Transition final : public torch::nn::Module {
 public:
  Transition(std::int64_t in, std::int64_t out) {
    bn_ = register_module("bn", detail::batch_norm(in));
    conv_ = register_module("conv", detail::conv2d(in, out, 1, 1, 0, false));
  }
  torch::Tensor forward(torch::Tensor x) { return torch::avg_pool2d(conv_(torch::relu(bn_(x))), {2, 2}); }

 private:
  torch::nn::BatchNorm2d bn_{nullptr};
  torch::nn::Conv2d conv_{nullptr};
};

using DenseBlock = detail::BlockSequence<DenseLayer>;

class DenseNet final : public ZooModel {
 public:
  DenseNet(const ModelSpec& spec, const DenseNetOptions& o)
      : ZooModel(o.blocks == std::array<std::int64_t, 4>{6, 12, 24, 16} && o.growth_rate == 32 && o.reduction == 0.5
                     ? "densenet121"
                     : "densenet",
                 spec, ModelOutput::logits) {
    std::int64_t planes = 2 * o.growth_rate;
    stem_ = register_module("conv1", detail::conv2d(spec.channels, planes, 3, 1, 1, false));
    for (int b = 0; b < 4; ++b) {
      auto block = std::make_shared<DenseBlock>();
      for (std::int64_t l = 0; l < o.blocks[b]; ++l) {
        block->append(std::make_shared<DenseLayer>(planes, o.growth_rate));
        planes += o.growth_rate;
      }
      dense_.push_back(register_module("dense" + std::to_string(b + 1), block));
      if (b < 3) {
        const auto out = static_cast<std::int64_t>(std::floor(static_cast<double>(planes) * o.reduction));
        if (out < 1) {
          throw std::invalid_argument("DenseNetOptions.reduction = " + std::to_string(o.reduction) +
                                      ": transition " + std::to_string(b + 1) + " would keep 0 of " +
                                      std::to_string(planes) + " channels");
        }
        trans_.push_back(register_module("trans" + std::to_string(b + 1), std::make_shared<Transition>(planes, out)));
        planes = out;
      }
    }
    bn_ = register_module("bn", detail::batch_norm(planes));
    fc_ = register_module("linear", torch::nn::Linear(planes, spec.num_classes));
  }

 protected:
  torch::Tensor run(torch::Tensor x) override {
    x = stem_(x);
    for (std::size_t b = 0; b < dense_.size(); ++b) {
      x = dense_[b]->forward(x);
      if (b < trans_.size()) x = trans_[b]->forward(x);
    }
    return fc_(detail::global_average_pool(torch::relu(bn_(x))));
  }

 private:
  torch::nn::Conv2d stem_{nullptr};
  std::vector<std::shared_ptr<DenseBlock>> dense_;
  std::vector<std::shared_ptr<Transition>> trans_;
  torch::nn::BatchNorm2d bn_{nullptr};
  torch::nn::Linear fc_{nullptr};
};

}  // namespace

std::shared_ptr<ZooModel> make_densenet(const ModelSpec& spec, const DenseNetOptions& options) {
  validate(spec);
  for (std::size_t i = 0; i < options.blocks.size(); ++i) {
    if (options.blocks[i] < 1) {
      throw std::invalid_argument("DenseNetOptions.blocks[" + std::to_string(i) +
                                  "] = " + std::to_string(options.blocks[i]) + ": must be >= 1");
    }
  }
  if (options.growth_rate < 1) {
    throw std::invalid_argument("DenseNetOptions.growth_rate = " + std::to_string(options.growth_rate) +
                                ": must be >= 1");
  }
  if (!(options.reduction > 0.0 && options.reduction <= 1.0)) {
    throw std::invalid_argument("DenseNetOptions.reduction = " + std::to_string(options.reduction) +
                                ": must be in (0, 1]");
  }
  return std::make_shared<DenseNet>(spec, options);
}

std::shared_ptr<ZooModel> make_densenet121(const ModelSpec& spec) { return make_densenet(spec, DenseNetOptions{}); }

}  // namespace ov::nets::torchzoo
