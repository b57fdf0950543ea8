#include "gpu/optim/adam.hpp"

#include <torch/serialize/archive.h>

#include <type_traits>

#include "optim/rules/adam.hpp"

namespace ov::gpu {

AdamOptions::AdamOptions(double lr) : lr_(lr) {}

AdamOptions adamw_options(double lr, double weight_decay) {
  return AdamOptions(lr).weight_decay(weight_decay).weight_decay_mode("decoupled");
}

void AdamOptions::serialize(torch::serialize::OutputArchive& archive) const {
  _TORCH_OPTIM_SERIALIZE_TORCH_ARG(lr);
  _TORCH_OPTIM_SERIALIZE_TORCH_ARG(beta1);
  _TORCH_OPTIM_SERIALIZE_TORCH_ARG(beta2);
  _TORCH_OPTIM_SERIALIZE_TORCH_ARG(eps);
  _TORCH_OPTIM_SERIALIZE_TORCH_ARG(weight_decay);
  _TORCH_OPTIM_SERIALIZE_TORCH_ARG(weight_decay_mode);
  _TORCH_OPTIM_SERIALIZE_TORCH_ARG(epsilon_placement);
  _TORCH_OPTIM_SERIALIZE_TORCH_ARG(bias_correction);
}
void AdamOptions::serialize(torch::serialize::InputArchive& archive) {
  _TORCH_OPTIM_DESERIALIZE_TORCH_ARG(double, lr);
  _TORCH_OPTIM_DESERIALIZE_TORCH_ARG(double, beta1);
  _TORCH_OPTIM_DESERIALIZE_TORCH_ARG(double, beta2);
  _TORCH_OPTIM_DESERIALIZE_TORCH_ARG(double, eps);
  _TORCH_OPTIM_DESERIALIZE_TORCH_ARG(double, weight_decay);
  _TORCH_OPTIM_DESERIALIZE_TORCH_ARG(std::string, weight_decay_mode);
  _TORCH_OPTIM_DESERIALIZE_TORCH_ARG(std::string, epsilon_placement);
  _TORCH_OPTIM_DESERIALIZE_TORCH_ARG(std::string, bias_correction);
}
bool operator==(const AdamOptions& a, const AdamOptions& b) {
  return a.lr() == b.lr() && a.beta1() == b.beta1() && a.beta2() == b.beta2() && a.eps() == b.eps() &&
         a.weight_decay() == b.weight_decay() && a.weight_decay_mode() == b.weight_decay_mode() &&
         a.epsilon_placement() == b.epsilon_placement() && a.bias_correction() == b.bias_correction();
}

namespace {
template <class S>
optim::AdamOptions<S> core(const AdamOptions& o) {
  optim::AdamOptions<S> c;
  c.lr = o.lr();
  c.beta1 = o.beta1();
  c.beta2 = o.beta2();
  c.eps = o.eps();
  c.weight_decay = o.weight_decay();
  c.weight_decay_mode = optim::weight_decay_mode_from_string(o.weight_decay_mode());
  c.epsilon_placement = optim::epsilon_placement_from_string(o.epsilon_placement());
  c.bias_correction = optim::adam_bias_correction_from_string(o.bias_correction());
  return c;
}
}  // namespace

void Adam::validate(const AdamOptions& o) {
  optim::Adam<double> check(core<double>(o));  // throws naming the parameter and its range
  (void)check;
}

std::optional<bool> Adam::update(const AdamOptions& o, std::int64_t t, Work& w) {
  const optim::AdamOptions<double> c = core<double>(o);
  // The core's exponent: t (updates so far, this one included) or t - 1 as printed in 004.
  const long exponent = c.bias_correction == optim::AdamBiasCorrection::update_count ? t : t - 1;
  const auto k = optim::Adam<double>::constants(c, exponent);
  const auto kf = optim::Adam<float>::constants(core<float>(o), exponent);
  if (!k || !kf) return std::nullopt;
  // Constants in the tensor's precision (float32 steps compute in float, as torch's).
  return apply<2>(optim::AdamKernel{}, typed_constants([&](auto s) {
                    if constexpr (std::is_same_v<decltype(s), float>) {
                      return *kf;
                    } else {
                      return *k;
                    }
                  }),
                  w);
}

}  // namespace ov::gpu
