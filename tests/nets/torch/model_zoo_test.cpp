// The LibTorch model zoo (nets/torch): parameter counts against the published figures and against a
// count by formula from the layer shapes (written here independently of the model code), with
// mis-built variants that the formula rejects; forward output shapes for 1x28x28 and 3x32x32 input and
// 10/100 classes; evaluation-mode outputs against a reference computed from the architecture description
// (and mutated references that must differ); training/evaluation mode (batch norm, dropout); seeded
// initialisation; bad input.
//
// Published figures used (docs/models.md has the table):
//   He et al. 2016, "Deep residual learning", Table 6: ResNet-20/32/44/56/110 have 0.27M/0.46M/0.66M/
//     0.85M/1.7M parameters (given to 2 significant digits: tolerance half a unit of the last digit).
//   torchvision's model documentation, num_params of the ImageNet models: resnet18 11,689,512,
//     mobilenet_v2 3,504,872, densenet121 7,978,856; kuangliu's CIFAR variants differ from them by the
//     layers named in each test (stem, classifier, kuangliu's extra shortcuts), which gives his exact
//     counts: ResNet18 11,173,962 (the figure kuangliu's users report), MobileNetV2 2,296,922,
//     DenseNet121 6,956,298.
#include <gtest/gtest.h>

#include <torch/torch.h>

#include <array>
#include <cmath>
#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "nets/torch/densenet.hpp"
#include "nets/torch/lenet.hpp"
#include "nets/torch/mnist_autoencoder.hpp"
#include "nets/torch/mobilenetv2.hpp"
#include "nets/torch/model_zoo.hpp"
#include "nets/torch/network_in_network.hpp"
#include "nets/torch/preact_resnet.hpp"
#include "nets/torch/resnet_cifar.hpp"
#include "nets/torch/senet.hpp"
#include "nets/torch/zoo_model.hpp"

