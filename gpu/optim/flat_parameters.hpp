// Parameters living in one flat buffer, so that an elementwise rule updates a whole model in
// ONE pass over memory (run_elementwise's fused path, spread over threads) instead of one
// small pass per tensor:
//
//   ov::gpu::FlatParameters flat(model->parameters());
//   ov::gpu::Adam opt({flat.parameter()}, ov::gpu::AdamOptions(1e-3));
//   for (...) { flat.zero_grad(); loss(model).backward(); opt.step(); }
//
// The constructor copies the parameters' values into one contiguous buffer and rebinds each
// parameter to a view of its slice (Tensor::set_data: the model's tensors stay the same
// leaves); their gradients are views of one flat gradient buffer, into which autograd
// accumulates in place. parameter() is a leaf over the value buffer whose grad() is the
// gradient buffer: what the optimizer sees.
//
// The aliasing holds as long as gradients are zeroed IN PLACE: use zero_grad() here, not an
// optimizer's or module's zero_grad(set_to_none = true) (the default of LibTorch 2.x), which
// drops the views; check() (called by zero_grad()) then throws, naming the parameter.
#pragma once

#include <ATen/ATen.h>

#include <cstdint>
#include <vector>

namespace ov::gpu {

class FlatParameters {
 public:
  // All parameters: one dtype, one device, requiring gradients (std::invalid_argument otherwise).
  explicit FlatParameters(std::vector<at::Tensor> params);

  const at::Tensor& parameter() const { return leaf_; }   // give this to the optimizer
  const at::Tensor& values() const { return values_; }
  const at::Tensor& gradients() const { return grads_; }
  std::int64_t numel() const { return values_.numel(); }

  // Zeroes the flat gradient in place (after check()).
  void zero_grad();
  // Throws std::logic_error naming the first parameter whose data or gradient no longer
  // aliases the flat buffers.
  void check() const;

 private:
  std::vector<at::Tensor> params_;
  std::vector<std::int64_t> offsets_;
  at::Tensor values_, grads_, leaf_;
};

}  // namespace ov::gpu
