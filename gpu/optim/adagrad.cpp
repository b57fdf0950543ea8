#include "gpu/optim/adagrad.hpp"

#include <torch/serialize/archive.h>

#include "optim/rules/adagrad.hpp"

namespace ov::gpu {

AdagradOptions::AdagradOptions(double lr) : lr_(lr) {}

void AdagradOptions::serialize(torch::serialize::OutputArchive& archive) const {
  _TORCH_OPTIM_SERIALIZE_TORCH_ARG(lr);
  _TORCH_OPTIM_SERIALIZE_TORCH_ARG(eps);
  _TORCH_OPTIM_SERIALIZE_TORCH_ARG(epsilon_placement);
}
void AdagradOptions::serialize(torch::serialize::InputArchive& archive) {
  _TORCH_OPTIM_DESERIALIZE_TORCH_ARG(double, lr);
  _TORCH_OPTIM_DESERIALIZE_TORCH_ARG(double, eps);
  _TORCH_OPTIM_DESERIALIZE_TORCH_ARG(std::string, epsilon_placement);
}
bool operator==(const AdagradOptions& a, const AdagradOptions& b) {
  return a.lr() == b.lr() && a.eps() == b.eps() && a.epsilon_placement() == b.epsilon_placement();
}

namespace {
template <class S>
optim::AdagradOptions<S> core(const AdagradOptions& o) {
  optim::AdagradOptions<S> c;
  c.lr = o.lr();
  c.eps = o.eps();
  c.epsilon_placement = optim::epsilon_placement_from_string(o.epsilon_placement());
  return c;
}
}  // namespace

void Adagrad::validate(const AdagradOptions& o) {
  optim::Adagrad<double> check(core<double>(o));  // throws naming the parameter and its range
  (void)check;
}

std::optional<bool> Adagrad::update(const AdagradOptions& o, std::int64_t, Work& w) {
  // Constants in the tensor's precision (float32 steps compute in float, as torch's).
  return apply<1>(optim::AdagradKernel{}, typed_constants([&](auto s) {
                    using S = decltype(s);
                    return optim::Adagrad<S>::constants(core<S>(o));
                  }),
                  w);
}

}  // namespace ov::gpu
