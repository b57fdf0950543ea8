#include "proofs-checks/claims/fleischmann_sgd/common.hpp"

#include <cmath>
#include <stdexcept>

#include "analysis/numeric/rounding.hpp"
#include "analysis/numeric/string_io.hpp"

namespace ov::claims::fleischmann_sgd {

namespace {

rational small_rational(optim::SplitMix64& rng, int span, int den) {
  const long k = static_cast<long>(rng.below(static_cast<std::uint64_t>(2 * span + 1))) - span;
  return rational(k) / rational(den);
}

RVec zeros(int d) {
  RVec v(d);
  for (int i = 0; i < d; ++i) v[i] = 0;
  return v;
}

Mat<rational> zero_mat(int d) {
  Mat<rational> m(d, d);
  for (int i = 0; i < d; ++i)
    for (int j = 0; j < d; ++j) m(i, j) = 0;
  return m;
}

RVec mat_vec(const Mat<rational>& A, const RVec& x) {
  RVec y = zeros(static_cast<int>(x.size()));
  for (Eigen::Index i = 0; i < A.rows(); ++i)
    for (Eigen::Index j = 0; j < A.cols(); ++j) y[i] += A(i, j) * x[j];
  return y;
}

// The centers' mean and population variance.
void mean_and_spread(const std::vector<RVec>& c, RVec& mean, rational& var) {
  const int n = static_cast<int>(c.size()), d = static_cast<int>(c.front().size());
  mean = zeros(d);
  for (const auto& ci : c)
    for (int j = 0; j < d; ++j) mean[j] += ci[j];
  for (int j = 0; j < d; ++j) mean[j] /= n;
  var = 0;
  for (const auto& ci : c) {
    RVec diff = ci;
    for (int j = 0; j < d; ++j) diff[j] -= mean[j];
    var += sq_norm(diff);
  }
  var /= n;
}

}  // namespace

nlohmann::json Canonical::describe() const {
  return {{"problem", name}, {"n", q.num_samples()}, {"d", q.dim()},   {"L", str(L)},
          {"M", str(M)},     {"M_G", str(M_G)},     {"f_inf", str(f_inf)}, {"theta_star", vec_json(theta_star)}};
}

rational dot(const RVec& a, const RVec& b) {
  rational s = 0;
  for (Eigen::Index i = 0; i < a.size(); ++i) s += a[i] * b[i];
  return s;
}
rational sq_norm(const RVec& a) { return dot(a, a); }

RVec sample_gradient(const Fsq& q, int i, const RVec& theta) {
  RVec g = mat_vec(q.H[i], theta);
  for (Eigen::Index j = 0; j < g.size(); ++j) g[j] -= q.r[i][j];
  return g;
}

RVec gradient(const Fsq& q, const RVec& theta) {
  const int n = q.num_samples();
  RVec g = zeros(q.dim());
  for (int i = 0; i < n; ++i) {
    const RVec gi = sample_gradient(q, i, theta);
    for (Eigen::Index j = 0; j < g.size(); ++j) g[j] += gi[j];
  }
  for (Eigen::Index j = 0; j < g.size(); ++j) g[j] /= n;
  return g;
}

rational value(const Fsq& q, const RVec& theta) {
  const int n = q.num_samples();
  rational s = 0;
  for (int i = 0; i < n; ++i) {
    s += dot(theta, mat_vec(q.H[i], theta)) / 2 - dot(q.r[i], theta);
    if (!q.c.empty()) s += q.c[i];
  }
  return s / n;
}

Canonical isotropic_problem(optim::SplitMix64& rng, int n, int d) {
  Canonical p;
  p.name = "isotropic";
  std::vector<RVec> centers;
  for (int i = 0; i < n; ++i) {
    RVec c(d);
    for (int j = 0; j < d; ++j) c[j] = small_rational(rng, 8, 4);  // k/4, |k| <= 8
    centers.push_back(c);
  }
  Mat<rational> I = zero_mat(d);
  for (int j = 0; j < d; ++j) I(j, j) = 1;
  for (const auto& c : centers) {
    p.q.H.push_back(I);
    p.q.r.push_back(c);
    p.q.c.push_back(sq_norm(c) / 2);
  }
  rational var;
  mean_and_spread(centers, p.theta_star, var);
  if (var == 0) throw std::logic_error("isotropic problem: all centers equal (no noise)");
  p.L = 1;
  p.M_G = 1;
  p.M = var;
  p.f_inf = var / 2;
  return p;
}

Canonical shared_a_problem(optim::SplitMix64& rng, int n) {
  Canonical p;
  p.name = "shared_A";
  const int d = 2;
  const rational t = (rational(static_cast<long>(rng.below(4)) + 1) / rational(4));          // t in {1/4 .. 1}
  const rational s = t + (rational(static_cast<long>(rng.below(4)) + 1) / rational(4));      // s > t
  Mat<rational> A(d, d);
  A(0, 0) = s;
  A(1, 1) = s;
  A(0, 1) = t;
  A(1, 0) = t;
  std::vector<RVec> centers;
  for (int i = 0; i < n; ++i) {
    RVec c(d);
    for (int j = 0; j < d; ++j) c[j] = small_rational(rng, 8, 4);
    centers.push_back(c);
  }
  for (const auto& c : centers) {
    p.q.H.push_back(A);
    p.q.r.push_back(mat_vec(A, c));
    p.q.c.push_back(dot(c, mat_vec(A, c)) / 2);
  }
  rational var;
  mean_and_spread(centers, p.theta_star, var);
  rational noise = 0, finf = 0;
  for (const auto& c : centers) {
    RVec diff = c;
    for (int j = 0; j < d; ++j) diff[j] -= p.theta_star[j];
    const RVec Ad = mat_vec(A, diff);
    noise += sq_norm(Ad);
    finf += dot(diff, Ad) / 2;
  }
  if (noise == 0) throw std::logic_error("shared_A problem: all centers equal (no noise)");
  p.L = s + t;  // lambda_max of [[s, t], [t, s]]
  p.M_G = 1;
  p.M = noise / n;
  p.f_inf = finf / n;
  return p;
}

Canonical varying_h_problem(optim::SplitMix64& rng, int n, int d) {
  Canonical p;
  p.name = "varying_H";
  std::vector<RVec> h;
  for (int i = 0; i < n; ++i) {
    RVec hi(d), ri(d);
    for (int j = 0; j < d; ++j) {
      hi[j] = (rational(static_cast<long>(rng.below(8)) + 1) / rational(4));  // (0, 2]
      ri[j] = small_rational(rng, 8, 4);
    }
    Mat<rational> Hi = zero_mat(d);
    for (int j = 0; j < d; ++j) Hi(j, j) = hi[j];
    p.q.H.push_back(Hi);
    p.q.r.push_back(ri);
    p.q.c.push_back(rational(0));
    h.push_back(hi);
  }
  RVec hbar = zeros(d), rbar = zeros(d);
  for (int i = 0; i < n; ++i)
    for (int j = 0; j < d; ++j) {
      hbar[j] += h[i][j] / n;
      rbar[j] += p.q.r[i][j] / n;
    }
  p.theta_star = zeros(d);
  for (int j = 0; j < d; ++j) p.theta_star[j] = rbar[j] / hbar[j];
  rational vstar = 0, ratio = 0;
  for (int i = 0; i < n; ++i) vstar += sq_norm(sample_gradient(p.q, i, p.theta_star)) / n;
  for (int j = 0; j < d; ++j) {
    rational s = 0;
    for (int i = 0; i < n; ++i) s += (h[i][j] - hbar[j]) * (h[i][j] - hbar[j]) / n;
    const rational rj = s / (hbar[j] * hbar[j]);
    if (rj > ratio) ratio = rj;
  }
  p.L = 0;
  for (int j = 0; j < d; ++j)
    if (hbar[j] > p.L) p.L = hbar[j];
  p.M = 2 * vstar;
  p.M_G = 1 + 2 * ratio;
  p.f_inf = value(p.q, p.theta_star);
  return p;
}

std::vector<Canonical> canonical_problems(optim::SplitMix64& rng, int n, int d) {
  return {isotropic_problem(rng, n, d), shared_a_problem(rng, n), varying_h_problem(rng, n, d)};
}

rational batch_M(const Canonical& p, int b) { return p.M / b; }
rational batch_MG(const Canonical& p, int b) { return 1 + (p.M_G - 1) / b; }

RVec seeded_point(optim::SplitMix64& rng, const RVec& center, int span) {
  RVec x = center;
  for (Eigen::Index j = 0; j < x.size(); ++j) x[j] += small_rational(rng, span, 4);
  return x;
}

rational seeded_unit(optim::SplitMix64& rng) { return (rational(static_cast<long>(rng.below(16)) + 1) / rational(16)); }

double to_d(const rational& q) { return round_to<double>(q); }
std::string str(const rational& q) { return ov::to_string(q); }

nlohmann::json vec_json(const RVec& v) {
  nlohmann::json a = nlohmann::json::array();
  for (Eigen::Index i = 0; i < v.size(); ++i) a.push_back(str(v[i]));
  return a;
}

nlohmann::json series(const std::string& plot, const std::string& name, const std::string& role,
                      const std::vector<double>& x, const std::vector<double>& y, const std::string& x_label,
                      const std::string& y_label, bool log_x, bool log_y) {
  return {{"name", name},       {"plot", plot},   {"kind", "convergence"}, {"role", role},
          {"x", x},             {"y", y},         {"x_label", x_label},    {"y_label", y_label},
          {"log_x", log_x},     {"log_y", log_y}};
}

LineFit fit_line(const std::vector<double>& x, const std::vector<double>& y) {
  const double n = static_cast<double>(x.size());
  double sx = 0, sy = 0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    sx += x[i];
    sy += y[i];
  }
  const double mx = sx / n, my = sy / n;
  double sxx = 0, sxy = 0, syy = 0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    sxx += (x[i] - mx) * (x[i] - mx);
    sxy += (x[i] - mx) * (y[i] - my);
    syy += (y[i] - my) * (y[i] - my);
  }
  LineFit f;
  f.slope = sxx > 0 ? sxy / sxx : 0;
  f.intercept = my - f.slope * mx;
  f.r2 = (sxx > 0 && syy > 0) ? sxy * sxy / (sxx * syy) : 1;
  return f;
}

LineFit fit_through_origin(const std::vector<double>& x, const std::vector<double>& y) {
  double sxx = 0, sxy = 0, syy = 0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    sxx += x[i] * x[i];
    sxy += x[i] * y[i];
    syy += y[i] * y[i];
  }
  LineFit f;
  f.slope = sxx > 0 ? sxy / sxx : 0;
  double res = 0;
  for (std::size_t i = 0; i < x.size(); ++i) res += (y[i] - f.slope * x[i]) * (y[i] - f.slope * x[i]);
  f.r2 = syy > 0 ? 1 - res / syy : 1;
  return f;
}

}  // namespace ov::claims::fleischmann_sgd
