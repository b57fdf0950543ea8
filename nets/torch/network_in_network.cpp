#include "nets/torch/network_in_network.hpp"

#include <stdexcept>
#include <string>
#include <vector>

#include "nets/torch/layer_helpers.hpp"
#include "nets/torch/zoo_model.hpp"

namespace ov::nets::torchzoo {
namespace {

struct ConvShape {
  std::int64_t out, kernel, padding;
};

class NetworkInNetwork final : public ZooModel {
 public:
  NetworkInNetwork(const ModelSpec& spec, const NetworkInNetworkOptions& o)
      : ZooModel("nin", spec, ModelOutput::logits), options_(o) {
    const std::vector<ConvShape> shapes = {{192, 5, 2}, {160, 1, 0}, {96, 1, 0},  {192, 5, 2}, {192, 1, 0},
                                           {192, 1, 0}, {192, 3, 1}, {192, 1, 0}, {spec.num_classes, 1, 0}};
    std::int64_t in = spec.channels;
    for (std::size_t i = 0; i < shapes.size(); ++i) {
      const bool last = i + 1 == shapes.size();
      const bool bn = o.batch_norm && !last;
      const auto& s = shapes[i];
      convs_.push_back(register_module("conv" + std::to_string(i + 1),
                                       detail::conv2d(in, s.out, s.kernel, 1, s.padding, /*bias=*/!bn)));
      bns_.push_back(bn ? register_module("bn" + std::to_string(i + 1), detail::batch_norm(s.out))
                        : torch::nn::BatchNorm2d(nullptr));
      in = s.out;
    }
  }

 protected:
  torch::Tensor run(torch::Tensor x) override {
    for (std::size_t i = 0; i < convs_.size(); ++i) {
      x = convs_[i](x);
      if (i + 1 == convs_.size()) break;  // the class maps stay linear
      if (bns_[i]) x = bns_[i](x);
      x = detail::activate(options_.activation, x);
      if (i == 2 || i == 5) {
        x = i == 2 ? torch::max_pool2d(x, {3, 3}, {2, 2}, {1, 1}) : torch::avg_pool2d(x, {3, 3}, {2, 2}, {1, 1});
        x = torch::dropout(x, options_.dropout, is_training());
      }
    }
    return detail::global_average_pool(x);
  }

 private:
  NetworkInNetworkOptions options_;
  std::vector<torch::nn::Conv2d> convs_;
  std::vector<torch::nn::BatchNorm2d> bns_;
};

}  // namespace

std::shared_ptr<ZooModel> make_network_in_network(const ModelSpec& spec, const NetworkInNetworkOptions& options) {
  validate(spec);
  if (!(options.dropout >= 0.0 && options.dropout < 1.0)) {
    throw std::invalid_argument("NetworkInNetworkOptions.dropout = " + std::to_string(options.dropout) +
                                ": must be in [0, 1)");
  }
  return std::make_shared<NetworkInNetwork>(spec, options);
}

}  // namespace ov::nets::torchzoo
