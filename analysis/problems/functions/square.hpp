// x^2: paper 000, Remark 2.6 (step sizes with a small sum converge to a non-critical point).
#pragma once

#include "analysis/numeric/lift.hpp"
#include "analysis/numeric/linear_algebra.hpp"
#include "analysis/problems/params.hpp"
#include "analysis/problems/problem_info.hpp"

namespace ov::problems {

struct SquareFamily {
  static constexpr const char* kName = "square";
  static constexpr const char* kTitle = "x^2";
  static constexpr bool kRationalExact = true;

  static Params defaults() { return {}; }

  static ProblemInfo describe(const Params&) {
    ProblemInfo i;
    i.name = kName;
    i.title = kTitle;
    i.formula = "f(x) = x^2";
    i.dim = 1;
    i.domain = "R";
    i.critical_points = {{{"0"}, PointKind::minimum, true, "unique critical point, global minimum, f'' = 2"}};
    i.f_star = "0";
    i.lipschitz = "2";
    i.mu = "2";
    i.smoothness = Smoothness::analytic;
    i.citation = "000_47ba9189a2c8a171.txt, Remark 2.6 (L165): f(x) = x^2 with summable step sizes";
    i.box_lo = {-2};
    i.box_hi = {2};
    i.rational_exact = true;
    i.analytic_gradient = true;
    i.analytic_hessian = true;
    return i;
  }

  template <class S>
  struct Functor {
    static constexpr int kDim = 1;
    explicit Functor(const Params&) {}
    int dim() const { return kDim; }

    template <class T>
    T operator()(const Vec<T>& x) const {
      return x[0] * x[0];
    }
    Vec<S> gradient(const Vec<S>& x) const {
      Vec<S> g(1);
      g[0] = S(2) * x[0];
      return g;
    }
    Mat<S> hessian(const Vec<S>&) const {
      Mat<S> h(1, 1);
      h(0, 0) = S(2);
      return h;
    }
  };
};

}  // namespace ov::problems
