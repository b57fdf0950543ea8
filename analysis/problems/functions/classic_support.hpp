// Small helpers shared by the classic and generated problem families
// (catalog_classics.hpp): parameter validation with clear messages, boxes and
// repeated coordinates for n-dimensional metadata, and a cheap product of a base
// scalar with a (nested) Jet.
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

#include "analysis/numeric/lift.hpp"
#include "analysis/problems/params.hpp"

namespace ov::problems::classic {

// An integer parameter in [lo, hi]; throws naming the family, the parameter and the range.
inline long int_param(const Params& p, const std::string& family, const std::string& key, long lo, long hi) {
  long v = 0;
  try {
    v = p.get_int(key);
  } catch (const std::invalid_argument&) {
    throw std::invalid_argument(family + ": parameter '" + key + "' = \"" + p.text(key) + "\" must be an integer in [" +
                                std::to_string(lo) + ", " + std::to_string(hi) + "]");
  }
  if (v < lo || v > hi) {
    throw std::invalid_argument(family + ": parameter '" + key + "' = " + std::to_string(v) + " must lie in [" +
                                std::to_string(lo) + ", " + std::to_string(hi) + "]");
  }
  return v;
}

// A rational parameter, checked to be > lo (strict) or >= lo.
inline rational positive_param(const Params& p, const std::string& family, const std::string& key) {
  rational v = p.get<rational>(key);
  if (!(v > 0)) throw std::invalid_argument(family + ": parameter '" + key + "' = " + p.text(key) + " must be > 0");
  return v;
}

inline std::vector<double> filled(int n, double v) { return std::vector<double>(static_cast<std::size_t>(n), v); }
inline std::vector<std::string> repeated(int n, const std::string& s) {
  return std::vector<std::string>(static_cast<std::size_t>(n), s);
}

// a * x for a base scalar a and T = S or a nested Jet over S: one S product per
// component (lift<T>(a) * x would multiply full Jets).
template <class T, class S>
T scaled(const S& a, const T& x) {
  if constexpr (is_jet_v<T>) {
    T r;
    r.a = scaled(a, x.a);
    for (int k = 0; k < r.v.size(); ++k) r.v[k] = scaled(a, x.v[k]);
    return r;
  } else {
    return a * x;
  }
}

}  // namespace ov::problems::classic

namespace ov::problems::generated {
// An exact constant expression "p/q" (or "p") for a rational (exact_constant.hpp reads it back exactly).
inline std::string constant_string(const rational& q) { return q.str(); }
}  // namespace ov::problems::generated
