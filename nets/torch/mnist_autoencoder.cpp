#include "nets/torch/mnist_autoencoder.hpp"

#include <stdexcept>
#include <string>

#include "nets/torch/layer_helpers.hpp"
#include "nets/torch/zoo_model.hpp"

namespace ov::nets::torchzoo {
namespace {

class DenseAutoEncoder final : public ZooModel {
 public:
  DenseAutoEncoder(const ModelSpec& spec, const AutoEncoderOptions& o)
      : ZooModel("mnist_autoencoder", spec, ModelOutput::reconstruction), options_(o) {
    const std::int64_t input = spec.channels * spec.image_size * spec.image_size;
    std::vector<std::int64_t> widths{input};
    widths.insert(widths.end(), o.hidden.begin(), o.hidden.end());
    widths.push_back(o.code);
    widths.insert(widths.end(), o.hidden.rbegin(), o.hidden.rend());
    widths.push_back(input);
    code_layer_ = o.hidden.size();  // index of the layer producing the code
    for (std::size_t l = 0; l + 1 < widths.size(); ++l) {
      layers_.push_back(register_module((l <= code_layer_ ? "encoder" : "decoder") + std::to_string(l + 1),
                                        torch::nn::Linear(widths[l], widths[l + 1])));
    }
  }

 protected:
  torch::Tensor run(torch::Tensor x) override {
    const auto shape = x.sizes().vec();
    auto h = x.flatten(1);
    for (std::size_t l = 0; l < layers_.size(); ++l) {
      h = layers_[l](h);
      if (l + 1 == layers_.size()) {
        if (options_.logistic_output) h = torch::sigmoid(h);
      } else if (l != code_layer_) {
        h = detail::activate(options_.activation, h);
      }
    }
    return h.reshape(shape);
  }

 private:
  AutoEncoderOptions options_;
  std::size_t code_layer_ = 0;
  std::vector<torch::nn::Linear> layers_;
};

}  // namespace

std::shared_ptr<ZooModel> make_mnist_autoencoder(const ModelSpec& spec, const AutoEncoderOptions& options) {
  validate(spec);
  if (options.code < 1) {
    throw std::invalid_argument("AutoEncoderOptions.code = " + std::to_string(options.code) + ": must be >= 1");
  }
  for (std::size_t i = 0; i < options.hidden.size(); ++i) {
    if (options.hidden[i] < 1) {
      throw std::invalid_argument("AutoEncoderOptions.hidden[" + std::to_string(i) +
                                  "] = " + std::to_string(options.hidden[i]) + ": must be >= 1");
    }
  }
  return std::make_shared<DenseAutoEncoder>(spec, options);
}

}  // namespace ov::nets::torchzoo
