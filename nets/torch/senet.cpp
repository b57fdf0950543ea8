#include "nets/torch/senet.hpp"

#include "nets/torch/preact_block.hpp"
#include "nets/torch/zoo_model.hpp"

namespace ov::nets::torchzoo {
namespace {

class SENet18 final : public ZooModel {
 public:
  explicit SENet18(const ModelSpec& spec) : ZooModel("senet18", spec, ModelOutput::logits) {
    stem_ = register_module("conv1", detail::conv2d(spec.channels, 64, 3, 1, 1, false));
    stem_bn_ = register_module("bn1", detail::batch_norm(64));
    stages_ = detail::make_preact_stages(*this, 64, {2, 2, 2, 2}, /*squeeze_excitation=*/true);
    fc_ = register_module("linear", torch::nn::Linear(512, spec.num_classes));
  }

 protected:
  torch::Tensor run(torch::Tensor x) override {
    x = torch::relu(stem_bn_(stem_(x)));
    for (auto& stage : stages_) x = stage->forward(x);
    return fc_(detail::global_average_pool(x));
  }

 private:
  torch::nn::Conv2d stem_{nullptr};
  torch::nn::BatchNorm2d stem_bn_{nullptr};
  std::vector<std::shared_ptr<detail::BlockSequence<detail::PreActBlock>>> stages_;
  torch::nn::Linear fc_{nullptr};
};

}  // namespace

std::shared_ptr<ZooModel> make_senet18(const ModelSpec& spec) {
  validate(spec);
  return std::make_shared<SENet18>(spec);
}

}  // namespace ov::nets::torchzoo
