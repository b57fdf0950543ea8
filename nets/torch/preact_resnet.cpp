#include "nets/torch/preact_resnet.hpp"

#include <stdexcept>
#include <string>

#include "nets/torch/preact_block.hpp"
#include "nets/torch/zoo_model.hpp"

namespace ov::nets::torchzoo {
namespace {

class PreActResNet final : public ZooModel {
 public:
  PreActResNet(const ModelSpec& spec, const std::array<std::int64_t, 4>& blocks)
      : ZooModel(blocks == std::array<std::int64_t, 4>{2, 2, 2, 2} ? "preact_resnet18" : "preact_resnet", spec,
                 ModelOutput::logits) {
    stem_ = register_module("conv1", detail::conv2d(spec.channels, 64, 3, 1, 1, false));
    stages_ = detail::make_preact_stages(*this, 64, blocks, /*squeeze_excitation=*/false);
    fc_ = register_module("linear", torch::nn::Linear(512, spec.num_classes));
  }

 protected:
  torch::Tensor run(torch::Tensor x) override {
    x = stem_(x);
    for (auto& stage : stages_) x = stage->forward(x);
    return fc_(detail::global_average_pool(x));
  }

 private:
  torch::nn::Conv2d stem_{nullptr};
  std::vector<std::shared_ptr<detail::BlockSequence<detail::PreActBlock>>> stages_;
  torch::nn::Linear fc_{nullptr};
};

}  // namespace

std::shared_ptr<ZooModel> make_preact_resnet(const ModelSpec& spec, const std::array<std::int64_t, 4>& blocks) {
  validate(spec);
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    if (blocks[i] < 1) {
      throw std::invalid_argument("make_preact_resnet: blocks[" + std::to_string(i) +
                                  "] = " + std::to_string(blocks[i]) + ": must be >= 1");
    }
  }
  return std::make_shared<PreActResNet>(spec, blocks);
}

std::shared_ptr<ZooModel> make_preact_resnet18(const ModelSpec& spec) {
  return make_preact_resnet(spec, {2, 2, 2, 2});
}

}  // namespace ov::nets::torchzoo
