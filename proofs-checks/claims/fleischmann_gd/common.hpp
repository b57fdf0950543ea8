// Small helpers shared by the fleischmann_gd claims (003 Ch. 3-4): JSON of vectors, a Series
// object (docs/report-schema.md), seeded rational draws, and an exact null vector.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "analysis/numeric/linear_algebra.hpp"
#include "analysis/numeric/rounding.hpp"
#include "analysis/numeric/scalars.hpp"
#include "analysis/numeric/string_io.hpp"
#include "optim/core/random.hpp"

namespace ov::claims::fgd {

inline constexpr const char* kThesis = "003_61d556b637c4f269.txt";  // Fleischmann's thesis

template <class V>
nlohmann::json vec_json(const V& v) {
  nlohmann::json a = nlohmann::json::array();
  for (Eigen::Index i = 0; i < v.size(); ++i) a.push_back(ov::to_string(v[i]));
  return a;
}

inline double dbl(const rational& q) { return round_to<double>(q); }

// A report-schema Series.
inline nlohmann::json series(const std::string& name, const std::string& plot, const std::string& role,
                             const nlohmann::json& x, const nlohmann::json& y, const std::string& x_label,
                             const std::string& y_label, bool log_y, const std::string& kind = "convergence") {
  return {{"name", name},       {"plot", plot}, {"kind", kind},         {"role", role},
          {"x", x},             {"y", y},       {"x_label", x_label},   {"y_label", y_label},
          {"log_x", false},     {"log_y", log_y}};
}

// A seeded rational in [-R, R] on the grid 1/den (den >= 1).
inline rational draw(optim::SplitMix64& rng, long R, long den) {
  const long k = static_cast<long>(rng.below(static_cast<std::uint64_t>(2 * R * den + 1))) - R * den;
  return rational(k) / rational(den);
}

inline Vec<rational> draw_vec(optim::SplitMix64& rng, int n, long R, long den) {
  Vec<rational> v(n);
  for (int i = 0; i < n; ++i) v[i] = draw(rng, R, den);
  return v;
}

// A nonzero vector of the null space of a square rational matrix M (exact Gauss-Jordan); empty
// when M is nonsingular.
inline Vec<rational> null_vector(Mat<rational> M) {
  const int n = static_cast<int>(M.rows());
  std::vector<int> pivot_col;
  int r = 0;
  for (int c = 0; c < n && r < n; ++c) {
    int p = -1;
    for (int i = r; i < n; ++i)
      if (M(i, c) != 0) { p = i; break; }
    if (p < 0) continue;
    M.row(r).swap(M.row(p));
    const rational inv = rational(1) / M(r, c);
    M.row(r) *= inv;
    for (int i = 0; i < n; ++i)
      if (i != r && M(i, c) != 0) {
        const rational f = M(i, c);
        M.row(i) -= f * M.row(r);
      }
    pivot_col.push_back(c);
    ++r;
  }
  if (r == n) return {};
  int free = 0;
  for (int c = 0, k = 0; c < n; ++c) {
    if (k < static_cast<int>(pivot_col.size()) && pivot_col[static_cast<std::size_t>(k)] == c) { ++k; continue; }
    free = c;
    break;
  }
  Vec<rational> v = Vec<rational>::Zero(n);
  v[free] = 1;
  for (int k = 0; k < r; ++k) v[pivot_col[static_cast<std::size_t>(k)]] = -M(k, free);
  return v;
}

}  // namespace ov::claims::fgd
