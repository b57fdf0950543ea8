#include "gpu/optim/inna.hpp"

#include <torch/serialize/archive.h>

#include <array>
#include <cmath>
#include <stdexcept>

#include "optim/rules/inna.hpp"

namespace ov::gpu {

InnaOptions::InnaOptions(double lr) : lr_(lr) {}

InnaOptions inna_public_code_options(double lr, double weight_decay, double decay_power) {
  return InnaOptions(lr)
      .psi0("public_code")
      .weight_decay(weight_decay)
      .weight_decay_mode("outside_beta")
      .decay_power(decay_power);
}

void InnaOptions::serialize(torch::serialize::OutputArchive& archive) const {
  _TORCH_OPTIM_SERIALIZE_TORCH_ARG(lr);
  _TORCH_OPTIM_SERIALIZE_TORCH_ARG(alpha);
  _TORCH_OPTIM_SERIALIZE_TORCH_ARG(beta);
  _TORCH_OPTIM_SERIALIZE_TORCH_ARG(decay_power);
  _TORCH_OPTIM_SERIALIZE_TORCH_ARG(psi0);
  _TORCH_OPTIM_SERIALIZE_TORCH_ARG(weight_decay);
  _TORCH_OPTIM_SERIALIZE_TORCH_ARG(weight_decay_mode);
}
void InnaOptions::serialize(torch::serialize::InputArchive& archive) {
  _TORCH_OPTIM_DESERIALIZE_TORCH_ARG(double, lr);
  _TORCH_OPTIM_DESERIALIZE_TORCH_ARG(double, alpha);
  _TORCH_OPTIM_DESERIALIZE_TORCH_ARG(double, beta);
  _TORCH_OPTIM_DESERIALIZE_TORCH_ARG(double, decay_power);
  _TORCH_OPTIM_DESERIALIZE_TORCH_ARG(std::string, psi0);
  _TORCH_OPTIM_DESERIALIZE_TORCH_ARG(double, weight_decay);
  _TORCH_OPTIM_DESERIALIZE_TORCH_ARG(std::string, weight_decay_mode);
}
bool operator==(const InnaOptions& a, const InnaOptions& b) {
  return a.lr() == b.lr() && a.alpha() == b.alpha() && a.beta() == b.beta() && a.decay_power() == b.decay_power() &&
         a.psi0() == b.psi0() && a.weight_decay() == b.weight_decay() && a.weight_decay_mode() == b.weight_decay_mode();
}

namespace {

optim::InnaOptions<double> core(const InnaOptions& o) {
  optim::InnaOptions<double> c;
  c.lr = o.lr();
  c.alpha = o.alpha();
  c.beta = o.beta();
  c.decay_power = o.decay_power();
  c.psi0 = optim::psi0_from_string(o.psi0());
  return c;
}

bool outside_beta(const InnaOptions& o) {
  if (o.weight_decay_mode() == "outside_beta") return true;
  if (o.weight_decay_mode() == "coupled_l2") return false;
  throw std::invalid_argument("inna: weight_decay_mode = '" + o.weight_decay_mode() +
                              "' is not one of outside_beta (the public code: beta g + wd theta), coupled_l2 "
                              "(beta (g + wd theta))");
}

// The coefficient l2 of theta in the kernel's gradient v = g + l2 theta (0 without decay).
double decay_coefficient(const InnaOptions& o) {
  if (o.weight_decay() == 0) return 0;
  return outside_beta(o) ? o.weight_decay() / o.beta() : o.weight_decay();
}

// The framework calls kernels as (x, g, state...) -> (x1, state1...); InnaKernel takes
// (theta, psi, v) -> (theta1, psi1). This adapter only reorders the arguments.
struct InnaStepKernel {
  template <class T, class C>
  void operator()(const C& c, const T& x, const T& g, const T& psi, T& x1, T& psi1) const {
    optim::InnaKernel{}(c, x, psi, g, x1, psi1);
  }
};

// With weight decay: the same kernel on v = g + l2 theta.
template <class S>
struct DecayedConstants : optim::InnaConstants<S> {
  S l2;
};
template <class S>
struct DecayedPsi0Constants : optim::InnaThesisPsi0Constants<S> {
  S l2;
};
struct InnaDecayedStepKernel {
  template <class T, class C>
  void operator()(const C& c, const T& x, const T& g, const T& psi, T& x1, T& psi1) const {
    optim::InnaKernel{}(c, x, psi, T(g + c.l2 * x), x1, psi1);
  }
};
struct InnaDecayedThesisPsi0Kernel {
  template <class T, class C>
  void operator()(const C& c, const T& x, const T& g, T& psi) const {
    optim::InnaThesisPsi0Kernel{}(c, x, T(g + c.l2 * x), psi);
  }
};

}  // namespace

void Inna::validate(const InnaOptions& o) {
  try {
    (void)optim::psi0_from_string(o.psi0());
  } catch (const std::invalid_argument& e) {
    throw std::invalid_argument(std::string("inna: ") + e.what());
  }
  optim::Inna<double> check(core(o));  // throws naming alpha, beta, lr, decay_power and their ranges
  (void)check;
  optim::require_nonnegative("inna", "weight_decay", o.weight_decay());
  (void)outside_beta(o);
}

std::optional<bool> Inna::update(const InnaOptions& o, std::int64_t t, Work& w) {
  const optim::InnaOptions<double> c = core(o);
  const std::optional<double> gamma = optim::Inna<double>::step_size(c, static_cast<long>(t - 1));
  if (!gamma) return std::nullopt;
  // As the core: a step size that is not finite and positive (e.g. lr/(k+1)^p underflowing
  // to 0) is refused with nothing changed.
  if (!std::isfinite(*gamma) || !(*gamma > 0)) return false;
  const double l2 = decay_coefficient(o);
  if (t == 1) {
    // psi_0, into a new tensor: the state's buffer is untouched until the group commits.
    at::Tensor psi0;
    if (c.psi0 == optim::Psi0::public_code) {
      psi0 = w.x * optim::Inna<double>::public_psi0_factor(c);
    } else {
      std::array<at::Tensor, 1> out;
      const auto c0 = optim::Inna<double>::thesis_psi0_constants(c);
      if (l2 == 0) {
        run_elementwise(optim::InnaThesisPsi0Kernel{}, c0, std::array<at::Tensor, 2>{w.x, w.g}, out);
      } else {
        const DecayedPsi0Constants<double> cd{c0, l2};
        run_elementwise(InnaDecayedThesisPsi0Kernel{}, cd, std::array<at::Tensor, 2>{w.x, w.g}, out);
      }
      psi0 = out[0];
    }
    w.s.at(0) = psi0;
  }
  const optim::InnaConstants<double> k = optim::Inna<double>::constants(c, *gamma);
  if (l2 == 0) return apply<1>(InnaStepKernel{}, k, w);
  const DecayedConstants<double> kd{k, l2};
  return apply<1>(InnaDecayedStepKernel{}, kd, w);
}

}  // namespace ov::gpu
