// The Armijo slack of (7) (000_47ba9189a2c8a171.txt, L95) at exact binary64 inputs, as a generic
// callable for the precision ladder (analysis/numeric/precision_ladder.hpp): shared by the claims that
// decide Armijo's condition at the steps a double rule took.
#pragma once

#include <string>

#include "analysis/numeric/elementary.hpp"
#include "analysis/numeric/exact_constant.hpp"
#include "analysis/numeric/linear_algebra.hpp"
#include "analysis/numeric/precision_ladder.hpp"
#include "analysis/problems/problem.hpp"
#include "optim/core/vector.hpp"

namespace ov::claims {

// The Armijo slack of (6)/(7) at (z, delta) along the direction w (w null or empty: w = grad f(z)),
// evaluated in T from the exact binary64 inputs:  f(z - delta w) - f(z) + alpha delta <grad f(z), w>.
// sign > 0: Armijo fails at delta; sign <= 0: it holds.
// scale (floating rungs only): |f(y)| + |f(z)| + |alpha delta <g, w>| + sum_i |g_i| (|z_i| + delta |w_i|);
// the last term bounds, to first order, the change of f when y = z - delta w is perturbed by
// one relative rounding per coordinate. A heuristic: floating decisions are "observed", not certified.
struct ArmijoSlack {
  const problems::Problem* problem;
  const optim::Vector<double>* z;
  double delta;
  std::string alpha;
  const optim::Vector<double>* w = nullptr;

  template <class T>
  ladder::Estimate<T> operator()(ladder::tag<T>) const {
    const auto& e = problem->in<T>();
    Vec<T> x(z->size());
    for (Eigen::Index i = 0; i < z->size(); ++i) x[i] = static_cast<T>((*z)[i]);  // exact embedding
    const T d = static_cast<T>(delta);
    const T a = constant<T>(alpha);
    Vec<T> g;
    const T fz = e.value_and_gradient(x, g);
    Vec<T> v = g;
    if (w && w->size()) {
      for (Eigen::Index i = 0; i < v.size(); ++i) v[i] = static_cast<T>((*w)[i]);
    }
    Vec<T> y(x.size());
    T gv(0), drift(0);
    for (Eigen::Index i = 0; i < x.size(); ++i) {
      y[i] = x[i] - d * v[i];
      gv += g[i] * v[i];
      drift += num::abs(g[i]) * (num::abs(x[i]) + d * num::abs(v[i]));
    }
    const T fy = e.value(y);
    const T decrease = a * d * gv;
    return {fy - fz + decrease, num::abs(fy) + num::abs(fz) + num::abs(decrease) + drift};
  }
};

}  // namespace ov::claims
