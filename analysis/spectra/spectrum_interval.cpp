// Interval Jacobians of the step maps (Jets over MPFI) and outward decimal printing.
#include <mpfr.h>

#include <boost/multiprecision/mpfi.hpp>
#include <sstream>
#include <stdexcept>

#include "analysis/autodiff/forward_mode.hpp"
#include "analysis/numeric/exact_constant.hpp"
#include "analysis/numeric/string_io.hpp"
#include "analysis/problems/problem.hpp"
#include "analysis/spectra/isolation.hpp"
#include "analysis/spectra/spectrum.hpp"
#include "analysis/spectra/step_maps.hpp"

namespace ov::spectra {

Mat<interval> interval_jacobian_quadratic(const Parameters& p, const std::vector<std::string>& lambdas) {
  const int n = static_cast<int>(lambdas.size());
  QuadraticGradient<interval> g{Mat<interval>::Zero(n, n)};
  for (int i = 0; i < n; ++i) g.H(i, i) = constant<interval>(lambdas[i]);
  const Hyper<interval> h = hyper_in<interval>(p);
  const auto map = make_step_map(p.method, h, g, n);
  return ad::jacobian(map, state_at(p.method, h, Vec<interval>(Vec<interval>::Zero(n))));
}

Mat<interval> interval_jacobian_problem(const Parameters& p, const problems::Problem& prob,
                                        const std::vector<std::string>& at) {
  if (!prob.supports<interval>()) throw std::runtime_error("problem '" + prob.name() + "' has no interval evaluator");
  const IsolatedResult child = run_isolated([&] {
    const auto& e = prob.in<interval>();
    const Hyper<interval> h = hyper_in<interval>(p);
    const auto map = make_step_map(p.method, h, LinearizedGradient<interval>{&e}, prob.dim());
    const Mat<interval> J = ad::jacobian(map, state_at(p.method, h, prob.point<interval>(at)));
    std::ostringstream s;
    s << J.rows() << "\n";
    for (Eigen::Index i = 0; i < J.rows(); ++i)
      for (Eigen::Index j = 0; j < J.cols(); ++j) s << ov::to_string(J(i, j)) << "\n";
    return s.str();
  });
  if (!child.ok) throw std::runtime_error("interval Jacobian of problem '" + prob.name() + "': " + child.failure);
  std::istringstream in(child.payload);
  std::string line;
  std::getline(in, line);
  const long n = std::stol(line);
  Mat<interval> J(n, n);
  for (long i = 0; i < n; ++i)
    for (long j = 0; j < n; ++j) {
      std::getline(in, line);
      J(i, j) = from_string<interval>(line);
    }
  return J;
}

namespace {
std::string rounded(const mpfr_t x, mpfr_rnd_t mode, int digits) {
  if (mpfr_nan_p(x)) return "nan";
  if (mpfr_inf_p(x)) return mpfr_sgn(x) > 0 ? "inf" : "-inf";
  if (mpfr_zero_p(x)) return "0";
  mpfr_exp_t e = 0;
  char* s = mpfr_get_str(nullptr, &e, 10, static_cast<size_t>(digits), x, mode);
  std::string m(s);
  mpfr_free_str(s);
  std::string sign;
  if (!m.empty() && m[0] == '-') {
    sign = "-";
    m = m.substr(1);
  }
  // m = d1 d2 ... dn, value = 0.d1d2...dn * 10^e
  std::string out = sign + m.substr(0, 1) + "." + m.substr(1) + "e" + std::to_string(static_cast<long>(e) - 1);
  return out;
}
}  // namespace

nlohmann::json outward_json(const interval& x, int digits) {
  const auto lo = lower(x);
  const auto hi = upper(x);
  return nlohmann::json::array({rounded(lo.backend().data(), MPFR_RNDD, digits),
                                rounded(hi.backend().data(), MPFR_RNDU, digits)});
}

}  // namespace ov::spectra
