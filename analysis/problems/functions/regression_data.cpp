#include "analysis/problems/functions/regression_data.hpp"

#include <Eigen/Eigenvalues>

#include <map>
#include <mutex>
#include <stdexcept>
#include <tuple>

#include "analysis/problems/seeded_data.hpp"

namespace ov::problems::generated {

namespace {

// Exact test of positive definiteness of a symmetric rational matrix (row-major):
// Gaussian elimination without pivoting; PD iff every pivot is > 0 (Sylvester).
bool positive_definite(std::vector<rational> m, int n) {
  for (int k = 0; k < n; ++k) {
    const rational p = m[k * n + k];
    if (!(p > 0)) return false;
    for (int i = k + 1; i < n; ++i) {
      const rational f = m[i * n + k] / p;
      if (f == 0) continue;
      for (int j = k + 1; j < n; ++j) m[i * n + j] -= f * m[k * n + j];
    }
  }
  return true;
}

std::vector<rational> gram(const RegressionData& d) {
  std::vector<rational> g(static_cast<std::size_t>(d.P) * d.P, rational(0));
  for (int i = 0; i < d.P; ++i)
    for (int j = i; j < d.P; ++j) {
      rational s(0);
      for (int k = 0; k < d.N; ++k) s += d.a[k * d.P + i] * d.a[k * d.P + j];
      g[i * d.P + j] = g[j * d.P + i] = s / d.N;
    }
  return g;
}

}  // namespace

std::shared_ptr<const RegressionData> regression_data(RegressionKind kind, int N, int P, std::uint64_t seed) {
  static std::mutex mutex;
  static std::map<std::tuple<int, int, int, std::uint64_t>, std::shared_ptr<const RegressionData>> cache;
  const auto key = std::make_tuple(static_cast<int>(kind), N, P, seed);
  std::lock_guard<std::mutex> lock(mutex);
  auto it = cache.find(key);
  if (it != cache.end()) return it->second;
  auto d = std::make_shared<RegressionData>();
  d->N = N;
  d->P = P;
  SeededStream s(seed);
  std::vector<rational> theta(P);
  for (auto& t : theta) t = s.uniform(-1, 1, 10);
  d->a.resize(static_cast<std::size_t>(N) * P);
  for (auto& v : d->a) v = s.uniform(-1, 1, 10);
  d->y.resize(N);
  for (int n = 0; n < N; ++n) {
    rational dot(0);
    for (int p = 0; p < P; ++p) dot += d->a[n * P + p] * theta[p];
    const rational e = s.uniform(-1, 1, 10);
    if (kind == RegressionKind::least_squares) {
      d->y[n] = dot + e / 8;
    } else {
      d->y[n] = dot + e / 2 >= 0 ? rational(1) : rational(-1);
    }
  }
  return cache.emplace(key, std::move(d)).first->second;
}

GramBounds gram_bounds(const RegressionData& d) {
  const int P = d.P;
  const std::vector<rational> g = gram(d);
  Eigen::MatrixXd gd(P, P);
  for (int i = 0; i < P; ++i)
    for (int j = 0; j < P; ++j) gd(i, j) = static_cast<double>(mp100(g[i * P + j]));
  Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> es(gd, Eigen::EigenvaluesOnly);
  const double lo = es.eigenvalues()(0), hi = es.eigenvalues()(P - 1);
  GramBounds out;
  auto shifted = [&](const rational& t, bool upper) {
    std::vector<rational> m = g;
    for (int i = 0; i < P; ++i)
      for (int j = 0; j < P; ++j) m[i * P + j] = upper ? rational((i == j ? t : rational(0)) - m[i * P + j])
                                                        : rational(m[i * P + j] - (i == j ? t : rational(0)));
    return positive_definite(m, P);
  };
  double margin = std::ldexp(std::max(hi, 1e-300), -30);
  for (int tries = 0;; ++tries) {
    rational u(hi + margin);
    if (shifted(u, true)) {
      out.upper = u;
      break;
    }
    if (tries > 200) throw std::logic_error("gram_bounds: could not certify an upper bound");
    margin *= 2;
  }
  margin = std::ldexp(std::max(hi, 1e-300), -30);
  for (int tries = 0; tries < 60; ++tries) {
    const double l = lo - margin;
    if (!(l > 0)) break;
    rational lq(l);
    if (shifted(lq, false)) {
      out.lower = lq;
      out.lower_positive = true;
      break;
    }
    margin *= 2;
  }
  return out;
}

LeastSquaresSolution least_squares_solution(const RegressionData& d) {
  const int P = d.P;
  // Augmented normal equations [A^T A | A^T y], exact Gauss-Jordan with pivot search.
  std::vector<rational> m(static_cast<std::size_t>(P) * (P + 1), rational(0));
  for (int i = 0; i < P; ++i) {
    for (int j = 0; j < P; ++j) {
      rational s(0);
      for (int k = 0; k < d.N; ++k) s += d.a[k * P + i] * d.a[k * P + j];
      m[i * (P + 1) + j] = s;
    }
    rational s(0);
    for (int k = 0; k < d.N; ++k) s += d.a[k * P + i] * d.y[k];
    m[i * (P + 1) + P] = s;
  }
  const int w = P + 1;
  for (int k = 0; k < P; ++k) {
    int piv = k;
    while (piv < P && m[piv * w + k] == 0) ++piv;
    if (piv == P) throw std::invalid_argument("least_squares: A^T A is singular for this seed (rank-deficient data)");
    if (piv != k)
      for (int j = 0; j < w; ++j) std::swap(m[k * w + j], m[piv * w + j]);
    for (int i = 0; i < P; ++i) {
      if (i == k || m[i * w + k] == 0) continue;
      const rational f = m[i * w + k] / m[k * w + k];
      for (int j = k; j < w; ++j) m[i * w + j] -= f * m[k * w + j];
    }
  }
  LeastSquaresSolution out;
  out.theta.resize(P);
  for (int i = 0; i < P; ++i) out.theta[i] = m[i * w + P] / m[i * w + i];
  rational s(0);
  for (int k = 0; k < d.N; ++k) {
    rational r = -d.y[k];
    for (int p = 0; p < P; ++p) r += d.a[k * P + p] * out.theta[p];
    s += r * r;
  }
  out.fstar = s / (2 * d.N);
  return out;
}

LogisticSolution logistic_solution(const RegressionData& d, const rational& lambda_q) {
  const int P = d.P, N = d.N;
  const mp100 lambda(lambda_q);
  std::vector<mp100> ya(static_cast<std::size_t>(N) * P);
  for (int k = 0; k < N; ++k)
    for (int p = 0; p < P; ++p) ya[k * P + p] = mp100(d.y[k] * d.a[k * P + p]);
  std::vector<mp100> theta(P, mp100(0));
  auto softplus_neg = [](const mp100& t) {  // log(1 + exp(-t)), stable
    return t >= 0 ? mp100(log1p(exp(mp100(-t)))) : mp100(-t + log1p(exp(t)));
  };
  auto sigma_neg = [](const mp100& t) {  // 1 / (1 + exp(t)), stable
    if (t >= 0) {
      mp100 e = exp(mp100(-t));
      return mp100(e / (1 + e));
    }
    return mp100(1 / (1 + exp(t)));
  };
  auto value = [&](const std::vector<mp100>& th) {
    mp100 s(0), r(0);
    for (int k = 0; k < N; ++k) {
      mp100 t(0);
      for (int p = 0; p < P; ++p) t += ya[k * P + p] * th[p];
      s += softplus_neg(t);
    }
    for (int p = 0; p < P; ++p) r += th[p] * th[p];
    return mp100(s / N + lambda * r / 2);
  };
  const mp100 tol("1e-80");
  mp100 f = value(theta);
  for (int it = 0; it < 200; ++it) {
    std::vector<mp100> g(P, mp100(0));
    std::vector<mp100> H(static_cast<std::size_t>(P) * P, mp100(0));
    for (int k = 0; k < N; ++k) {
      mp100 t(0);
      for (int p = 0; p < P; ++p) t += ya[k * P + p] * theta[p];
      const mp100 sn = sigma_neg(t), w = sn * (1 - sn);
      for (int p = 0; p < P; ++p) {
        g[p] -= sn * ya[k * P + p];
        for (int q = 0; q < P; ++q) H[p * P + q] += w * ya[k * P + p] * ya[k * P + q];
      }
    }
    mp100 gnorm2(0);
    for (int p = 0; p < P; ++p) {
      g[p] = g[p] / N + lambda * theta[p];
      gnorm2 += g[p] * g[p];
      for (int q = 0; q < P; ++q) H[p * P + q] /= N;
      H[p * P + p] += lambda;
    }
    if (sqrt(gnorm2) < tol) break;
    // Solve H s = g (H symmetric positive definite: elimination without pivoting).
    std::vector<mp100> s = g;
    for (int k = 0; k < P; ++k)
      for (int i = k + 1; i < P; ++i) {
        const mp100 fct = H[i * P + k] / H[k * P + k];
        for (int j = k; j < P; ++j) H[i * P + j] -= fct * H[k * P + j];
        s[i] -= fct * s[k];
      }
    for (int i = P - 1; i >= 0; --i) {
      for (int j = i + 1; j < P; ++j) s[i] -= H[i * P + j] * s[j];
      s[i] /= H[i * P + i];
    }
    mp100 step(1);
    bool moved = false;
    for (int ls = 0; ls < 60 && !moved; ++ls, step /= 2) {
      std::vector<mp100> trial(P);
      for (int p = 0; p < P; ++p) trial[p] = theta[p] - step * s[p];
      const mp100 ft = value(trial);
      if (ft <= f) {
        theta = trial;
        f = ft;
        moved = true;
      }
    }
    if (!moved) break;  // no decrease at any step: converged to working precision
  }
  LogisticSolution out;
  for (int p = 0; p < P; ++p) out.theta.push_back(theta[p].str(80, std::ios_base::scientific));
  out.fstar = f.str(95, std::ios_base::scientific);
  return out;
}

}  // namespace ov::problems::generated
