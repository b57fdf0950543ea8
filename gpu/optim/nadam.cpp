#include "gpu/optim/nadam.hpp"

#include <torch/serialize/archive.h>

#include <map>
#include <mutex>
#include <utility>

#include "optim/rules/nadam.hpp"

namespace ov::gpu {

NAdamOptions::NAdamOptions(double lr) : lr_(lr) {}

void NAdamOptions::serialize(torch::serialize::OutputArchive& archive) const {
  _TORCH_OPTIM_SERIALIZE_TORCH_ARG(lr);
  _TORCH_OPTIM_SERIALIZE_TORCH_ARG(beta1);
  _TORCH_OPTIM_SERIALIZE_TORCH_ARG(beta2);
  _TORCH_OPTIM_SERIALIZE_TORCH_ARG(eps);
  _TORCH_OPTIM_SERIALIZE_TORCH_ARG(momentum_decay);
}
void NAdamOptions::serialize(torch::serialize::InputArchive& archive) {
  _TORCH_OPTIM_DESERIALIZE_TORCH_ARG(double, lr);
  _TORCH_OPTIM_DESERIALIZE_TORCH_ARG(double, beta1);
  _TORCH_OPTIM_DESERIALIZE_TORCH_ARG(double, beta2);
  _TORCH_OPTIM_DESERIALIZE_TORCH_ARG(double, eps);
  _TORCH_OPTIM_DESERIALIZE_TORCH_ARG(double, momentum_decay);
}
bool operator==(const NAdamOptions& a, const NAdamOptions& b) {
  return a.lr() == b.lr() && a.beta1() == b.beta1() && a.beta2() == b.beta2() && a.eps() == b.eps() &&
         a.momentum_decay() == b.momentum_decay();
}

namespace {
template <class S>
optim::NadamOptions<S> core(const NAdamOptions& o) {
  optim::NadamOptions<S> c;
  c.lr = o.lr();
  c.beta1 = o.beta1();
  c.beta2 = o.beta2();
  c.eps = o.eps();
  c.momentum_decay = o.momentum_decay();
  return c;
}
}  // namespace

double NAdam::mu_product_before(const NAdamOptions& o, std::int64_t t) {
  // products[i] = prod_{j<=i} mu_j, products[0] = 1, built by the core's recurrence.
  static std::mutex mutex;
  static std::map<std::pair<double, double>, std::vector<double>> memo;
  const optim::NadamOptions<double> c = core<double>(o);
  std::lock_guard<std::mutex> lock(mutex);
  std::vector<double>& products = memo[{c.beta1, c.momentum_decay}];
  if (products.empty()) products.push_back(1.0);
  while (static_cast<std::int64_t>(products.size()) < t && products.back() != 0.0) {
    const long i = static_cast<long>(products.size());
    products.push_back(optim::Nadam<double>::mu_product(c, i, products.back()));
  }
  // Once the product is 0 it stays 0 (0 * mu = 0 for the finite mu of valid options).
  return static_cast<std::int64_t>(products.size()) >= t ? products[static_cast<std::size_t>(t - 1)] : 0.0;
}

void NAdam::validate(const NAdamOptions& o) {
  optim::Nadam<double> check(core<double>(o));  // throws naming the parameter and its range
  (void)check;
}

std::optional<bool> NAdam::update(const NAdamOptions& o, std::int64_t t, Work& w) {
  const double product_before = mu_product_before(o, t);
  // Constants in the tensor's precision (float32 steps compute in float, as torch's).
  return apply<2>(optim::NadamKernel{}, typed_constants([&](auto s) {
                    using S = decltype(s);
                    return optim::Nadam<S>::constants(core<S>(o), static_cast<long>(t), S(product_before));
                  }),
                  w);
}

}  // namespace ov::gpu
