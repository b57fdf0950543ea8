#include "gpu/optim/rmsprop.hpp"

#include <torch/serialize/archive.h>

#include "optim/rules/rmsprop.hpp"

namespace ov::gpu {

RmspropOptions::RmspropOptions(double lr) : lr_(lr) {}

void RmspropOptions::serialize(torch::serialize::OutputArchive& archive) const {
  _TORCH_OPTIM_SERIALIZE_TORCH_ARG(lr);
  _TORCH_OPTIM_SERIALIZE_TORCH_ARG(gamma);
  _TORCH_OPTIM_SERIALIZE_TORCH_ARG(eps);
  _TORCH_OPTIM_SERIALIZE_TORCH_ARG(epsilon_placement);
}
void RmspropOptions::serialize(torch::serialize::InputArchive& archive) {
  _TORCH_OPTIM_DESERIALIZE_TORCH_ARG(double, lr);
  _TORCH_OPTIM_DESERIALIZE_TORCH_ARG(double, gamma);
  _TORCH_OPTIM_DESERIALIZE_TORCH_ARG(double, eps);
  _TORCH_OPTIM_DESERIALIZE_TORCH_ARG(std::string, epsilon_placement);
}
bool operator==(const RmspropOptions& a, const RmspropOptions& b) {
  return a.lr() == b.lr() && a.gamma() == b.gamma() && a.eps() == b.eps() && a.epsilon_placement() == b.epsilon_placement();
}

namespace {
template <class S>
optim::RmspropOptions<S> core(const RmspropOptions& o) {
  optim::RmspropOptions<S> c;
  c.lr = o.lr();
  c.gamma = o.gamma();
  c.eps = o.eps();
  c.epsilon_placement = optim::epsilon_placement_from_string(o.epsilon_placement());
  return c;
}
}  // namespace

void Rmsprop::validate(const RmspropOptions& o) {
  optim::Rmsprop<double> check(core<double>(o));  // throws naming the parameter and its range
  (void)check;
}

std::optional<bool> Rmsprop::update(const RmspropOptions& o, std::int64_t, Work& w) {
  // Constants in the tensor's precision (float32 steps compute in float, as torch's).
  return apply<1>(optim::RmspropKernel{}, typed_constants([&](auto s) {
                    using S = decltype(s);
                    return optim::Rmsprop<S>::constants(core<S>(o));
                  }),
                  w);
}

}  // namespace ov::gpu
