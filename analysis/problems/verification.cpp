#include "analysis/problems/verification.hpp"

#include <fmt/format.h>

#include <Eigen/LU>
#include <algorithm>
#include <cctype>
#include <chrono>
#include <cmath>
#include <exception>
#include <functional>
#include <limits>
#include <map>

#include "analysis/autodiff/finite_difference.hpp"
#include "analysis/problems/seeded_data.hpp"

namespace ov::problems {

const char* to_string(CheckStatus s) {
  switch (s) {
    case CheckStatus::pass: return "pass";
    case CheckStatus::fail: return "FAIL";
    case CheckStatus::skipped: return "skipped";
  }
  return "?";
}

bool ProblemCheckReport::passed() const {
  return std::none_of(items.begin(), items.end(), [](const CheckItem& i) { return i.status == CheckStatus::fail; });
}

namespace {

using R = mp100;

R eps_ref() { return std::numeric_limits<R>::epsilon(); }
// eps100^(3/4) ~ 1e-74: agreement of two mp100 computations of the same
// quantity by different formulas (allows a quarter of the digits to cancel).
R agreement_rel() {
  using std::exp;
  using std::log;
  return exp(log(eps_ref()) * 3 / 4);
}

double d(const R& x) { return static_cast<double>(x); }
std::string g3(double x) { return fmt::format("{:.3g}", x); }
std::string g3(const R& x) { return g3(d(x)); }

R norm_inf(const Vec<R>& v) {
  using std::abs;
  R m(0);
  for (Eigen::Index i = 0; i < v.size(); ++i) m = abs(v[i]) > m ? R(abs(v[i])) : m;
  return m;
}
R max_abs(const Mat<R>& a) {
  using std::abs;
  R m(0);
  for (Eigen::Index i = 0; i < a.size(); ++i) m = abs(a.data()[i]) > m ? R(abs(a.data()[i])) : m;
  return m;
}

template <class T>
Vec<T> from_doubles(const std::vector<double>& x) {
  Vec<T> v(static_cast<Eigen::Index>(x.size()));
  for (std::size_t i = 0; i < x.size(); ++i) v[static_cast<Eigen::Index>(i)] = T(x[i]);
  return v;
}

std::string point_text(const std::vector<double>& x) {
  std::string s = "(";
  for (std::size_t i = 0; i < x.size() && i < 6; ++i) s += (i ? ", " : "") + fmt::format("{:.6g}", x[i]);
  if (x.size() > 6) s += ", ...";
  return s + ")";
}

CheckItem item(std::string name, bool ok, std::string detail, double measured, double tolerance) {
  return CheckItem{std::move(name), ok ? CheckStatus::pass : CheckStatus::fail, std::move(detail), measured, tolerance};
}
CheckItem skipped(std::string name, std::string why) {
  return CheckItem{std::move(name), CheckStatus::skipped, std::move(why), 0, 0};
}

// Runs a check; exceptions become failed (or, for an unsupported scalar, skipped) items.
template <class Fn>
std::vector<CheckItem> guarded(const std::string& name, Fn&& fn) {
  try {
    return fn();
  } catch (const unsupported_scalar& e) {
    return {skipped(name, e.what())};
  } catch (const std::exception& e) {
    return {item(name, false, std::string("exception: ") + e.what(), 0, 0)};
  }
}

bool exact_in_rational(const Problem& p, const std::vector<std::string>& coords) {
  if (!p.info().rational_exact || !p.supports<rational>()) return false;
  try {
    for (const auto& c : coords) (void)constant<rational>(c);
    return true;
  } catch (const std::exception&) {
    return false;  // sqrt of a non-square, pi, e: not rational
  }
}

// Significant digits of a plain decimal literal ("-3.4419e-01" -> 5); 0 for
// anything else (fractions, sqrt, pi: exact expressions).
int decimal_digits(const std::string& expr) {
  std::size_t i = 0;
  if (i < expr.size() && (expr[i] == '-' || expr[i] == '+')) ++i;
  std::string mant;
  bool dot = false;
  for (; i < expr.size(); ++i) {
    const char c = expr[i];
    if (std::isdigit(static_cast<unsigned char>(c))) mant += c;
    else if (c == '.' && !dot) dot = true;
    else break;
  }
  if (i < expr.size() && (expr[i] == 'e' || expr[i] == 'E')) {
    ++i;
    if (i < expr.size() && (expr[i] == '-' || expr[i] == '+')) ++i;
    const std::size_t start = i;
    while (i < expr.size() && std::isdigit(static_cast<unsigned char>(expr[i]))) ++i;
    if (i == start) return 0;
  }
  if (i != expr.size() || mant.empty()) return 0;
  const std::size_t nz = mant.find_first_not_of('0');
  if (nz == std::string::npos) return 1;
  std::size_t last = mant.find_last_not_of('0');
  return static_cast<int>(last - nz + 1);
}

std::uint64_t name_hash(const std::string& s) {
  std::uint64_t h = 1469598103934665603ULL;  // FNV-1a
  for (unsigned char c : s) h = (h ^ c) * 1099511628211ULL;
  return h;
}

// Up to this dimension derivatives are checked entry by entry against finite
// differences; above it along test directions (a wrong entry shows in H v or
// g . v unless it cancels exactly against another, which the two unrelated
// weightings below make implausible).
constexpr Eigen::Index kFullDerivativeDim = 8;

// v1 = s (1, ..., 1), v2 = s ((-1)^i (i + 1) / n), s = max(1, |x|_inf), so that
// the step along v has the size of a coordinate step.
std::vector<Vec<R>> test_directions(const Vec<R>& x) {
  const Eigen::Index n = x.size();
  const R s = norm_inf(x) > 1 ? norm_inf(x) : R(1);
  Vec<R> v1 = Vec<R>::Constant(n, s), v2(n);
  for (Eigen::Index i = 0; i < n; ++i) v2[i] = (i % 2 ? R(-1) : R(1)) * R(static_cast<long>(i + 1)) / R(static_cast<long>(n)) * s;
  return {v1, v2};
}

// The worst of several per-point items with the same name: a failure if any
// failed, else the one with the largest measured / tolerance.
CheckItem worst_of(const std::vector<CheckItem>& v, std::size_t points) {
  const CheckItem* worst = nullptr;
  auto score = [](const CheckItem& i) {
    int s = i.status == CheckStatus::fail ? 2 : i.status == CheckStatus::pass ? 1 : 0;
    double r = i.tolerance > 0 ? i.measured / i.tolerance : i.measured;
    return std::make_pair(s, r);
  };
  for (const auto& i : v)
    if (!worst || score(i) > score(*worst)) worst = &i;
  CheckItem r = *worst;
  r.detail = fmt::format("worst of {} points: {}", points, r.detail);
  return r;
}

}  // namespace

std::vector<std::vector<double>> sample_points(const ProblemInfo& info, int count, std::uint64_t seed) {
  if (static_cast<int>(info.box_lo.size()) != info.dim || static_cast<int>(info.box_hi.size()) != info.dim) {
    throw std::invalid_argument("sample_points: problem '" + info.name + "' has a sampling box of sizes " +
                                std::to_string(info.box_lo.size()) + "/" + std::to_string(info.box_hi.size()) +
                                ", its dimension is " + std::to_string(info.dim));
  }
  if (count < 0) throw std::invalid_argument("sample_points: count must be >= 0");
  SeededStream s(seed ^ name_hash(info.name));
  std::vector<std::vector<double>> pts;
  for (int k = 0; k < count; ++k) {
    std::vector<double> x(static_cast<std::size_t>(info.dim));
    for (int i = 0; i < info.dim; ++i) {
      const double u = std::ldexp(static_cast<double>(s.next_u64() >> 11), -53);  // [0, 1), 53 bits
      x[static_cast<std::size_t>(i)] = info.box_lo[static_cast<std::size_t>(i)] +
                                       (info.box_hi[static_cast<std::size_t>(i)] - info.box_lo[static_cast<std::size_t>(i)]) * u;
    }
    pts.push_back(std::move(x));
  }
  return pts;
}

CheckItem check_metadata(const Problem& p) {
  const ProblemInfo& i = p.info();
  std::vector<std::string> bad;
  auto parses = [&](const std::string& what, const std::string& expr) {
    try {
      (void)constant<R>(expr);
    } catch (const std::exception& e) {
      bad.push_back(what + " '" + expr + "' does not parse (" + e.what() + ")");
    }
  };
  if (i.dim <= 0) bad.push_back("dim = " + std::to_string(i.dim) + " must be > 0");
  if (i.name.empty() || i.title.empty() || i.formula.empty()) bad.push_back("name, title and formula must be non-empty");
  if (i.citation.empty()) bad.push_back("citation is empty");
  if (static_cast<int>(i.box_lo.size()) != i.dim || static_cast<int>(i.box_hi.size()) != i.dim) {
    bad.push_back(fmt::format("sampling box has sizes {}/{}, dim is {}", i.box_lo.size(), i.box_hi.size(), i.dim));
  } else {
    for (std::size_t k = 0; k < i.box_lo.size(); ++k)
      if (!(i.box_lo[k] < i.box_hi[k])) bad.push_back(fmt::format("box_lo[{0}] < box_hi[{0}] fails", k));
  }
  for (std::size_t k = 0; k < i.critical_points.size(); ++k) {
    const auto& cp = i.critical_points[k];
    if (static_cast<int>(cp.x.size()) != i.dim) {
      bad.push_back(fmt::format("critical point {} has {} coordinates, dim is {}", k + 1, cp.x.size(), i.dim));
    }
    for (const auto& c : cp.x) parses(fmt::format("critical point {} coordinate", k + 1), c);
  }
  if (i.f_star) parses("f*", *i.f_star);
  if (i.mu) parses("mu", *i.mu);
  if (i.lipschitz) {
    parses("L", *i.lipschitz);
    try {
      if (!(constant<R>(*i.lipschitz) > 0)) bad.push_back("L = " + *i.lipschitz + " must be > 0");
    } catch (const std::exception&) {
    }
  }
  if (i.local_lipschitz) {
    const auto& ll = *i.local_lipschitz;
    parses("local L", ll.value);
    parses("local radius", ll.radius);
    if (static_cast<int>(ll.center.size()) != i.dim) {
      bad.push_back(fmt::format("local Lipschitz centre has {} coordinates, dim is {}", ll.center.size(), i.dim));
    }
    for (const auto& c : ll.center) parses("local Lipschitz centre coordinate", c);
  }
  if (i.rational_exact != p.supports<rational>()) {
    bad.push_back(fmt::format("rational_exact = {} but the registry {} a rational evaluator", i.rational_exact,
                              p.supports<rational>() ? "has" : "has no"));
  }
  if (i.smoothness != Smoothness::analytic && i.smoothness != Smoothness::c2 && i.nonsmooth_set.empty()) {
    bad.push_back(std::string("smoothness is ") + to_string(i.smoothness) + " but nonsmooth_set is empty");
  }
  if (i.finite_sum != (i.num_samples > 0)) bad.push_back("finite_sum and num_samples > 0 disagree");
  std::string detail = bad.empty() ? "box, citation, coordinates, constants consistent" : "";
  for (const auto& b : bad) detail += (detail.empty() ? "" : "; ") + b;
  return item("metadata", bad.empty(), detail, static_cast<double>(bad.size()), 0);
}

std::vector<CheckItem> check_gradient_at(const Problem& p, const std::vector<double>& xd) {
  std::vector<CheckItem> out;
  const Vec<R> x = from_doubles<R>(xd);
  const auto& e = p.in<R>();
  const Vec<R> g = e.gradient(x);
  const std::string where = " at " + point_text(xd);

  auto ad = guarded("gradient: analytic vs autodiff", [&]() -> std::vector<CheckItem> {
    if (!p.info().analytic_gradient) {
      return {skipped("gradient: analytic vs autodiff", "no analytic gradient (the evaluator's gradient is autodiff)")};
    }
    if (p.supports<rational>() && x.size() <= kFullDerivativeDim) {  // rational Jets grow: small n only
      const Vec<rational> xq = from_doubles<rational>(xd);
      const auto& eq = p.in<rational>();
      const Vec<rational> diff = eq.gradient(xq) - eq.autodiff_gradient(xq);
      rational m(0);
      for (Eigen::Index k = 0; k < diff.size(); ++k) m = abs(diff[k]) > m ? rational(abs(diff[k])) : m;
      return {item("gradient: analytic vs autodiff", m == 0,
                   "exact in rational: max |analytic - autodiff| = " + g3(d(R(m))) + where, d(R(m)), 0)};
    }
    const Vec<R> ga = e.autodiff_gradient(x);
    const R f = e.value(x);
    using std::abs;
    const R tol = agreement_rel() * (R(1) + abs(f) + norm_inf(ga));
    const R err = norm_inf(Vec<R>(g - ga));
    return {item("gradient: analytic vs autodiff", err <= tol,
                 "mp100: |analytic - autodiff|_inf = " + g3(err) + ", tolerance eps100^(3/4) (1 + |f| + |g|_inf)" +
                     where,
                 d(err), d(tol))};
  });
  out.insert(out.end(), ad.begin(), ad.end());

  auto fdc = guarded("gradient: finite differences", [&]() -> std::vector<CheckItem> {
    auto f = [&e](const Vec<R>& y) { return e.value(y); };
    if (x.size() <= kFullDerivativeDim) {
      const auto c = fd::check_gradient(f, g, x);
      return {item("gradient: finite differences", c.passed,
                   fmt::format("mp100 central differences (h = eps^(1/3) max(1,|x_i|)); worst component {}: error {} vs "
                               "tolerance {} (8 x Richardson truncation estimate + rounding){}",
                               c.worst_col, g3(c.worst_error), g3(c.worst_tolerance), where),
                   d(c.worst_error), d(c.worst_tolerance))};
    }
    // Large n: directional derivatives along fixed test directions (cost independent of n).
    bool ok = true;
    R worst_ratio = -1, werr(0), wtol(0);
    for (const Vec<R>& v : test_directions(x)) {
      auto phi = [&](const Vec<R>& t) { return e.value(Vec<R>(x + t[0] * v)); };
      Vec<R> claimed(1);
      claimed[0] = g.dot(v);
      const auto c = fd::check_gradient(phi, claimed, Vec<R>(Vec<R>::Zero(1)));
      ok = ok && c.passed;
      if (c.ratio > worst_ratio) {
        worst_ratio = c.ratio;
        werr = c.worst_error;
        wtol = c.worst_tolerance;
      }
    }
    return {item("gradient: finite differences", ok,
                 fmt::format("n = {} > {}: grad f . v vs mp100 central differences of f along 2 test directions; "
                             "worst error {} vs tolerance {}{}",
                             x.size(), kFullDerivativeDim, g3(werr), g3(wtol), where),
                 d(werr), d(wtol))};
  });
  out.insert(out.end(), fdc.begin(), fdc.end());
  return out;
}

std::vector<CheckItem> check_hessian_at(const Problem& p, const std::vector<double>& xd) {
  std::vector<CheckItem> out;
  const Vec<R> x = from_doubles<R>(xd);
  const auto& e = p.in<R>();
  const bool full = x.size() <= kFullDerivativeDim;
  const Mat<R> h = full ? e.hessian(x) : Mat<R>();
  const std::string where = " at " + point_text(xd);

  auto ad = guarded("hessian: analytic vs autodiff", [&]() -> std::vector<CheckItem> {
    if (!p.info().analytic_hessian) {
      return {skipped("hessian: analytic vs autodiff", "no analytic Hessian (the evaluator's Hessian is autodiff)")};
    }
    if (!full) {
      return {skipped("hessian: analytic vs autodiff",
                      fmt::format("n = {} > {}: the analytic Hessian is checked against finite differences of the "
                                  "gradient only (a nested-Jet Hessian costs (n/4)^2 passes)",
                                  x.size(), kFullDerivativeDim))};
    }
    if (p.supports<rational>()) {
      const Vec<rational> xq = from_doubles<rational>(xd);
      const auto& eq = p.in<rational>();
      const Mat<rational> diff = eq.hessian(xq) - eq.autodiff_hessian(xq);
      rational m(0);
      for (Eigen::Index k = 0; k < diff.size(); ++k) m = abs(diff.data()[k]) > m ? rational(abs(diff.data()[k])) : m;
      return {item("hessian: analytic vs autodiff", m == 0,
                   "exact in rational: max |analytic - autodiff| = " + g3(d(R(m))) + where, d(R(m)), 0)};
    }
    const Mat<R> ha = e.autodiff_hessian(x);
    const R tol = agreement_rel() * (R(1) + max_abs(ha));
    const R err = max_abs(Mat<R>(h - ha));
    return {item("hessian: analytic vs autodiff", err <= tol,
                 "mp100: max |analytic - autodiff| = " + g3(err) + ", tolerance eps100^(3/4) (1 + max|H|)" + where,
                 d(err), d(tol))};
  });
  out.insert(out.end(), ad.begin(), ad.end());

  auto fdc = guarded("hessian: finite differences", [&]() -> std::vector<CheckItem> {
    auto grad = [&e](const Vec<R>& y) { return e.gradient(y); };
    if (x.size() <= kFullDerivativeDim) {
      const auto c = fd::check_hessian(grad, h, x);
      return {item("hessian: finite differences", c.passed,
                   fmt::format("mp100 central differences of the gradient; worst entry ({}, {}): error {} vs tolerance {}{}",
                               c.worst_row, c.worst_col, g3(c.worst_error), g3(c.worst_tolerance), where),
                   d(c.worst_error), d(c.worst_tolerance))};
    }
    bool ok = true;
    R worst_ratio = -1, werr(0), wtol(0);
    for (const Vec<R>& v : test_directions(x)) {
      auto psi = [&](const Vec<R>& t) { return e.gradient(Vec<R>(x + t[0] * v)); };
      const Mat<R> claimed = e.hessian_vector_product(x, v);  // n x 1 (analytic H v, or autodiff HVP)
      const auto c = fd::check_jacobian(psi, claimed, Vec<R>(Vec<R>::Zero(1)));
      ok = ok && c.passed;
      if (c.ratio > worst_ratio) {
        worst_ratio = c.ratio;
        werr = c.worst_error;
        wtol = c.worst_tolerance;
      }
    }
    return {item("hessian: finite differences", ok,
                 fmt::format("n = {} > {}: H v vs mp100 central differences of the gradient along 2 test directions; "
                             "worst error {} vs tolerance {}{}",
                             x.size(), kFullDerivativeDim, g3(werr), g3(wtol), where),
                 d(werr), d(wtol))};
  });
  out.insert(out.end(), fdc.begin(), fdc.end());
  return out;
}

namespace {

// |f_T(x_T) - f_ref(x_T)| <= 2^10 eps_T max(1, |f|, sum |x_i g_i|): x_T is x rounded
// to T (exact for double and wider), so only the evaluation's rounding is
// measured. The scale sum |x_i g_i| bounds the first-order effect of relative
// errors eps_T in the inputs of the formula's terms (cancellation between terms
// such as y - x^2 in Rosenbrock); 2^10 covers the operation count of short formulas.
// Exact embedding of a T value into mp100 (float128 has no direct conversion:
// split it into three doubles, hi + mid + lo, each residual exact in binary128).
template <class T>
R to_ref(const T& v) {
  if constexpr (std::is_same_v<T, float128>) {
    const double hi = static_cast<double>(v);
    const float128 r1 = v - float128(hi);
    const double mid = static_cast<double>(r1);
    const double lo = static_cast<double>(r1 - float128(mid));
    return R(hi) + R(mid) + R(lo);
  } else if constexpr (std::is_same_v<T, float> || std::is_same_v<T, double>) {
    return R(v);
  } else {
    return R(v);
  }
}

template <class T>
void precision_one(const Problem& p, const std::vector<double>& xd, std::vector<std::string>& notes, double& worst_ratio,
                   double& worst_err, double& worst_tol, bool& ok) {
  if (!p.supports<T>()) {
    notes.push_back(std::string(scalar_name<T>()) + " unsupported");
    return;
  }
  Vec<T> xt(static_cast<Eigen::Index>(xd.size()));
  Vec<R> xr(xt.size());
  for (Eigen::Index i = 0; i < xt.size(); ++i) {
    xt[i] = T(xd[static_cast<std::size_t>(i)]);
    xr[i] = to_ref(xt[i]);  // exact: every T here embeds exactly in mp100
  }
  const auto& er = p.in<R>();
  Vec<R> g;
  const R fr = er.value_and_gradient(xr, g);
  using std::abs;
  R scale(1);
  if (abs(fr) > scale) scale = abs(fr);
  R s(0);
  for (Eigen::Index i = 0; i < xr.size(); ++i) s += abs(xr[i] * g[i]);
  if (s > scale) scale = s;
  const R ft = to_ref(p.in<T>().value(xt));
  const R err = abs(ft - fr);
  const R tol = R(1024) * R(std::numeric_limits<T>::epsilon()) * scale;
  const bool good = err <= tol;  // NaN / inf fail
  ok = ok && good;
  const double ratio = good ? d(err / tol) : std::numeric_limits<double>::infinity();
  if (ratio >= worst_ratio) {
    worst_ratio = ratio;
    worst_err = d(err);
    worst_tol = d(tol);
  }
  if (!good) notes.push_back(std::string(scalar_name<T>()) + ": error " + g3(err) + " > budget " + g3(tol));
}

}  // namespace

CheckItem check_precision_at(const Problem& p, const std::vector<double>& xd) {
  const std::string name = "precision: float/double/float128/mp50 vs mp100";
  std::vector<std::string> notes;
  double worst_ratio = 0, worst_err = 0, worst_tol = 0;
  bool ok = true;
  precision_one<float>(p, xd, notes, worst_ratio, worst_err, worst_tol, ok);
  precision_one<double>(p, xd, notes, worst_ratio, worst_err, worst_tol, ok);
  precision_one<float128>(p, xd, notes, worst_ratio, worst_err, worst_tol, ok);
  precision_one<mp50>(p, xd, notes, worst_ratio, worst_err, worst_tol, ok);

  const Vec<R> xr = from_doubles<R>(xd);
  const R fr = p.in<R>().value(xr);
  using std::abs;
  // rational: the exact value, within 2^10 eps100 max(1,|f|) of mp100.
  if (p.supports<rational>()) {
    const R fq = R(p.in<rational>().value(from_doubles<rational>(xd)));
    const R tol = R(1024) * eps_ref() * (abs(fr) > 1 ? R(abs(fr)) : R(1));
    if (!(abs(fq - fr) <= tol)) {
      ok = false;
      notes.push_back("rational (exact) differs from mp100 by " + g3(R(abs(fq - fr))));
    }
  }
  // interval: the enclosure must contain the mp100 value (up to 2^6 eps100 |f|).
  // Only for C2/analytic problems: Boost 1.74 declares mpfi's compare() noexcept,
  // so an *ambiguous comparison* inside a branching formula (kinks) calls
  // std::terminate instead of throwing interval_error; sign queries (abs of a
  // Jet) do throw and are caught below.
  const bool smooth = p.info().smoothness == Smoothness::analytic || p.info().smoothness == Smoothness::c2;
  if (!smooth) {
    notes.push_back("interval skipped (not C2: branch comparisons could be ambiguous)");
  } else try {
    const interval fi = p.in<interval>().value(from_doubles<interval>(xd));
    const R lo = R(lower(fi)), hi = R(upper(fi));
    const R slack = R(64) * eps_ref() * (abs(fr) > 1 ? R(abs(fr)) : R(1));
    if (!(lo - slack <= fr && fr <= hi + slack)) {
      ok = false;
      notes.push_back("interval [" + g3(lo) + ", " + g3(hi) + "] does not contain the mp100 value " + g3(fr));
    }
  } catch (const unsupported_scalar&) {
    notes.push_back("interval unsupported");
  } catch (const std::runtime_error& e) {
    notes.push_back(std::string("interval evaluation undecided (") + e.what() + ")");
  }
  std::string detail = "budget 2^10 eps_T max(1, |f|, sum|x_i g_i|) at " + point_text(xd);
  for (const auto& n : notes) detail += "; " + n;
  return item(name, ok, detail, worst_err, worst_tol);
}

RefinedPoint refine_critical_point(const Problem& p, const CriticalPoint& cp) {
  RefinedPoint r;
  r.x = p.point<R>(cp.x);
  if (cp.exact) {
    r.detail = "exact coordinates";
    return r;
  }
  const auto& e = p.in<R>();
  // The Newton step at x, |H(x)^{-1} grad f(x)|_inf: the estimated distance to the root.
  auto newton_step = [&e](const Vec<R>& x, Vec<R>& step) {
    const Vec<R> g = e.gradient(x);
    if (norm_inf(g) == 0) {
      step = Vec<R>::Zero(x.size());
      return R(0);
    }
    step = e.hessian(x).fullPivLu().solve(g);
    return norm_inf(step);
  };
  Vec<R> step;
  R s = newton_step(r.x, step);
  for (int k = 0; k < 60 && s > 0 && s == s; ++k) {  // s == s: not NaN (singular system)
    r.x -= step;
    r.newton_steps = k + 1;
    const R scale = norm_inf(r.x) > 1 ? norm_inf(r.x) : R(1);
    s = newton_step(r.x, step);
    if (s <= R(1000) * eps_ref() * scale) break;
  }
  r.accuracy = s == s ? d(s) : 1.0;
  r.detail = fmt::format("Newton-refined in mp100: {} steps, estimated distance to the root {}", r.newton_steps,
                         g3(r.accuracy));
  return r;
}

bool inertia_matches(PointKind kind, const Inertia& in) {
  const int n = in.size();
  switch (kind) {
    case PointKind::minimum: return in.negative == 0 && in.zero == 0;
    case PointKind::degenerate_minimum: return in.negative == 0 && in.zero >= 1;
    case PointKind::strict_saddle: return in.negative >= 1 && in.negative < n;
    case PointKind::degenerate_saddle: return in.zero >= 1 && (in.negative == 0 || in.positive == 0);
    case PointKind::maximum: return in.negative == n;
    case PointKind::nonsmooth: return false;
  }
  return false;
}

std::vector<CheckItem> check_critical_point(const Problem& p, std::size_t index) {
  const auto& cps = p.info().critical_points;
  if (index >= cps.size()) {
    throw std::out_of_range(fmt::format("check_critical_point: index {} outside [0, {})", index, cps.size()));
  }
  const CriticalPoint& cp = cps[index];
  const std::string label = fmt::format("critical point {} ({})", index + 1, to_string(cp.kind));
  std::vector<CheckItem> out;
  RefinedPoint rp;
  try {
    rp = refine_critical_point(p, cp);
  } catch (const std::exception& e) {
    return {item(label + ": stationarity", false, std::string("exception: ") + e.what(), 0, 0)};
  }
  const auto& e = p.in<R>();

  auto st = guarded(label + ": stationarity", [&]() -> std::vector<CheckItem> {
    if (p.info().smoothness == Smoothness::nonsmooth) {
      return {skipped(label + ": stationarity", "f is not differentiable everywhere; 0 in the subdifferential is not checked")};
    }
    const R gn = norm_inf(e.gradient(rp.x));
    const double tol = 1e-40;
    return {item(label + ": stationarity", gn < R(tol),
                 "|grad f|_inf = " + g3(gn) + " in mp100 (" + rp.detail + ")", d(gn), tol)};
  });
  out.insert(out.end(), st.begin(), st.end());

  auto in = guarded(label + ": inertia", [&]() -> std::vector<CheckItem> {
    if (cp.kind == PointKind::nonsmooth) {
      return {skipped(label + ": inertia", "nonsmooth point: no Hessian, inertia not checked")};
    }
    if (cp.exact && exact_in_rational(p, cp.x)) {
      const Mat<rational> hq = p.in<rational>().hessian(p.point<rational>(cp.x));
      const Inertia i = inertia(hq);
      return {item(label + ": inertia", inertia_matches(cp.kind, i),
                   "exact rational inertia " + to_string(i) + " (Sylvester, symmetric elimination)", 0, 0)};
    }
    const Mat<R> h = e.hessian(rp.x);
    const R hn = spectral_norm_symmetric(h);
    const R rel = std::max(agreement_rel(), R(1000) * R(rp.accuracy));
    const R ztol = rel * (hn > 1 ? hn : R(1));
    const Vec<R> ev = symmetric_eigenvalues(h);
    const Inertia i = inertia(h, ztol);
    using std::abs;
    R min_nonzero = -1;
    for (Eigen::Index k = 0; k < ev.size(); ++k)
      if (abs(ev[k]) > ztol && (min_nonzero < 0 || abs(ev[k]) < min_nonzero)) min_nonzero = abs(ev[k]);
    return {item(label + ": inertia", inertia_matches(cp.kind, i),
                 "mp100 eigenvalues: inertia " + to_string(i) + ", smallest |lambda| counted nonzero " +
                     (min_nonzero < 0 ? std::string("none") : g3(min_nonzero)) +
                     ", zero tolerance max(eps100^(3/4), 1e3 |next Newton step|) max(1, |H|_2) = " + g3(ztol),
                 min_nonzero < 0 ? 0.0 : d(min_nonzero), d(ztol))};
  });
  out.insert(out.end(), in.begin(), in.end());
  return out;
}

CheckItem check_f_star(const Problem& p, const std::vector<std::vector<double>>& samples) {
  const std::string name = "f*";
  const ProblemInfo& info = p.info();
  if (!info.f_star) return skipped(name, "no f* stated");
  const R fs = constant<R>(*info.f_star);
  using std::abs;
  const auto& e = p.in<R>();
  R base_tol = agreement_rel() * (abs(fs) > 1 ? R(abs(fs)) : R(1));
  // An f* written as a long decimal (>= 17 significant digits) is a rounded
  // value: allow its rounding error, half a unit in its last digit.
  const int digits = decimal_digits(*info.f_star);
  std::string rounding_note;
  if (digits >= 17) {
    using std::pow;
    const R half_ulp = pow(R(10), R(1 - digits)) / 2 * (abs(fs) > 0 ? R(abs(fs)) : R(1));
    if (half_ulp > base_tol) {
      base_tol = half_ulp;
      rounding_note = fmt::format(" (stated to {} digits: tolerance half a unit in the last digit)", digits);
    }
  }
  bool attained = false;
  std::vector<std::string> bad;
  R closest = -1;
  for (std::size_t k = 0; k < info.critical_points.size(); ++k) {
    const RefinedPoint rp = refine_critical_point(p, info.critical_points[k]);
    const R f = e.value(rp.x);
    // A refined point is accurate to ~accuracy (a); f then to ~|g| a + |H| a^2 (x 1000 margin).
    R tol = base_tol;
    if (rp.accuracy > 0) {
      const R st = R(rp.accuracy);
      tol += norm_inf(e.gradient(rp.x)) * st * 1000 + spectral_norm_symmetric(e.hessian(rp.x)) * st * st * 1000;
    }
    const R diff = f - fs;
    if (abs(diff) <= tol) attained = true;
    if (closest < 0 || abs(diff) < closest) closest = abs(diff);
    if (diff < -tol) bad.push_back(fmt::format("critical point {} has f = {} < f*", k + 1, g3(f)));
  }
  for (const auto& x : samples) {
    const R f = e.value(from_doubles<R>(x));
    if (f < fs - base_tol) bad.push_back("sample " + point_text(x) + " has f = " + g3(f) + " < f*");
  }
  if (!attained) bad.push_back("no listed critical point attains f* = " + *info.f_star);
  std::string detail = "f* = " + *info.f_star + rounding_note + "; closest critical value differs by " +
                       (closest < 0 ? std::string("(none listed)") : g3(closest)) + "; " +
                       std::to_string(samples.size()) + " samples >= f*";
  for (const auto& b : bad) detail += "; " + b;
  return item(name, bad.empty(), detail, closest < 0 ? 0.0 : d(closest), d(base_tol));
}

namespace {
CheckItem lipschitz_over(const Problem& p, const std::string& name, const R& L, const std::vector<Vec<R>>& pts,
                         const std::string& where) {
  const auto& e = p.in<R>();
  R worst(0);
  std::size_t worst_k = 0;
  for (std::size_t k = 0; k < pts.size(); ++k) {
    const R n = spectral_norm_symmetric(e.hessian(pts[k]));
    if (n > worst || k == 0) {
      worst = n;
      worst_k = k;
    }
  }
  // Rounding slack of the mp100 norm: eps100^(3/4) relative.
  const bool ok = worst <= L * (R(1) + agreement_rel());
  std::vector<double> wp;
  for (Eigen::Index i = 0; i < pts[worst_k].size(); ++i) wp.push_back(d(pts[worst_k][i]));
  return item(name, ok,
              fmt::format("max |Hess f|_2 over {} points {} = {} at {} vs stated L = {}: ratio {} (a sampled lower bound "
                          "on the true constant)",
                          pts.size(), where, g3(worst), point_text(wp), g3(L), g3(d(worst / L))),
              d(worst), d(L));
}
}  // namespace

CheckItem check_global_lipschitz(const Problem& p, const std::vector<std::vector<double>>& samples) {
  const std::string name = "lipschitz (global)";
  const ProblemInfo& info = p.info();
  if (!info.lipschitz) return skipped(name, "no global Lipschitz constant of grad f stated");
  const R L = constant<R>(*info.lipschitz);
  std::vector<Vec<R>> pts;
  for (const auto& x : samples) pts.push_back(from_doubles<R>(x));
  Vec<R> c(info.dim);
  for (int i = 0; i < info.dim; ++i) c[i] = (R(info.box_lo[i]) + R(info.box_hi[i])) / 2;
  pts.push_back(c);
  for (const auto& cp : info.critical_points) {
    if (cp.kind == PointKind::nonsmooth) continue;
    Vec<R> x = p.point<R>(cp.x);
    bool inside = true;
    for (int i = 0; i < info.dim; ++i) inside = inside && R(info.box_lo[i]) <= x[i] && x[i] <= R(info.box_hi[i]);
    if (inside) pts.push_back(x);
  }
  return lipschitz_over(p, name, L, pts, "(samples, box centre, critical points in the box)");
}

CheckItem check_local_lipschitz(const Problem& p, int count, std::uint64_t seed) {
  const std::string name = "lipschitz (local)";
  const ProblemInfo& info = p.info();
  if (!info.local_lipschitz) return skipped(name, "no local Lipschitz constant stated");
  const auto& ll = *info.local_lipschitz;
  const R L = constant<R>(ll.value);
  const R radius = constant<R>(ll.radius);
  const Vec<R> c = p.point<R>(ll.center);
  SeededStream s(seed ^ name_hash(info.name) ^ 0x5bd1e995ULL);
  std::vector<Vec<R>> pts{c};
  using std::exp;
  using std::log;
  for (int k = 0; k < count; ++k) {
    // Uniform in the ball: direction from (approximately) normal draws, radius r t^(1/n),
    // shrunk by (1 - 2^-20) so rounding keeps the point inside.
    Vec<R> dir(info.dim);
    for (int i = 0; i < info.dim; ++i) dir[i] = R(s.approx_normal());
    R nrm = dir.norm();
    if (nrm == 0) continue;
    const R t = R(s.uniform(0, 1, 30));
    const R rho = t > 0 ? R(exp(log(t) / R(info.dim))) : R(0);
    pts.push_back(c + dir * (radius * rho * (R(1) - R(1) / R(1 << 20)) / nrm));
  }
  return lipschitz_over(p, name, L, pts, "of the ball |x - c| <= " + ll.radius);
}

CheckItem check_finite_sum_at(const Problem& p, const std::vector<double>& xd) {
  const std::string name = "finite sum: f = mean f_i";
  const auto& e = p.in<R>();
  const std::size_t n = e.num_samples();
  if (n == 0) return skipped(name, "not a finite sum");
  const Vec<R> x = from_doubles<R>(xd);
  R sv(0);
  Vec<R> sg = Vec<R>::Zero(x.size());
  for (std::size_t i = 0; i < n; ++i) {
    sv += e.sample_value(i, x);
    sg += e.sample_gradient(i, x);
  }
  sv /= R(static_cast<long>(n));
  sg /= R(static_cast<long>(n));
  Vec<R> g;
  const R f = e.value_and_gradient(x, g);
  using std::abs;
  const R err = std::max(R(abs(sv - f)), norm_inf(Vec<R>(sg - g)));
  const R tol = agreement_rel() * (R(1) + abs(f) + norm_inf(g));
  return item(name, err <= tol,
              fmt::format("{} samples at {}: max(|f - mean f_i|, |g - mean g_i|_inf) = {}, tolerance eps100^(3/4) (1 + |f| + |g|)",
                          n, point_text(xd), g3(err)),
              d(err), d(tol));
}

ProblemCheckReport verify_problem(const Problem& p, const CheckOptions& o) {
  const auto t0 = std::chrono::steady_clock::now();
  ProblemCheckReport r;
  r.problem = p.name();
  auto add = [&r](std::vector<CheckItem> v) { r.items.insert(r.items.end(), v.begin(), v.end()); };

  add(guarded("metadata", [&] { return std::vector<CheckItem>{check_metadata(p)}; }));
  std::vector<std::vector<double>> samples;
  try {
    samples = sample_points(p.info(), o.samples, o.seed);
  } catch (const std::exception& e) {
    r.items.push_back(item("sampling", false, e.what(), 0, 0));
  }

  // Per-point checks, reduced to the worst point per check name (in first-seen order).
  std::vector<std::string> order;
  std::map<std::string, std::vector<CheckItem>> per_point;
  auto collect = [&](const std::vector<CheckItem>& v) {
    for (const auto& i : v) {
      if (!per_point.count(i.name)) order.push_back(i.name);
      per_point[i.name].push_back(i);
    }
  };
  const bool finite_sum = p.info().num_samples > 0 || p.info().finite_sum;
  for (const auto& x : samples) {
    collect(guarded("gradient", [&] { return check_gradient_at(p, x); }));
    collect(guarded("hessian", [&] { return check_hessian_at(p, x); }));
    collect(guarded("precision", [&] { return std::vector<CheckItem>{check_precision_at(p, x)}; }));
    if (finite_sum) collect(guarded("finite sum", [&] { return std::vector<CheckItem>{check_finite_sum_at(p, x)}; }));
  }
  for (const auto& name : order) r.items.push_back(worst_of(per_point[name], samples.size()));
  if (!p.info().nonsmooth_set.empty()) {
    r.items.push_back(skipped("nonsmooth set",
                              "no sample skipped near '" + p.info().nonsmooth_set +
                                  "': the mp100 steps (h ~ 1e-33 max(1,|x_i|)) are far below the distance of random "
                                  "points to the kinks, and the truncation estimate grows if one is closer"));
  }

  for (std::size_t k = 0; k < p.info().critical_points.size(); ++k) {
    add(guarded(fmt::format("critical point {}", k + 1), [&] { return check_critical_point(p, k); }));
  }
  add(guarded("f*", [&] { return std::vector<CheckItem>{check_f_star(p, samples)}; }));
  add(guarded("lipschitz (global)", [&] { return std::vector<CheckItem>{check_global_lipschitz(p, samples)}; }));
  add(guarded("lipschitz (local)", [&] { return std::vector<CheckItem>{check_local_lipschitz(p, o.samples, o.seed)}; }));
  r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return r;
}

}  // namespace ov::problems
