#include "gpu/optim/heavy_ball.hpp"

#include <torch/serialize/archive.h>

#include "optim/rules/heavy_ball.hpp"

namespace ov::gpu {

HeavyBallOptions::HeavyBallOptions(double lr) : lr_(lr) {}

void HeavyBallOptions::serialize(torch::serialize::OutputArchive& archive) const {
  _TORCH_OPTIM_SERIALIZE_TORCH_ARG(lr);
  _TORCH_OPTIM_SERIALIZE_TORCH_ARG(momentum);
}
void HeavyBallOptions::serialize(torch::serialize::InputArchive& archive) {
  _TORCH_OPTIM_DESERIALIZE_TORCH_ARG(double, lr);
  _TORCH_OPTIM_DESERIALIZE_TORCH_ARG(double, momentum);
}
bool operator==(const HeavyBallOptions& a, const HeavyBallOptions& b) {
  return a.lr() == b.lr() && a.momentum() == b.momentum();
}

namespace {
template <class S>
optim::HeavyBallOptions<S> core(const HeavyBallOptions& o) {
  optim::HeavyBallOptions<S> c;
  c.lr = o.lr();
  c.momentum = o.momentum();
  return c;
}
}  // namespace

void HeavyBall::validate(const HeavyBallOptions& o) {
  optim::HeavyBall<double> check(core<double>(o));  // throws naming the parameter and its range
  (void)check;
}

std::optional<bool> HeavyBall::update(const HeavyBallOptions& o, std::int64_t, Work& w) {
  // Constants in the tensor's precision (float32 steps compute in float, as torch's).
  return apply<1>(optim::HeavyBallKernel{}, typed_constants([&](auto s) {
                    using S = decltype(s);
                    return optim::HeavyBall<S>::constants(core<S>(o));
                  }),
                  w);
}

}  // namespace ov::gpu
