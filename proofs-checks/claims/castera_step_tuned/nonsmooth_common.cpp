#include "proofs-checks/claims/castera_step_tuned/nonsmooth_common.hpp"

#include <fmt/core.h>

#include <algorithm>

namespace ov::claims::castera_step_tuned {

PrimitiveConvention library_convention() {
  return {"ceres::abs, relu = ceres::fmax(t, 0)", [](const Jet1& t) { return ceres::abs(t); },
          [](const Jet1& t) { return ceres::fmax(t, Jet1(0.0)); }};
}

std::string Segment::str() const { return lo == hi ? fmt::format("{{{}}}", lo) : fmt::format("[{}, {}]", lo, hi); }

Jet1 eval_program(const Program& prog, const PrimitiveConvention& conv, const Jet1& t) {
  Jet1 s = Jet1(prog.quad) * t * t / Jet1(2.0) + Jet1(prog.lin) * t;
  for (const Term& term : prog.terms) {
    const Jet1 u = Jet1(term.slope) * t;
    s += Jet1(term.coef) * (term.p == Prim::abs ? conv.abs(u) : conv.relu(u));
  }
  return s;
}

double ad_derivative(const Program& prog, const PrimitiveConvention& conv, double t) {
  Jet1 x(t, 0);  // seeded partial 0
  return eval_program(prog, conv, x).v[0];
}

namespace {
// One-sided derivatives of the primitives at 0.
double right(Prim) { return 1.0; }  // |.|'(0+) = relu'(0+) = 1
double left(Prim p) { return p == Prim::abs ? -1.0 : 0.0; }
}  // namespace

Segment clarke_at_zero(const Program& prog) {
  // In 1-D, for a function that is smooth on each side of 0, the Clarke subdifferential at 0 is the segment
  // between the one-sided derivatives. p(s t) at 0+: s p'(0+) if s > 0, s p'(0-) if s < 0.
  double dr = prog.lin, dl = prog.lin;
  for (const Term& term : prog.terms) {
    dr += term.coef * term.slope * (term.slope > 0 ? right(term.p) : left(term.p));
    dl += term.coef * term.slope * (term.slope > 0 ? left(term.p) : right(term.p));
  }
  return {std::min(dl, dr), std::max(dl, dr)};
}

Segment d_at_zero(const Program& prog) {
  double lo = prog.lin, hi = prog.lin;
  for (const Term& term : prog.terms) {
    const double a = term.coef * term.slope * left(term.p), b = term.coef * term.slope * right(term.p);
    lo += std::min(a, b);
    hi += std::max(a, b);
  }
  return {lo, hi};
}

}  // namespace ov::claims::castera_step_tuned
