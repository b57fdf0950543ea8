#include "nets/landscape/critical_point.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "analysis/numeric/decompositions.hpp"
#include "analysis/numeric/exact_constant.hpp"
#include "analysis/numeric/inertia.hpp"

namespace ov::nets::landscape {

const char* to_string(PointClass c) {
  switch (c) {
    case PointClass::minimum: return "minimum";
    case PointClass::saddle: return "saddle";
    case PointClass::maximum: return "maximum";
    case PointClass::degenerate: return "degenerate";
  }
  return "?";
}

const char* to_string(SearchStatus s) {
  switch (s) {
    case SearchStatus::converged: return "converged";
    case SearchStatus::iteration_limit: return "iteration_limit";
    case SearchStatus::stagnated: return "stagnated";
    case SearchStatus::not_finite: return "not_finite";
    case SearchStatus::no_root: return "no_root";
  }
  return "?";
}

void SearchOptions::validate() const {
  auto bad = [](const std::string& name, const std::string& value, const std::string& range) {
    throw std::invalid_argument("SearchOptions." + name + " = " + value + " is invalid; valid: " + range);
  };
  if (lm_max_iterations < 0) bad("lm_max_iterations", std::to_string(lm_max_iterations), "an integer >= 0");
  if (!(lm_gradient_tolerance > 0) || !std::isfinite(lm_gradient_tolerance))
    bad("lm_gradient_tolerance", std::to_string(lm_gradient_tolerance), "a finite number > 0");
  if (!(lm_initial_mu > 0) || !std::isfinite(lm_initial_mu))
    bad("lm_initial_mu", std::to_string(lm_initial_mu), "a finite number > 0");
  if (newton_max_iterations < 0)
    bad("newton_max_iterations", std::to_string(newton_max_iterations), "an integer >= 0");
  if (!(gradient_tolerance > 0) || !(gradient_tolerance < 1))
    bad("gradient_tolerance", gradient_tolerance.str(6), "a number in (0, 1), e.g. 1e-60");
  if (max_denominator < 1 || max_denominator > (std::int64_t{1} << 40))
    bad("max_denominator", std::to_string(max_denominator), "an integer in [1, 2^40]");
  if (!(step_tolerance > 0) || !(step_tolerance < 1))
    bad("step_tolerance", std::to_string(step_tolerance), "a number in (0, 1)");
  if (!(zero_tolerance_factor > 0) || !std::isfinite(zero_tolerance_factor))
    bad("zero_tolerance_factor", std::to_string(zero_tolerance_factor), "a finite number > 0");
}

namespace {

template <class T>
bool all_finite(const Vec<T>& v) {
  for (Eigen::Index i = 0; i < v.size(); ++i) {
    using std::isfinite;
    using boost::multiprecision::isfinite;
    if (!isfinite(v[i])) return false;
  }
  return true;
}

mp100 norm2(const Vec<mp100>& v) {
  mp100 s = 0;
  for (Eigen::Index i = 0; i < v.size(); ++i) s += v[i] * v[i];
  return sqrt(s);
}

// Stage 1: Levenberg-Marquardt on phi = 1/2 ||g||^2 in double.
void lm_stage(const SmoothFunction<double>& f, const SearchOptions& o, CriticalPointResult& r) {
  Vec<double> x = r.start;
  Vec<double> g = f.gradient(x);
  if (!all_finite(g)) {
    r.lm_point = x;
    r.lm_gradient_norm = std::numeric_limits<double>::quiet_NaN();
    return;
  }
  double phi = 0.5 * g.squaredNorm();
  double lambda = o.lm_initial_mu;  // mu = lambda * (1 + max diag(H^2)): scale-free damping
  int it = 0;
  while (it < o.lm_max_iterations && std::sqrt(2 * phi) > o.lm_gradient_tolerance) {
    ++it;
    const Mat<double> H = f.hessian(x);
    Mat<double> A = H * H;
    const double scale = 1.0 + A.diagonal().maxCoeff();
    A.diagonal().array() += lambda * scale;
    const Vec<double> rhs = -(H * g);
    Vec<double> d;
    try {
      d = llt_solve(A, rhs);
    } catch (const std::domain_error&) {
      lambda *= 4;
      continue;
    }
    const Vec<double> xn = x + d;
    const Vec<double> gn = f.gradient(xn);
    const double phin = all_finite(gn) ? 0.5 * gn.squaredNorm() : std::numeric_limits<double>::infinity();
    if (phin < phi) {
      x = xn;
      g = gn;
      phi = phin;
      lambda = std::max(lambda / 3, 1e-15);
    } else {
      lambda *= 4;
      if (lambda > 1e15) break;  // no descent direction of phi left in double
    }
  }
  r.lm_iterations = it;
  r.lm_point = x;
  r.lm_gradient_norm = std::sqrt(2 * phi);
}

// Newton direction for grad f = 0: -H^{-1} g, computed from H^2 d = -H g; if H^2 is
// numerically singular, the Levenberg-Marquardt direction with mu = ||g||^2.
std::optional<Vec<mp100>> newton_direction(const SmoothFunction<mp100>& F, const Vec<mp100>& x, const Vec<mp100>& g,
                                           const mp100& gn) {
  const Mat<mp100> H = F.hessian(x);
  const Mat<mp100> H2 = H * H;
  const Vec<mp100> rhs = -(H * g);
  try {
    return llt_solve(H2, rhs);
  } catch (const std::domain_error&) {
    Mat<mp100> A = H2;
    A.diagonal().array() += gn * gn;
    try {
      return llt_solve(A, rhs);
    } catch (const std::domain_error&) {
      return std::nullopt;
    }
  }
}

// Stage 2: Newton on grad f = 0 in mp100 with backtracking on ||g||.
void newton_stage(const Landscape& f, const Vec<mp100>& x0, const SearchOptions& o, CriticalPointResult& r) {
  const SmoothFunction<mp100>& F = f.precise;
  Vec<mp100> x = x0;
  Vec<mp100> g = F.gradient(x);
  mp100 gn = norm2(g);
  int it = 0;
  r.status = SearchStatus::converged;
  while (!(gn <= o.gradient_tolerance)) {
    if (it >= o.newton_max_iterations) {
      r.status = SearchStatus::iteration_limit;
      break;
    }
    ++it;
    const std::optional<Vec<mp100>> dir = newton_direction(F, x, g, gn);
    if (!dir) {
      r.status = SearchStatus::stagnated;
      break;
    }
    const Vec<mp100>& d = *dir;
    bool accepted = false;
    mp100 t = 1;
    for (int k = 0; k < 60; ++k, t /= 2) {
      const Vec<mp100> xt = x + t * d;
      const Vec<mp100> gt = F.gradient(xt);
      const mp100 gtn = norm2(gt);
      if (gtn < gn) {
        x = xt;
        g = gt;
        gn = gtn;
        accepted = true;
        break;
      }
    }
    if (!accepted) {
      r.status = SearchStatus::stagnated;
      break;
    }
  }
  r.newton_iterations = it;
  if (r.status == SearchStatus::converged && gn > 0) {
    // A small gradient alone does not make a critical point (e^t at t = -140):
    // the next Newton step, an estimate of the distance to the root, must be small too.
    const std::optional<Vec<mp100>> d = newton_direction(F, x, g, gn);
    const mp100 scale = std::max(mp100(1), mp100(x.cwiseAbs().maxCoeff()));
    r.final_step = d ? mp100(d->cwiseAbs().maxCoeff()) : mp100(-1);
    if (!d || r.final_step > mp100(o.step_tolerance) * scale) r.status = SearchStatus::no_root;
  }
  r.x = x;
  r.value = F.value(x);
  r.gradient_norm = gn;
}

PointClass kind_of(const Inertia& in) {
  if (in.zero > 0) return PointClass::degenerate;
  if (in.negative == 0) return PointClass::minimum;
  if (in.positive == 0) return PointClass::maximum;
  return PointClass::saddle;
}

std::string label_of(PointClass k, const Inertia& in) {
  switch (k) {
    case PointClass::minimum: return "minimum";
    case PointClass::maximum: return "maximum";
    case PointClass::saddle: return "saddle (index " + std::to_string(in.negative) + ")";
    case PointClass::degenerate:
      return "degenerate (+" + std::to_string(in.positive) + " -" + std::to_string(in.negative) + " 0:" +
             std::to_string(in.zero) + ")";
  }
  return "?";
}

}  // namespace

std::optional<rational> rationalize(const mp100& x, std::int64_t max_denominator, const mp100& closeness) {
  if (!(abs(x) < mp100("1e12"))) return std::nullopt;
  // Convergents p_k/q_k of the continued fraction of x.
  using I = long long;
  mp100 rem = x;
  I a = static_cast<I>(floor(rem));
  rem -= a;
  I p_prev = 1, q_prev = 0, p = a, q = 1;
  for (int k = 0; k < 200; ++k) {
    if (abs(x - mp100(p) / q) <= closeness) return rational(p) / rational(q);
    if (rem == 0) break;
    rem = 1 / rem;
    if (rem > mp100("1e15")) break;
    a = static_cast<I>(floor(rem));
    rem -= a;
    const __int128 pn = static_cast<__int128>(a) * p + p_prev;
    const __int128 qn = static_cast<__int128>(a) * q + q_prev;
    if (qn > max_denominator || pn > (static_cast<__int128>(1) << 62) || pn < -(static_cast<__int128>(1) << 62)) break;
    p_prev = p;
    q_prev = q;
    p = static_cast<I>(pn);
    q = static_cast<I>(qn);
  }
  return std::nullopt;
}

Classification classify(const Landscape& f, const Vec<mp100>& x, const mp100& gradient_norm,
                        const SearchOptions& o) {
  const int n = f.dim();
  if (x.size() != n)
    throw std::invalid_argument("classify: x has " + std::to_string(x.size()) + " coordinates, the function has dim " +
                                std::to_string(n));
  Classification c;
  const Mat<mp100> H = f.precise.hessian(x);
  const Vec<mp100> ev = symmetric_eigenvalues(H);
  mp100 hnorm = 0, amin = -1;
  for (Eigen::Index i = 0; i < ev.size(); ++i) {
    hnorm = std::max(hnorm, mp100(abs(ev[i])));
    if (amin < 0 || abs(ev[i]) < amin) amin = abs(ev[i]);
  }
  c.min_abs_eigenvalue = amin;
  bool done = false;
  if (o.try_exact && f.exact) {
    Vec<rational> q(n);
    bool ok = true;
    for (int i = 0; i < n && ok; ++i) {
      const mp100 closeness = mp100("1e-15") * std::max(mp100(1), mp100(abs(x[i])));
      const auto qi = rationalize(x[i], o.max_denominator, closeness);
      if (qi) q[i] = *qi; else ok = false;
    }
    if (ok) {
      const Vec<rational> gq = f.exact->gradient(q);
      for (int i = 0; i < n && ok; ++i) ok = (gq[i] == 0);
      if (ok) {
        c.inertia = inertia(f.exact->hessian(q));
        c.exact = true;
        c.exact_point = q;
        c.zero_tolerance = 0;
        done = true;
      }
    }
  }
  if (!done) {
    const mp100 floor_eps("1e-90");
    const mp100 eps = std::max(mp100(gradient_norm), floor_eps);
    c.zero_tolerance = mp100(o.zero_tolerance_factor) * n * std::max(mp100(1), hnorm) * sqrt(eps);
    c.inertia = inertia(H, c.zero_tolerance);
  }
  c.kind = kind_of(c.inertia);
  c.index = c.inertia.negative;
  c.label = label_of(c.kind, c.inertia);
  return c;
}

namespace {
// Classify a converged point; at an exact rational critical point report that
// point, its exact value (rounded to mp100) and gradient norm 0.
void finish(const Landscape& f, const SearchOptions& o, CriticalPointResult& r) {
  if (!r.converged()) return;
  r.classification = classify(f, r.x, r.gradient_norm, o);
  if (r.classification->exact) {
    const Vec<rational>& q = *r.classification->exact_point;
    for (Eigen::Index i = 0; i < q.size(); ++i) r.x[i] = constant<mp100>(q[i].str());
    r.value = constant<mp100>(f.exact->value(q).str());
    r.gradient_norm = 0;
  }
}
}  // namespace

CriticalPointResult refine(const Landscape& f, const Vec<mp100>& x0, const SearchOptions& o) {
  f.validate();
  o.validate();
  if (x0.size() != f.dim())
    throw std::invalid_argument("refine: x0 has " + std::to_string(x0.size()) + " coordinates, the function has dim " +
                                std::to_string(f.dim()));
  CriticalPointResult r;
  newton_stage(f, x0, o, r);
  finish(f, o, r);
  return r;
}

CriticalPointResult find_critical_point(const Landscape& f, const Vec<double>& start, const SearchOptions& o) {
  f.validate();
  o.validate();
  if (start.size() != f.dim())
    throw std::invalid_argument("find_critical_point: start has " + std::to_string(start.size()) +
                                " coordinates, the function has dim " + std::to_string(f.dim()));
  for (Eigen::Index i = 0; i < start.size(); ++i)
    if (!std::isfinite(start[i]))
      throw std::invalid_argument("find_critical_point: start[" + std::to_string(i) + "] is not finite");
  CriticalPointResult r;
  r.start = start;
  lm_stage(f.fast, o, r);
  if (!std::isfinite(r.lm_gradient_norm)) {
    r.status = SearchStatus::not_finite;
    return r;
  }
  Vec<mp100> x0(f.dim());
  for (int i = 0; i < f.dim(); ++i) x0[i] = r.lm_point[i];
  newton_stage(f, x0, o, r);
  finish(f, o, r);
  return r;
}

DerivativeCheck check_derivatives(const SmoothFunction<mp100>& f, const Vec<mp100>& x) {
  f.validate("check_derivatives");
  if (x.size() != f.dim)
    throw std::invalid_argument("check_derivatives: x has " + std::to_string(x.size()) +
                                " coordinates, the function has dim " + std::to_string(f.dim));
  const mp100 h("1e-30");
  const Vec<mp100> g = f.gradient(x);
  const Mat<mp100> H = f.hessian(x);
  DerivativeCheck c;
  const mp100 gscale = std::max(mp100(1), mp100(g.cwiseAbs().maxCoeff()));
  const mp100 hscale = std::max(mp100(1), mp100(H.cwiseAbs().maxCoeff()));
  mp100 gerr = 0, herr = 0;
  for (int i = 0; i < f.dim; ++i) {
    Vec<mp100> xp = x, xm = x;
    xp[i] += h;
    xm[i] -= h;
    const mp100 di = (f.value(xp) - f.value(xm)) / (2 * h);
    const mp100 e = abs(di - g[i]) / gscale;
    if (e > gerr) {
      gerr = e;
      c.worst_gradient_component = i;
    }
    const Vec<mp100> col = (f.gradient(xp) - f.gradient(xm)) / (2 * h);
    const mp100 ec = (col - H.col(i)).cwiseAbs().maxCoeff() / hscale;
    if (ec > herr) {
      herr = ec;
      c.worst_hessian_column = i;
    }
  }
  c.gradient_error = static_cast<double>(gerr);
  c.hessian_error = static_cast<double>(herr);
  return c;
}

}  // namespace ov::nets::landscape
