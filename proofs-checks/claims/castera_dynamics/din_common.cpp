#include "proofs-checks/claims/castera_dynamics/din_common.hpp"

#include <stdexcept>

#include "analysis/numeric/rounding.hpp"
#include "analysis/numeric/string_io.hpp"
#include "optim/components/din_system.hpp"
#include "optim/components/ode_integrators.hpp"

namespace ov::claims::castera_dyn {

namespace {

template <class S>
FieldFn<S> library_field() {
  return [](const optim::Objective<S>& J, const S& alpha, const S& beta, const Vec<S>& z) {
    const optim::DinSystem<S> din(J, alpha, beta);
    return din(S(0), z);
  };
}

// Lagrange weights at the nodes 0..n-1: w_j = l_j'(0) (deriv) or l_j(x) (value at x).
std::vector<rational> lagrange_derivative_at_zero(int n) {
  std::vector<rational> w(static_cast<std::size_t>(n), rational(0));
  for (int j = 0; j < n; ++j) {
    rational sum(0);
    for (int k = 0; k < n; ++k) {
      if (k == j) continue;
      rational prod = rational(1) / rational(j - k);
      for (int m = 0; m < n; ++m) {
        if (m == j || m == k) continue;
        prod *= rational(-m) / rational(j - m);
      }
      sum += prod;
    }
    w[static_cast<std::size_t>(j)] = sum;
  }
  return w;
}
std::vector<rational> lagrange_value_at(int n, long x) {
  std::vector<rational> w(static_cast<std::size_t>(n), rational(1));
  for (int j = 0; j < n; ++j)
    for (int m = 0; m < n; ++m)
      if (m != j) w[static_cast<std::size_t>(j)] *= rational(x - m) / rational(j - m);
  return w;
}

template <class S>
std::vector<Vec<S>> integrate_impl(const std::function<Vec<S>(const Vec<S>&)>& G, const Vec<S>& z0,
                                   const std::vector<S>& times, const S& tol, long max_steps,
                                   std::string* failure = nullptr) {
  std::vector<Vec<S>> out;
  out.reserve(times.size());
  Vec<S> z = z0;
  S t(0);
  auto rhs = [&G](const S&, const Vec<S>& x) { return G(x); };
  const auto tab = optim::dormand_prince_54<S>();
  for (const S& ti : times) {
    if (ti > t) {
      optim::AdaptiveOptions<S> o;
      o.rtol = tol;
      o.atol = tol;
      o.max_steps = max_steps;
      const auto r = optim::integrate_adaptive(rhs, tab, t, z, ti, o);
      if (!r.ok()) {
        if (!failure) throw std::runtime_error("Dormand-Prince integration failed: " + r.message);
        *failure = r.message;
        return out;
      }
      z = r.z;
      t = ti;
    }
    out.push_back(z);
  }
  return out;
}

}  // namespace

DinField library_din_field() {
  return DinField{"optim::DinSystem (2.6)", library_field<double>(), library_field<mp50>(), library_field<rational>()};
}

Vec<rational> exact_directional_derivative(const std::function<Vec<rational>(const Vec<rational>&)>& f,
                                           const Vec<rational>& z, const Vec<rational>& d, int deg) {
  const int n = deg + 1;
  const auto w = lagrange_derivative_at_zero(n);
  const auto v = lagrange_value_at(n, n);
  Vec<rational> out, interp;
  for (int j = 0; j < n; ++j) {
    const Vec<rational> fj = f(Vec<rational>(z + rational(j) * d));
    if (j == 0) {
      out = Vec<rational>::Zero(fj.size());
      interp = Vec<rational>::Zero(fj.size());
    }
    out += w[static_cast<std::size_t>(j)] * fj;
    interp += v[static_cast<std::size_t>(j)] * fj;
  }
  if (f(Vec<rational>(z + rational(n) * d)) != interp)
    throw std::runtime_error("exact_directional_derivative: the map is not a polynomial of degree <= " +
                             std::to_string(deg) + " along the direction");
  return out;
}

rational exact_directional_derivative(const std::function<rational(const Vec<rational>&)>& f,
                                      const Vec<rational>& z, const Vec<rational>& d, int deg) {
  auto g = [&f](const Vec<rational>& x) {
    Vec<rational> r(1);
    r[0] = f(x);
    return r;
  };
  return exact_directional_derivative(g, z, d, deg)[0];
}

std::vector<Vec<double>> integrate_samples(const FieldFn<double>& F, const optim::Objective<double>& J, double alpha,
                                           double beta, const Vec<double>& z0, const std::vector<double>& times,
                                           double tol, long max_steps, std::string* failure) {
  return integrate_impl<double>([&](const Vec<double>& z) { return F(J, alpha, beta, z); }, z0, times, tol,
                                max_steps, failure);
}
std::vector<Vec<mp50>> integrate_samples(const FieldFn<mp50>& F, const optim::Objective<mp50>& J, const mp50& alpha,
                                         const mp50& beta, const Vec<mp50>& z0, const std::vector<mp50>& times,
                                         const mp50& tol, long max_steps, std::string* failure) {
  return integrate_impl<mp50>([&](const Vec<mp50>& z) { return F(J, alpha, beta, z); }, z0, times, tol, max_steps,
                              failure);
}
Vec<mp50> integrate_rk4(const FieldFn<mp50>& F, const optim::Objective<mp50>& J, const mp50& alpha, const mp50& beta,
                        const Vec<mp50>& z0, const mp50& T, long n) {
  auto rhs = [&](const mp50&, const Vec<mp50>& z) { return F(J, alpha, beta, z); };
  const auto r = optim::integrate_fixed(rhs, optim::classic_rk4<mp50>(), mp50(0), z0, T, n);
  if (!r.ok()) throw std::runtime_error("RK4 integration failed: " + r.message);
  return r.z;
}

std::vector<Vec<mp50>> integrate_system(const std::function<Vec<mp50>(const Vec<mp50>&)>& G, const Vec<mp50>& z0,
                                        const std::vector<mp50>& times, const mp50& tol, long max_steps) {
  return integrate_impl<mp50>(G, z0, times, tol, max_steps);
}

rational ratio(long p, long q) { return rational(p) / rational(q); }

rational random_rational(optim::SplitMix64& rng, long m, long den) {
  return ratio(static_cast<long>(rng.below(static_cast<std::uint64_t>(2 * m + 1))) - m, den);
}

nlohmann::json vec_json(const Vec<rational>& v) {
  nlohmann::json a = nlohmann::json::array();
  for (Eigen::Index i = 0; i < v.size(); ++i) a.push_back(ov::to_string(v[i]));
  return a;
}

double to_double(const rational& q) { return round_to<double>(q); }
double to_double(const mp50& x) { return x.convert_to<double>(); }

nlohmann::json series(const std::string& plot, const std::string& name, const std::string& role,
                      const std::vector<double>& x, const std::vector<double>& y, const std::string& x_label,
                      const std::string& y_label, bool log_x, bool log_y) {
  return nlohmann::json{{"name", name},       {"plot", plot},       {"kind", "convergence"}, {"role", role},
                        {"x", x},             {"y", y},             {"x_label", x_label},    {"y_label", y_label},
                        {"log_x", log_x},     {"log_y", log_y}};
}

}  // namespace ov::claims::castera_dyn
