#include "nets/torch/zoo_model.hpp"

#include <sstream>
#include <stdexcept>
#include <utility>

namespace ov::nets::torchzoo {

ZooModel::ZooModel(std::string zoo_name, const ModelSpec& spec, ModelOutput output)
    : torch::nn::Module(zoo_name), zoo_name_(std::move(zoo_name)), spec_(spec), output_(output) {
  validate(spec_);
}

ZooModel::~ZooModel() = default;

torch::Tensor ZooModel::forward(torch::Tensor input) {
  const auto s = spec_.image_size;
  if (!input.defined() || input.dim() != 4 || input.size(0) < 1 || input.size(1) != spec_.channels ||
      input.size(2) != s || input.size(3) != s) {
    std::ostringstream msg;
    msg << "model '" << zoo_name_ << "': input must have shape [N, " << spec_.channels << ", " << s << ", " << s
        << "] with N >= 1, got ";
    if (input.defined()) {
      msg << input.sizes();
    } else {
      msg << "an undefined tensor";
    }
    throw std::invalid_argument(msg.str());
  }
  return run(std::move(input));
}

std::int64_t parameter_count(const torch::nn::Module& module) {
  std::int64_t n = 0;
  for (const auto& p : module.parameters(/*recurse=*/true)) n += p.numel();
  return n;
}

}  // namespace ov::nets::torchzoo
