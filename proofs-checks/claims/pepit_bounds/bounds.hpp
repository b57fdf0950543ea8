// PEPit's closed-form worst-case bounds (guide anchors-optimizers.md §3.4, [EXT]) checked by
// running iterates: exactly (rational) on the explicit worst-case functions, in mp100 on the
// problem library and on random instances.
//
//   gd_convex      GD, step 1/L, L-smooth convex:      f(x_N) - f* <= L |x_0 - x*|^2 / (4N + 2)
//                  (Drori & Teboulle 2014, Thm 3.1; attained by the Huber function, tau = R/(2N+1))
//   gd_nonconvex   GD, step 1/L, L-smooth:             min_{k<=N} |g_k|^2 <= (4/3)(L/N)(f(x_0) - f(x_N))
//                  (Abbaszadehpeivasti, de Klerk & Zamani 2022; Taylor 2017 p. 190; attained by a
//                  triangle-wave derivative, see worst_case_wave below)
//   contraction    GD, step gamma in (0, 2/L), L-smooth mu-strongly convex:
//                  |x_n - y_n|^2 <= max{(1 - gamma L)^2, (1 - gamma mu)^2}^n |x_0 - y_0|^2 (y = x* included)
//   line_search    GD + exact line search, L-smooth mu-strongly convex:
//                  f(x_n) - f* <= ((L - mu)/(L + mu))^(2n) (f(x_0) - f*)  (de Klerk, Glineur & Taylor 2017)
//
// A Variant multiplies each bound's constant (1 = the published bound; 0.93 = a 7 % smaller,
// false constant that the worst cases must refute).
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <Eigen/Core>
#include <nlohmann/json.hpp>

#include "analysis/numeric/scalars.hpp"
#include "proofs-checks/claim.hpp"

