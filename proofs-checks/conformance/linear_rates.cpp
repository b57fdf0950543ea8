#include "proofs-checks/conformance/linear_rates.hpp"

#include <algorithm>
#include <cmath>
#include <complex>
#include <limits>
#include <vector>

#include "analysis/rates/rate_fit.hpp"
#include "optim/core/oracle.hpp"
#include "proofs-checks/conformance/fresh_optimizer.hpp"
#include "proofs-checks/conformance/property_text.hpp"

namespace ov::conformance {

double gd_rate(double h, double mu, double L) { return std::max(std::abs(1 - h * mu), std::abs(1 - h * L)); }

double heavy_ball_radius(double eta, double alpha, double lambda) {
  const double b = 1 + alpha - eta * lambda;
  const std::complex<double> disc = std::sqrt(std::complex<double>(b * b - 4 * alpha, 0));
  const std::complex<double> z1 = (b + disc) / 2.0, z2 = (b - disc) / 2.0;
  return std::max(std::abs(z1), std::abs(z2));
}

RateMeasurement measure_rate(const Subject& s, const QuadraticObjective& q, const Vec& x0, int max_steps) {
  RateMeasurement m;
  auto opt = fresh_optimizer(s);
  optim::Oracle<double> oracle(q);
  Vec x = x0;
  std::vector<double> e{(x - q.minimizer()).norm()};
  const double e0 = e[0];
  for (int k = 0; k < max_steps; ++k) {
    if (opt->step(oracle, x).refused()) ++m.refusals;
    const double ek = (x - q.minimizer()).norm();
    e.push_back(ek);
    ++m.steps;
    if (!std::isfinite(ek) || ek > 1e30 * e0) {
      m.diverged = true;
      break;
    }
    if (ek <= 1e-12 * e0) break;
  }
  m.final_ratio = e.back() / e0;
  std::vector<double> env(e.size());
  double run_max = 0;
  for (std::size_t i = e.size(); i-- > 0;) {
    run_max = std::max(run_max, std::isfinite(e[i]) ? e[i] : std::numeric_limits<double>::infinity());
    env[i] = run_max;
  }
  std::int64_t ka = -1, kb = static_cast<std::int64_t>(env.size()) - 1;
  for (std::size_t i = 0; i < env.size(); ++i) {
    if (ka < 0 && env[i] <= 1e-1 * env[0]) ka = static_cast<std::int64_t>(i);
    if (env[i] <= 1e-10 * env[0]) {
      kb = static_cast<std::int64_t>(i);
      break;
    }
  }
  if (ka < 0 || kb - ka < 3) ka = 0;
  std::vector<std::int64_t> ks(env.size());
  for (std::size_t i = 0; i < env.size(); ++i) ks[i] = static_cast<std::int64_t>(i);
  const auto seq = rates::make_sequence<double>(ks, env, "||x_k - x*|| (suffix-max envelope)");
  const auto fit = rates::fit_geometric(seq, rates::Window{ka, kb});
  m.k0 = ka;
  m.k1 = kb;
  if (!fit.ok) {
    m.reason = fit.reason;
    return m;
  }
  m.ok = true;
  m.q = fit.estimate;
  m.lo = fit.lo;
  m.hi = fit.hi;
  return m;
}

nlohmann::json measurement_figures(const RateMeasurement& m, double mu, double L) {
  return {{"L", L},
          {"mu", mu},
          {"steps", m.steps},
          {"window_first_k", m.k0},
          {"window_last_k", m.k1},
          {"final_error_ratio", m.final_ratio}};
}

void add_fit_figures(nlohmann::json& figs, const RateMeasurement& m) {
  figs["fitted_rate"] = m.q;
  figs["fitted_lo"] = m.lo;
  figs["fitted_hi"] = m.hi;
}

std::string fit_text(const RateMeasurement& m) {
  return "fitted q = " + str(m.q) + " [95% " + str(m.lo) + ", " + str(m.hi) + "] on window [" + std::to_string(m.k0) +
         ", " + std::to_string(m.k1) + "]";
}

}  // namespace ov::conformance
