// A twice-differentiable function f: R^n -> R in one scalar S (value, gradient,
// Hessian), and the three precisions the landscape tools use together: a fast
// double copy for the search, an mp100 copy for refinement and inertia, and
// optionally an exact rational copy for exact inertia at rational points.
//
// Any function can be plugged in: write the three callbacks, or adapt an
// analysis/problems Problem (problem.in<S>()) or an optim::Objective<S> plus a
// Hessian callback. docs/landscape.md.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "analysis/numeric/linear_algebra.hpp"
#include "analysis/numeric/scalars.hpp"
#include "optim/core/objective.hpp"

namespace ov::problems {
class Problem;
}

namespace ov::nets::landscape {

template <class S>
struct SmoothFunction {
  int dim = 0;
  std::function<S(const Vec<S>&)> value;
  std::function<Vec<S>(const Vec<S>&)> gradient;
  std::function<Mat<S>(const Vec<S>&)> hessian;

  // Throws std::invalid_argument naming `what` and the missing part (dim < 1,
  // an empty callback).
  void validate(const std::string& what) const;
};

// The same function in double (search), mp100 (refinement, inertia) and,
// optionally, rational (exact gradient and inertia at rational points).
struct Landscape {
  std::string name;
  SmoothFunction<double> fast;
  SmoothFunction<mp100> precise;
  std::optional<SmoothFunction<rational>> exact;

  int dim() const { return fast.dim; }
  // Throws std::invalid_argument if a part is incomplete or the dimensions differ.
  void validate() const;
};

// problem.in<S>() for S = double, mp100 (and rational where the problem
// supports it). The Problem is copied (it shares its evaluators).
Landscape from_problem(const problems::Problem& problem);

// An optim::Objective<S> (value, gradient) with a Hessian callback.
template <class S>
SmoothFunction<S> from_objective(std::shared_ptr<const optim::Objective<S>> objective,
                                 std::function<Mat<S>(const Vec<S>&)> hessian);

extern template SmoothFunction<double> from_objective<double>(std::shared_ptr<const optim::Objective<double>>,
                                                              std::function<Mat<double>(const Vec<double>&)>);
extern template SmoothFunction<mp100> from_objective<mp100>(std::shared_ptr<const optim::Objective<mp100>>,
                                                            std::function<Mat<mp100>(const Vec<mp100>&)>);
extern template SmoothFunction<rational> from_objective<rational>(
    std::shared_ptr<const optim::Objective<rational>>, std::function<Mat<rational>(const Vec<rational>&)>);

}  // namespace ov::nets::landscape
