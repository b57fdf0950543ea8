// The evaluation core of the PEPit-bound claims: the four methods run in mp100 on an Instance,
// every iterate compared with its bound; the instance builders; the triangle-wave worst case.
#include <algorithm>
#include <cmath>
#include <stdexcept>

#include <fmt/core.h>

#include "analysis/numeric/exact_constant.hpp"
#include "analysis/numeric/rounding.hpp"
#include "analysis/problems/problem.hpp"
#include "optim/core/random.hpp"
#include "optim/line_search/exact_quadratic.hpp"
#include "proofs-checks/claims/pepit_bounds/bounds.hpp"

namespace ov::claims::pepit {

const char* bound_name(Bound b) {
  switch (b) {
    case Bound::gd_convex: return "gd_convex";
    case Bound::gd_nonconvex: return "gd_nonconvex";
    case Bound::contraction: return "contraction";
    case Bound::line_search: return "line_search";
  }
  return "?";
}

const rational& Variant::of(Bound b) const {
  switch (b) {
    case Bound::gd_convex: return convex;
    case Bound::gd_nonconvex: return nonconvex;
    case Bound::contraction: return contraction;
    case Bound::line_search: return line_search;
  }
  return convex;
}

Variant Variant::scaled(const rational& f) { return Variant{f, f, f, f}; }

double to_double(const mp100& v) { return v.convert_to<double>(); }
double to_double(const rational& q) { return round_to<double>(q); }
std::string str(const rational& q) { return q.str(); }

nlohmann::json series(const std::string& name, const std::string& plot, const std::string& role,
                      const std::vector<double>& x, const std::vector<double>& y, const std::string& x_label,
                      const std::string& y_label, bool log_y) {
  return {{"name", name}, {"plot", plot},       {"kind", "convergence"}, {"role", role},     {"x", x},
          {"y", y},       {"x_label", x_label}, {"y_label", y_label},    {"log_x", false}, {"log_y", log_y}};
}

void add_record_figures(Finding& out, const std::string& prefix, const Record& rec) {
  auto& f = out.evidence.figures;
  f[prefix + ".instances"] = rec.instances;
  f[prefix + ".comparisons"] = rec.comparisons;
  f[prefix + ".attained_within_1e-80"] = rec.attained;
  f[prefix + ".max_measured_over_bound"] = rec.max_ratio;
  f[prefix + ".below_mp100_resolution"] = rec.unresolved;
}

namespace {

std::string s100(const mp100& v) { return v.str(30, std::ios_base::scientific); }

nlohmann::json vec_json(const MVec& v) {
  nlohmann::json a = nlohmann::json::array();
  for (Eigen::Index i = 0; i < v.size(); ++i) a.push_back(s100(v[i]));
  return a;
}

mp100 m(const rational& q) { return round_to<mp100>(q); }

const mp100& rel_tol() {
  static const mp100 t("1e-80");
  return t;
}

const mp100& abs_unit() {  // mp100 rounding, generously: eps(mp100) ~ 1e-100 times 1e10 (steps, dimension)
  static const mp100 t("1e-90");
  return t;
}

// One comparison of measured with mult * bound at step n. abs_tol bounds the absolute rounding
// error of `measured` (and of the bound) in mp100: measured exceeds the bound when
// measured - mult * bound > 1e-80 * mult * bound + abs_tol. A comparison whose abs_tol exceeds
// 1e-20 * bound is below mp100's resolution: it is still checked with that tolerance but not used
// for the ratios (counted as unresolved).
void compare(Record& rec, const Instance& inst, Bound b, int start, int n, const mp100& measured, const mp100& bound,
             const mp100& mult, const mp100& abs_tol) {
  ++rec.comparisons;
  const mp100 limit = mult * bound;
  if (static_cast<int>(rec.max_ratio_by_n.size()) <= n) rec.max_ratio_by_n.resize(n + 1, 0.0);
  const bool resolved = bound > 0 && abs_tol <= mp100("1e-20") * bound;
  if (resolved) {
    const double r = to_double(mp100(measured / bound));
    rec.max_ratio = std::max(rec.max_ratio, r);
    rec.max_ratio_by_n[n] = std::max(rec.max_ratio_by_n[n], r);
    if (abs(measured - bound) <= rel_tol() * bound + abs_tol) ++rec.attained;
  } else {
    ++rec.unresolved;
  }
  const bool exceeds = measured - limit > rel_tol() * limit + abs_tol;
  if (exceeds && !rec.violation) {
    rec.violation = nlohmann::json{{"bound", bound_name(b)},
                                   {"instance", inst.name},
                                   {"params", inst.params},
                                   {"start_index", start},
                                   {"start", vec_json(inst.starts[start])},
                                   {"n", n},
                                   {"measured", s100(measured)},
                                   {"bound_value", s100(limit)},
                                   {"rounding_tolerance", s100(mp100(rel_tol() * limit + abs_tol))},
                                   {"excess_relative", s100(limit > 0 ? mp100((measured - limit) / limit) : measured)},
                                   {"precision", "mp100"}};
  }
}

mp100 nrm(const MVec& v) { return sqrt(mp100(v.squaredNorm())); }

}  // namespace

bool evaluate(const Instance& inst, Bound b, int N, const rational& multiplier, Record& rec) {
  const mp100 mult = m(multiplier);
  switch (b) {
    case Bound::gd_convex:
      if (!inst.convex || !inst.xstar || !inst.fstar) return false;
      break;
    case Bound::gd_nonconvex: break;
    case Bound::contraction:
      if (!(inst.mu > 0)) return false;
      break;
    case Bound::line_search:
      if (!(inst.mu > 0) || !inst.hessian_times || !inst.fstar) return false;
      break;
  }
  ++rec.instances;
  const mp100 L = inst.L;
  for (int s = 0; s < static_cast<int>(inst.starts.size()); ++s) {
    MVec x = inst.starts[s];
    if (b == Bound::gd_convex) {
      const mp100 R2 = (x - *inst.xstar).squaredNorm(), f0 = inst.value(x);
      for (int n = 1; n <= N; ++n) {
        x -= inst.gradient(x) / L;
        const mp100 fx = inst.value(x), X = nrm(x) + nrm(*inst.xstar) + nrm(inst.starts[s]);
        const mp100 tol = abs_unit() * (abs(f0) + abs(fx) + abs(*inst.fstar) + L * X * X);
        compare(rec, inst, b, s, n, fx - *inst.fstar, L * R2 / mp100(4 * n + 2), mult, tol);
      }
    } else if (b == Bound::gd_nonconvex) {
      const mp100 f0 = inst.value(x);
      MVec g = inst.gradient(x);
      mp100 best = g.squaredNorm();
      for (int n = 1; n <= N; ++n) {
        x -= g / L;
        g = inst.gradient(x);
        best = std::min(best, mp100(g.squaredNorm()));
        const mp100 fx = inst.value(x), X = nrm(x) + nrm(inst.starts[s]);
        const mp100 e = abs_unit() * L * X;  // rounding of a gradient
        const mp100 tol = abs_unit() * mp100(4) / 3 * L / n * (abs(f0) + abs(fx) + L * X * X) + 2 * sqrt(best) * e + e * e;
        compare(rec, inst, b, s, n, best, mp100(4) / 3 * L / n * (f0 - fx), mult, tol);
      }
    } else if (b == Bound::contraction) {
      const mp100 gamma = inst.gamma > 0 ? inst.gamma : 1 / L;
      const mp100 rho = std::max(mp100((1 - gamma * L) * (1 - gamma * L)), mp100((1 - gamma * inst.mu) * (1 - gamma * inst.mu)));
      // the pair (x_0, y_0): y_0 = x* when known, else the next start
      const MVec y0 = inst.xstar ? *inst.xstar : inst.starts[(s + 1) % inst.starts.size()];
      MVec y = y0;
      const mp100 d0 = (x - y).squaredNorm();
      mp100 rn = 1;
      for (int n = 1; n <= N; ++n) {
        x -= gamma * inst.gradient(x);
        y -= gamma * inst.gradient(y);
        rn *= rho;
        const mp100 e = abs_unit() * (nrm(x) + nrm(y) + nrm(inst.starts[s]) + nrm(y0));  // rounding of x_n - y_n
        const mp100 limit = mult * rn * d0;
        compare(rec, inst, b, s, n, (x - y).squaredNorm(), rn * d0, mult, 2 * sqrt(limit) * e + e * e);
      }
    } else {
      const mp100 q = (L - inst.mu) / (L + inst.mu);
      const mp100 q2 = q * q;
      const mp100 gap0 = inst.value(x) - *inst.fstar;
      mp100 qn = 1;
      for (int n = 1; n <= N; ++n) {
        const MVec g = inst.gradient(x);
        const auto ls = optim::exact_quadratic_search<mp100>(g, g, inst.hessian_times);
        if (ls.status != optim::LineSearchStatus::accepted) break;  // zero gradient: at the minimiser
        x -= ls.step * g;
        qn *= q2;
        const mp100 fx = inst.value(x), X = nrm(x) + nrm(inst.starts[s]);
        const mp100 tol = abs_unit() * (abs(gap0) + abs(fx) + abs(*inst.fstar) + L * X * X);
        compare(rec, inst, b, s, n, fx - *inst.fstar, qn * gap0, mult, tol);
      }
    }
  }
  return true;
}

// ---------------------------------------------------------------------------------------------
// Instances

namespace {

std::vector<MVec> box_starts(const problems::ProblemInfo& info, int dim, int count, optim::SplitMix64& rng) {
  std::vector<MVec> out;
  for (int s = 0; s < count; ++s) {
    MVec x(dim);
    for (int i = 0; i < dim; ++i) {
      const double lo = info.box_lo.empty() ? -2.0 : info.box_lo[std::min<std::size_t>(i, info.box_lo.size() - 1)];
      const double hi = info.box_hi.empty() ? 2.0 : info.box_hi[std::min<std::size_t>(i, info.box_hi.size() - 1)];
      x[i] = mp100(lo + (hi - lo) * rng.uniform());
    }
    out.push_back(x);
  }
  return out;
}

}  // namespace

Instance library_instance(const std::string& name, const nlohmann::json& params, bool convex, int starts,
                          std::uint64_t seed) {
  problems::Params p;
  for (auto it = params.begin(); it != params.end(); ++it) p.set(it.key(), it.value().get<std::string>());
  auto problem = std::make_shared<problems::Problem>(problems::make_problem(name, p));
  const auto& info = problem->info();
  if (!info.lipschitz) throw std::logic_error("problem " + name + " has no global Lipschitz constant of its gradient");
  Instance inst;
  inst.name = name;
  inst.params = params;
  inst.dim = problem->dim();
  const auto* e = &problem->in<mp100>();
  inst.value = [problem, e](const MVec& x) { return e->value(x); };
  inst.gradient = [problem, e](const MVec& x) { return MVec(e->gradient(x)); };
  inst.L = constant<mp100>(*info.lipschitz);
  if (info.mu) inst.mu = constant<mp100>(*info.mu);
  inst.convex = convex;
  if (info.f_star) inst.fstar = constant<mp100>(*info.f_star);
  if (convex && info.critical_points.size() == 1) {
    MVec xs(inst.dim);
    for (int i = 0; i < inst.dim; ++i) xs[i] = constant<mp100>(info.critical_points[0].x[i]);
    inst.xstar = xs;
  }
  // a quadratic has a constant Hessian: the exact line search needs only H v
  if (name == "quadratic" || name == "castera_quadratic" || name == "booth" || name == "matyas" ||
      name == "least_squares" || name == "square" || name == "quadratic_deep") {
    MVec zero = MVec::Zero(inst.dim);
    inst.hessian_times = [problem, e, zero](const MVec& v) { return MVec(e->hessian_vector_product(zero, v)); };
  }
  optim::SplitMix64 rng(seed);
  inst.starts = box_starts(info, inst.dim, starts, rng);
  return inst;
}

Instance random_quadratic(std::uint64_t seed, int n, const rational& mu, const rational& L, int starts) {
  optim::SplitMix64 rng(seed);
  // eigenvalues: mu, L and n - 2 random rationals k/64 of the way between them
  std::string ev = str(mu) + "," + str(L);
  for (int i = 2; i < n; ++i) ev += "," + str(mu + (L - mu) * rational(static_cast<long>(rng.below(65))) / 64);
  nlohmann::json params = {{"n", std::to_string(n)}, {"seed", std::to_string(1 + rng.below(1000000))},
                           {"spectrum", "list"},     {"eigenvalues", ev},
                           {"mu", str(mu)},          {"L", str(L)}};
  Instance inst = library_instance("quadratic", params, true, starts, rng.next());
  inst.name = "random_quadratic";
  return inst;
}

Instance radial_huber(int dim, const rational& Lq, const rational& tauq, int starts, std::uint64_t seed) {
  Instance inst;
  inst.name = "radial_huber";
  inst.params = {{"dim", dim}, {"L", str(Lq)}, {"tau", str(tauq)}};
  inst.dim = dim;
  const mp100 L = m(Lq), tau = m(tauq);
  inst.value = [L, tau](const MVec& x) {
    const mp100 r = sqrt(mp100(x.squaredNorm()));
    return r <= tau ? mp100(L * r * r / 2) : mp100(L * tau * r - L * tau * tau / 2);
  };
  inst.gradient = [L, tau](const MVec& x) {
    const mp100 r = sqrt(mp100(x.squaredNorm()));
    return r <= tau ? MVec(L * x) : MVec(x * (L * tau / r));
  };
  inst.L = L;
  inst.convex = true;
  inst.xstar = MVec::Zero(dim);
  inst.fstar = mp100(0);
  optim::SplitMix64 rng(seed);
  for (int s = 0; s < starts; ++s) {
    MVec x(dim);
    for (int i = 0; i < dim; ++i) x[i] = mp100(8 * rng.uniform() - 4) * tau;
    inst.starts.push_back(x);
  }
  return inst;
}

Instance huber_worst_case_instance(const rational& L, const rational& R, int N) {
  const nlohmann::json params = {{"L", str(L)}, {"R", str(R)}, {"N", std::to_string(N)}, {"gamma", str(1 / L)}};
  Instance inst = library_instance("huber_gd_worst_case", params, true, 0, 0);
  inst.starts = {MVec::Constant(1, m(R))};
  inst.worst_case = true;
  return inst;
}

Instance wave_instance(const rational& Lq, const rational& aq, int N, int extra_starts, std::uint64_t seed) {
  Instance inst;
  inst.name = "triangle_wave";
  inst.params = {{"L", str(Lq)}, {"a", str(aq)}, {"N", N}};
  inst.dim = 1;
  const mp100 L = m(Lq), a = m(aq);
  const long n = N;
  inst.value = [L, a, n](const MVec& x) { return wave_value<mp100>(x[0], L, a, n); };
  inst.gradient = [L, a, n](const MVec& x) { return MVec::Constant(1, wave_derivative<mp100>(x[0], L, a, n)); };
  inst.L = L;
  inst.starts = {MVec::Zero(1)};
  optim::SplitMix64 rng(seed);
  const double span = to_double(aq / Lq) * (N + 2);
  for (int s = 0; s < extra_starts; ++s) inst.starts.push_back(MVec::Constant(1, mp100(span * (rng.uniform() - 0.1))));
  inst.worst_case = true;
  return inst;
}

namespace {

Instance diag_quadratic(const std::string& name, const rational& mu, const rational& L) {
  Instance inst;
  inst.name = name;
  inst.params = {{"mu", str(mu)}, {"L", str(L)}};
  inst.dim = 2;
  MVec d(2);
  d << m(mu), m(L);
  inst.value = [d](const MVec& x) { return mp100(x.cwiseProduct(d).dot(x) / 2); };
  inst.gradient = [d](const MVec& x) { return MVec(x.cwiseProduct(d)); };
  inst.hessian_times = [d](const MVec& v) { return MVec(v.cwiseProduct(d)); };
  inst.L = m(L);
  inst.mu = m(mu);
  inst.convex = true;
  inst.xstar = MVec::Zero(2);
  inst.fstar = mp100(0);
  inst.worst_case = true;
  return inst;
}

}  // namespace

Instance els_worst_case_instance(const rational& mu, const rational& L) {
  Instance inst = diag_quadratic("els_worst_case_quadratic", mu, L);
  MVec x0(2);
  x0 << m(1 / mu), m(1 / L);
  inst.starts = {x0};
  return inst;
}

Instance contraction_worst_case_instance(const rational& mu, const rational& L, const rational& gamma) {
  Instance inst = diag_quadratic("contraction_worst_case_quadratic", mu, L);
  inst.params["gamma"] = str(gamma);
  inst.gamma = m(gamma);
  const rational a = 1 - gamma * L, b = 1 - gamma * mu;
  MVec x0 = MVec::Zero(2);
  x0[a * a >= b * b ? 1 : 0] = 1;  // the eigenvector of the extreme factor
  inst.starts = {x0};
  return inst;
}

// ---------------------------------------------------------------------------------------------
// The triangle wave

namespace {

long floor_long(const mp100& v) { return static_cast<long>(floor(v).convert_to<long long>()); }
long floor_long(const rational& q) {
  using bmp::mpz_int;
  const mpz_int n = numerator(q), d = denominator(q);
  mpz_int f = n / d;
  if (n < 0 && f * d != n) f -= 1;
  return f.convert_to<long>();
}

}  // namespace

template <class T>
T wave_derivative(const T& x, const T& L, const T& a, long N) {
  const T p = a / L, end = p * T(N);
  if (x < T(0)) return -std::max(T(a + L * x), T(0));
  if (x > end) return -std::max(T(a - L * (x - end)), T(0));
  const long k = floor_long(T(x / p));
  const T r = x - p * T(k);
  const T d = std::min(r, T(p - r));
  return -(a - L * d);
}

template <class T>
T wave_value(const T& x, const T& L, const T& a, long N) {
  const T p = a / L, end = p * T(N);
  if (x < T(0)) {
    const T s = std::min(T(-x), p);
    return a * s - L * s * s / 2;
  }
  auto inner = [&](const T& y) {  // -int_0^y (a - L d(t)) dt, 0 <= y <= end
    const long k = std::min(floor_long(T(y / p)), N);
    const T r = y - p * T(k);
    const T D = r <= p / 2 ? T(r * r / 2) : T(p * p / 4 - (p - r) * (p - r) / 2);
    return -a * y + L * (T(k) * p * p / 4 + D);
  };
  if (x <= end) return inner(x);
  const T s = std::min(T(x - end), p);
  return inner(end) - (a * s - L * s * s / 2);
}

template rational wave_value<rational>(const rational&, const rational&, const rational&, long);
template rational wave_derivative<rational>(const rational&, const rational&, const rational&, long);
template mp100 wave_value<mp100>(const mp100&, const mp100&, const mp100&, long);
template mp100 wave_derivative<mp100>(const mp100&, const mp100&, const mp100&, long);

void finish(Finding& out, const std::optional<nlohmann::json>& violation, const Record& wc, const Record& lib, int cases,
            int equal, int wc_needed, const std::string& what, const std::string& holds_summary) {
  if (violation || wc.violation || lib.violation) {
    out.verdict = Verdict::refuted;
    out.evidence.counterexample = violation ? *violation : wc.violation ? *wc.violation : *lib.violation;
    out.evidence.summary = what + " exceeds the bound: " + out.evidence.counterexample.dump();
  } else if (equal == cases && wc.attained >= wc_needed) {
    out.verdict = Verdict::holds;
    out.evidence.summary = holds_summary;
  } else {
    out.verdict = Verdict::inconclusive;
    out.evidence.summary = fmt::format("no violation, but the worst case attained the bound in only {} of {} exact "
                                       "comparisons ({} of {} in mp100)", equal, cases, wc.attained, wc_needed);
  }
}


}  // namespace ov::claims::pepit
