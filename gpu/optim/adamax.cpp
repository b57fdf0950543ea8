#include "gpu/optim/adamax.hpp"

#include <torch/serialize/archive.h>

#include "optim/rules/adamax.hpp"

namespace ov::gpu {

AdamaxOptions::AdamaxOptions(double lr) : lr_(lr) {}

void AdamaxOptions::serialize(torch::serialize::OutputArchive& archive) const {
  _TORCH_OPTIM_SERIALIZE_TORCH_ARG(lr);
  _TORCH_OPTIM_SERIALIZE_TORCH_ARG(beta1);
  _TORCH_OPTIM_SERIALIZE_TORCH_ARG(beta2);
  _TORCH_OPTIM_SERIALIZE_TORCH_ARG(eps);
}
void AdamaxOptions::serialize(torch::serialize::InputArchive& archive) {
  _TORCH_OPTIM_DESERIALIZE_TORCH_ARG(double, lr);
  _TORCH_OPTIM_DESERIALIZE_TORCH_ARG(double, beta1);
  _TORCH_OPTIM_DESERIALIZE_TORCH_ARG(double, beta2);
  _TORCH_OPTIM_DESERIALIZE_TORCH_ARG(double, eps);
}
bool operator==(const AdamaxOptions& a, const AdamaxOptions& b) {
  return a.lr() == b.lr() && a.beta1() == b.beta1() && a.beta2() == b.beta2() && a.eps() == b.eps();
}

namespace {
template <class S>
optim::AdamaxOptions<S> core(const AdamaxOptions& o) {
  optim::AdamaxOptions<S> c;
  c.lr = o.lr();
  c.beta1 = o.beta1();
  c.beta2 = o.beta2();
  c.eps = o.eps();
  return c;
}
}  // namespace

void Adamax::validate(const AdamaxOptions& o) {
  optim::Adamax<double> check(core<double>(o));  // throws naming the parameter and its range
  (void)check;
}

std::optional<bool> Adamax::update(const AdamaxOptions& o, std::int64_t t, Work& w) {
  // Constants in the tensor's precision (float32 steps compute in float, as torch's).
  return apply<2>(optim::AdamaxKernel{}, typed_constants([&](auto s) {
                    using S = decltype(s);
                    return optim::Adamax<S>::constants(core<S>(o), static_cast<long>(t));
                  }),
                  w);
}

}  // namespace ov::gpu