namespace ov::nets::torchzoo {
namespace {

using i64 = std::int64_t;

// ---- counting by formula from the layer shapes --------------------------------------------------
i64 conv(i64 in, i64 out, i64 k, bool bias = false) { return in * out * k * k + (bias ? out : 0); }
i64 depthwise(i64 channels, i64 k) { return channels * k * k; }  // groups = channels, no bias
i64 bn(i64 c) { return 2 * c; }                                    // weight and bias (running stats are buffers)
i64 fc(i64 in, i64 out) { return in * out + out; }

i64 lenet_formula(i64 c, i64 k, bool with_bn) {
  const i64 convs = with_bn ? conv(c, 6, 5) + bn(6) + conv(6, 16, 5) + bn(16) : conv(c, 6, 5, true) + conv(6, 16, 5, true);
  return convs + fc(16 * 5 * 5, 120) + fc(120, 84) + fc(84, k);
}

i64 basic_block(i64 in, i64 p, i64 stride, bool projection) {
  const bool reshapes = stride != 1 || in != p;
  return conv(in, p, 3) + bn(p) + conv(p, p, 3) + bn(p) + (reshapes && projection ? conv(in, p, 1) + bn(p) : 0);
}

i64 kuangliu_resnet_formula(i64 c, i64 k, std::array<i64, 4> blocks) {
  const i64 widths[4] = {64, 128, 256, 512};
  i64 n = conv(c, 64, 3) + bn(64), in = 64;
  for (int s = 0; s < 4; ++s) {
    for (i64 b = 0; b < blocks[s]; ++b) {
      n += basic_block(in, widths[s], b == 0 && s > 0 ? 2 : 1, true);
      in = widths[s];
    }
  }
  return n + fc(512, k);
}

i64 he_resnet_formula(i64 c, i64 k, i64 depth_n, bool projection) {
  const i64 widths[3] = {16, 32, 64};
  i64 n = conv(c, 16, 3) + bn(16), in = 16;
  for (int s = 0; s < 3; ++s) {
    for (i64 b = 0; b < depth_n; ++b) {
      n += basic_block(in, widths[s], b == 0 && s > 0 ? 2 : 1, projection);
      in = widths[s];
    }
  }
  return n + fc(64, k);
}

i64 preact_block(i64 in, i64 p, i64 stride, bool se) {
  const bool reshapes = stride != 1 || in != p;
  return bn(in) + conv(in, p, 3) + bn(p) + conv(p, p, 3) + (reshapes ? conv(in, p, 1) : 0) +
         (se ? conv(p, p / 16, 1, true) + conv(p / 16, p, 1, true) : 0);
}

i64 preact_stages(bool se) {
  const i64 widths[4] = {64, 128, 256, 512};
  i64 n = 0, in = 64;
  for (int s = 0; s < 4; ++s) {
    for (int b = 0; b < 2; ++b) {
      n += preact_block(in, widths[s], b == 0 && s > 0 ? 2 : 1, se);
      in = widths[s];
    }
  }
  return n;
}
i64 preact_resnet18_formula(i64 c, i64 k) { return conv(c, 64, 3) + preact_stages(false) + fc(512, k); }
i64 senet18_formula(i64 c, i64 k) { return conv(c, 64, 3) + bn(64) + preact_stages(true) + fc(512, k); }

i64 mobilenetv2_formula(i64 c, i64 k) {
  struct Row {
    i64 t, width, n, s;
  };
  const Row rows[] = {{1, 16, 1, 1}, {6, 24, 2, 1}, {6, 32, 3, 2}, {6, 64, 4, 2}, {6, 96, 3, 1}, {6, 160, 3, 2}, {6, 320, 1, 1}};
  i64 n = conv(c, 32, 3) + bn(32), in = 32;
  for (const auto& r : rows) {
    for (i64 b = 0; b < r.n; ++b) {
      const i64 stride = b == 0 ? r.s : 1, planes = r.t * in;
      n += conv(in, planes, 1) + bn(planes) + depthwise(planes, 3) + bn(planes) + conv(planes, r.width, 1) + bn(r.width);
      if (stride == 1 && in != r.width) n += conv(in, r.width, 1) + bn(r.width);
      in = r.width;
    }
  }
  return n + conv(320, 1280, 1) + bn(1280) + fc(1280, k);
}

i64 densenet_formula(i64 c, i64 k, std::array<i64, 4> blocks, i64 g) {
  i64 planes = 2 * g, n = conv(c, 2 * g, 3);
  for (int b = 0; b < 4; ++b) {
    for (i64 l = 0; l < blocks[b]; ++l) {
      n += bn(planes) + conv(planes, 4 * g, 1) + bn(4 * g) + conv(4 * g, g, 3);
      planes += g;
    }
    if (b < 3) {
      n += bn(planes) + conv(planes, planes / 2, 1);
      planes /= 2;
    }
  }
  return n + bn(planes) + fc(planes, k);
}

i64 nin_formula(i64 c, i64 k, bool with_bn) {
  struct Layer {
    i64 out, kernel;
  };
  const Layer layers[] = {{192, 5}, {160, 1}, {96, 1}, {192, 5}, {192, 1}, {192, 1}, {192, 3}, {192, 1}};
  i64 n = 0, in = c;
  for (const auto& l : layers) {
    n += with_bn ? conv(in, l.out, l.kernel) + bn(l.out) : conv(in, l.out, l.kernel, true);
    in = l.out;
  }
  return n + conv(192, k, 1, true);  // the class maps: no batch norm, with bias
}

i64 autoencoder_formula(i64 input, std::vector<i64> widths) {  // widths: hidden..., code
  std::vector<i64> all{input};
  all.insert(all.end(), widths.begin(), widths.end());
  for (auto it = widths.rbegin() + 1; it != widths.rend(); ++it) all.push_back(*it);
  all.push_back(input);
  i64 n = 0;
  for (std::size_t l = 0; l + 1 < all.size(); ++l) n += fc(all[l], all[l + 1]);
  return n;
}

// The formula for a zoo model by name.
i64 formula(const std::string& name, const ModelSpec& s) {
  const i64 c = s.channels, k = s.num_classes;
  if (name == "lenet" || name == "lenet_elu") return lenet_formula(c, k, false);
  if (name == "lenet_elu_bn") return lenet_formula(c, k, true);
  if (name == "resnet18") return kuangliu_resnet_formula(c, k, {2, 2, 2, 2});
  if (name == "resnet20") return he_resnet_formula(c, k, 3, false);
  if (name == "preact_resnet18") return preact_resnet18_formula(c, k);
  if (name == "senet18") return senet18_formula(c, k);
  if (name == "mobilenetv2") return mobilenetv2_formula(c, k);
  if (name == "densenet121") return densenet_formula(c, k, {6, 12, 24, 16}, 32);
  if (name == "nin") return nin_formula(c, k, true);
  if (name == "mnist_autoencoder") return autoencoder_formula(c * s.image_size * s.image_size, {1000, 500, 250, 30});
  throw std::logic_error("no formula for " + name);
}

const ModelSpec kSpecs[] = {ModelSpec::gray28(10), ModelSpec::colour32(10), ModelSpec::gray28(100),
                            ModelSpec::colour32(100)};

// ---- parameter counts ----------------------------------------------------------------------------

TEST(ModelZooParameters, EveryModelMatchesItsFormulaForEverySpec) {
  for (const auto& name : model_names()) {
    for (const auto& spec : kSpecs) {
      const auto model = make_model(name, spec);
      EXPECT_EQ(parameter_count(*model), formula(name, spec)) << name << " " << describe(spec);
    }
  }
}

TEST(ModelZooParameters, ResNet20FamilyMatchesHeEtAlTable6) {
  // He et al. 2016 Table 6 (CIFAR-10): params to 2 significant digits.
  const std::vector<std::pair<i64, double>> published = {{3, 0.27e6}, {5, 0.46e6}, {7, 0.66e6}, {9, 0.85e6}, {18, 1.7e6}};
  for (const auto& [n, millions] : published) {
    const auto model = make_resnet_he_cifar(ModelSpec::colour32(10), n);
    const i64 count = parameter_count(*model);
    EXPECT_EQ(count, he_resnet_formula(3, 10, n, false)) << "n = " << n;
    const double half_unit = n == 18 ? 0.05e6 : 0.005e6;  // half a unit of the last published digit
    EXPECT_LE(std::abs(static_cast<double>(count) - millions), half_unit) << "ResNet-" << 6 * n + 2 << ": " << count;
  }
  EXPECT_EQ(parameter_count(*make_resnet20(ModelSpec::colour32(10))), 269722);
}

TEST(ModelZooParameters, KuangliuCountsFollowFromTorchvisionImageNetCounts) {
  const auto c32 = ModelSpec::colour32(10);
  // ResNet-18: torchvision 11,689,512 with the 7x7 stem -> 3x3, fc 1000 -> 10.
  const i64 resnet18 = 11689512 - conv(3, 64, 7) + conv(3, 64, 3) - fc(512, 1000) + fc(512, 10);
  EXPECT_EQ(resnet18, 11173962);
  EXPECT_EQ(parameter_count(*make_model("resnet18", c32)), resnet18);
  // MobileNetV2: torchvision 3,504,872 with fc 1000 -> 10, plus kuangliu's expansion conv for t = 1
  // (torchvision has none) and his projection shortcuts on the four stride-1 blocks that change width.
  const i64 mobilenet = 3504872 - fc(1280, 1000) + fc(1280, 10) + (conv(32, 32, 1) + bn(32)) +
                        (conv(32, 16, 1) + bn(16)) + (conv(16, 24, 1) + bn(24)) + (conv(64, 96, 1) + bn(96)) +
                        (conv(160, 320, 1) + bn(320));
  EXPECT_EQ(mobilenet, 2296922);
  EXPECT_EQ(parameter_count(*make_model("mobilenetv2", c32)), mobilenet);
  // DenseNet-121: torchvision 7,978,856 with the 7x7 stem conv + its batch norm -> a 3x3 conv, fc 1000 -> 10.
  const i64 densenet = 7978856 - conv(3, 64, 7) - bn(64) + conv(3, 64, 3) - fc(1024, 1000) + fc(1024, 10);
  EXPECT_EQ(densenet, 6956298);
  EXPECT_EQ(parameter_count(*make_model("densenet121", c32)), densenet);
  // PreActResNet-18 and SENet-18 (no published exact figure; the formula above and these relations).
  EXPECT_EQ(parameter_count(*make_model("preact_resnet18", c32)), 11171146);
  EXPECT_EQ(11171146, resnet18 - bn(64) - 3 * (128 + 256 + 512));
  EXPECT_EQ(parameter_count(*make_model("senet18", c32)), 11260354);
  // The remaining exact counts at 3x32x32 / 1x28x28 (784 inputs), 10 classes.
  EXPECT_EQ(parameter_count(*make_model("lenet", c32)), 62006);
  EXPECT_EQ(parameter_count(*make_model("lenet", ModelSpec::gray28(10))), 61706);
  EXPECT_EQ(parameter_count(*make_network_in_network(c32, {Activation::relu, false, 0.5})), 966986);
  EXPECT_EQ(parameter_count(*make_model("nin", c32)), 968394);
  EXPECT_EQ(parameter_count(*make_model("mnist_autoencoder", ModelSpec::gray28(10))), 2837314);
}

TEST(ModelZooParameters, FormulaRejectsMisBuiltVariants) {
  const auto c32 = ModelSpec::colour32(10);
  // He et al.'s option B (projection shortcuts) instead of option A: 2,752 parameters too many.
  const i64 option_b = parameter_count(*make_resnet_he_cifar(c32, 3, ShortcutKind::projection));
  EXPECT_NE(option_b, formula("resnet20", c32));
  EXPECT_EQ(option_b, he_resnet_formula(3, 10, 3, true));
  EXPECT_EQ(option_b - formula("resnet20", c32), conv(16, 32, 1) + bn(32) + conv(32, 64, 1) + bn(64));
  // A ResNet-18 missing its last block, a DenseNet with growth 12 (kuangliu's densenet_cifar), an
  // auto-encoder with a 32-unit code, LeNet with batch norm, NiN without it, a PreActResNet with
  // three blocks in stage 1: each differs from the formula of the intended model.
  EXPECT_NE(parameter_count(*make_resnet_kuangliu(c32, {2, 2, 2, 1})), formula("resnet18", c32));
  EXPECT_NE(parameter_count(*make_densenet(c32, {{6, 12, 24, 16}, 12, 0.5})), formula("densenet121", c32));
  EXPECT_EQ(parameter_count(*make_densenet(c32, {{6, 12, 24, 16}, 12, 0.5})),
            densenet_formula(3, 10, {6, 12, 24, 16}, 12));
  AutoEncoderOptions wide_code;
  wide_code.code = 32;
  EXPECT_NE(parameter_count(*make_mnist_autoencoder(ModelSpec::gray28(10), wide_code)),
            formula("mnist_autoencoder", ModelSpec::gray28(10)));
  EXPECT_NE(parameter_count(*make_lenet(c32, {Activation::relu, true})), formula("lenet", c32));
  EXPECT_NE(parameter_count(*make_network_in_network(c32, {Activation::elu, false, 0.5})), formula("nin", c32));
  EXPECT_NE(parameter_count(*make_preact_resnet(c32, {3, 2, 2, 2})), formula("preact_resnet18", c32));
}

// ---- forward shapes ------------------------------------------------------------------------------

TEST(ModelZooForward, OutputShapesForBothInputsAndBothClassCounts) {
  torch::NoGradGuard no_grad;
  torch::manual_seed(7);
  for (const auto& info : model_catalog()) {
    for (const auto& spec : kSpecs) {
      const auto model = make_model(info.name, spec);
      EXPECT_EQ(model->zoo_name(), info.name);
      EXPECT_EQ(model->output() == ModelOutput::reconstruction, info.reconstructs) << info.name;
      model->eval();
      const auto x = torch::rand({2, spec.channels, spec.image_size, spec.image_size});
      const auto y = model->forward(x);
      if (info.reconstructs) {
        EXPECT_EQ(y.sizes(), x.sizes()) << info.name << " " << describe(spec);
        EXPECT_GE(y.min().item<float>(), 0.0f) << info.name;  // logistic output units
        EXPECT_LE(y.max().item<float>(), 1.0f) << info.name;
      } else {
        EXPECT_EQ(y.sizes(), (std::vector<i64>{2, spec.num_classes})) << info.name << " " << describe(spec);
      }
      EXPECT_TRUE(torch::isfinite(y).all().item<bool>()) << info.name << " " << describe(spec);
    }
  }
}

TEST(ModelZooForward, UsableAsPlainTorchModule) {
  std::shared_ptr<torch::nn::Module> as_module = make_model("resnet20", ModelSpec::colour32(10));
  EXPECT_EQ(as_module->name(), "resnet20");
  EXPECT_FALSE(as_module->named_parameters().is_empty());
  // PyTorch-like parameter names: stage, block index, layer.
  EXPECT_TRUE(as_module->named_parameters().contains("layer2.0.conv1.weight"));
}

// ---- training / evaluation mode ------------------------------------------------------------------

std::vector<torch::Tensor> buffers_copy(const torch::nn::Module& m) {
  std::vector<torch::Tensor> out;
  for (const auto& b : m.buffers()) out.push_back(b.clone());
  return out;
}
bool same_tensors(const std::vector<torch::Tensor>& a, const std::vector<torch::Tensor>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (!torch::equal(a[i], b[i])) return false;
  }
  return true;
}

// Tolerance 1e-4 relative (float32): the sample alone and inside a batch go through the same
// operations; only the kernels' blocking (and so the rounding) may differ with the batch size,
// ~1e-6 relative per layer. Batch statistics in training mode change the output by O(1).
constexpr double kBatchTol = 1e-4;
double max_rel_diff(const torch::Tensor& a, const torch::Tensor& b) {
  return ((a - b).abs().max() / b.abs().max().clamp_min(1e-12)).item<double>();
}

TEST(ModelZooModes, BatchNormUsesRunningStatisticsOnlyInEvaluationMode) {
  torch::NoGradGuard no_grad;
  const std::vector<std::string> with_bn = {"lenet_elu_bn", "resnet18", "resnet20", "preact_resnet18",
                                            "mobilenetv2",  "senet18",  "densenet121", "nin"};
  for (const auto& name : with_bn) {
    const auto spec = ModelSpec::colour32(10);
    torch::manual_seed(11);
    const auto model = make_model(name, spec);
    const auto x = torch::randn({2, 3, 32, 32});
    const auto x0 = x.slice(0, 0, 1);

    model->eval();
    const auto before = buffers_copy(*model);
    ASSERT_FALSE(before.empty()) << name;
    const auto batch_eval = model->forward(x);
    const auto alone_eval = model->forward(x0);
    EXPECT_LT(max_rel_diff(batch_eval.slice(0, 0, 1), alone_eval), kBatchTol) << name << ": eval is batch-independent";
    EXPECT_TRUE(same_tensors(before, buffers_copy(*model))) << name << ": eval leaves running statistics alone";

    // The mutant: in training mode the batch statistics make a sample's output depend on its batch
    // mates, and the running statistics move.
    model->train();
    const auto mates = torch::cat({x0, 3.0 * torch::randn({1, 3, 32, 32}) + 1.0});
    const auto y1 = model->forward(x).slice(0, 0, 1);
    const auto y2 = model->forward(mates).slice(0, 0, 1);
    EXPECT_GT(max_rel_diff(y1, y2), 1e-3) << name << ": train mode uses batch statistics";
    EXPECT_FALSE(same_tensors(before, buffers_copy(*model))) << name << ": train mode updates running statistics";
  }
}

TEST(ModelZooModes, ModelsWithoutModeDependentLayersGiveTheSameOutputInBothModes) {
  torch::NoGradGuard no_grad;
  for (const std::string name : {"lenet", "lenet_elu", "mnist_autoencoder"}) {
    torch::manual_seed(5);
    const auto model = make_model(name, ModelSpec::gray28(10));
    const auto x = torch::rand({2, 1, 28, 28});
    model->train();
    const auto a = model->forward(x);
    model->eval();
    EXPECT_TRUE(torch::equal(a, model->forward(x))) << name;
    EXPECT_TRUE(model->buffers().empty()) << name;
  }
}

TEST(ModelZooModes, NetworkInNetworkDropoutOnlyInTraining) {
  torch::NoGradGuard no_grad;
  const auto spec = ModelSpec::colour32(10);
  torch::manual_seed(3);
  const auto model = make_model("nin", spec);
  const auto x = torch::randn({2, 3, 32, 32});
  model->train();  // same batch, so batch norm gives the same output: only dropout can differ
  const auto t1 = model->forward(x), t2 = model->forward(x);
  EXPECT_GT(max_rel_diff(t1, t2), 1e-3);
  model->eval();
  EXPECT_TRUE(torch::equal(model->forward(x), model->forward(x)));
  // The mutant: without dropout two training-mode passes agree, so the check above sees dropout.
  torch::manual_seed(3);
  const auto no_dropout = make_network_in_network(spec, {Activation::elu, true, 0.0});
  no_dropout->train();
  EXPECT_LT(max_rel_diff(no_dropout->forward(x), no_dropout->forward(x)), 1e-6);
}

// ---- seeded initialisation -----------------------------------------------------------------------

TEST(ModelZooInit, SameSeedSameParametersOtherSeedOthers) {
  for (const auto& name : model_names()) {
    const auto spec = ModelSpec::gray28(10);
    torch::manual_seed(2024);
    const auto a = make_model(name, spec);
    torch::manual_seed(2024);
    const auto b = make_model(name, spec);
    torch::manual_seed(2025);
    const auto c = make_model(name, spec);
    const auto pa = a->named_parameters(), pb = b->named_parameters(), pc = c->named_parameters();
    ASSERT_EQ(pa.size(), pb.size()) << name;
    bool all_equal = true, any_differs = false;
    for (const auto& item : pa) {
      all_equal = all_equal && torch::equal(item.value(), pb[item.key()]);
      any_differs = any_differs || !torch::equal(item.value(), pc[item.key()]);
    }
    EXPECT_TRUE(all_equal) << name << ": same seed must give the same parameters";
    EXPECT_TRUE(any_differs) << name << ": another seed must give other parameters";
  }
}

TEST(ModelZooInit, ResNet20UsesHeInitialisationOthersTorchDefaults) {
  // He et al. 2015: N(0, 2/fan_in). torch's default for Conv2d, kaiming_uniform(a = sqrt(5)), has
  // variance 1/(3 fan_in), i.e. a standard deviation sqrt(6) = 2.45 times smaller. The sample std of
  // 36,864 weights is within ~0.4% of the truth (1 sigma); tolerance 5%.
  torch::manual_seed(1);
  const auto he = make_model("resnet20", ModelSpec::colour32(10));
  const auto w = he->named_parameters()["layer3.1.conv1.weight"];  // 64 x 64 x 3 x 3, fan_in 576
  ASSERT_EQ(w.numel(), 36864);
  const double he_std = std::sqrt(2.0 / 576.0);
  EXPECT_NEAR(w.std().item<double>() / he_std, 1.0, 0.05);
  // The mutant: the same layer shape with torch's default initialisation is rejected by that check.
  torch::manual_seed(1);
  const auto plain = torch::nn::Conv2d(torch::nn::Conv2dOptions(64, 64, 3).bias(false));
  EXPECT_NEAR(plain->weight.std().item<double>() / he_std, 1.0 / std::sqrt(6.0), 0.05);
  EXPECT_GT(std::abs(plain->weight.std().item<double>() / he_std - 1.0), 0.05);
}

// ---- forward against a reference written from the architecture description -----------------------
// The reference recomputes a model's evaluation-mode output with torch's functional ops from the
// model's own named parameters and buffers, following the description in the model's header; a
// mutation flag changes one detail (the "broken variant"), which must change the output.
// Tolerance 1e-5 relative (float32): the same kernels on the same data; only the order of some sums
// may differ (~1e-7 per layer over <= 60 layers). A mutant must differ by 10x the tolerance: the
// wiring mistakes change the logits by O(1e-2..1) relative; the auto-encoder's is the smallest
// (~4e-4: at initialisation its logistic outputs sit near 1/2, where a changed code moves them little).

class Reference {
 public:
  explicit Reference(const torch::nn::Module& m) {
    for (const auto& it : m.named_parameters()) t_.insert(it.key(), it.value());
    for (const auto& it : m.named_buffers()) t_.insert(it.key(), it.value());
  }
  bool has(const std::string& k) const { return t_.contains(k); }
  torch::Tensor operator()(const std::string& k) const {
    if (!t_.contains(k)) throw std::logic_error("reference: no tensor " + k);
    return t_[k];
  }
  torch::Tensor conv(const std::string& name, const torch::Tensor& x, i64 stride, i64 pad, i64 groups = 1) const {
    const auto bias = has(name + ".bias") ? (*this)(name + ".bias") : torch::Tensor();
    return torch::conv2d(x, (*this)(name + ".weight"), bias, {stride, stride}, {pad, pad}, {1, 1}, groups);
  }
  torch::Tensor bn(const std::string& name, const torch::Tensor& x) const {  // evaluation mode
    return torch::batch_norm(x, (*this)(name + ".weight"), (*this)(name + ".bias"), (*this)(name + ".running_mean"),
                             (*this)(name + ".running_var"), false, 0.0, 1e-5, false);
  }
  torch::Tensor linear(const std::string& name, const torch::Tensor& x) const {
    return torch::addmm((*this)(name + ".bias"), x, (*this)(name + ".weight").t());
  }

