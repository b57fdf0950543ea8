#include "gpu/optim/sgd.hpp"

#include <torch/serialize/archive.h>

#include "optim/rules/momentum.hpp"
#include "optim/rules/nesterov.hpp"
#include "optim/rules/sgd.hpp"

namespace ov::gpu {

SGDOptions::SGDOptions(double lr) : lr_(lr) {}

void SGDOptions::serialize(torch::serialize::OutputArchive& archive) const {
  _TORCH_OPTIM_SERIALIZE_TORCH_ARG(lr);
  _TORCH_OPTIM_SERIALIZE_TORCH_ARG(momentum);
  _TORCH_OPTIM_SERIALIZE_TORCH_ARG(nesterov);
  _TORCH_OPTIM_SERIALIZE_TORCH_ARG(weight_decay);
  _TORCH_OPTIM_SERIALIZE_TORCH_ARG(weight_decay_mode);
  _TORCH_OPTIM_SERIALIZE_TORCH_ARG(form);
}
void SGDOptions::serialize(torch::serialize::InputArchive& archive) {
  _TORCH_OPTIM_DESERIALIZE_TORCH_ARG(double, lr);
  _TORCH_OPTIM_DESERIALIZE_TORCH_ARG(double, momentum);
  _TORCH_OPTIM_DESERIALIZE_TORCH_ARG(bool, nesterov);
  _TORCH_OPTIM_DESERIALIZE_TORCH_ARG(double, weight_decay);
  _TORCH_OPTIM_DESERIALIZE_TORCH_ARG(std::string, weight_decay_mode);
  _TORCH_OPTIM_DESERIALIZE_TORCH_ARG(std::string, form);
}
bool operator==(const SGDOptions& a, const SGDOptions& b) {
  return a.lr() == b.lr() && a.momentum() == b.momentum() && a.nesterov() == b.nesterov() &&
         a.weight_decay() == b.weight_decay() && a.weight_decay_mode() == b.weight_decay_mode() &&
         a.form() == b.form();
}

namespace {
template <class S>
optim::SgdOptions<S> core_sgd(const SGDOptions& o) {
  optim::SgdOptions<S> c;
  c.lr = o.lr();
  c.weight_decay = o.weight_decay();
  c.weight_decay_mode = optim::weight_decay_mode_from_string(o.weight_decay_mode());
  return c;
}
template <class S>
optim::MomentumConstants<S> core_momentum(const SGDOptions& o) {
  optim::MomentumConstants<S> c{S(o.lr()), S(o.momentum()), optim::momentum_form_from_string(o.form())};
  c.l2 = S(o.weight_decay());
  return c;
}
}  // namespace

void SGD::validate(const SGDOptions& o) {
  if (o.momentum() == 0) {
    optim::Sgd<double> check(core_sgd<double>(o));  // throws naming the parameter and its range
    (void)check;
    if (o.nesterov())
      throw std::invalid_argument("sgd: nesterov = true needs momentum in (0, 1) (momentum = 0 was given)");
    return;
  }
  const auto c = core_momentum<double>(o);
  if (o.nesterov()) {
    optim::Nesterov<double> check(c.lr, c.momentum, c.form);
    (void)check;
    if (c.form != optim::MomentumForm::pytorch)
      throw std::invalid_argument("sgd: form = '" + o.form() +
                                  "' with nesterov = true evaluates the gradient at a look-ahead point, which one "
                                  "backward pass at x cannot provide; use form = pytorch (the same iterates, "
                                  "shifted: optim/rules/momentum_form.hpp) or the closure optimizer");
  } else {
    optim::Momentum<double> check(c.lr, c.momentum, c.form);
    (void)check;
  }
  if (!(o.weight_decay() >= 0))
    throw std::invalid_argument("sgd: weight_decay = " + std::to_string(o.weight_decay()) +
                                " is outside its valid range [0, inf)");
  if (optim::weight_decay_mode_from_string(o.weight_decay_mode()) != optim::WeightDecayMode::coupled_l2)
    throw std::invalid_argument("sgd: weight_decay_mode = decoupled needs momentum = 0 (optim::Momentum and "
                                "optim::Nesterov have coupled weight decay only)");
}

std::vector<std::string> SGD::state_names(const SGDOptions& o) {
  if (o.momentum() == 0) return {};
  return {"momentum_buffer"};
}

std::optional<bool> SGD::update(const SGDOptions& o, std::int64_t, Work& w) {
  // Constants in the tensor's precision (float32 steps compute in float, as torch's).
  if (o.momentum() == 0) {
    return apply<0>(optim::SgdKernel{}, typed_constants([&](auto s) {
                      using S = decltype(s);
                      return optim::Sgd<S>::constants(core_sgd<S>(o));
                    }),
                    w);
  }
  const auto momentum = typed_constants([&](auto s) { return core_momentum<decltype(s)>(o); });
  if (o.nesterov()) return apply<1>(optim::NesterovKernel{}, momentum, w);
  return apply<1>(optim::MomentumKernel{}, momentum, w);
}

}  // namespace ov::gpu
