#include "proofs-checks/claims/castera_spectra/ch3_common.hpp"

#include <cmath>

#include "analysis/numeric/rounding.hpp"
#include "optim/rules/inna_fixed_step.hpp"
#include "optim/rules/sgd.hpp"

namespace ov::claims::castera_ch3 {

double to_double(const rational& q) { return round_to<double>(q); }

DoubleRule library_inna_fixed_step(const rational& alpha, const rational& beta, const rational& gamma) {
  const double a = to_double(alpha), b = to_double(beta), g = to_double(gamma);
  return [a, b, g]() {
    optim::InnaFixedStepOptions<double> o;
    o.alpha = a;
    o.beta = b;
    o.gamma = g;
    o.psi0 = optim::Psi0::thesis;
    return std::unique_ptr<optim::Optimizer<double>>(std::make_unique<optim::InnaFixedStep<double>>(o));
  };
}

DoubleRule library_gd(const rational& gamma) {
  const double g = to_double(gamma);
  return [g]() {
    optim::SgdOptions<double> o;
    o.lr = g;
    return std::unique_ptr<optim::Optimizer<double>>(std::make_unique<optim::Sgd<double>>(o));
  };
}

double normal(optim::SplitMix64& rng) {
  double u1 = rng.uniform();
  while (u1 <= 0) u1 = rng.uniform();
  const double u2 = rng.uniform();
  return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * M_PI * u2);
}

nlohmann::json make_series(const std::string& name, const std::string& plot, const std::string& kind,
                           const std::string& role, const std::vector<double>& x, const std::vector<double>& y,
                           const std::string& x_label, const std::string& y_label, bool log_y) {
  return nlohmann::json{{"name", name}, {"plot", plot},       {"kind", kind},       {"role", role},
                        {"x", x},       {"y", y},             {"x_label", x_label}, {"y_label", y_label},
                        {"log_x", false}, {"log_y", log_y}};
}

}  // namespace ov::claims::castera_ch3
