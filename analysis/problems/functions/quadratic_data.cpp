#include "analysis/problems/functions/quadratic_data.hpp"

#include <gmp.h>
#include <mpfr.h>

#include <algorithm>
#include <map>
#include <mutex>
#include <sstream>
#include <stdexcept>

#include "analysis/numeric/exact_constant.hpp"
#include "analysis/problems/functions/classic_support.hpp"
#include "analysis/problems/seeded_data.hpp"

namespace ov::problems::generated {

namespace {

using bmp::mpz_int;

void divexact(mpz_int& r, const mpz_int& a, const mpz_int& d) {
  mpz_divexact(r.backend().data(), a.backend().data(), d.backend().data());
}

// Integer X = det(B) * B^{-1} B^T and det(B) for B = D I + M (Bareiss elimination; every
// leading principal minor of B is D^k det(I + K_k) >= D^k > 0, so no pivoting is needed).
void cayley_rotation(int n, std::uint64_t seed, QuadraticData& out) {
  SeededStream stream(seed);
  int s = 0;
  while ((1L << (2 * s)) < n) ++s;  // 2^s >= sqrt(n): K's entries are O(1/sqrt(n)), well mixed
  const long D = 4L << s;
  std::vector<long> M(static_cast<std::size_t>(n) * n, 0);
  for (int i = 0; i < n; ++i)
    for (int j = i + 1; j < n; ++j) {
      rational m = stream.uniform(-4, 4, 3);  // an integer in [-4, 3]
      long v = static_cast<long>(numerator(m).convert_to<long>());
      M[i * n + j] = v;
      M[j * n + i] = -v;
    }
  const int w = 2 * n;
  std::vector<mpz_int> W(static_cast<std::size_t>(n) * w);
  for (int i = 0; i < n; ++i)
    for (int j = 0; j < n; ++j) {
      long bij = M[i * n + j] + (i == j ? D : 0);
      W[i * w + j] = bij;
      W[j * w + n + i] = bij;  // right block: B^T
    }
  mpz_int prev = 1, t1, t2;
  for (int k = 0; k < n; ++k) {
    const mpz_int& p = W[k * w + k];
    if (p == 0) throw std::logic_error("quadratic: zero Bareiss pivot (impossible for I + skew)");
    for (int i = k + 1; i < n; ++i) {
      const mpz_int f = W[i * w + k];
      for (int j = k + 1; j < w; ++j) {
        t1 = p * W[i * w + j];
        t2 = f * W[k * w + j];
        t1 -= t2;
        divexact(W[i * w + j], t1, prev);
      }
      W[i * w + k] = 0;
    }
    prev = p;
  }
  const mpz_int det = W[(n - 1) * w + n - 1];
  // Back substitution: U X = det * C' column by column, exact divisions.
  out.rotation_num.assign(static_cast<std::size_t>(n) * n, mpz_int(0));
  for (int c = 0; c < n; ++c) {
    for (int i = n - 1; i >= 0; --i) {
      mpz_int acc = det * W[i * w + n + c];
      for (int j = i + 1; j < n; ++j) acc -= W[i * w + j] * out.rotation_num[j * n + c];
      divexact(out.rotation_num[i * n + c], acc, W[i * w + i]);
    }
  }
  out.rotation_den = det;
}

std::string join_key(int n, std::uint64_t seed, const std::vector<rational>& ev, bool seeded_b) {
  std::ostringstream k;
  k << n << '|' << seed << '|' << seeded_b;
  for (const auto& e : ev) k << '|' << e.str();
  return k.str();
}

}  // namespace

std::shared_ptr<const QuadraticData> quadratic_data(int n, std::uint64_t seed, std::vector<rational> eigenvalues,
                                                    bool seeded_b) {
  if (n < 1 || static_cast<int>(eigenvalues.size()) != n) {
    throw std::invalid_argument("quadratic_data: need n >= 1 eigenvalues, got n = " + std::to_string(n) + " and " +
                                std::to_string(eigenvalues.size()) + " eigenvalues");
  }
  for (const auto& e : eigenvalues)
    if (e == 0) throw std::invalid_argument("quadratic_data: eigenvalues must be nonzero");
  std::stable_sort(eigenvalues.begin(), eigenvalues.end(),
                   [](const rational& a, const rational& b) { return abs(a) < abs(b); });
  static std::mutex mutex;
  static std::map<std::string, std::shared_ptr<const QuadraticData>> cache;
  const std::string key = join_key(n, seed, eigenvalues, seeded_b);
  {
    std::lock_guard<std::mutex> lock(mutex);
    auto it = cache.find(key);
    if (it != cache.end()) return it->second;
  }
  auto d = std::make_shared<QuadraticData>();
  d->n = n;
  d->eigenvalues = eigenvalues;
  cayley_rotation(n, seed, *d);
  // b: drawn after K from a second stream so that b does not depend on n's K draws order.
  SeededStream bstream(seed ^ 0xB5B5B5B5B5B5B5B5ULL);
  d->b.assign(n, rational(0));
  if (seeded_b)
    for (int i = 0; i < n; ++i) d->b[i] = bstream.uniform(-1, 1, 20);
  // Common denominator of the eigenvalues: lambda_k = p_k / den.
  mpz_int den = 1;
  for (const auto& e : eigenvalues) den = lcm(den, mpz_int(denominator(e)));
  std::vector<mpz_int> p(n);
  for (int k = 0; k < n; ++k) p[k] = mpz_int(numerator(eigenvalues[k])) * (den / mpz_int(denominator(eigenvalues[k])));
  const auto& X = d->rotation_num;
  const mpz_int scale = d->rotation_den * d->rotation_den * den;
  d->A.assign(static_cast<std::size_t>(n) * n, rational(0));
  std::vector<mpz_int> Y(static_cast<std::size_t>(n) * n);  // X diag(p)
  for (int i = 0; i < n; ++i)
    for (int k = 0; k < n; ++k) Y[i * n + k] = X[i * n + k] * p[k];
  mpz_int acc, t;
  for (int i = 0; i < n; ++i)
    for (int j = i; j < n; ++j) {
      acc = 0;
      for (int k = 0; k < n; ++k) {
        t = Y[i * n + k] * X[j * n + k];
        acc += t;
      }
      d->A[i * n + j] = d->A[j * n + i] = rational(acc, scale);
    }
  // x* = X diag(1/lambda) X^T b / det^2.
  std::vector<rational> z(n, rational(0));
  for (int k = 0; k < n; ++k) {
    rational wk(0);
    for (int i = 0; i < n; ++i) wk += rational(X[i * n + k]) * d->b[i];
    z[k] = wk / eigenvalues[k];
  }
  const rational det2(d->rotation_den * d->rotation_den);
  d->xstar.assign(n, rational(0));
  d->fstar = 0;
  for (int i = 0; i < n; ++i) {
    rational xi(0);
    for (int k = 0; k < n; ++k) xi += rational(X[i * n + k]) * z[k];
    d->xstar[i] = xi / det2;
    d->fstar -= d->b[i] * d->xstar[i] / 2;
  }
  std::lock_guard<std::mutex> lock(mutex);
  auto [it, inserted] = cache.emplace(key, std::move(d));
  return it->second;
}

std::vector<rational> quadratic_spectrum(const Params& p, const std::string& family) {
  const std::string kind = p.text("spectrum");
  const int negative_count = static_cast<int>(classic::int_param(p, family, "negative", 0, 100000));
  std::vector<rational> ev;
  if (kind == "list") {
    std::string s = p.text("eigenvalues");
    std::size_t start = 0;
    while (start <= s.size()) {
      std::size_t comma = s.find(',', start);
      std::string item = s.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
      rational v;
      try {
        v = constant<rational>(item);
      } catch (const std::exception& e) {
        throw std::invalid_argument(family + ": parameter 'eigenvalues' must be a comma-separated list of nonzero "
                                    "rational constants, item \"" + item + "\": " + e.what());
      }
      if (v == 0) throw std::invalid_argument(family + ": parameter 'eigenvalues' has a zero entry \"" + item + "\"");
      ev.push_back(v);
      if (comma == std::string::npos) break;
      start = comma + 1;
    }
    const long n = classic::int_param(p, family, "n", 1, 200);
    if (n != static_cast<long>(ev.size())) {
      throw std::invalid_argument(family + ": parameter 'n' = " + std::to_string(n) + " must equal the number of "
                                  "entries of 'eigenvalues' (" + std::to_string(ev.size()) + ")");
    }
  } else if (kind == "linear" || kind == "geometric") {
    const int n = static_cast<int>(classic::int_param(p, family, "n", 1, 200));
    const rational mu = classic::positive_param(p, family, "mu");
    const rational L = p.get<rational>("L");
    if (!(L >= mu)) {
      throw std::invalid_argument(family + ": parameter 'L' = " + p.text("L") + " must be >= 'mu' = " + p.text("mu"));
    }
    if (n == 1 && L != mu) {
      throw std::invalid_argument(family + ": with n = 1 the parameters 'mu' and 'L' must be equal");
    }
    for (int k = 0; k < n; ++k) {
      if (k == 0) {
        ev.push_back(mu);
      } else if (k == n - 1) {
        ev.push_back(L);
      } else if (kind == "linear") {
        ev.push_back(mu + (L - mu) * rational(k, n - 1));
      } else {
        // mu (L/mu)^(k/(n-1)), rounded in mp100 to the grid 2^-60 * mu (documented, exact thereafter).
        mp100 r = pow(mp100(L / mu), mp100(k) / mp100(n - 1));
        mp100 scaled = ldexp(r, 60);
        mpz_int m;
        mpfr_get_z(m.backend().data(), scaled.backend().data(), MPFR_RNDN);
        ev.push_back(mu * rational(m, mpz_int(1) << 60));
      }
    }
  } else {
    throw std::invalid_argument(family + ": parameter 'spectrum' = \"" + kind +
                                "\" must be one of linear, geometric, list");
  }
  if (negative_count > static_cast<int>(ev.size())) {
    throw std::invalid_argument(family + ": parameter 'negative' = " + std::to_string(negative_count) +
                                " must lie in [0, n = " + std::to_string(ev.size()) + "]");
  }
  std::stable_sort(ev.begin(), ev.end(), [](const rational& a, const rational& b) { return abs(a) < abs(b); });
  for (int k = 0; k < negative_count; ++k) ev[k] = -ev[k];
  return ev;
}

std::vector<rational> deep_spectrum(std::uint64_t seed) {
  SeededStream stream(~seed);
  std::vector<rational> ev;
  for (int k = 0; k < 90; ++k) ev.push_back(rational(1) - stream.uniform(0, 1, 20));    // (0, 1]
  for (int k = 0; k < 10; ++k) ev.push_back(rational(90) - stream.uniform(30, 60, 20));  // (30, 60]
  return ev;
}

}  // namespace ov::problems::generated
