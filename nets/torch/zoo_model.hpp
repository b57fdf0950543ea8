// The interface every zoo model implements (nets/torch): a torch::nn::Module with one image batch in
// and one tensor out, so that a generic trainer can hold any of them as std::shared_ptr<ZooModel>.
//
//   forward(x): x of shape [N, C, S, S] (C, S from the model's ModelSpec) ->
//     classifiers: logits [N, num_classes] (no softmax; pair with cross-entropy);
//     the auto-encoder: the reconstruction, of x's shape.
// forward checks the shape first and throws std::invalid_argument naming the expected and the
// given shape; the model-specific computation is run() (non-virtual-interface idiom).
#pragma once

#include <torch/nn/module.h>

#include <cstdint>
#include <string>

#include "nets/torch/model_spec.hpp"

namespace ov::nets::torchzoo {

enum class ModelOutput { logits, reconstruction };

class ZooModel : public torch::nn::Module {
 public:
  ZooModel(std::string zoo_name, const ModelSpec& spec, ModelOutput output);
  ~ZooModel() override;

  torch::Tensor forward(torch::Tensor input);

  const std::string& zoo_name() const { return zoo_name_; }
  const ModelSpec& spec() const { return spec_; }
  ModelOutput output() const { return output_; }

 protected:
  virtual torch::Tensor run(torch::Tensor input) = 0;

 private:
  std::string zoo_name_;
  ModelSpec spec_;
  ModelOutput output_;
};

// The number of trainable scalars (sum of numel over parameters(); batch-norm running statistics
// are buffers, not parameters: the convention of PyTorch's parameter counts).
std::int64_t parameter_count(const torch::nn::Module& module);

}  // namespace ov::nets::torchzoo
