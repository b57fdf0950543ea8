// RapidCheck generators for the numeric world. All randomness in properties goes
// through RapidCheck so failures shrink and replay (RC_PARAMS="reproduce=...").
// gen::inRange is integer-only and arbitrary<double> never yields tiny, huge or
// non-finite values (anchors-verified-numerics.md §3.2), hence these.
//
// Sections:
//   doubles             real_in, real_log_scale, subnormal, signed_zero, any_double (NaN/inf only on request)
//   points              point_in_box, point_near (log-scaled radius), to_vec
//   exact values in T   real<T> (a grid exactly representable in T), widened<T>, rational_in, vec<T>
//   matrices            skew_rational, cayley, orthogonal_rational, spd_matrix<T> (prescribed spectrum in
//                       [mu, L], extremes pinned), normal_matrix<T> (prescribed complex spectrum),
//                       round_matrix<T>
//   hyper-parameters    open_unit, half_open_unit, step_size (0, 2/L), safe_step_size (0, 1/L],
//                       armijo_c (0, 1/2), backtracking_beta (0, 1), momentum [0, 1), wolfe_constants,
//                       learning_rate (log-uniform)
//
// Generators that take a range throw std::invalid_argument naming the bad argument.
#pragma once

#include <rapidcheck.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdint>
#include <limits>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <vector>

#include "analysis/numeric/decompositions.hpp"
#include "analysis/numeric/linear_algebra.hpp"
#include "analysis/numeric/rounding.hpp"
#include "analysis/numeric/scalars.hpp"

