#include "proofs-checks/claims/castera_dynamics/inna_energy_decrease.hpp"

#include <fmt/core.h>

#include <optional>
#include <string>

#include "analysis/numeric/string_io.hpp"
#include "analysis/problems/problem.hpp"
#include "analysis/problems/problem_objective.hpp"
#include "analysis/rates/bound_check.hpp"
#include "analysis/rates/error_sequence.hpp"
#include "analysis/rates/rate_comparison.hpp"
#include "analysis/rates/rate_fit.hpp"
#include "optim/core/oracle.hpp"
#include "optim/rules/inna_fixed_step.hpp"

namespace ov::claims::castera_dyn {

InnaRun library_inna_run() {
  return [](const optim::Objective<mp50>& J, const mp50& alpha, const mp50& beta, const mp50& gamma,
            const Vec<mp50>& theta0, const Vec<mp50>& psi0, long steps) {
    optim::InnaFixedStepOptions<mp50> o;
    o.alpha = alpha;
    o.beta = beta;
    o.gamma = gamma;
    optim::InnaFixedStep<mp50> inna(o);
    inna.set_state({psi0, 0});
    optim::Oracle<mp50> oracle(J);
    Vec<mp50> x = theta0;
    std::vector<Vec<mp50>> zs;
    Vec<mp50> z(2 * x.size());
    z << x, psi0;
    zs.push_back(z);
    for (long k = 0; k < steps; ++k) {
      const auto rep = inna.step(oracle, x);
      if (rep.refused()) throw std::runtime_error("INNA refused a step: " + rep.message);
      z << x, inna.state().psi;
      zs.push_back(z);
    }
    return zs;
  };
}

Finding check_inna_energy_decrease(const InnaRun& run, const RunContext& ctx) {
  Finding out;
  out.precision = "mp50";
  optim::SplitMix64 rng(ctx.seed);
  const DinField field = library_din_field();
  struct Case {
    std::string name;
    long inv_gamma0;  // gamma_0 = 1/inv_gamma0
  };
  const std::vector<Case> cases = ctx.quick ? std::vector<Case>{{"castera_quartic", 32}}
                                            : std::vector<Case>{{"castera_quartic", 32}, {"himmelblau", 256}};
  const int levels = ctx.quick ? 4 : 6;
  std::optional<nlohmann::json> cex;
  bool all_hold = true;
  nlohmann::json fits = nlohmann::json::array();
  int increases_total = 0;
  long steps_total = 0;
  for (const auto& cs : cases) {
    if (cex) break;
    const problems::Problem problem = problems::make_problem(cs.name);
    problems::ProblemObjective<mp50> J(problem);
    const int p = problem.dim();
    const mp50 alpha = mp50(1) / 2, beta = rng.below(2) ? mp50(1) / 2 : mp50(1) / 10;
    Vec<mp50> th0(p);
    for (int i = 0; i < p; ++i) th0[i] = mp50(static_cast<long>(rng.below(17)) - 8) / 4;
    for (const bool thesis_psi0 : {true, false}) {
      // psi_0: the thesis's (L1481) or the public code's (1 - alpha beta) theta_0 (docs/optimizers-castera.md).
      const Vec<mp50> psi0 =
          thesis_psi0 ? Vec<mp50>((mp50(1) - alpha * beta) * th0 - (beta * beta - beta) * J.gradient(th0))
                      : Vec<mp50>((mp50(1) - alpha * beta) * th0);
      const std::string psi0_name = thesis_psi0 ? "thesis psi_0" : "public-code psi_0";
      std::vector<std::int64_t> ks;
      std::vector<mp50> defects;
      std::vector<double> gx, dy, ref;
      for (int j = 0; j < levels; ++j) {
        const long inv = cs.inv_gamma0 << j;
        const mp50 gamma = mp50(1) / inv;
        const auto zs = run(J, alpha, beta, gamma, th0, psi0, inv);  // t in [0, 1]
        steps_total += inv;
        mp50 d(0);
        mp50 E0 = energy(J, alpha, beta, zs[0]);
        for (std::size_t k = 0; k + 1 < zs.size(); ++k) {
          const mp50 E1 = energy(J, alpha, beta, zs[k + 1]);
          const mp50 rate = energy_rate_rhs(alpha, beta, field.m(J, alpha, beta, zs[k]));
          const mp50 defect = abs(mp50(E1 - E0 - gamma * rate));
          if (E1 > E0) ++increases_total;
          if (defect > d) d = defect;
          E0 = E1;
        }
        ks.push_back(inv);
        defects.push_back(d);
        gx.push_back(to_double(gamma));
        dy.push_back(to_double(d));
      }
      const auto seq = rates::make_sequence(ks, defects, "defect");
      const auto fit = rates::fit_order(seq, rates::full_window(seq), 0.95);
      const auto cmp = rates::compare_order(fit, mp50(2), mp50(2) / 10);
      const double est = fit.ok ? to_double(fit.estimate) : 0, lo = fit.ok ? to_double(fit.lo) : 0,
                   hi = fit.ok ? to_double(fit.hi) : 0;
      for (double g : gx) ref.push_back(dy.front() * (g / gx.front()) * (g / gx.front()));
      fits.push_back({{"problem", cs.name},
                      {"psi0", psi0_name},
                      {"alpha", to_double(alpha)},
                      {"beta", to_double(beta)},
                      {"order", est},
                      {"ci", {lo, hi}},
                      {"verdict", rates::to_string(cmp.verdict)}});
      const std::string plot =
          fmt::format("INNA on {} ({}): max_k |E_(k+1) - E_k - gamma dE/dt| vs gamma (fitted order {:.3f})", cs.name,
                      psi0_name, est);
      out.evidence.series.push_back(series(plot, "defect d(gamma)", "measured", gx, dy, "gamma", "defect", true, true));
      out.evidence.series.push_back(series(plot, "C gamma^2", "bound", gx, ref, "gamma", "defect", true, true));
      if (cmp.verdict != rates::RateVerdict::holds) all_hold = false;
      if (cmp.verdict == rates::RateVerdict::violated && !cex)
        cex = nlohmann::json{{"problem", cs.name}, {"psi0", psi0_name}, {"alpha", to_double(alpha)},
                             {"beta", to_double(beta)}, {"gammas", gx}, {"defects", dy}, {"fitted_order", est},
                             {"ci", {lo, hi}}, {"stated_order", 2}, {"tolerance", 0.2}, {"seed", ctx.seed}};
    }
  }
  out.parameters = {{"cases", cases.size()}, {"levels", levels}, {"horizon", 1}, {"fits", fits}};
  out.evidence.figures = {{"steps", steps_total}, {"steps_with_E_increase", increases_total}};
  for (const auto& f : fits)
    out.evidence.figures["order " + f["problem"].get<std::string>() + ", " + f["psi0"].get<std::string>()] = f["order"];
  if (cex) {
    out.verdict = Verdict::refuted;
    out.evidence.counterexample = *cex;
    out.evidence.summary = fmt::format("the per-step defect of E along INNA is not O(gamma^2) on {}: fitted order {:.3f}, "
                                       "95 % interval entirely below 1.8",
                                       (*cex)["problem"].get<std::string>(), (*cex)["fitted_order"].get<double>());
  } else if (!all_hold) {
    out.verdict = Verdict::inconclusive;
    out.evidence.summary = "the fitted order's interval straddles 2 - 0.2 (or no fit): undecided; see parameters.fits";
  } else {
    out.verdict = Verdict::holds;
    std::string orders;
    for (const auto& f : fits)
      orders += fmt::format("{}{:.3f} ({}, {})", orders.empty() ? "" : ", ", f["order"].get<double>(),
                            f["problem"].get<std::string>(), f["psi0"].get<std::string>());
    out.evidence.summary = fmt::format(
        "evidence (a derived expectation, not a theorem of the thesis): E(z_(k+1)) - E(z_k) - gamma dE/dt = O(gamma^p) "
        "with fitted p = {} (95 % intervals >= 1.8); since dE/dt <= 0, E increases by at most O(gamma^2) per step "
        "({} of {} steps increased E)",
        orders, increases_total, steps_total);
  }
  return out;
}

Claim inna_energy_decrease_claim() {
  Claim c;
  c.id = "castera.lyapunov.inna-approximate-decrease";
  c.title = "Along small-step INNA, E decreases up to O(gamma^2) per step (fitted order of the Euler defect)";
  c.source = {"002_dc929347c6f8ce02.txt", "2.3.2 (INNA as Euler's scheme) with Lemma 2.6", "(2.9), (2.13), (2.32)",
              "L1038-L1044, L1234-L1236"};
  c.hypotheses = "J in C^2 (castera_quartic, himmelblau); full gradient, constant gamma; alpha = 1/2, beta seeded in "
                 "{1/10, 1/2}; both psi_0 conventions (thesis L1481 and public code). Derived expectation (guide T-LYA-2), not a theorem";
  c.statement = "E(z_{k+1}) - E(z_k) <= gamma dE/dt(z_k) + O(gamma^2) <= O(gamma^2) for INNA (3.19) with step gamma";
  c.check = "optim::InnaFixedStep<mp50> over t = k gamma in [0, 1] for gamma = gamma_0 2^-j (j < 6; quick 4), "
            "defect d(gamma) = max_k |E_{k+1} - E_k - gamma dE/dt(z_k)|; order of d in 1/gamma by rates::fit_order "
            "(95 %), compared with 2 (tolerance 0.2) by rates::compare_order";
  c.precision = {"mp50", {"mp50"}, "runs and energies in mp50 (the defects reach ~1e-10 of E)"};
  c.run = [](const RunContext& ctx) { return check_inna_energy_decrease(library_inna_run(), ctx); };
  return c;
}

}  // namespace ov::claims::castera_dyn
