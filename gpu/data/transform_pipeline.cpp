#include "gpu/data/transform_pipeline.hpp"

#include <cmath>
#include <sstream>
#include <stdexcept>
#include <utility>

#include "gpu/data/number_text.hpp"
#include "nets/data/sampling.hpp"

namespace ov::gpu::data {

namespace nd = ov::nets::data;
using ov::optim::SplitMix64;

namespace {

std::string list(const std::vector<double>& v) {
  std::string out = "(";
  for (std::size_t k = 0; k < v.size(); ++k) out += (k ? ", " : "") + number_text(v[k]);
  return out + ")";
}

std::string range(const std::optional<std::pair<double, double>>& r) {
  return r ? "(" + number_text(r->first) + ", " + number_text(r->second) + ")" : "none";
}

}  // namespace

std::uint64_t sample_seed(std::uint64_t seed, std::uint64_t epoch, std::uint64_t index) {
  return nd::derive_seed(nd::derive_seed(nd::derive_seed(seed, 2), epoch), index);
}

TransformPipeline& TransformPipeline::random_crop(int pad) {
  if (pad < 0 || pad > (1 << 20)) {
    throw std::invalid_argument("TransformPipeline::random_crop: pad = " + std::to_string(pad) +
                                " is invalid (valid: 0..2^20)");
  }
  steps_.push_back({"RandomCrop(pad " + std::to_string(pad) + ")",
                    [pad](const ImageF& im, SplitMix64& rng) { return nd::random_crop(im, pad, rng); }});
  return *this;
}

TransformPipeline& TransformPipeline::random_horizontal_flip(double p) {
  if (!(p >= 0 && p <= 1)) {
    throw std::invalid_argument("TransformPipeline::random_horizontal_flip: p = " + number_text(p) +
                                " is invalid (valid: 0 <= p <= 1)");
  }
  steps_.push_back({"RandomHorizontalFlip(p " + number_text(p) + ")",
                    [p](const ImageF& im, SplitMix64& rng) { return nd::random_horizontal_flip(im, rng, p); }});
  return *this;
}

TransformPipeline& TransformPipeline::random_affine(const nd::RandomAffineOptions& options) {
  options.validate();
  const std::string name = "RandomAffine(degrees (" + number_text(options.degrees_min) + ", " + number_text(options.degrees_max) +
                           "), translate " + range(options.translate) + ", scale " + range(options.scale) +
                           ", shear_x " + range(options.shear_x) + ", shear_y " + range(options.shear_y) + ")";
  steps_.push_back({name, [options](const ImageF& im, SplitMix64& rng) { return nd::random_affine(im, options, rng); }});
  return *this;
}

TransformPipeline& TransformPipeline::random_rotation(double degrees) {
  if (!std::isfinite(degrees) || degrees < 0) {
    throw std::invalid_argument("TransformPipeline::random_rotation: degrees = " + number_text(degrees) +
                                " is invalid (valid: finite and >= 0)");
  }
  steps_.push_back({"RandomRotation(" + number_text(degrees) + ")",
                    [degrees](const ImageF& im, SplitMix64& rng) { return nd::random_rotation(im, degrees, rng); }});
  return *this;
}

TransformPipeline& TransformPipeline::color_jitter(const nd::ColorJitterOptions& options) {
  options.validate();
  steps_.push_back({"ColorJitter(" + number_text(options.brightness) + ", " + number_text(options.contrast) + ", " +
                        number_text(options.saturation) + ", " + number_text(options.hue) + ")",
                    [options](const ImageF& im, SplitMix64& rng) { return nd::random_color_jitter(im, options, rng); }});
  return *this;
}

TransformPipeline& TransformPipeline::normalize(std::vector<double> mean, std::vector<double> sd) {
  if (mean.empty() || mean.size() != sd.size()) {
    throw std::invalid_argument("TransformPipeline::normalize: mean has " + std::to_string(mean.size()) +
                                " and sd " + std::to_string(sd.size()) +
                                " entries (valid: the same number >= 1, one per channel)");
  }
  for (std::size_t c = 0; c < mean.size(); ++c) {
    if (!std::isfinite(mean[c])) {
      throw std::invalid_argument("TransformPipeline::normalize: mean of channel " + std::to_string(c) + " = " +
                                  number_text(mean[c]) + " is invalid (valid: finite)");
    }
    if (!std::isfinite(sd[c]) || !(static_cast<float>(sd[c]) > 0)) {
      throw std::invalid_argument("TransformPipeline::normalize: sd of channel " + std::to_string(c) + " = " +
                                  number_text(sd[c]) + " is invalid (valid: finite and > 0, also in float)");
    }
  }
  const std::string name = "Normalize(mean " + list(mean) + ", sd " + list(sd) + ")";
  steps_.push_back({name, [mean = std::move(mean), sd = std::move(sd)](const ImageF& im, SplitMix64&) {
                      return nd::normalize(im, mean, sd);
                    }});
  return *this;
}

ImageF TransformPipeline::apply(const ImageF& image, SplitMix64& rng) const {
  ImageF out = image;
  for (const Step& step : steps_) {
    out = step.apply(out, rng);
    if (out.channels != image.channels || out.rows != image.rows || out.cols != image.cols) {
      throw std::logic_error("TransformPipeline: step " + step.name + " changed the image size");
    }
  }
  return out;
}

ImageF TransformPipeline::apply(const ImageU8& image, std::uint64_t seed, std::uint64_t epoch,
                                std::uint64_t index) const {
  SplitMix64 rng(sample_seed(seed, epoch, index));
  return apply(nd::to_unit_float(image), rng);
}

std::string TransformPipeline::describe() const {
  std::string out = "ToTensor";
  for (const Step& step : steps_) out += " -> " + step.name;
  return out;
}

std::vector<double> cifar10_mean() { return {0.4914, 0.4822, 0.4465}; }
std::vector<double> cifar10_sd() { return {0.2023, 0.1994, 0.2010}; }

TransformPipeline mbt_cifar_train_pipeline(std::vector<double> mean, std::vector<double> sd) {
  TransformPipeline p;
  nd::ColorJitterOptions jitter;
  jitter.brightness = 0.2;
  jitter.contrast = 0.2;
  jitter.saturation = 0.1;
  jitter.hue = 0.1;
  p.random_crop(4)
      .random_horizontal_flip(0.5)
      .random_affine(nd::RandomAffineOptions::rotation(10))
      .random_rotation(20)
      .color_jitter(jitter)
      .normalize(std::move(mean), std::move(sd));
  return p;
}

TransformPipeline plain_test_pipeline(std::vector<double> mean, std::vector<double> sd) {
  TransformPipeline p;
  p.normalize(std::move(mean), std::move(sd));
  return p;
}

}  // namespace ov::gpu::data
