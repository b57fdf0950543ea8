#include "proofs-checks/claims/backtracking_counterexamples/ex217_discontinuity.hpp"

#include <fmt/core.h>

#include <cmath>

#include "analysis/problems/problem.hpp"
#include "analysis/problems/problem_objective.hpp"
#include "optim/core/oracle.hpp"
#include "optim/rules/backtracking_gd.hpp"

namespace ov::claims::ex217 {

using bt_cex::make_series;
using bt_cex::str;
using bt_cex::to_double;

std::vector<Ex217Input> paper_inputs() {
  const rational half(1, 2);
  return {{"delta0 = (3 - sqrt 3)/6", QS3(half, rational(-1, 6)), half, half},
          {"delta0 = (3 + sqrt 3)/6", QS3(half, rational(1, 6)), half, half}};
}

QS3 cube_slack(const rational& x, const QS3& sigma, const rational& alpha) {
  const rational fp = 3 * x * x;
  const QS3 y = QS3::of(x) - sigma * QS3::of(fp);
  return y * y * y - QS3::of(x * x * x) + QS3::of(alpha * fp * fp) * sigma;
}

int cube_backtracking_index(const rational& x, const QS3& delta0, const rational& alpha, const rational& beta,
                            int max_k) {
  QS3 sigma = delta0;
  for (int k = 0; k < max_k; ++k) {
    if (bt_cex::sign(cube_slack(x, sigma, alpha)) <= 0) return k;
    sigma = sigma * QS3::of(beta);
  }
  return -1;
}

namespace {

QS3 power(const QS3& s, const rational& beta, int k) {
  QS3 out = s;
  for (int i = 0; i < k; ++i) out = out * QS3::of(beta);
  return out;
}

// d/dx of the slack s_sigma(x) = x^3 h(x), h(x) = (1 - 3 sigma x)^3 - 1 + 9 alpha sigma x, at x = 1:
// s'(1) = 3 h(1) + h'(1), h'(x) = -9 sigma (1 - 3 sigma x)^2 + 9 alpha sigma.
QS3 slack_derivative_at_1(const QS3& sigma, const rational& alpha) {
  const QS3 u = QS3::of(1) - QS3::of(3) * sigma;
  const QS3 h1 = u * u * u - QS3::of(1) + QS3::of(9 * alpha) * sigma;
  const QS3 hp = QS3::of(-9) * sigma * u * u + QS3::of(9 * alpha) * sigma;
  return QS3::of(3) * h1 + hp;
}

}  // namespace

Finding check_ex217_discontinuity(const std::vector<Ex217Input>& inputs, const RunContext& ctx) {
  Finding out;
  out.precision = "rational";
  int discontinuous = 0, continuous = 0, undecided = 0, double_decisions = 0, double_wrong = 0;
  nlohmann::json cases = nlohmann::json::array();
  nlohmann::json counterexample = nullptr;
  std::vector<std::string> lines;
  const int J = ctx.quick ? 24 : 60;  // side samples x = 1 +- 2^-j, j = 2..J
  const problems::Problem cube = problems::make_problem("cube");
  problems::ProblemObjective<double> cube_d(cube);
  for (const auto& in : inputs) {
    nlohmann::json c = {{"input", in.label}, {"delta0", str(in.delta0)}, {"alpha", str(in.alpha)},
                        {"beta", str(in.beta)}};
    // x = 1: every slack up to the accepted index, exactly.
    int kstar = -1;  // the slacks s_k(1), k < k*, are > 0 by construction
    QS3 sigma = in.delta0;
    for (int k = 0; k < 200; ++k) {
      const int s = bt_cex::sign(cube_slack(rational(1), sigma, in.alpha));
      if (s <= 0) {
        kstar = k;
        c["slack_at_1"] = str(cube_slack(rational(1), sigma, in.alpha));
        c["accepted_with_equality"] = (s == 0);
        break;
      }
      sigma = sigma * QS3::of(in.beta);
    }
    c["k_star_at_1"] = kstar;
    std::string verdict;
    int jump_side = 0;  // +1: delta drops for x > 1; -1: for x < 1
    if (kstar < 0) {
      ++undecided;
      verdict = "no accepted step within 200 halvings";
    } else {
      const QS3 sk = power(in.delta0, in.beta, kstar);
      const int s_eq = bt_cex::sign(cube_slack(rational(1), sk, in.alpha));
      if (s_eq < 0) {
        ++continuous;
        verdict = "continuous at 1: every slack s_k(1), k <= k*, is nonzero, so delta is locally constant";
        if (counterexample.is_null())
          counterexample = {{"input", in.label},       {"delta0", str(in.delta0)}, {"x", "1"},
                            {"k_star", kstar},         {"slack_at_1", str(cube_slack(rational(1), sk, in.alpha))},
                            {"argument", "s_{k*}(1) < 0 and s_k(1) > 0 for k < k*: by continuity of the slacks "
                                         "delta(f, delta0, x) = delta(f, delta0, 1) near 1, so g is continuous"}};
      } else {
        const QS3 d = slack_derivative_at_1(sk, in.alpha);
        c["slack_derivative_at_1"] = str(d);
        c["slack_derivative_at_1_approx"] = to_double(d);
        const int sd = bt_cex::sign(d);
        if (sd == 0) {
          ++undecided;
          verdict = "equality with zero derivative: first order does not decide";
        } else {
          ++discontinuous;
          jump_side = sd;
          verdict = fmt::format("discontinuous at 1: s_{{k*}}(1) = 0 exactly and s'_{{k*}}(1) = {:.6g} != 0, so "
                                "delta < delta0 beta^k* for x {} 1",
                                to_double(d), sd > 0 ? ">" : "<");
        }
      }
    }
    c["verdict"] = verdict;
    // Side samples (exact): delta index on both sides of 1.
    int pattern_ok = 0, pattern_bad = 0;
    rational jump_x;
    rational h(1, 2);
    for (int j = 2; j <= J && kstar >= 0; ++j) {
      h /= 2;
      for (int side : {-1, 1}) {
        const rational x = rational(1) + side * h;
        const int k = cube_backtracking_index(x, in.delta0, in.alpha, in.beta);
        const bool expect_drop = (jump_side != 0 && side == jump_side);
        if (jump_side != 0 && j >= 8) ((expect_drop ? k > kstar : k == kstar) ? ++pattern_ok : ++pattern_bad);
        if (j == J && expect_drop) jump_x = x;
      }
    }
    c["side_samples_consistent"] = pattern_ok;
    c["side_samples_inconsistent"] = pattern_bad;
    if (jump_side != 0) {
      const int kj = cube_backtracking_index(jump_x, in.delta0, in.alpha, in.beta);
      const QS3 gx = QS3::of(jump_x) - power(in.delta0, in.beta, kj) * QS3::of(3 * jump_x * jump_x);
      const QS3 g1 = QS3::of(1) - power(in.delta0, in.beta, kstar) * QS3::of(3);
      c["jump_at_x"] = str(jump_x);
      c["g_x_minus_g_1"] = to_double(gx - g1);
    }
    // What double precision decides at x = 1: the library's rule with delta0 correctly rounded to double, and
    // with delta0 evaluated in double as a + b * sqrt(3.0) (one more rounding). Exact: equality, accept.
    const double d0 = to_double(in.delta0);
    const double d0_naive = to_double(in.delta0.a) + to_double(in.delta0.b) * std::sqrt(3.0);
    nlohmann::json dbl = nlohmann::json::array();
    std::string dline;
    for (int which = 0; which < 2; ++which) {
      const double dd = which == 0 ? d0 : d0_naive;
      optim::BacktrackingGd<double> rule(dd, to_double(in.alpha), to_double(in.beta));
      optim::Oracle<double> oracle(cube_d);
      optim::Vector<double> x1(1);
      x1[0] = 1;
      const auto rep = rule.step(oracle, x1);
      const double dstep = rep.step_size ? *rep.step_size : 0;
      const double y = 1 - dd * 3;
      const double slack_d = (y * y * y - 1) + to_double(in.alpha) * dd * 9;
      const bool accepts = dstep == dd;
      const bool wrong = accepts != (kstar == 0);
      double_wrong += wrong;
      ++double_decisions;
      dbl.push_back({{"delta0_double", dd}, {"how", which == 0 ? "correctly rounded" : "a + b*sqrt(3.0) in double"},
                     {"slack_double", slack_d}, {"library_step_size", dstep}, {"accepts_delta0", accepts},
                     {"exact_accepts_delta0", kstar == 0}, {"wrong", wrong}});
      dline += fmt::format("{}double ({}) {} delta0{}", dline.empty() ? "" : ", ",
                           which == 0 ? "delta0 correctly rounded" : fmt::format("delta0 = a + b sqrt(3.0) in double{}", dd == d0 ? ", the same double" : ""),
                           accepts ? "accepts" : "rejects", wrong ? " (WRONG)" : "");
    }
    c["double"] = dbl;
    cases.push_back(c);
    lines.push_back(in.label + ": " + verdict + "; at x = 1 " + dline);
    optim::Oracle<double> oracle(cube_d);
    // Plot: delta(f, delta0, x)/delta0 on x = 1 + i/256, exact vs the library in double.
    std::vector<double> xs, exact_ratio, double_ratio;
    for (int i = -32; i <= 32; ++i) {
      const rational x = rational(1) + rational(i, 256);
      const int k = cube_backtracking_index(x, in.delta0, in.alpha, in.beta);
      xs.push_back(to_double(x));
      exact_ratio.push_back(k < 0 ? 0.0 : to_double(power(QS3::of(1), in.beta, k)));
      optim::BacktrackingGd<double> r2(d0, to_double(in.alpha), to_double(in.beta));
      optim::Vector<double> xv(1);
      xv[0] = to_double(x);
      const auto rr = r2.step(oracle, xv);
      double_ratio.push_back(rr.step_size ? *rr.step_size / d0 : 0.0);
    }
    const std::string plot = "Ex. 2.17, f = x^3, " + in.label + ": delta(f, delta0, x)/delta0 near x = 1";
    out.evidence.series.push_back(
        make_series("exact (Q(sqrt 3))", plot, "convergence", "measured", xs, exact_ratio, "x", "delta/delta0", false, false));
    out.evidence.series.push_back(make_series("library BacktrackingGd<double>", plot, "convergence", "fit", xs,
                                              double_ratio, "x", "delta/delta0", false, false));
  }
  out.parameters = {{"cases", cases.size()}, {"side_samples", fmt::format("x = 1 +- 2^-j, j = 2..{}", J)}};
  out.evidence.figures = {{"inputs", inputs.size()}, {"discontinuous", discontinuous}, {"continuous", continuous},
                          {"undecided", undecided}, {"double_decisions_at_1", double_decisions},
                          {"double_wrong_at_1", double_wrong}, {"cases", cases}};
  std::string joined;
  for (const auto& l : lines) joined += (joined.empty() ? "" : "; ") + l;
  if (continuous > 0) {
    out.verdict = Verdict::refuted;
    out.evidence.counterexample = counterexample;
    out.evidence.summary = "g is continuous at x = 1 for some input (exact): " + joined;
  } else if (undecided > 0 || inputs.empty()) {
    out.verdict = Verdict::inconclusive;
    out.evidence.summary = joined;
  } else {
    out.verdict = Verdict::holds_certified;
    out.evidence.summary = "proved in Q(sqrt 3) for every input: " + joined;
  }
  out.evidence.figures = flatten_figures(out.evidence.figures);
  return out;
}

Claim ex217_discontinuity_claim() {
  Claim c;
  c.id = "backtracking.ex-2-17-map-discontinuous";
  c.title = "Example 2.17: the Backtracking GD map of x^3 is discontinuous at x = 1 for delta0 = (3 +- sqrt 3)/6";
  c.source = {"000_47ba9189a2c8a171.txt", "2.6, Example 2.17", "p(t) = 6t^2 - 6t + 1", "L310-L318"};
  c.hypotheses = "f(x) = x^3; delta0 a root of 6t^2 - 6t + 1 (both roots, (3 - sqrt 3)/6 and (3 + sqrt 3)/6); "
                 "alpha = 1/2 (implicit in L312), beta = 1/2";
  c.statement = "g(x) = x - delta(f, delta0, x) f'(x) is not continuous at x = 1 (Armijo holds with equality at "
                "sigma = delta0, x = 1, so delta(f, delta0, 1) = delta0, and delta drops on one side of 1)";
  c.check = "exact arithmetic in Q(sqrt 3): the accepted index k* at x = 1; discontinuous iff s_{k*}(1) = 0 and "
            "s'_{k*}(1) != 0 (a sign change of the slack at 1, so delta jumps by a factor <= beta on one side: "
            "a jump >= (1 - beta) delta0 beta^k* f'(1) in g); continuous (refuted) iff every s_k(1), k <= k*, is "
            "nonzero. Exact side samples x = 1 +- 2^-j confirm the side; double precision (the library's "
            "BacktrackingGd<double>, delta0 rounded) is shown deciding the equality case at x = 1";
  c.precision = {"rational", {"double", "rational"},
                 "the equality case s_0(1) = 0 cannot be decided in floating point (double rejects delta0); every "
                 "decision is exact in Q(sqrt 3) = pairs of GMP rationals; double is evidence only"};
  c.run = [](const RunContext& ctx) { return check_ex217_discontinuity(paper_inputs(), ctx); };
  return c;
}

}  // namespace ov::claims::ex217
