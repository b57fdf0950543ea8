#include "nets/torch/resnet_cifar.hpp"

#include <torch/nn/init.h>

#include <stdexcept>
#include <string>
#include <vector>

#include "nets/torch/layer_helpers.hpp"
#include "nets/torch/zoo_model.hpp"

namespace ov::nets::torchzoo {
namespace {

// relu(bn2(conv2(relu(bn1(conv1(x))))) + shortcut(x)), conv1 with stride `stride`.
class BasicBlock final : public torch::nn::Module {
 public:
  BasicBlock(std::int64_t in, std::int64_t planes, std::int64_t stride, ShortcutKind shortcut)
      : in_(in), planes_(planes), stride_(stride) {
    conv1_ = register_module("conv1", detail::conv2d(in, planes, 3, stride, 1, false));
    bn1_ = register_module("bn1", detail::batch_norm(planes));
    conv2_ = register_module("conv2", detail::conv2d(planes, planes, 3, 1, 1, false));
    bn2_ = register_module("bn2", detail::batch_norm(planes));
    reshapes_ = stride != 1 || in != planes;
    project_ = reshapes_ && shortcut == ShortcutKind::projection;
    if (project_) {
      shortcut_conv_ = register_module("shortcut_conv", detail::conv2d(in, planes, 1, stride, 0, false));
      shortcut_bn_ = register_module("shortcut_bn", detail::batch_norm(planes));
    }
  }

  torch::Tensor forward(torch::Tensor x) {
    auto out = torch::relu(bn1_(conv1_(x)));
    out = bn2_(conv2_(out));
    return torch::relu(out + shortcut(x));
  }

 private:
  torch::Tensor shortcut(const torch::Tensor& x) {
    if (!reshapes_) return x;
    if (project_) return shortcut_bn_(shortcut_conv_(x));
    // Option A: keep every stride-th position (the positions conv1's stride-s 3x3 window with padding 1
    // is centred on), then append planes - in zero channels.
    auto sub = x;
    if (stride_ != 1) {
      sub = x.slice(2, 0, x.size(2), stride_).slice(3, 0, x.size(3), stride_);
    }
    if (planes_ < in_) throw std::logic_error("BasicBlock: zero-padding shortcut cannot reduce channels");
    return torch::constant_pad_nd(sub, {0, 0, 0, 0, 0, planes_ - in_});
  }

  std::int64_t in_, planes_, stride_;
  bool reshapes_ = false, project_ = false;
  torch::nn::Conv2d conv1_{nullptr}, conv2_{nullptr}, shortcut_conv_{nullptr};
  torch::nn::BatchNorm2d bn1_{nullptr}, bn2_{nullptr}, shortcut_bn_{nullptr};
};

using Stage = detail::BlockSequence<BasicBlock>;

// Stem conv 3x3 + BN + ReLU, stages of basic blocks (the first block of stage i has stride strides[i]),
// global average pooling, fc.
class BasicBlockResNet final : public ZooModel {
 public:
  BasicBlockResNet(std::string name, const ModelSpec& spec, std::int64_t stem_width,
                   const std::vector<std::int64_t>& widths, const std::vector<std::int64_t>& strides,
                   const std::vector<std::int64_t>& blocks, ShortcutKind shortcut)
      : ZooModel(std::move(name), spec, ModelOutput::logits) {
    stem_ = register_module("conv1", detail::conv2d(spec.channels, stem_width, 3, 1, 1, false));
    stem_bn_ = register_module("bn1", detail::batch_norm(stem_width));
    std::int64_t in = stem_width;
    for (std::size_t s = 0; s < widths.size(); ++s) {
      auto stage = std::make_shared<Stage>();
      for (std::int64_t b = 0; b < blocks[s]; ++b) {
        stage->append(std::make_shared<BasicBlock>(in, widths[s], b == 0 ? strides[s] : 1, shortcut));
        in = widths[s];
      }
      stages_.push_back(register_module("layer" + std::to_string(s + 1), stage));
    }
    fc_ = register_module("linear", torch::nn::Linear(in, spec.num_classes));
  }

  // He et al. 2015 initialisation of every convolution (kaiming normal, fan-in, gain sqrt(2)).
  void he_initialise_convolutions() {
    for (auto& m : modules(/*include_self=*/false)) {
      if (auto* conv = m->as<torch::nn::Conv2d>()) {
        torch::nn::init::kaiming_normal_(conv->weight, 0.0, torch::kFanIn, torch::kReLU);
      }
    }
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
  std::vector<std::shared_ptr<Stage>> stages_;
  torch::nn::Linear fc_{nullptr};
};

}  // namespace

std::shared_ptr<ZooModel> make_resnet_kuangliu(const ModelSpec& spec, const std::array<std::int64_t, 4>& blocks) {
  validate(spec);
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    if (blocks[i] < 1) {
      throw std::invalid_argument("make_resnet_kuangliu: blocks[" + std::to_string(i) +
                                  "] = " + std::to_string(blocks[i]) + ": must be >= 1");
    }
  }
  const bool is18 = blocks == std::array<std::int64_t, 4>{2, 2, 2, 2};
  return std::make_shared<BasicBlockResNet>(is18 ? "resnet18" : "resnet_kuangliu", spec, 64,
                                            std::vector<std::int64_t>{64, 128, 256, 512},
                                            std::vector<std::int64_t>{1, 2, 2, 2},
                                            std::vector<std::int64_t>(blocks.begin(), blocks.end()),
                                            ShortcutKind::projection);
}

std::shared_ptr<ZooModel> make_resnet18(const ModelSpec& spec) { return make_resnet_kuangliu(spec, {2, 2, 2, 2}); }

std::shared_ptr<ZooModel> make_resnet_he_cifar(const ModelSpec& spec, std::int64_t n, ShortcutKind shortcut) {
  validate(spec);
  if (n < 1) {
    throw std::invalid_argument("make_resnet_he_cifar: n = " + std::to_string(n) + ": must be >= 1 (depth 6n+2)");
  }
  auto model = std::make_shared<BasicBlockResNet>(
      "resnet" + std::to_string(6 * n + 2), spec, 16, std::vector<std::int64_t>{16, 32, 64},
      std::vector<std::int64_t>{1, 2, 2}, std::vector<std::int64_t>{n, n, n}, shortcut);
  model->he_initialise_convolutions();
  return model;
}

std::shared_ptr<ZooModel> make_resnet20(const ModelSpec& spec) { return make_resnet_he_cifar(spec, 3); }

}  // namespace ov::nets::torchzoo
