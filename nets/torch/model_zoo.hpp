// The LibTorch model zoo by name (nets/torch): make_model("resnet20", ModelSpec::colour32(10)).
// This header does not include LibTorch: ZooModel (nets/torch/zoo_model.hpp, a torch::nn::Module with
// forward(x)) is only declared; include zoo_model.hpp to call forward or to convert the result to
// std::shared_ptr<torch::nn::Module>. docs/models.md lists the models, their input adaptations and
// parameter counts.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "nets/torch/model_spec.hpp"

namespace ov::nets::torchzoo {

class ZooModel;

struct ModelInfo {
  std::string name;
  std::string summary;  // one line: architecture and source
  bool reconstructs = false;  // true: forward returns a reconstruction (auto-encoder), false: logits
};

// Every model of the zoo, in a fixed order.
const std::vector<ModelInfo>& model_catalog();
std::vector<std::string> model_names();
bool is_model_name(const std::string& name);

// A freshly initialised model (its initial parameters are drawn from torch's default generator:
// torch::manual_seed(s) first makes them reproducible). Throws std::invalid_argument for an unknown
// name (listing the valid ones) or an invalid spec.
std::shared_ptr<ZooModel> make_model(const std::string& name, const ModelSpec& spec);

}  // namespace ov::nets::torchzoo