namespace ov::gen {

// ---------------------------------------------------------------- doubles

// Uniform on the 2^53-point grid of [lo, hi); shrinks towards lo.
inline rc::Gen<double> real_in(double lo, double hi) {
  return rc::gen::map(rc::gen::inRange<std::int64_t>(0, std::int64_t(1) << 53), [=](std::int64_t k) {
    return lo + (hi - lo) * std::ldexp(static_cast<double>(k), -53);
  });
}

enum class Sign { any, positive, negative };

namespace detail {
inline rc::Gen<double> with_sign(rc::Gen<double> magnitude, Sign sign) {
  if (sign == Sign::positive) return magnitude;
  if (sign == Sign::negative) return rc::gen::map(magnitude, [](double m) { return -m; });
  return rc::gen::apply([](double m, bool neg) { return neg ? -m : m; }, magnitude, rc::gen::arbitrary<bool>());
}
inline void require(bool ok, const std::string& what) {
  if (!ok) throw std::invalid_argument(what);
}
}  // namespace detail

// Log-uniform magnitude in [min_abs, max_abs] (0 < min_abs <= max_abs <= DBL_MAX):
// a binary exponent uniform over the range, a uniform 52-bit mantissa in [1, 2),
// clamped into the range. Shrinks towards min_abs.
inline rc::Gen<double> real_log_scale(double min_abs, double max_abs, Sign sign = Sign::any) {
  detail::require(min_abs > 0 && min_abs <= max_abs && std::isfinite(max_abs),
                  "real_log_scale: need 0 < min_abs <= max_abs < inf, got min_abs=" + std::to_string(min_abs) +
                      ", max_abs=" + std::to_string(max_abs));
  const int emin = std::ilogb(min_abs), emax = std::ilogb(max_abs);
  auto magnitude = rc::gen::apply(
      [=](int e, std::int64_t frac) {
        const double m = 1.0 + std::ldexp(static_cast<double>(frac), -52);  // [1, 2)
        return std::clamp(std::ldexp(m, e), min_abs, max_abs);
      },
      // exponent and mantissa uniform at every size (resize), not only at large sizes
      rc::gen::resize(rc::kNominalSize, rc::gen::inRange(emin, emax + 1)),
      rc::gen::resize(rc::kNominalSize, rc::gen::inRange<std::int64_t>(0, std::int64_t(1) << 52)));
  return detail::with_sign(magnitude, sign);
}

// A subnormal double k * 2^-1074, k in [1, 2^52).
inline rc::Gen<double> subnormal(Sign sign = Sign::any) {
  auto magnitude = rc::gen::map(rc::gen::inRange<std::int64_t>(1, std::int64_t(1) << 52), [](std::int64_t k) {
    return static_cast<double>(k) * std::numeric_limits<double>::denorm_min();  // exact
  });
  return detail::with_sign(magnitude, sign);
}

inline rc::Gen<double> signed_zero() { return rc::gen::element(0.0, -0.0); }

// Which non-finite values any_double may produce; none unless asked.
struct NonFinite {
  bool nan = false;
  bool infinities = false;
};

// Every kind of finite double, weighted: moderate [-4, 4] (30), log-uniform over the
// whole normal range (25), tiny [DBL_MIN, 2^-960] (10), huge [2^960, DBL_MAX] (10),
// subnormal (10), +-0 (5); plus NaN (5) and +-inf (5) when asked.
inline rc::Gen<double> any_double(NonFinite non_finite = {}) {
  std::vector<std::pair<std::size_t, rc::Gen<double>>> parts = {
      {30, real_in(-4.0, 4.0)},
      {25, real_log_scale(DBL_MIN, DBL_MAX)},
      {10, real_log_scale(DBL_MIN, std::ldexp(1.0, -960))},
      {10, real_log_scale(std::ldexp(1.0, 960), DBL_MAX)},
      {10, subnormal()},
      {5, signed_zero()},
  };
  if (non_finite.nan) parts.push_back({5, rc::gen::just(std::numeric_limits<double>::quiet_NaN())});
  if (non_finite.infinities)
    parts.push_back({5, rc::gen::element(std::numeric_limits<double>::infinity(),
                                         -std::numeric_limits<double>::infinity())});
  return rc::gen::exec([parts] {
    std::size_t total = 0;
    for (const auto& p : parts) total += p.first;
    // Size-independent choice (resize), shrinking towards the first, moderate part.
    std::size_t pick = *rc::gen::resize(rc::kNominalSize, rc::gen::inRange<std::size_t>(0, total));
    for (const auto& p : parts) {
      if (pick < p.first) return *p.second;
      pick -= p.first;
    }
    return 0.0;
  });
}

// ---------------------------------------------------------------- points

// A point of the box [lo_i, hi_i] (double coordinates, exactly representable in
// every wider scalar).
inline rc::Gen<std::vector<double>> point_in_box(const std::vector<double>& lo, const std::vector<double>& hi) {
  return rc::gen::exec([lo, hi] {
    std::vector<double> x(lo.size());
    for (std::size_t i = 0; i < lo.size(); ++i) x[i] = *real_in(lo[i], hi[i]);
    return x;
  });
}

// center + r * u with u a direction drawn from [-1, 1]^n (not all zero, scaled to
// max-norm 1) and r log-uniform in [min_radius, max_radius]: so the max-norm
// distance to center is r up to the final rounding of each coordinate to double.
inline rc::Gen<std::vector<double>> point_near(const std::vector<double>& center, double min_radius,
                                               double max_radius) {
  detail::require(!center.empty(), "point_near: center must be non-empty");
  detail::require(min_radius > 0 && min_radius <= max_radius,
                  "point_near: need 0 < min_radius <= max_radius, got " + std::to_string(min_radius) + ", " +
                      std::to_string(max_radius));
  return rc::gen::exec([center, min_radius, max_radius] {
    const double r = *real_log_scale(min_radius, max_radius, Sign::positive);
    std::vector<double> u(center.size());
    double norm = 0;
    for (auto& ui : u) {
      ui = *real_in(-1.0, 1.0);
      norm = std::max(norm, std::abs(ui));
    }
    if (norm == 0) {
      u[0] = 1;
      norm = 1;
    }
    std::vector<double> x(center.size());
    for (std::size_t i = 0; i < x.size(); ++i) x[i] = center[i] + r * (u[i] / norm);
    return x;
  });
}

template <class T>
Vec<T> to_vec(const std::vector<double>& x) {
  Vec<T> v(static_cast<Eigen::Index>(x.size()));
  for (std::size_t i = 0; i < x.size(); ++i) v[static_cast<Eigen::Index>(i)] = T(x[i]);
  return v;
}

// ---------------------------------------------------------------- exact values in T

// Significand bits of T available to a double value (float: 24, every other scalar
// holds a double exactly).
template <class T>
constexpr int exact_bits() {
  return std::is_same_v<T, float> ? 24 : 53;
}

// A value k * 2^-b in [lo, hi], exactly representable in T (and in every wider
// scalar): b is the largest exponent with |k| < 2^exact_bits<T>() over the range.
// Shrinks towards lo.
template <class T>
rc::Gen<T> real(double lo, double hi) {
  detail::require(std::isfinite(lo) && std::isfinite(hi) && lo <= hi,
                  "real<T>: need finite lo <= hi, got lo=" + std::to_string(lo) + ", hi=" + std::to_string(hi));
  const double m = std::max(std::abs(lo), std::abs(hi));
  if (m == 0) return rc::gen::just(T(0));
  const int b = std::min(exact_bits<T>() - 2 - std::ilogb(m), 1074);
  const auto klo = static_cast<std::int64_t>(std::ceil(std::ldexp(lo, b)));
  const auto khi = static_cast<std::int64_t>(std::floor(std::ldexp(hi, b)));
  return rc::gen::map(rc::gen::inRange<std::int64_t>(klo, khi + 1), [b](std::int64_t k) {
    return T(std::ldexp(static_cast<double>(k), -b));  // exact: |k| < 2^(exact_bits-1)
  });
}

// Doubles from g widened exactly into T (T must hold every double).
template <class T>
rc::Gen<T> widened(rc::Gen<double> g) {
  static_assert(!std::is_same_v<T, float>, "widened<float> would round; use real<float>");
  return rc::gen::map(std::move(g), [](double d) { return T(d); });
}

// p/q with q in [1, max_den] and p/q in [lo, hi] (so non-dyadic values like 1/3 appear).
inline rc::Gen<rational> rational_in(long lo, long hi, long max_den) {
  detail::require(lo <= hi && max_den >= 1,
                  "rational_in: need lo <= hi and max_den >= 1, got lo=" + std::to_string(lo) +
                      ", hi=" + std::to_string(hi) + ", max_den=" + std::to_string(max_den));
  return rc::gen::exec([=] {
    const long q = *rc::gen::inRange<long>(1, max_den + 1);
    const long p = *rc::gen::inRange<long>(lo * q, hi * q + 1);
    return rational(p) / q;
  });
}

template <class T>
rc::Gen<Vec<T>> vec(int n, double lo, double hi) {
  return rc::gen::exec([=] {
    Vec<T> v(n);
    for (int i = 0; i < n; ++i) v[i] = *real<T>(lo, hi);
    return v;
  });
}

// ---------------------------------------------------------------- matrices

template <class T>
Mat<T> round_matrix(const Mat<rational>& A) {
  Mat<T> R(A.rows(), A.cols());
  for (Eigen::Index i = 0; i < A.rows(); ++i)
    for (Eigen::Index j = 0; j < A.cols(); ++j) R(i, j) = round_to<T>(A(i, j));
  return R;
}
template <class T>
Vec<T> round_vector(const Vec<rational>& v) {
  Vec<T> r(v.size());
  for (Eigen::Index i = 0; i < v.size(); ++i) r[i] = round_to<T>(v[i]);
  return r;
}

// A random skew-symmetric rational K (K^T = -K) with entries a/den, |a| <= max_num.
inline rc::Gen<Mat<rational>> skew_rational(int n, int max_num = 4, int den = 4) {
  detail::require(n >= 1 && max_num >= 0 && den >= 1, "skew_rational: need n >= 1, max_num >= 0, den >= 1");
  return rc::gen::exec([=] {
    Mat<rational> K = Mat<rational>::Zero(n, n);
    for (int i = 0; i < n; ++i)
      for (int j = i + 1; j < n; ++j) {
        K(i, j) = rational(*rc::gen::inRange(-max_num, max_num + 1)) / den;
        K(j, i) = -K(i, j);
      }
    return K;
  });
}

// The Cayley transform Q = (I - K)(I + K)^{-1} of a skew-symmetric K: exactly
// orthogonal (Q^T Q = I in rational arithmetic). I + K is always invertible because
// the eigenvalues of K are purely imaginary.
inline Mat<rational> cayley(const Mat<rational>& K) {
  const Eigen::Index n = K.rows();
  const Mat<rational> I = Mat<rational>::Identity(n, n);
  // Q = (I - K)(I + K)^{-1} = ((I + K)^{-T} (I - K)^T)^T = ((I - K)^{-1} (I + K))^T ... use
  // (I - K) and (I + K) commute, so Q = (I + K)^{-1} (I - K).
  return exact_solve(Mat<rational>(I + K), Mat<rational>(I - K));
}

inline rc::Gen<Mat<rational>> orthogonal_rational(int n) {
  return rc::gen::map(skew_rational(n), [](const Mat<rational>& K) { return cayley(K); });
}

// A symmetric positive definite matrix with a prescribed spectrum:
// A_exact = Q diag(lambda) Q^T with Q exactly orthogonal (Cayley) and lambda sorted
// ascending, lambda_1 = mu and lambda_n = L pinned (n >= 2), the others on the grid
// mu + (L - mu) k / 2^16. A is A_exact rounded once per entry to T (exact for rational,
// an enclosure for interval), eigenvalues is lambda rounded to T.
template <class T>
struct SpdSample {
  Mat<T> A;
  Vec<T> eigenvalues;
  Mat<rational> A_exact;
  Mat<rational> Q;
  Vec<rational> lambda;
};

template <class T>
rc::Gen<SpdSample<T>> spd_matrix(int n, const rational& mu, const rational& L) {
  detail::require(n >= 1, "spd_matrix: need n >= 1, got " + std::to_string(n));
  detail::require(mu > 0 && mu <= L, "spd_matrix: need 0 < mu <= L");
  detail::require(n >= 2 || mu == L, "spd_matrix: n = 1 cannot pin both mu and L unless mu == L");
  return rc::gen::exec([=] {
    Vec<rational> lambda(n);
    lambda[0] = mu;
    lambda[n - 1] = L;
    for (int i = 1; i + 1 < n; ++i)
      lambda[i] = mu + (L - mu) * rational(*rc::gen::inRange(0, (1 << 16) + 1)) / (1 << 16);
    std::sort(lambda.data(), lambda.data() + n);
    const Mat<rational> Q = *orthogonal_rational(n);
    Mat<rational> A_exact = Q * lambda.asDiagonal() * Q.transpose();
    SpdSample<T> s;
    s.A = round_matrix<T>(A_exact);
    s.eigenvalues = round_vector<T>(lambda);
    s.A_exact = std::move(A_exact);
    s.Q = Q;
    s.lambda = lambda;
    return s;
  });
}

template <class T>
rc::Gen<SpdSample<T>> spd_matrix(int n, double mu, double L) {
  return spd_matrix<T>(n, rational(mu), rational(L));
}

// A real normal matrix A_exact = Q B Q^T with exactly known (complex) eigenvalues:
// B is block diagonal with `pairs` rotation-like blocks [[a, -b], [b, a]] (eigenvalues
// a +- i b, b > 0) followed by `reals` real eigenvalues, all on the grid k/8 in [-4, 4].
// eig_re/eig_im list the eigenvalues sorted by (real part, imaginary part).
template <class T>
struct NormalSample {
  Mat<T> A;
  Mat<rational> A_exact;
  Vec<rational> eig_re, eig_im;
};

template <class T>
rc::Gen<NormalSample<T>> normal_matrix(int pairs, int reals) {
  detail::require(pairs >= 0 && reals >= 0 && pairs + reals >= 1, "normal_matrix: need pairs, reals >= 0, not both 0");
  return rc::gen::exec([=] {
    const int n = 2 * pairs + reals;
    Mat<rational> B = Mat<rational>::Zero(n, n);
    std::vector<std::pair<rational, rational>> ev;
    auto grid = [] { return rational(*rc::gen::inRange(-32, 33)) / 8; };
    for (int p = 0; p < pairs; ++p) {
      const rational a = grid();
      const rational b = rational(*rc::gen::inRange(1, 33)) / 8;
      B(2 * p, 2 * p) = a;
      B(2 * p + 1, 2 * p + 1) = a;
      B(2 * p, 2 * p + 1) = -b;
      B(2 * p + 1, 2 * p) = b;
      ev.push_back({a, -b});
      ev.push_back({a, b});
    }
    for (int r = 0; r < reals; ++r) {
      const rational a = grid();
      B(2 * pairs + r, 2 * pairs + r) = a;
      ev.push_back({a, rational(0)});
    }
    std::sort(ev.begin(), ev.end());
    const Mat<rational> Q = *orthogonal_rational(n);
    NormalSample<T> s;
    s.A_exact = Q * B * Q.transpose();
    s.A = round_matrix<T>(s.A_exact);
    s.eig_re.resize(n);
    s.eig_im.resize(n);
    for (int i = 0; i < n; ++i) {
      s.eig_re[i] = ev[static_cast<std::size_t>(i)].first;
      s.eig_im[i] = ev[static_cast<std::size_t>(i)].second;
    }
    return s;
  });
}

// ---------------------------------------------------------------- hyper-parameters
// All values are dyadic k / 2^20, exact in every scalar (float included); shrinking
// moves k towards its lower bound.

namespace detail {
constexpr std::int64_t kUnitGrid = std::int64_t(1) << 20;
template <class T>
rc::Gen<T> unit_grid(std::int64_t k_lo, std::int64_t k_hi_exclusive) {
  return rc::gen::map(rc::gen::inRange<std::int64_t>(k_lo, k_hi_exclusive), [](std::int64_t k) {
    return T(static_cast<double>(k)) / T(static_cast<double>(kUnitGrid));
  });
}
}  // namespace detail

// (0, 1)
template <class T>
rc::Gen<T> open_unit() {
  return detail::unit_grid<T>(1, detail::kUnitGrid);
}
// [0, 1)
template <class T>
rc::Gen<T> half_open_unit() {
  return detail::unit_grid<T>(0, detail::kUnitGrid);
}
// A gradient step in (0, 2/L), the stability range of gradient descent on an
// L-smooth function: 2u/L with u in (0, 1 - 2^-20]; one rounding of 2u/L stays below
// 2/L in every scalar whose unit roundoff is below 2^-21.
template <class T>
rc::Gen<T> step_size(const T& L) {
  if (!(L > T(0))) throw std::invalid_argument("step_size: need L > 0");
  return rc::gen::map(open_unit<T>(), [L](const T& u) { return T(T(2) * u / L); });
}
// A step in (0, 1/L] (the classical safe step): u/L with u in (0, 1].
template <class T>
rc::Gen<T> safe_step_size(const T& L) {
  if (!(L > T(0))) throw std::invalid_argument("safe_step_size: need L > 0");
  return rc::gen::map(detail::unit_grid<T>(1, detail::kUnitGrid + 1), [L](const T& u) { return T(u / L); });
}
// Armijo sufficient-decrease constant c in (0, 1/2) (Boyd & Vandenberghe's alpha).
template <class T>
rc::Gen<T> armijo_c() {
  return detail::unit_grid<T>(1, detail::kUnitGrid / 2);
}
// Backtracking contraction factor beta in (0, 1).
template <class T>
rc::Gen<T> backtracking_beta() {
  return open_unit<T>();
}
// Heavy-ball / Nesterov momentum beta in [0, 1).
template <class T>
rc::Gen<T> momentum() {
  return half_open_unit<T>();
}
// Wolfe constants 0 < c1 < c2 < 1.
template <class T>
struct WolfeConstants {
  T c1, c2;
};
template <class T>
rc::Gen<WolfeConstants<T>> wolfe_constants() {
  return rc::gen::exec([] {
    const auto k1 = *rc::gen::inRange<std::int64_t>(1, detail::kUnitGrid - 1);
    const auto k2 = *rc::gen::inRange<std::int64_t>(k1 + 1, detail::kUnitGrid);
    const T g(static_cast<double>(detail::kUnitGrid));
    return WolfeConstants<T>{T(static_cast<double>(k1)) / g, T(static_cast<double>(k2)) / g};
  });
}
// A learning rate log-uniform in [lo, hi] (0 < lo <= hi) with a 20-bit mantissa, so
// it is exact in every scalar (float included); lo and hi are first moved inwards to
// that grid.
template <class T>
rc::Gen<T> learning_rate(double lo, double hi) {
  auto to_grid = [](double x, bool up) {
    int e = 0;
    const double m = std::frexp(x, &e);
    return std::ldexp(up ? std::ceil(std::ldexp(m, 20)) : std::floor(std::ldexp(m, 20)), e - 20);
  };
  const double glo = to_grid(lo, true), ghi = to_grid(hi, false);
  detail::require(lo > 0 && glo <= ghi, "learning_rate: need 0 < lo <= hi with a 20-bit grid point between, got lo=" +
                                            std::to_string(lo) + ", hi=" + std::to_string(hi));
  return rc::gen::map(real_log_scale(glo, ghi, Sign::positive), [=](double x) {
    int e = 0;
    const double m = std::frexp(x, &e);
    return T(std::clamp(std::ldexp(std::round(std::ldexp(m, 20)), e - 20), glo, ghi));
  });
}

}  // namespace ov::gen
