// ErrorSequence<S>: a sequence err_k >= 0 indexed by the iteration k, the input of every rate
// analysis (docs/rates.md). It is plain data: values that no analysis can use (exact zeros,
// negative values, NaN, +-inf) may be stored; each analysis excludes them and COUNTS them
// (Exclusions), it never drops them silently.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "analysis/numeric/elementary.hpp"
#include "analysis/numeric/scalars.hpp"
#include "optim/core/scalar_ops.hpp"

namespace ov::rates {

// A closed range of iterations [k0, k1].
struct Window {
  std::int64_t k0 = 0;
  std::int64_t k1 = 0;
  bool contains(std::int64_t k) const { return k0 <= k && k <= k1; }
};

// The coordinates of a fit: log err against log k (empirical order, err ~ C k^-p) or
// log err against k (geometric rate, err ~ C q^k).
enum class Axis { log_k, k };
inline const char* to_string(Axis a) { return a == Axis::log_k ? "log-log" : "semi-log"; }

template <class S>
struct ErrorSequence {
  std::string name = "err";        // what err_k measures, e.g. "f(x_k) - f*"
  std::vector<std::int64_t> k;     // strictly increasing, >= 0
  std::vector<S> err;              // err_k (same length as k)
  std::size_t missing = 0;         // source rows that lacked the quantity (trace extraction)

  std::size_t size() const { return k.size(); }
};

// Builds a sequence, checking that k and err have the same length and that k is strictly
// increasing and non-negative (std::invalid_argument naming the index and the value).
template <class S>
ErrorSequence<S> make_sequence(std::vector<std::int64_t> k, std::vector<S> err, std::string name = "err") {
  if (k.size() != err.size()) {
    throw std::invalid_argument("make_sequence: k has " + std::to_string(k.size()) + " entries but err has " +
                                std::to_string(err.size()) + " (they must have the same length)");
  }
  for (std::size_t i = 0; i < k.size(); ++i) {
    if (k[i] < 0) {
      throw std::invalid_argument("make_sequence: k[" + std::to_string(i) + "] = " + std::to_string(k[i]) +
                                  " is negative (valid range: k >= 0)");
    }
    if (i > 0 && k[i] <= k[i - 1]) {
      throw std::invalid_argument("make_sequence: k[" + std::to_string(i) + "] = " + std::to_string(k[i]) +
                                  " does not exceed k[" + std::to_string(i - 1) + "] = " + std::to_string(k[i - 1]) +
                                  " (k must be strictly increasing)");
    }
  }
  ErrorSequence<S> s;
  s.name = std::move(name);
  s.k = std::move(k);
  s.err = std::move(err);
  return s;
}

// Why a point cannot enter a fit in logarithmic coordinates.
enum class PointStatus { usable, zero, negative, non_finite, k_not_positive };

// Counts of excluded points (reported with every fit and detection).
struct Exclusions {
  std::size_t zeros = 0;           // err_k == 0 exactly (log undefined; e.g. exact convergence)
  std::size_t negatives = 0;       // err_k < 0 (e.g. f(x_k) - f* below a wrong f*)
  std::size_t non_finite = 0;      // NaN or +-inf
  std::size_t k_not_positive = 0;  // k = 0 in a log-log fit (log 0 undefined)
  std::size_t total() const { return zeros + negatives + non_finite + k_not_positive; }
  void add(PointStatus s) {
    switch (s) {
      case PointStatus::zero: ++zeros; break;
      case PointStatus::negative: ++negatives; break;
      case PointStatus::non_finite: ++non_finite; break;
      case PointStatus::k_not_positive: ++k_not_positive; break;
      case PointStatus::usable: break;
    }
  }
};

template <class S>
PointStatus classify(std::int64_t k, const S& err, Axis axis) {
  if (!ov::optim::ops::is_finite(err)) return PointStatus::non_finite;
  if (err == 0) return PointStatus::zero;
  if (err < 0) return PointStatus::negative;
  if (axis == Axis::log_k && k <= 0) return PointStatus::k_not_positive;
  return PointStatus::usable;
}

// A scalar as a double (for plots and for the heuristic window search, never for decisions).
template <class S>
double to_double(const S& x) {
  if constexpr (std::is_arithmetic_v<S>) return static_cast<double>(x);
  else return x.template convert_to<double>();
}

// The abscissa of a point in the chosen coordinates, computed in S.
template <class S>
S abscissa(std::int64_t k, Axis axis) {
  return axis == Axis::log_k ? S(ov::num::log(S(k))) : S(k);
}

}  // namespace ov::rates
