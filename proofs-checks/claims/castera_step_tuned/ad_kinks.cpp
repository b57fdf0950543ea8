#include "proofs-checks/claims/castera_step_tuned/ad_kinks.hpp"

#include <fmt/core.h>

#include <string>
#include <vector>

#include "analysis/problems/problem.hpp"

namespace ov::claims::castera_step_tuned {

std::vector<Program> kink_programs() {
  return {
      {"|t| - |t| (= 0; thesis L1057)", {{Prim::abs, 1, 1}, {Prim::abs, -1, 1}}, 0, 0},
      {"relu(t) - relu(-t) (= t; guide T-NS-1)", {{Prim::relu, 1, 1}, {Prim::relu, -1, -1}}, 0, 0},
      {"relu(t) - relu(-t) + t^2/2 (= t + t^2/2; guide T-NS-2)", {{Prim::relu, 1, 1}, {Prim::relu, -1, -1}}, 1, 0},
      {"|t| + (t - |t|) (= t; guide 5.6 [DERIVED])", {{Prim::abs, 1, 1}, {Prim::abs, -1, 1}}, 0, 1},
      {"relu(t)", {{Prim::relu, 1, 1}}, 0, 0},
      {"|t|", {{Prim::abs, 1, 1}}, 0, 0},
  };
}

Finding check_ad_kinks(const PrimitiveConvention& conv, const RunContext& ctx) {
  Finding out;
  out.precision = "double";
  (void)ctx;  // deterministic: the kink t = 0 (both signed zeros) of a fixed list of programs
  // (i) No sum rule (L1057): the Clarke subdifferential of |t| - |t| at 0 versus the sum of the summands'.
  const Program zero_fn = kink_programs()[0];
  const Segment c0 = clarke_at_zero(zero_fn), d0 = d_at_zero(zero_fn);
  const bool no_sum_rule = c0.lo == 0 && c0.hi == 0 && d0.lo == -2 && d0.hi == 2;
  // (ii) AD outputs at t = +0 and t = -0.
  nlohmann::json table = nlohmann::json::array();
  int outside_d = 0, non_clarke = 0, evaluated = 0;
  nlohmann::json first_outside = nullptr, witness = nullptr;
  for (const Program& prog : kink_programs()) {
    const Segment c = clarke_at_zero(prog), d = d_at_zero(prog);
    for (const double t : {0.0, -0.0}) {
      const double g = ad_derivative(prog, conv, t);
      ++evaluated;
      const bool in_d = d.contains(g), in_c = c.contains(g);
      table.push_back({{"program", prog.name}, {"t", std::signbit(t) ? "-0" : "+0"}, {"ad_derivative", g},
                       {"clarke", c.str()}, {"D_of_split", d.str()}, {"in_clarke", in_c}, {"in_D", in_d}});
      if (!in_d) {
        ++outside_d;
        if (first_outside.is_null()) first_outside = table.back();
      }
      if (!in_c) {
        ++non_clarke;
        if (witness.is_null()) witness = table.back();
      }
    }
  }
  // The library's `abs` problem (analytic gradient and its autodiff path) at the kink.
  const problems::Problem absp = problems::make_problem("abs");
  Vec<double> z(1);
  z[0] = 0.0;
  const double abs_analytic = absp.in<double>().gradient(z)[0];
  const double abs_autodiff = absp.in<double>().autodiff_gradient(z)[0];
  out.parameters = {{"convention", conv.name}, {"programs", static_cast<long>(kink_programs().size())},
                    {"points", "t = +0 and t = -0"}};
  out.evidence.figures = {{"evaluations", evaluated},
                          {"outside_D", outside_d},
                          {"not_clarke_subgradients", non_clarke},
                          {"sum_rule_fails_for_abs_minus_abs", no_sum_rule},
                          {"abs_problem_gradient_at_0", abs_analytic},
                          {"abs_problem_autodiff_gradient_at_0", abs_autodiff}};
  out.evidence.counterexample = nullptr;
  const std::string detail = fmt::format(
      "Clarke of |t| - |t| at 0 = {} vs sum of the summands' = {}; {} AD outputs at t = +-0 ({}): {} not Clarke "
      "subgradients (first: {} at t = {}: AD {} vs Clarke {}), {} outside D; library problem `abs`: gradient at 0 = "
      "{} (analytic), {} (autodiff)",
      c0.str(), d0.str(), evaluated, conv.name, non_clarke,
      witness.is_null() ? std::string("none") : witness["program"].get<std::string>(),
      witness.is_null() ? std::string("-") : witness["t"].get<std::string>(),
      witness.is_null() ? 0.0 : witness["ad_derivative"].get<double>(),
      witness.is_null() ? std::string("-") : witness["clarke"].get<std::string>(), outside_d, abs_analytic, abs_autodiff);
  out.evidence.summary = detail;
  out.parameters["ad_outputs"] = table;  // the full table (figures must be scalars)
  if (outside_d > 0) {
    out.verdict = Verdict::refuted;
    out.evidence.counterexample = first_outside;
    out.evidence.summary = "an AD output is not in D (not even a D-subgradient of the split): " + detail;
  } else if (no_sum_rule && non_clarke > 0) {
    out.verdict = Verdict::holds;
  } else {
    out.verdict = Verdict::inconclusive;
    out.evidence.summary = "no non-Clarke AD output found on the programs: " + detail;
  }
  return out;
}

Claim ad_kinks_claim() {
  Claim c;
  c.id = "castera.nonsmooth.ad-not-clarke";
  c.title = "No Clarke sum rule, and autodiff at kinks returns D-elements that are not Clarke subgradients";
  c.source = {"002_dc929347c6f8ce02.txt", "2.3.3 (INNA and a new notion of steady states)", "", "L1055-L1060"};
  c.hypotheses = "1-D programs built from |.| and relu by sums (the split the AD differentiates), at the kink t = 0 "
                 "(+0 and -0); the library's forward-mode autodiff (ceres::Jet: abs via copysign, relu = fmax(t, 0))";
  c.statement = "the Clarke subdifferential has no sum rule: for |t| - |t| it is {0} at 0 whereas the sum of the "
                "summands' is [-2, 2] (L1057); AD libraries \"implement backpropagation using smooth calculus rules "
                "... these implementations of backpropagation return objects that are not Clarke subgradients in "
                "general\" (L1060); the AD output is an element of D, the sum of the summands' Clarke subdifferentials";
  c.check = "exact: the Clarke subdifferential at 0 (segment of the one-sided derivatives) and D of the split "
            "(Minkowski sum of the summands' segments) computed from the primitives' one-sided derivatives; the "
            "Jet derivative at +0 and -0 of 6 programs compared with both (all values are small integers, exact "
            "in binary64). Holds when the sum rule fails for |t| - |t|, some AD output is not a Clarke subgradient, "
            "and every AD output is in D; refuted when an AD output is outside D. Also documents the library's "
            "convention: ceres::abs'(+-0) = +-1 (sign of zero), relu'(0) = 0, problem `abs` returns 0 at 0";
  c.precision = {"double", {"double"}, "every quantity is an integer in [-3, 3]: exact in binary64"};
  c.run = [](const RunContext& ctx) { return check_ad_kinks(library_convention(), ctx); };
  return c;
}

}  // namespace ov::claims::castera_step_tuned
