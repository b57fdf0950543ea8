// The per-parameter state of an elementwise rule in the LibTorch layer: the number of
// updates applied so far and the rule's buffers by name (Adam: exp_avg, exp_avg_sq; ...),
// serialised by name so that torch::save / torch::load checkpoint an optimizer.
#pragma once

#include <torch/optim/optimizer.h>

#include <cstdint>
#include <string>
#include <vector>

namespace ov::gpu {

struct ElementwiseParamState : public torch::optim::OptimizerCloneableParamState<ElementwiseParamState> {
  TORCH_ARG(std::int64_t, step) = 0;
  TORCH_ARG(std::vector<std::string>, names);
  TORCH_ARG(std::vector<at::Tensor>, buffers);

 public:
  void serialize(torch::serialize::InputArchive& archive) override;
  void serialize(torch::serialize::OutputArchive& archive) const override;
  // The buffer called `name` (std::out_of_range naming the known ones if absent).
  const at::Tensor& buffer(const std::string& name) const;
};

}  // namespace ov::gpu
