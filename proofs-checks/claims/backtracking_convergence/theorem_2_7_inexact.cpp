#include "proofs-checks/claims/backtracking_convergence/theorem_2_7_inexact.hpp"

#include <cmath>

#include "optim/core/random.hpp"
#include "proofs-checks/claims/backtracking_convergence/theorem_2_1_outcomes.hpp"

namespace ov::claims::btconv {

optim::DirectionPolicy<double> rotated_scaled_direction(double A1, double A2, double mu, std::uint64_t seed) {
  return [=](const DVec& /*x*/, const DVec& g, std::int64_t n) {
    optim::SplitMix64 rng(seed ^ (0x9E3779B97F4A7C15ULL * static_cast<std::uint64_t>(n + 1)));
    const double c = (mu + 0.05) + (1.0 - (mu + 0.05)) * rng.uniform();
    const double s = (A1 + 0.02) + ((A2 - 0.02) - (A1 + 0.02)) * rng.uniform();
    const double gn = std::sqrt(g.squaredNorm());
    if (g.size() == 1 || gn == 0) return DVec(s * g);
    DVec u(g.size());
    for (Eigen::Index i = 0; i < u.size(); ++i) u[i] = 2 * rng.uniform() - 1;
    u -= (u.dot(g) / (gn * gn)) * g;
    const double un = std::sqrt(u.squaredNorm());
    if (!(un > 1e-8)) return DVec(s * g);
    const double sn = std::sqrt(std::max(0.0, 1 - c * c));
    return DVec(s * (c * g + sn * gn * (u / un)));
  };
}

NamedRule library_inexact_rule() {
  return {"inexact_backtracking_gd(A1=1/2, A2=2, mu=1/2, delta0=1, alpha=beta=1/2; rotated/scaled v_n)",
          [](std::uint64_t seed) {
            optim::InexactBacktrackingParameters<double> p;
            p.A1 = 0.5;
            p.A2 = 2;
            p.mu = 0.5;
            p.delta0 = 1;
            p.alpha = 0.5;
            p.beta = 0.5;
            return std::unique_ptr<optim::Optimizer<double>>(std::make_unique<optim::InexactBacktrackingGd<double>>(
                p, rotated_scaled_direction(p.A1, p.A2, p.mu, seed)));
          }};
}

Finding check_theorem_2_7(const std::vector<NamedRule>& rules, const RunContext& ctx) {
  OutcomeStudy s = theorem_2_1_study(rules, ctx.quick);
  s.starts = ctx.quick ? 5 : 60;
  return check_outcomes(s, ctx);
}

Claim theorem_2_7_inexact_claim() {
  Claim c;
  c.id = "backtracking.theorem-2-7-inexact-outcomes";
  c.title = "Theorem 2.7: Inexact Backtracking GD with directions satisfying (4)-(5) diverges or converges to a critical point";
  c.source = {"000_47ba9189a2c8a171.txt", "2.2, Theorem 2.7", "(4)-(6)", "L169-L189"};
  c.also_in = {{"001_ca0824e53e7404e9.txt", "Main Theorem: comments", "", "S-L600-S-L603"}};
  c.hypotheses =
      "f C^1; z_{n+1} = z_n - delta_n v_n with A1 ||g|| <= ||v_n|| <= A2 ||g|| (4), <g, v_n> >= mu ||g|| ||v_n|| (5), "
      "delta_n the largest delta0 beta^k with Armijo (6); A1 = 1/2, A2 = 2, mu = 1/2, delta0 = 1, alpha = beta = 1/2";
  c.statement =
      "the three conclusions of Theorem 2.1 (either ||z_n|| -> infinity or steps -> 0; with countably many critical "
      "points, divergence or convergence to a critical point; compact critical components: bounded with connected "
      "cluster set). Measured: no run ends 'other'";
  c.check =
      "60 (quick: 5) starts per function; optim::InexactBacktrackingGd<double> (which checks (4)-(5) at every step and refuses a violating v_n) with seeded "
      "directions v = s||g||(cos t g/||g|| + sin t u), cos t in [0.55, 1], s in [0.52, 1.98], u a seeded unit vector "
      "orthogonal to g, on the functions of backtracking.theorem-2-1-outcomes; each run classified by the same "
      "classifier (diverged / converged with ||grad|| <= 1e-6 (1 + |f|) in mp50 / other). Evidence from a finite sample.";
  c.precision = {"double", {"double", "mp50"}, "as backtracking.theorem-2-1-outcomes"};
  c.run = [](const RunContext& ctx) { return check_theorem_2_7({library_inexact_rule()}, ctx); };
  return c;
}

}  // namespace ov::claims::btconv
