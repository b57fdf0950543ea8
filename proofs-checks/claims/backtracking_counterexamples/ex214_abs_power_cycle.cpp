#include "proofs-checks/claims/backtracking_counterexamples/ex214_abs_power_cycle.hpp"

#include <fmt/core.h>

#include <cmath>

#include "analysis/numeric/elementary.hpp"
#include "analysis/numeric/predicates.hpp"
#include "analysis/numeric/rounding.hpp"
#include "analysis/numeric/string_io.hpp"
#include "analysis/problems/problem.hpp"
#include "analysis/problems/problem_objective.hpp"
#include "optim/core/oracle.hpp"
#include "optim/core/random.hpp"
#include "optim/rules/backtracking_gd.hpp"
#include "optim/rules/sgd.hpp"
#include "proofs-checks/claims/backtracking_counterexamples/common.hpp"

namespace ov::claims::ex214 {

using bt_cex::make_series;
using bt_cex::str;
using bt_cex::to_double;

namespace {

rational rpow(const rational& t, int n) {
  rational r(1);
  for (int i = 0; i < n; ++i) r *= t;
  return r;
}

// A = (c delta0 (1+gamma))^(1/(1-gamma)), enclosed.
interval amplitude(const rational& c, const rational& delta0, const rational& gamma) {
  const interval base = round_to<interval>(c * delta0 * (1 + gamma));
  const interval expo = round_to<interval>(1 / (1 - gamma));
  return num::exp(expo * num::log(base));
}

}  // namespace

Finding check_ex214(const rational& c, const RunContext& ctx) {
  Finding out;
  out.precision = "interval";
  struct G {
    int p, q;
  };
  std::vector<G> gammas{{1, 2}, {1, 3}, {2, 3}};
  if (ctx.quick) gammas.resize(2);
  optim::SplitMix64 rng(ctx.seed);
  const int exact_per_gamma = ctx.quick ? 4 : 12;
  const int delta_per_gamma = ctx.quick ? 3 : 8;
  const int starts = ctx.quick ? 3 : 8;
  const int iters = ctx.quick ? 300 : 1000;
  const double cycle_tol = 1e-10;
  int exact_cycles = 0, formula_contains = 0, interval_checks = 0, gd_runs = 0, gd_on_cycle = 0, bt_runs = 0,
      bt_converged = 0;
  double bt_worst = 0, gd_min_tail_ratio = 1e300;
  nlohmann::json counterexample = nullptr;
  nlohmann::json amplitudes = nlohmann::json::array();
  for (const auto& gm : gammas) {
    const rational gamma(gm.p, gm.q);
    const problems::Problem prob = problems::make_problem("abs_power", {{"gamma", str(gamma)}});
    const auto& ei = prob.in<interval>();
    // 1. exact cycle points and the formula's enclosure.
    for (int i = 0; i < exact_per_gamma && counterexample.is_null(); ++i) {
      const rational t(static_cast<long>(rng.below(16)) + 1, 8);
      const rational delta0 = 2 * rpow(t, gm.q - gm.p) / (1 + gamma);
      const rational z = rpow(t, gm.q), fp = (1 + gamma) * rpow(t, gm.p);  // f'(t^q) = (1+gamma) t^p exactly
      const rational Gz = z - delta0 * fp;
      if (Gz == -z) ++exact_cycles;
      // the library's interval gradient at the exact point must contain (1+gamma) t^p
      Vec<interval> zi(1);
      zi[0] = round_to<interval>(z);
      if (!contains(ei.gradient(zi)[0], fp))
        throw std::logic_error("abs_power's interval gradient does not contain (1+gamma) t^p at t^q = " + str(z));
      const interval A = amplitude(c, delta0, gamma);
      ++interval_checks;
      if (contains(A, z)) {
        ++formula_contains;
      } else {
        counterexample = {{"part", "exact cycle point not enclosed by the formula"},
                          {"gamma", str(gamma)},
                          {"delta0", str(delta0)},
                          {"cycle_point_exact", str(z)},
                          {"G_of_point", str(Gz)},
                          {"formula_enclosure", ov::to_string(A)},
                          {"amplitude_factor", str(c)}};
      }
    }
    // 2. seeded delta0: G(A) + A enclosure must contain 0.
    for (int i = 0; i < delta_per_gamma && counterexample.is_null(); ++i) {
      const rational delta0 = i == 0 ? rational(1) : rational(static_cast<long>(rng.below(1000)) + 1, 1000);
      const interval A = amplitude(c, delta0, gamma);
      Vec<interval> a(1);
      a[0] = A;
      const interval r = A - round_to<interval>(delta0) * ei.gradient(a)[0] + A;
      ++interval_checks;
      if (certainly_zero(r) == Tribool::no) {
        counterexample = {{"part", "G(A) + A excludes 0 (interval)"}, {"gamma", str(gamma)}, {"delta0", str(delta0)},
                          {"A", ov::to_string(A)}, {"G_A_plus_A", ov::to_string(r)}, {"amplitude_factor", str(c)}};
        break;
      }
      // 3./4. runs in double.
      const double Ad = static_cast<double>(median(A));
      amplitudes.push_back({{"gamma", str(gamma)}, {"delta0", str(delta0)}, {"A", Ad}});
      problems::ProblemObjective<double> obj(prob);
      for (int s = 0; s < starts && i < 2; ++s) {
        double z0 = 0;
        while (z0 == 0) z0 = 4 * rng.uniform() - 2;
        optim::SgdOptions<double> o;
        o.lr = to_double(delta0);
        optim::Sgd<double> gd(o);
        optim::BacktrackingGd<double> bt(to_double(delta0), 0.5, 0.5);  // ov-lint: double-literal-ok (alpha = beta = 1/2 exact)
        optim::Oracle<double> og(obj), ob(obj);
        optim::Vector<double> zg(1), zb(1);
        zg[0] = zb[0] = z0;
        std::vector<double> ns, gz, bz, bza, plus, minus;
        double tail_min = 1e300, prev = 0;
        bool alternating = true, near_cycle = true;
        for (int n = 0; n <= iters; ++n) {
          if (n > 0) {
            prev = zg[0];
            gd.step(og, zg);
            bt.step(ob, zb);
          }
          if (n >= iters - iters / 10) {
            tail_min = std::min(tail_min, std::abs(zg[0]));
            if (std::abs(std::abs(zg[0]) - Ad) > cycle_tol * Ad) near_cycle = false;
            if (n > iters - iters / 10 && prev * zg[0] >= 0) alternating = false;
          }
          if (exact_cycles > 0 && out.evidence.series.empty() && n <= 60) {
            ns.push_back(n);
            gz.push_back(zg[0]);
            bz.push_back(zb[0]);
            bza.push_back(std::abs(zb[0]));
            plus.push_back(Ad);
            minus.push_back(-Ad);
          }
        }
        ++gd_runs;
        ++bt_runs;
        gd_min_tail_ratio = std::min(gd_min_tail_ratio, tail_min / Ad);
        if (near_cycle && alternating) ++gd_on_cycle;
        const double bt_end = std::abs(zb[0]);
        bt_worst = std::max(bt_worst, bt_end);
        if (bt_end <= 1e-20) ++bt_converged;
        if (tail_min < Ad / 100 && counterexample.is_null())
          counterexample = {{"part", "Standard GD approached 0"}, {"gamma", str(gamma)}, {"delta0", str(delta0)},
                            {"z0", z0}, {"tail_min_abs", tail_min}, {"A", Ad}};
        if (bt_end > 1e-20 && counterexample.is_null())
          counterexample = {{"part", "Backtracking GD did not reach |z_N| <= 1e-20"}, {"gamma", str(gamma)},
                            {"delta0", str(delta0)}, {"z0", z0}, {"z_N", zb[0]}, {"N", iters}};
        if (!ns.empty()) {
          const std::string plot = fmt::format("Ex. 2.14, |x|^(1+{}), delta0 = {}: Standard GD vs Backtracking GD "
                                               "(z0 = {:.4g})", str(gamma), str(delta0), z0);
          out.evidence.series.push_back(make_series("Standard GD z_n", plot, "convergence", "measured", ns, gz, "n",
                                                    "z_n", false, false));
          out.evidence.series.push_back(make_series("Backtracking GD z_n", plot, "convergence", "measured", ns, bz,
                                                    "n", "z_n", false, false));
          out.evidence.series.push_back(
              make_series("+A (2-cycle)", plot, "convergence", "bound", ns, plus, "n", "z_n", false, false));
          out.evidence.series.push_back(
              make_series("-A (2-cycle)", plot, "convergence", "bound", ns, minus, "n", "z_n", false, false));
          const std::string plot2 = "Ex. 2.14: Backtracking GD |z_n| on |x|^(1+" + str(gamma) + ") (log)";
          out.evidence.series.push_back(make_series("Backtracking GD |z_n|", plot2, "convergence", "measured", ns,
                                                    bza, "n", "|z_n|", false, true));
        }
      }
    }
  }
  out.parameters = {{"amplitude_factor", str(c)}, {"gammas", gammas.size()}, {"iterations", iters},
                    {"cycle_tolerance_relative", cycle_tol}, {"bt_alpha", "1/2"}, {"bt_beta", "1/2"}};
  out.evidence.figures = {{"exact_cycle_points", exact_cycles}, {"formula_encloses_exact_point", formula_contains},
                          {"interval_checks", interval_checks}, {"gd_runs", gd_runs},
                          {"gd_runs_on_cycle", gd_on_cycle}, {"gd_min_tail_abs_over_A", gd_min_tail_ratio},
                          {"bt_runs", bt_runs}, {"bt_converged", bt_converged}, {"bt_worst_final_abs", bt_worst},
                          {"amplitudes", amplitudes}};
  if (!counterexample.is_null()) {
    out.verdict = Verdict::refuted;
    out.evidence.counterexample = counterexample;
    out.evidence.summary = "refuted: " + counterexample["part"].get<std::string>();
  } else {
    out.verdict = Verdict::holds;
    out.evidence.summary = fmt::format(
        "2-cycle +-(delta0(1+gamma)/2)^(1/(1-gamma)): {} exact cycle points (rational G(z) = -z) enclosed by the "
        "formula, {} interval checks G(A) + A ~ 0; Standard GD stays on the cycle in {}/{} runs (min tail |z_n|/A = "
        "{:.6g}, numerical evidence); Backtracking GD reaches |z_N| <= 1e-20 in {}/{} runs (worst {:.3g})",
        exact_cycles, interval_checks, gd_on_cycle, gd_runs, gd_min_tail_ratio, bt_converged, bt_runs, bt_worst);
  }
  out.evidence.figures = flatten_figures(out.evidence.figures);
  return out;
}

Claim ex214_claim() {
  Claim c;
  c.id = "backtracking.ex-2-14-standard-gd-two-cycle";
  c.title = "Example 2.14: Standard GD on |x|^(1+gamma) falls on the 2-cycle +-(delta0(1+gamma)/2)^(1/(1-gamma)) "
            "and never converges; Backtracking GD converges to 0";
  c.source = {"000_47ba9189a2c8a171.txt", "2.6, Example 2.14", "(2)", "L267-L287"};
  c.also_in = {{"001_ca0824e53e7404e9.txt", "Limitations of Standard GD", "", "S-L365-S-L389"}};
  c.hypotheses = "f(x) = |x|^(1+gamma), gamma in {1/2, 1/3, 2/3} (quick: 1/2, 1/3); any delta0 > 0; generic z0 in "
                 "[-2, 2]; Backtracking GD with alpha = beta = 1/2";
  c.statement = "Standard GD does not converge to 0 (paper, L271); it has the 2-cycle +-A, A = (delta0(1+gamma)/2)^"
                "(1/(1-gamma)) (guide C23, derived) and |z_n| stays bounded below; Backtracking GD converges to 0 "
                "for every z0 (L287)";
  c.check = "exact rational cycle points t^q for delta0 = 2t^(q-p)/(1+gamma) (G(t^q) = -t^q) enclosed by the formula "
            "(interval); G(A) + A enclosure contains 0 with the library's interval gradient; the library's "
            "Sgd<double> from seeded starts stays within 1e-10 A of the cycle in the last 10% of the run with "
            "alternating signs; BacktrackingGd<double> reaches |z_N| <= 1e-20";
  c.precision = {"interval", {"double", "interval", "rational"},
                 "the cycle is decided exactly (rational) and by interval enclosures; the runs are in double (the "
                 "cycle is attracting with multiplier (1 - 2 gamma)^2 < 1, so rounding stays O(eps A): tolerance 1e-10 A)"};
  c.run = [](const RunContext& ctx) { return check_ex214(rational(1, 2), ctx); };
  return c;
}

}  // namespace ov::claims::ex214
