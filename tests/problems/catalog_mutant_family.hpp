// A test-only problem family whose implementation or metadata can be broken on
// purpose, one defect per value of the parameter "mutation", to prove that each
// check of analysis/problems/verification.hpp fails on it:
//
//   f(x, y) = (x - a)^2 + 2 y^2,  a = 1/10:  grad = (2(x - a), 4y),  H = diag(2, 4),
//   one minimum (a, 0), f* = 0, L = 4 (global and on every ball).
//
// mutation: none | inexact (the minimum listed to 20 digits, exact = false: must
// pass after Newton refinement) | gradient | hessian | critical_point | kind |
// f_star | lipschitz | local_lipschitz | precision | box.
// Not registered in the catalog: tests build it with make_test_problem().
#pragma once

#include <memory>
#include <string>
#include <type_traits>

#include "analysis/numeric/lift.hpp"
#include "analysis/numeric/linear_algebra.hpp"
#include "analysis/problems/evaluator_model.hpp"
#include "analysis/problems/family.hpp"
#include "analysis/problems/problem.hpp"

namespace ov::testing {

using problems::CriticalPoint;
using problems::Params;
using problems::PointKind;
using problems::ProblemInfo;

struct MutantFamily {
  static constexpr const char* kName = "test_mutant";
  static constexpr const char* kTitle = "test-only quadratic with optional defects";
  static constexpr bool kRationalExact = true;

  static Params defaults() { return {{"a", "1/10"}, {"mutation", "none"}}; }

  static ProblemInfo describe(const Params& p) {
    const std::string m = p.text("mutation");
    ProblemInfo i;
    i.name = kName;
    i.title = kTitle;
    i.formula = "(x - a)^2 + 2 y^2";
    i.dim = 2;
    const std::string a = p.text("a");
    CriticalPoint cp{{a, "0"}, PointKind::minimum, true, "global minimum"};
    if (m == "inexact") cp = {{"0.1000000000000000001", "-0.00000000000000000003"}, PointKind::minimum, false, ""};
    if (m == "critical_point") cp.x = {a, "1/100"};
    if (m == "kind") cp.kind = PointKind::strict_saddle;
    i.critical_points = {cp};
    i.f_star = m == "f_star" ? "-1/1000" : "0";
    i.lipschitz = m == "lipschitz" ? "3" : "4";
    i.local_lipschitz = problems::LocalLipschitz{m == "local_lipschitz" ? "3" : "4", {"0", "0"}, "1"};
    i.mu = "2";
    i.citation = "test fixture (tests/problems/catalog_mutant_family.hpp)";
    i.box_lo = {-2, -2};
    i.box_hi = {2, 2};
    if (m == "box") i.box_lo = {-2};
    i.rational_exact = true;
    i.analytic_gradient = true;
    i.analytic_hessian = true;
    return i;
  }

  template <class S>
  struct Functor {
    static constexpr int kDim = 2;
    S a;
    std::string mutation;
    explicit Functor(const Params& p) : a(p.get<S>("a")), mutation(p.text("mutation")) {}
    int dim() const { return kDim; }

    template <class T>
    T operator()(const Vec<T>& x) const {
      T u = x[0] - lift<T>(a);
      T f = u * u + integer<T>(2) * x[1] * x[1];
      if constexpr (std::is_same_v<S, mp50>) {
        // A type-specific defect: the mp50 value passes through binary64.
        if (mutation == "precision") f = f + lift<T>(S(static_cast<double>(value_of(f))) - value_of(f));
      }
      return f;
    }
    Vec<S> gradient(const Vec<S>& x) const {
      Vec<S> g(2);
      g[0] = S(2) * (x[0] - a);
      g[1] = S(4) * x[1];
      if (mutation == "gradient") g[1] += x[0] / S(1000);
      return g;
    }
    Mat<S> hessian(const Vec<S>& x) const {
      Mat<S> h = Mat<S>::Zero(2, 2);
      h(0, 0) = S(2);
      h(1, 1) = S(4);
      if (mutation == "hessian") h(0, 1) = S(1) / S(1000);
      return h;
    }
  };
};

namespace detail {
template <class Family, class... Ts>
void install_factories(problems::ProblemDescriptor& d, std::tuple<Ts...>*) {
  (
      [&d] {
        if constexpr (problems::family_supports_v<Family, Ts>) {
          using F = typename Family::template Functor<Ts>;
          std::get<problems::EvaluatorFactory<Ts>>(d.factories) =
              [](const Params& p) -> std::shared_ptr<const problems::Evaluator<Ts>> {
            return std::make_shared<problems::EvaluatorModel<Ts, F>>(F(p));
          };
        }
      }(),
      ...);
}
}  // namespace detail

// A Problem of a family that is not in the registry, with evaluators in every scalar.
template <class Family>
problems::Problem make_test_problem(const Params& overrides = {}) {
  auto d = std::make_shared<problems::ProblemDescriptor>();
  d->name = Family::kName;
  d->title = Family::kTitle;
  d->defaults = Family::defaults();
  d->describe = [](const Params& p) { return Family::describe(p); };
  detail::install_factories<Family>(*d, static_cast<all_scalars*>(nullptr));
  return problems::Problem(d, d->defaults.merged(overrides, d->name));
}

}  // namespace ov::testing
