#include "proofs-checks/claims/backtracking_step_heuristics/cubic_oscillation.hpp"

#include <fmt/core.h>

#include <cmath>

#include "analysis/numeric/scalars.hpp"
#include "analysis/numeric/string_io.hpp"
#include "analysis/problems/problem.hpp"
#include "proofs-checks/claims/backtracking_step_heuristics/common.hpp"

namespace ov::claims::cubic_oscillation {

OscillationConfig oscillation_config(bool quick) {
  OscillationConfig c;
  if (quick) c.ks = {1, 10, 100, 1000, 10000};
  c.required = quick ? 1e3 : 1e4;
  return c;
}

Finding check_not_c11(const OscillationConfig& cfg, const RunContext& ctx) {
  Finding out;
  const problems::Problem p = problems::make_problem(cfg.problem);
  const auto& ei = p.in<interval>();
  constexpr double kPi = 3.14159265358979323846;
  nlohmann::json xs = nlohmann::json::array(), ys = nlohmann::json::array(), rows = nlohmann::json::array();
  double last = 0, first = 0;
  for (std::size_t i = 0; i < cfg.ks.size(); ++i) {
    const double x = 1 / (2 * kPi * cfg.ks[i]);
    const double h = x * x / 8;
    Vec<interval> a(p.dim()), b(p.dim());
    for (int j = 0; j < p.dim(); ++j) a[j] = b[j] = interval(cfg.other);
    a[0] = interval(x);
    b[0] = interval(x + h);
    const interval dx = interval(x + h) - interval(x);  // exact: both binary64
    const interval q = abs(ei.gradient(b)[0] - ei.gradient(a)[0]) / dx;
    const double lo = static_cast<double>(lower(q));
    if (i == 0) first = lo;
    last = lo;
    xs.push_back(cfg.ks[i]);
    ys.push_back(lo);
    rows.push_back({{"k", cfg.ks[i]}, {"x_k", ov::to_string(x)}, {"h_k", ov::to_string(h)},
                    {"quotient_enclosure", ov::to_string(q)}});
  }
  out.evidence.series.push_back(step_heuristics::series(
      "certified lower bound of |f_x(x_k + h_k) - f_x(x_k)| / h_k", "Difference quotients of df/dx near 0 on " + cfg.problem,
      "measured", xs, ys, "k (x_k = 1/(2 pi k))", "quotient", true, true));
  out.parameters = {{"problem", cfg.problem}, {"ks", cfg.ks}, {"other_coordinates", cfg.other},
                    {"required", cfg.required}};
  out.precision = "interval";
  out.evidence.figures["quotients"] = rows.dump();
  out.evidence.figures["largest_certified_quotient"] = last;
  out.evidence.figures["growth_over_range"] = first > 0 ? last / first : 0.0;
  if (last >= cfg.required && last >= 100 * first) {
    out.verdict = Verdict::holds;
    out.evidence.summary = fmt::format(
        "interval-certified difference quotients of df/dx grow from {:.3g} (k = {}) to {:.3g} (k = {}), like 2 pi k: "
        "grad f is not L-Lipschitz for any L below {:.3g} (and the sequence continues), so f is not C^(1,1)_L near 0 "
        "and not C^2 there, hence not real analytic (evidence along a sequence, not a proof for every L)",
        first, cfg.ks.front(), last, cfg.ks.back(), last);
  } else {
    out.verdict = Verdict::refuted;
    out.evidence.counterexample = {{"problem", cfg.problem}, {"quotients", rows}, {"seed", ctx.seed}};
    out.evidence.summary = fmt::format(
        "the difference quotients of df/dx stay bounded along x_k = 1/(2 pi k) (largest certified {:.3g}, growth {:.3g})",
        last, first > 0 ? last / first : 0.0);
  }
  return out;
}

Claim not_c11_claim() {
  Claim c;
  c.id = "backtracking.slides-cubic-oscillation-not-c11";
  c.title = "x^3 cos(1/x) + 2 y^3 sin(1/y) is neither C^{1,1}_L nor real analytic";
  c.source = {"001_ca0824e53e7404e9.txt", "Main Theorem: comments", "", "S-L614-S-L618"};
  c.hypotheses = "f = cubic_oscillation (extended by 0 on the axes; C^1), y fixed at 1/2";
  c.statement = "f(x, y) = x^3 cos(1/x) + 2 y^3 sin(1/y) is neither C^{1,1}_L nor real analytic (S-L615-S-L618)";
  c.check = "Interval enclosures (library evaluator, MPFI 50 digits) of |f_x(x_k + h_k, 1/2) - f_x(x_k, 1/2)| / h_k at "
            "the binary64 x_k = 1/(2 pi k), h_k = x_k^2/8, k = 1 .. 1e5 (quick 1e4); holds when the certified lower "
            "bounds grow by >= 100x over the range and exceed 1e4 (quick 1e3): then grad f is not Lipschitz with any "
            "constant below them and f is not C^2 near 0; refuted when they stay bounded.";
  c.precision = {"interval", {"interval"}, "every quotient is a certified enclosure from exact binary64 points"};
  c.run = [](const RunContext& ctx) { return check_not_c11(oscillation_config(ctx.quick), ctx); };
  return c;
}

}  // namespace ov::claims::cubic_oscillation