 private:
  torch::OrderedDict<std::string, torch::Tensor> t_;
};

torch::Tensor gap(const torch::Tensor& x) { return x.mean({2, 3}); }

torch::Tensor resnet20_reference(const Reference& R, torch::Tensor x, bool mutate_pad_first) {
  x = torch::relu(R.bn("bn1", R.conv("conv1", x, 1, 1)));
  for (int s = 1; s <= 3; ++s) {
    for (int b = 0; b < 3; ++b) {
      const std::string p = "layer" + std::to_string(s) + "." + std::to_string(b) + ".";
      const i64 stride = s > 1 && b == 0 ? 2 : 1;
      auto out = torch::relu(R.bn(p + "bn1", R.conv(p + "conv1", x, stride, 1)));
      out = R.bn(p + "bn2", R.conv(p + "conv2", out, 1, 1));
      auto skip = stride == 2 ? x.slice(2, 0, x.size(2), 2).slice(3, 0, x.size(3), 2) : x;
      const i64 extra = out.size(1) - skip.size(1);
      skip = mutate_pad_first ? torch::constant_pad_nd(skip, {0, 0, 0, 0, extra, 0})
                              : torch::constant_pad_nd(skip, {0, 0, 0, 0, 0, extra});
      x = torch::relu(out + skip);
    }
  }
  return R.linear("linear", gap(x));
}

torch::Tensor senet18_reference(const Reference& R, torch::Tensor x, bool mutate_no_excitation) {
  x = torch::relu(R.bn("bn1", R.conv("conv1", x, 1, 1)));
  for (int s = 1; s <= 4; ++s) {
    for (int b = 0; b < 2; ++b) {
      const std::string p = "layer" + std::to_string(s) + "." + std::to_string(b) + ".";
      const i64 stride = s > 1 && b == 0 ? 2 : 1;
      const auto a = torch::relu(R.bn(p + "bn1", x));
      const auto skip = R.has(p + "shortcut.weight") ? R.conv(p + "shortcut", a, stride, 0) : x;
      auto r = R.conv(p + "conv2", torch::relu(R.bn(p + "bn2", R.conv(p + "conv1", a, stride, 1))), 1, 1);
      if (!mutate_no_excitation) {
        auto w = r.mean({2, 3}, true);
        w = torch::sigmoid(R.conv(p + "fc2", torch::relu(R.conv(p + "fc1", w, 1, 0)), 1, 0));
        r = r * w;
      }
      x = r + skip;
    }
  }
  return R.linear("linear", gap(x));
}

torch::Tensor densenet121_reference(const Reference& R, torch::Tensor x, bool mutate_old_first) {
  x = R.conv("conv1", x, 1, 1);
  for (int d = 1; d <= 4; ++d) {
    for (int l = 0; R.has("dense" + std::to_string(d) + "." + std::to_string(l) + ".bn1.weight"); ++l) {
      const std::string p = "dense" + std::to_string(d) + "." + std::to_string(l) + ".";
      auto out = R.conv(p + "conv1", torch::relu(R.bn(p + "bn1", x)), 1, 0);
      out = R.conv(p + "conv2", torch::relu(R.bn(p + "bn2", out)), 1, 1);
      x = mutate_old_first ? torch::cat({x, out}, 1) : torch::cat({out, x}, 1);
    }
    if (d < 4) {
      const std::string t = "trans" + std::to_string(d);
      x = torch::avg_pool2d(R.conv(t + ".conv", torch::relu(R.bn(t + ".bn", x)), 1, 0), {2, 2});
    }
  }
  return R.linear("linear", gap(torch::relu(R.bn("bn", x))));
}

torch::Tensor mobilenetv2_reference(const Reference& R, torch::Tensor x, bool mutate_no_identity_residual) {
  const i64 rows[7][4] = {{1, 16, 1, 1}, {6, 24, 2, 1}, {6, 32, 3, 2}, {6, 64, 4, 2}, {6, 96, 3, 1}, {6, 160, 3, 2}, {6, 320, 1, 1}};
  x = torch::relu(R.bn("bn1", R.conv("conv1", x, 1, 1)));
  int i = 0;
  for (const auto& row : rows) {
    for (i64 b = 0; b < row[2]; ++b, ++i) {
      const std::string p = "layers." + std::to_string(i) + ".";
      const i64 stride = b == 0 ? row[3] : 1;
      auto out = torch::relu(R.bn(p + "bn1", R.conv(p + "conv1", x, 1, 0)));
      out = torch::relu(R.bn(p + "bn2", R.conv(p + "conv2", out, stride, 1, out.size(1))));
      out = R.bn(p + "bn3", R.conv(p + "conv3", out, 1, 0));
      if (stride == 1) {
        if (R.has(p + "shortcut_conv.weight")) {
          out = out + R.bn(p + "shortcut_bn", R.conv(p + "shortcut_conv", x, 1, 0));
        } else if (!mutate_no_identity_residual) {
          out = out + x;
        }
      }
      x = out;
    }
  }
  x = torch::relu(R.bn("bn2", R.conv("conv2", x, 1, 0)));
  return R.linear("linear", gap(x));
}

torch::Tensor autoencoder_reference(const Reference& R, const torch::Tensor& x, bool mutate_code_activated) {
  auto h = x.flatten(1);
  for (int l = 0; l < 8; ++l) {
    h = R.linear((l <= 3 ? "encoder" : "decoder") + std::to_string(l + 1), h);
    if (l == 7) {
      h = torch::sigmoid(h);
    } else if (l != 3 || mutate_code_activated) {
      h = torch::silu(h);
    }
  }
  return h.reshape(x.sizes());
}

TEST(ModelZooForward, EvaluationOutputMatchesReferenceFromTheDescription) {
  torch::NoGradGuard no_grad;
  using RefFn = torch::Tensor (*)(const Reference&, torch::Tensor, bool);
  const std::vector<std::pair<std::string, RefFn>> cases = {
      {"resnet20", resnet20_reference},
      {"senet18", senet18_reference},
      {"densenet121", densenet121_reference},
      {"mobilenetv2", mobilenetv2_reference},
      {"mnist_autoencoder",
       [](const Reference& R, torch::Tensor x, bool m) { return autoencoder_reference(R, x, m); }}};
  for (const auto& [name, reference] : cases) {
    for (const auto& spec : {ModelSpec::gray28(10), ModelSpec::colour32(100)}) {
      torch::manual_seed(17);
      const auto model = make_model(name, spec);
      const auto x = torch::rand({2, spec.channels, spec.image_size, spec.image_size});
      model->train();  // move the running statistics away from (0, 1) so that they matter
      model->forward(torch::randn({4, spec.channels, spec.image_size, spec.image_size}) * 2.0 + 0.5);
      model->eval();
      const auto y = model->forward(x);
      const Reference R(*model);
      EXPECT_LT(max_rel_diff(y, reference(R, x, false)), 1e-5) << name << " " << describe(spec);
      EXPECT_GT(max_rel_diff(y, reference(R, x, true)), 1e-4) << name << " mutant, " << describe(spec);
    }
  }
}

// ---- bad input -----------------------------------------------------------------------------------

template <class F>
std::string error_of(F&& f) {
  try {
    f();
  } catch (const std::invalid_argument& e) {
    return e.what();
  }
  return "";
}

TEST(ModelZooErrors, UnknownNameListsTheValidNames) {
  const auto msg = error_of([] { make_model("resnet19", ModelSpec::colour32(10)); });
  EXPECT_NE(msg.find("unknown model 'resnet19'"), std::string::npos) << msg;
  for (const auto& name : model_names()) EXPECT_NE(msg.find(name), std::string::npos) << name;
  EXPECT_FALSE(is_model_name("resnet19"));
  EXPECT_TRUE(is_model_name("densenet121"));
  EXPECT_EQ(model_names().size(), model_catalog().size());
}

TEST(ModelZooErrors, InvalidSpecsAndOptionsAreRejected) {
  EXPECT_NE(error_of([] { make_model("lenet", {2, 32, 10}); }).find("ModelSpec.channels = 2"), std::string::npos);
  EXPECT_NE(error_of([] { make_model("lenet", {3, 30, 10}); }).find("ModelSpec.image_size = 30"), std::string::npos);
  EXPECT_NE(error_of([] { make_model("lenet", {3, 32, 1}); }).find("ModelSpec.num_classes = 1"), std::string::npos);
  EXPECT_NE(error_of([] { make_resnet_he_cifar(ModelSpec::colour32(), 0); }).find("n = 0"), std::string::npos);
  EXPECT_NE(error_of([] { make_densenet(ModelSpec::colour32(), {{6, 12, 24, 16}, 32, 0.0}); }).find("reduction"),
            std::string::npos);
  EXPECT_NE(error_of([] { make_network_in_network(ModelSpec::colour32(), {Activation::elu, true, 1.0}); }).find("dropout"),
            std::string::npos);
  AutoEncoderOptions bad;
  bad.code = 0;
  EXPECT_NE(error_of([&] { make_mnist_autoencoder(ModelSpec::gray28(), bad); }).find("code = 0"), std::string::npos);
}

TEST(ModelZooErrors, WrongInputShapeNamesExpectedAndGiven) {
  const auto model = make_model("resnet20", ModelSpec::colour32(10));
  const auto msg = error_of([&] { model->forward(torch::zeros({2, 1, 28, 28})); });
  EXPECT_NE(msg.find("[N, 3, 32, 32]"), std::string::npos) << msg;
  EXPECT_NE(msg.find("[2, 1, 28, 28]"), std::string::npos) << msg;
  EXPECT_NE(error_of([&] { model->forward(torch::zeros({3, 32, 32})); }), "");
  EXPECT_NE(error_of([&] { model->forward(torch::Tensor()); }).find("undefined"), std::string::npos);
  // The right shape passes.
  EXPECT_EQ(error_of([&] { model->forward(torch::zeros({2, 3, 32, 32})); }), "");
}

}  // namespace
}  // namespace ov::nets::torchzoo
