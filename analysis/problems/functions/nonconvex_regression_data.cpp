#include "analysis/problems/functions/nonconvex_regression_data.hpp"

#include <Eigen/Eigenvalues>

#include <cmath>
#include <stdexcept>

#include "analysis/numeric/scalars.hpp"
#include "analysis/problems/seeded_data.hpp"

namespace ov::problems {

namespace {

// Numerator of SeededStream::approx_normal(bits): sum of 12 grid indices k_i / 2^bits, minus 6.
std::int64_t approx_normal_numerator(SeededStream& s, int bits) {
  std::int64_t sum = 0;
  for (int i = 0; i < 12; ++i) sum += static_cast<std::int64_t>(s.next_u64() >> (64 - bits));
  return sum - (std::int64_t{6} << bits);
}

using Gram = std::vector<std::vector<bmp::mpz_int>>;

Gram gram(const NonconvexRegressionData& d) {
  const long P = d.dim;
  Gram g(P, std::vector<bmp::mpz_int>(P));
  for (long i = 0; i < P; ++i) {
    for (long j = i; j < P; ++j) {
      bmp::mpz_int s = 0;
      for (long n = 0; n < d.samples; ++n) s += bmp::mpz_int(d.a[n * P + i] * d.a[n * P + j]);
      g[i][j] = g[j][i] = s;
    }
  }
  return g;
}

// c I - G positive definite? Bareiss fraction-free elimination without pivoting: the k-th
// pivot is the k-th leading principal minor (Sylvester's criterion).
bool shifted_is_positive_definite(const Gram& g, const bmp::mpz_int& c) {
  const std::size_t P = g.size();
  Gram m = g;
  for (std::size_t i = 0; i < P; ++i)
    for (std::size_t j = 0; j < P; ++j) m[i][j] = (i == j ? c : bmp::mpz_int(0)) - g[i][j];
  bmp::mpz_int prev = 1;
  for (std::size_t k = 0; k < P; ++k) {
    if (m[k][k] <= 0) return false;
    for (std::size_t i = k + 1; i < P; ++i) {
      for (std::size_t j = k + 1; j < P; ++j) {
        m[i][j] = (m[i][j] * m[k][k] - m[i][k] * m[k][j]) / prev;  // exact division (Bareiss)
      }
    }
    prev = m[k][k];
  }
  return true;
}

}  // namespace

NonconvexRegressionData make_nonconvex_regression_data(long samples, long dim, std::uint64_t seed) {
  if (samples < 1) throw std::invalid_argument("nonconvex regression data: N = " + std::to_string(samples) + " must be >= 1");
  if (dim < 1) throw std::invalid_argument("nonconvex regression data: P = " + std::to_string(dim) + " must be >= 1");
  NonconvexRegressionData d;
  d.samples = samples;
  d.dim = dim;
  SeededStream s(seed);
  d.a.resize(static_cast<std::size_t>(samples * dim));
  for (auto& v : d.a) v = approx_normal_numerator(s, NonconvexRegressionData::kBits);
  d.planted.resize(static_cast<std::size_t>(dim));
  for (auto& z : d.planted) z = static_cast<int>(s.next_u64() % 3) - 1;
  d.b.resize(static_cast<std::size_t>(samples));
  for (long n = 0; n < samples; ++n) {
    std::int64_t v = approx_normal_numerator(s, NonconvexRegressionData::kBits);
    for (long p = 0; p < dim; ++p) v += d.a[n * dim + p] * d.planted[p];
    d.b[n] = v;
  }
  return d;
}

std::string nonconvex_regression_gram_bound(const NonconvexRegressionData& d) {
  const Gram g = gram(d);
  const long P = d.dim;
  if (P > kMaxCertifiedDim) {
    bmp::mpz_int best = 0;
    for (long i = 0; i < P; ++i) {
      bmp::mpz_int row = 0;
      for (long j = 0; j < P; ++j) row += abs(g[i][j]);
      if (row > best) best = row;
    }
    return best.str();
  }
  // Estimate in double (relative error ~1e-13 for this well-conditioned symmetric matrix),
  // round up with a margin, then certify exactly; widen the margin until certified.
  Eigen::MatrixXd gd(P, P);
  for (long i = 0; i < P; ++i)
    for (long j = 0; j < P; ++j) gd(i, j) = static_cast<double>(g[i][j]);
  const double est = Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd>(gd, Eigen::EigenvaluesOnly).eigenvalues().maxCoeff();
  for (double margin = 1e-9;; margin *= 16) {
    bmp::mpz_int c(static_cast<long long>(std::ceil(est * (1 + margin))) + 1);
    if (shifted_is_positive_definite(g, c)) return c.str();
    if (margin > 1) throw std::logic_error("nonconvex regression: Lipschitz certificate failed");
  }
}

}  // namespace ov::problems
