#include "gpu/optim/adadelta.hpp"

#include <torch/serialize/archive.h>

#include "optim/rules/adadelta.hpp"

namespace ov::gpu {

AdadeltaOptions::AdadeltaOptions(double lr) : lr_(lr) {}

void AdadeltaOptions::serialize(torch::serialize::OutputArchive& archive) const {
  _TORCH_OPTIM_SERIALIZE_TORCH_ARG(lr);
  _TORCH_OPTIM_SERIALIZE_TORCH_ARG(rho);
  _TORCH_OPTIM_SERIALIZE_TORCH_ARG(eps);
}
void AdadeltaOptions::serialize(torch::serialize::InputArchive& archive) {
  _TORCH_OPTIM_DESERIALIZE_TORCH_ARG(double, lr);
  _TORCH_OPTIM_DESERIALIZE_TORCH_ARG(double, rho);
  _TORCH_OPTIM_DESERIALIZE_TORCH_ARG(double, eps);
}
bool operator==(const AdadeltaOptions& a, const AdadeltaOptions& b) {
  return a.lr() == b.lr() && a.rho() == b.rho() && a.eps() == b.eps();
}

namespace {
template <class S>
optim::AdadeltaOptions<S> core(const AdadeltaOptions& o) {
  optim::AdadeltaOptions<S> c;
  c.lr = o.lr();
  c.rho = o.rho();
  c.eps = o.eps();
  return c;
}
}  // namespace

void Adadelta::validate(const AdadeltaOptions& o) {
  optim::Adadelta<double> check(core<double>(o));  // throws naming the parameter and its range
  (void)check;
}

std::optional<bool> Adadelta::update(const AdadeltaOptions& o, std::int64_t, Work& w) {
  // Constants in the tensor's precision (float32 steps compute in float, as torch's).
  return apply<2>(optim::AdadeltaKernel{}, typed_constants([&](auto s) {
                    using S = decltype(s);
                    return optim::Adadelta<S>::constants(core<S>(o));
                  }),
                  w);
}

}  // namespace ov::gpu
