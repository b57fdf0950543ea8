#include "analysis/spectra/lipschitz.hpp"

#include <boost/multiprecision/mpfi.hpp>
#include <queue>
#include <limits>
#include <random>
#include <sstream>
#include <stdexcept>

#include "analysis/numeric/decompositions.hpp"
#include "analysis/numeric/elementary.hpp"
#include "analysis/numeric/exact_constant.hpp"
#include "analysis/numeric/rounding.hpp"
#include "analysis/numeric/string_io.hpp"
#include "analysis/problems/problem.hpp"
#include "analysis/spectra/isolation.hpp"

namespace ov::spectra {

namespace {

void check_box(const std::vector<double>& lo, const std::vector<double>& hi) {
  if (lo.empty() || lo.size() != hi.size()) throw std::invalid_argument("lipschitz: box lo/hi must have the same, nonzero size");
  for (std::size_t i = 0; i < lo.size(); ++i)
    if (!(lo[i] <= hi[i])) throw std::invalid_argument("lipschitz: box lo[" + std::to_string(i) + "] > hi[" + std::to_string(i) + "]");
}

mp50 spectral_norm(const Mat<mp50>& H) {
  const Vec<mp50> ev = symmetric_eigenvalues(H);
  mp50 m(0);
  for (Eigen::Index i = 0; i < ev.size(); ++i) m = std::max(m, mp50(abs(ev[i])));
  return m;
}

bool finite(const interval& x) {
  return boost::multiprecision::isfinite(lower(x)) && boost::multiprecision::isfinite(upper(x));
}

// Upper bound of ||H||_2 for every symmetric H in the interval matrix.
interval norm_bound(const Mat<interval>& H) {
  interval frob(0), row_max(0);
  for (Eigen::Index i = 0; i < H.rows(); ++i) {
    interval row(0);
    for (Eigen::Index j = 0; j < H.cols(); ++j) {
      const interval m(upper(ov::num::abs(H(i, j))));
      row += m;
      frob += m * m;
    }
    if (upper(row) > upper(row_max)) row_max = interval(upper(row));
  }
  const interval f(upper(ov::num::sqrt(frob)));
  return upper(f) < upper(row_max) ? f : row_max;
}

struct BoxItem {
  mp50 bound;  // upper end of the norm bound, as an mpfr number
  Vec<interval> box;
  int depth;
  bool operator<(const BoxItem& o) const { return bound < o.bound; }
};

}  // namespace

LipschitzLower sampled_lipschitz(const HessianFn& hess, const std::vector<double>& lo, const std::vector<double>& hi,
                                 int samples, std::uint64_t seed) {
  check_box(lo, hi);
  if (samples < 1) throw std::invalid_argument("sampled_lipschitz: samples must be >= 1");
  std::mt19937_64 rng(seed);
  LipschitzLower r;
  r.seed = seed;
  r.samples = samples;
  r.value = mp50(-1);
  const std::size_t n = lo.size();
  for (int s = 0; s < samples; ++s) {
    std::vector<double> x(n);
    Vec<mp50> xm(n);
    for (std::size_t i = 0; i < n; ++i) {
      x[i] = std::uniform_real_distribution<double>(lo[i], hi[i])(rng);
      xm[i] = mp50(x[i]);
    }
    const mp50 v = spectral_norm(hess(xm));
    if (v > r.value) {
      r.value = v;
      r.argmax = x;
    }
  }
  return r;
}

PowerEstimate power_iteration(const HvpFn& hvp, int n, int max_iterations, const mp50& tol, std::uint64_t seed) {
  if (n < 1 || max_iterations < 1) throw std::invalid_argument("power_iteration: n and max_iterations must be >= 1");
  std::mt19937_64 rng(seed);
  Vec<mp50> v(n);
  for (int i = 0; i < n; ++i) v[i] = mp50(std::normal_distribution<double>(0, 1)(rng));
  v /= mp50(v.norm());
  PowerEstimate r;
  r.value = mp50(0);
  for (int k = 0; k < max_iterations; ++k) {
    const Vec<mp50> w = hvp(v);
    const mp50 nw = w.norm();
    ++r.iterations;
    const mp50 prev = r.value;
    r.value = nw;
    r.vector = v;
    if (nw == 0) {
      r.converged = true;  // H v = 0 exactly: restart would be needed; report 0 (a valid lower bound)
      break;
    }
    if (k > 0 && abs(nw - prev) <= tol * nw) {
      r.converged = true;
      break;
    }
    v = w / nw;
  }
  return r;
}

interval certified_lower_at(const Mat<interval>& H, const Vec<mp50>& v) {
  Vec<interval> vi(v.size());
  for (Eigen::Index i = 0; i < v.size(); ++i) vi[i] = interval(v[i]);
  const Vec<interval> w = H * vi;
  interval nw(0), nv(0);
  for (Eigen::Index i = 0; i < w.size(); ++i) {
    nw += w[i] * w[i];
    nv += vi[i] * vi[i];
  }
  const interval q = ov::num::sqrt(interval(nw / nv));
  return interval(lower(q));
}

LipschitzUpper certified_lipschitz(const IntervalHessianFn& hess, const std::vector<double>& lo,
                                   const std::vector<double>& hi, const BoxOptions& o) {
  check_box(lo, hi);
  LipschitzUpper r;
  Vec<interval> box(lo.size());
  for (std::size_t i = 0; i < lo.size(); ++i) box[i] = interval(lo[i], hi[i]);
  std::priority_queue<BoxItem> q;
  const auto push = [&](const Vec<interval>& b, int depth) {
    const interval nb = norm_bound(hess(b));
    ++r.boxes;
    if (!finite(nb)) return false;
    q.push({mp50(upper(nb)), b, depth});
    if (depth > r.depth) r.depth = depth;
    return true;
  };
  if (!push(box, 0)) {
    r.reason = "the interval Hessian on the box is not finite";
    return r;
  }
  while (q.top().depth < o.max_depth && r.boxes + 2 <= o.max_boxes) {
    BoxItem top = q.top();
    q.pop();
    Eigen::Index k = 0;
    for (Eigen::Index i = 1; i < top.box.size(); ++i)
      if (ov::num::abs(interval(upper(top.box[i]) - lower(top.box[i]))) > ov::num::abs(interval(upper(top.box[k]) - lower(top.box[k])))) k = i;
    const auto m = (lower(top.box[k]) + upper(top.box[k])) / 2;  // any split point keeps the cover
    Vec<interval> a = top.box, b = top.box;
    a[k] = interval(lower(top.box[k]), m);
    b[k] = interval(m, upper(top.box[k]));
    if (!push(a, top.depth + 1) || !push(b, top.depth + 1)) {
      r.reason = "the interval Hessian on a sub-box is not finite";
      return r;
    }
  }
  r.upper = interval(q.top().bound);
  r.certified = true;
  return r;
}

Tribool check_lipschitz_claim(const rational& claimed, const LipschitzUpper& up, const interval& certified_lower) {
  const interval L = round_to<interval>(claimed);
  if (up.certified && finite(certified_lower) && upper(up.upper) < lower(certified_lower)) {
    throw std::logic_error("check_lipschitz_claim: certified upper bound " + ov::to_string(up.upper) +
                           " < certified lower bound " + ov::to_string(certified_lower) +
                           ": the Hessian or its enclosure is defective");
  }
  if (finite(certified_lower) && certainly_less(L, certified_lower) == Tribool::yes) return Tribool::no;
  if (up.certified && certainly_less_equal(up.upper, L) == Tribool::yes) return Tribool::yes;
  return Tribool::undecided;
}

// ----------------------------------------------------------------------------- problems

namespace {
void require_c2(const problems::Problem& p) {
  const auto s = p.info().smoothness;
  if (s != problems::Smoothness::c2 && s != problems::Smoothness::analytic) {
    throw std::invalid_argument("problem '" + p.name() + "' is " + problems::to_string(s) +
                                ": its Hessian does not exist everywhere, so no Lipschitz bound from Hessians");
  }
}
}  // namespace

LipschitzLower sampled_lipschitz(const problems::Problem& p, const std::vector<double>& lo,
                                 const std::vector<double>& hi, int samples, std::uint64_t seed) {
  require_c2(p);
  const auto& e = p.in<mp50>();
  return sampled_lipschitz([&](const Vec<mp50>& x) { return e.hessian(x); }, lo, hi, samples, seed);
}

PowerEstimate power_iteration(const problems::Problem& p, const Vec<mp50>& x, int max_iterations, std::uint64_t seed) {
  require_c2(p);
  const auto& e = p.in<mp50>();
  // tol: a relative change of 1e-30 in ||H v|| (far above mp50 rounding, 1e-50).
  return power_iteration([&](const Vec<mp50>& v) { return e.hessian_vector_product(x, v); }, p.dim(), max_iterations,
                         constant<mp50>("1e-30"), seed);
}

LipschitzUpper certified_lipschitz(const problems::Problem& p, const std::vector<double>& lo,
                                   const std::vector<double>& hi, const BoxOptions& o) {
  require_c2(p);
  LipschitzUpper r;
  if (!p.supports<interval>()) {
    r.reason = "problem '" + p.name() + "' has no interval evaluator";
    return r;
  }
  const IsolatedResult child = run_isolated([&] {
    const auto& e = p.in<interval>();
    const LipschitzUpper u = certified_lipschitz([&](const Vec<interval>& b) { return e.autodiff_hessian(b); }, lo, hi, o);
    return std::string(u.certified ? "1" : "0") + "\n" + std::to_string(u.boxes) + "\n" + std::to_string(u.depth) +
           "\n" + (u.certified ? ov::to_string(u.upper) : u.reason);
  });
  if (!child.ok) {
    r.reason = "interval evaluation failed: " + child.failure;
    return r;
  }
  std::istringstream in(child.payload);
  std::string flag, boxes, depth, rest;
  std::getline(in, flag);
  std::getline(in, boxes);
  std::getline(in, depth);
  std::getline(in, rest);
  r.boxes = std::stol(boxes);
  r.depth = std::stoi(depth);
  if (flag == "1") {
    r.certified = true;
    r.upper = from_string<interval>(rest);
  } else {
    r.reason = rest;
  }
  return r;
}

interval certified_lower_at(const problems::Problem& p, const std::vector<std::string>& x, const Vec<mp50>& v,
                            std::string* reason) {
  const interval nan_interval(std::numeric_limits<mp50>::quiet_NaN());
  if (!p.supports<interval>()) {
    if (reason) *reason = "no interval evaluator";
    return nan_interval;
  }
  const IsolatedResult child = run_isolated([&] {
    const auto& e = p.in<interval>();
    return ov::to_string(certified_lower_at(e.autodiff_hessian(p.point<interval>(x)), v));
  });
  if (!child.ok) {
    if (reason) *reason = "interval evaluation failed: " + child.failure;
    return nan_interval;
  }
  return from_string<interval>(child.payload);
}

}  // namespace ov::spectra
