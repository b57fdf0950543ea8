#include "nets/torch/mobilenetv2.hpp"

#include "nets/torch/layer_helpers.hpp"
#include "nets/torch/zoo_model.hpp"

namespace ov::nets::torchzoo {
namespace {

class InvertedResidual final : public torch::nn::Module {
 public:
  InvertedResidual(std::int64_t in, std::int64_t out, std::int64_t expansion, std::int64_t stride)
      : stride_(stride) {
    const std::int64_t planes = expansion * in;
    expand_ = register_module("conv1", detail::conv2d(in, planes, 1, 1, 0, false));
    bn1_ = register_module("bn1", detail::batch_norm(planes));
    depthwise_ = register_module("conv2", detail::conv2d(planes, planes, 3, stride, 1, false, /*groups=*/planes));
    bn2_ = register_module("bn2", detail::batch_norm(planes));
    project_ = register_module("conv3", detail::conv2d(planes, out, 1, 1, 0, false));
    bn3_ = register_module("bn3", detail::batch_norm(out));
    if (stride == 1 && in != out) {
      shortcut_conv_ = register_module("shortcut_conv", detail::conv2d(in, out, 1, 1, 0, false));
      shortcut_bn_ = register_module("shortcut_bn", detail::batch_norm(out));
    }
  }

  torch::Tensor forward(torch::Tensor x) {
    auto out = torch::relu(bn1_(expand_(x)));
    out = torch::relu(bn2_(depthwise_(out)));
    out = bn3_(project_(out));
    if (stride_ != 1) return out;
    return out + (shortcut_conv_ ? shortcut_bn_(shortcut_conv_(x)) : x);
  }

 private:
  std::int64_t stride_;
  torch::nn::Conv2d expand_{nullptr}, depthwise_{nullptr}, project_{nullptr}, shortcut_conv_{nullptr};
  torch::nn::BatchNorm2d bn1_{nullptr}, bn2_{nullptr}, bn3_{nullptr}, shortcut_bn_{nullptr};
};

struct StageConfig {
  std::int64_t expansion, width, repeats, stride;
};
constexpr StageConfig kStages[] = {{1, 16, 1, 1}, {6, 24, 2, 1},  {6, 32, 3, 2}, {6, 64, 4, 2},
                                   {6, 96, 3, 1}, {6, 160, 3, 2}, {6, 320, 1, 1}};

class MobileNetV2 final : public ZooModel {
 public:
  explicit MobileNetV2(const ModelSpec& spec) : ZooModel("mobilenetv2", spec, ModelOutput::logits) {
    stem_ = register_module("conv1", detail::conv2d(spec.channels, 32, 3, 1, 1, false));
    stem_bn_ = register_module("bn1", detail::batch_norm(32));
    blocks_ = register_module("layers", std::make_shared<detail::BlockSequence<InvertedResidual>>());
    std::int64_t in = 32;
    for (const auto& st : kStages) {
      for (std::int64_t r = 0; r < st.repeats; ++r) {
        blocks_->append(std::make_shared<InvertedResidual>(in, st.width, st.expansion, r == 0 ? st.stride : 1));
        in = st.width;
      }
    }
    head_ = register_module("conv2", detail::conv2d(320, 1280, 1, 1, 0, false));
    head_bn_ = register_module("bn2", detail::batch_norm(1280));
    fc_ = register_module("linear", torch::nn::Linear(1280, spec.num_classes));
  }

 protected:
  torch::Tensor run(torch::Tensor x) override {
    x = torch::relu(stem_bn_(stem_(x)));
    x = blocks_->forward(x);
    x = torch::relu(head_bn_(head_(x)));
    return fc_(detail::global_average_pool(x));
  }

 private:
  torch::nn::Conv2d stem_{nullptr}, head_{nullptr};
  torch::nn::BatchNorm2d stem_bn_{nullptr}, head_bn_{nullptr};
  std::shared_ptr<detail::BlockSequence<InvertedResidual>> blocks_;
  torch::nn::Linear fc_{nullptr};
};

}  // namespace

std::shared_ptr<ZooModel> make_mobilenetv2(const ModelSpec& spec) {
  validate(spec);
  return std::make_shared<MobileNetV2>(spec);
}

}  // namespace ov::nets::torchzoo
