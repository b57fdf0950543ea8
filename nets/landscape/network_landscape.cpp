#include "nets/landscape/network_landscape.hpp"

#include <memory>

#include "nets/core/network_objective.hpp"

namespace ov::nets::landscape {

namespace {
template <class S>
SmoothFunction<S> network_function(const Architecture& a, const Dataset& data) {
  auto f = std::make_shared<const NetworkObjective<S>>(a, data);
  SmoothFunction<S> s;
  s.dim = f->dim();
  s.value = [f](const Vec<S>& x) { return f->value(x); };
  s.gradient = [f](const Vec<S>& x) { return f->gradient(x); };
  s.hessian = [f](const Vec<S>& x) { return f->hessian(x); };
  return s;
}
}  // namespace

Landscape network_landscape(const Architecture& architecture, const Dataset& data) {
  Landscape l;
  l.name = architecture.describe() + " on " + data.name;
  l.fast = network_function<double>(architecture, data);
  l.precise = network_function<mp100>(architecture, data);
  if (architecture.rational_exact()) l.exact = network_function<rational>(architecture, data);
  l.validate();
  return l;
}

}  // namespace ov::nets::landscape