namespace ov::claims::pepit {

using MVec = Eigen::Matrix<mp100, Eigen::Dynamic, 1>;
using RVec = Eigen::Matrix<rational, Eigen::Dynamic, 1>;

enum class Bound { gd_convex = 0, gd_nonconvex = 1, contraction = 2, line_search = 3 };
const char* bound_name(Bound b);

struct Variant {
  rational convex = 1, nonconvex = 1, contraction = 1, line_search = 1;
  const rational& of(Bound b) const;
  static Variant scaled(const rational& factor);  // every constant times factor
};

// A function with what the bounds need, evaluated in mp100.
struct Instance {
  std::string name;
  nlohmann::json params = nlohmann::json::object();
  int dim = 0;
  std::function<mp100(const MVec&)> value;
  std::function<MVec(const MVec&)> gradient;
  std::function<MVec(const MVec&)> hessian_times;  // quadratics only (exact line search)
  mp100 L = 0, mu = 0;                              // mu > 0: strongly convex
  bool convex = false;
  std::optional<MVec> xstar;
  std::optional<mp100> fstar;
  std::vector<MVec> starts;
  mp100 gamma = 0;  // contraction step; 0 means 1/L
  bool worst_case = false;  // a member of a worst-case family (reported apart)
};

// Per-bound record of an evaluation: measured/bound ratios (mp100, kept in double) and the
// first violation. A violation is measured > multiplier * bound * (1 + 1e-80) + abs_tol, abs_tol
// a generous bound on mp100's absolute rounding of the compared quantities (1e-90 times their
// scale; see core.cpp and docs/claims-pepit_bounds.md).
struct Record {
  int comparisons = 0;
  int attained = 0;  // |measured / bound - 1| <= 1e-80
  double max_ratio = 0;
  std::vector<double> max_ratio_by_n;  // index n (0 unused)
  std::optional<nlohmann::json> violation;
  int instances = 0;
  int unresolved = 0;  // comparisons below mp100's resolution (checked, not used for the ratios)
};

// Runs the method of bound b on every start of the instance for n = 1..N and records each
// comparison with multiplier * bound(n). Instances not in b's class are skipped (returns false).
bool evaluate(const Instance& inst, Bound b, int N, const rational& multiplier, Record& rec);

// Instances.
Instance library_instance(const std::string& problem, const nlohmann::json& params, bool convex, int starts,
                          std::uint64_t seed);
Instance random_quadratic(std::uint64_t seed, int n, const rational& mu, const rational& L, int starts);
Instance radial_huber(int dim, const rational& L, const rational& tau, int starts, std::uint64_t seed);
Instance huber_worst_case_instance(const rational& L, const rational& R, int N);  // tau = R/(2N+1), x0 = R
Instance wave_instance(const rational& L, const rational& a, int N, int extra_starts, std::uint64_t seed);
Instance els_worst_case_instance(const rational& mu, const rational& L);  // diag(mu, L), x0 = (1/mu, 1/L)
Instance contraction_worst_case_instance(const rational& mu, const rational& L, const rational& gamma);

// The triangle-wave worst case of nonconvex GD (exact, any scalar: rational and mp100 are
// instantiated): h'(x) = -(a - L dist(x, pZ)) on [0, N p], p = a/L, extended by
// h'(x) = -max(a - L dist(x, [0, Np]), 0) outside; h(0) = 0. GD with step 1/L from 0 visits
// x_k = k p with h'(x_k) = -a, and h(0) - h(Np) = 3 N a^2 / (4L).
template <class T>
T wave_value(const T& x, const T& L, const T& a, long N);
template <class T>
T wave_derivative(const T& x, const T& L, const T& a, long N);

// Helpers shared by the claims.
double to_double(const mp100& v);
double to_double(const rational& q);
std::string str(const rational& q);
nlohmann::json series(const std::string& name, const std::string& plot, const std::string& role,
                      const std::vector<double>& x, const std::vector<double>& y, const std::string& x_label,
                      const std::string& y_label, bool log_y);
void add_record_figures(Finding& out, const std::string& prefix, const Record& rec);
// The verdict of a bound claim: refuted by the first violation (the check's own, the worst case's,
// the library's); holds when every exact comparison of the worst case was an equality and it was
// attained in mp100 `wc_needed` times; inconclusive otherwise. `what` names the bounded quantity.
void finish(Finding& out, const std::optional<nlohmann::json>& violation, const Record& wc, const Record& lib, int cases,
            int equal, int wc_needed, const std::string& what, const std::string& holds_summary);

// The exact (rational) runs on the worst cases: cases compared, how many equal the bound exactly,
// the first case above multiplier * bound, and the curves of the first parameter set (bound and
// measured, normalised as in the plots). extra: gd_convex: iterates on the Huber's linear piece.
struct ExactResult {
  int cases = 0, equal = 0, extra = 0;
  std::optional<nlohmann::json> violation;
  std::vector<double> ns, bound, measured;
};
ExactResult exact_gd_convex(const rational& multiplier, bool quick);
ExactResult exact_gd_nonconvex(const rational& multiplier, bool quick);
ExactResult exact_contraction(const rational& multiplier, bool quick);
ExactResult exact_line_search(const rational& multiplier, bool quick);

// The claims' checks (functions of the bound variant, so the tests can pass a false one).
Finding check_gd_convex(const Variant& v, const RunContext& ctx);
Finding check_gd_nonconvex(const Variant& v, const RunContext& ctx);
Finding check_contraction(const Variant& v, const RunContext& ctx);
Finding check_line_search(const Variant& v, const RunContext& ctx);
Finding check_random_search(const Variant& v, const RunContext& ctx);
Finding check_worst_cases(const Variant& v, const RunContext& ctx);

Claim gd_convex_claim();
Claim gd_nonconvex_claim();
Claim contraction_claim();
Claim line_search_claim();
Claim random_search_claim();
Claim worst_cases_claim();

}  // namespace ov::claims::pepit
