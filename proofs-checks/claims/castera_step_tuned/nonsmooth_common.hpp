// Nonsmooth helpers of the castera_step_tuned claims (002 §2.3 L1050-L1060, L1135-L1136; guide §5.6, §8):
// 1-D programs J(t) = sum_i c_i p_i(s_i t) + q t^2/2 + l t built from the primitives |.| and relu, their
// derivative by the library's forward-mode autodiff (ceres::Jet) under a primitive convention, and the exact
// Clarke subdifferential of J and D-subdifferential of the split (sum of the summands' Clarke subdifferentials)
// at t = 0.
#pragma once

#include <ceres/jet.h>

#include <functional>
#include <string>
#include <vector>

namespace ov::claims::castera_step_tuned {

using Jet1 = ceres::Jet<double, 1>;

// How the program evaluates its primitives on Jets (the AD convention under test).
struct PrimitiveConvention {
  std::string name;
  std::function<Jet1(const Jet1&)> abs;
  std::function<Jet1(const Jet1&)> relu;
};
// The library's: ceres::abs (derivative copysign(1, t): +1 at +0, -1 at -0) and relu(t) = ceres::fmax(t, 0)
// (returns the constant 0 on a tie: derivative 0 at t = 0), as PyTorch's relu'(0) = 0.
PrimitiveConvention library_convention();

enum class Prim { abs, relu };
struct Term {
  Prim p;
  double coef;   // c_i
  double slope;  // s_i
};
struct Program {
  std::string name;
  std::vector<Term> terms;  // each term is one summand J_i of the split (the sum the AD differentiates)
  double quad = 0;          // q: + q t^2/2 (smooth, added to the first summand)
  double lin = 0;           // l: + l t
};
struct Segment {
  double lo, hi;
  bool contains(double v) const { return lo <= v && v <= hi; }
  std::string str() const;
};

Jet1 eval_program(const Program& prog, const PrimitiveConvention& conv, const Jet1& t);
double ad_derivative(const Program& prog, const PrimitiveConvention& conv, double t);
Segment clarke_at_zero(const Program& prog);  // conv{J'(0-), J'(0+)}
Segment d_at_zero(const Program& prog);       // sum_i c_i s_i dp(0) + l, dp(0) = [-1, 1] (abs), [0, 1] (relu)

}  // namespace ov::claims::castera_step_tuned
