#include "proofs-checks/claims/castera_dynamics/inna_valley.hpp"

#include <fmt/core.h>

#include <cmath>
#include <optional>
#include <string>
#include <vector>

#include "optim/core/oracle.hpp"
#include "optim/rules/inna.hpp"
#include "proofs-checks/claims/castera_dynamics/din_common.hpp"

namespace ov::claims::castera_dyn {

InnaFactoryD library_inna_double() {
  return [](double alpha, double beta, double gamma) {
    optim::InnaOptions<double> o;
    o.alpha = alpha;
    o.beta = beta;
    o.lr = gamma;
    o.decay_power = 0;
    o.psi0 = optim::Psi0::thesis;
    return std::unique_ptr<optim::Optimizer<double>>(std::make_unique<optim::Inna<double>>(o));
  };
}

Finding check_inna_valley(const InnaFactoryD& rule, const RunContext& ctx) {
  Finding out;
  out.precision = "double";
  const ValleyObjective<double> J;
  const double alpha = 1.3, beta = 0.1;
  const std::vector<double> gammas = ctx.quick ? std::vector<double>{2e-4, 1e-4} : std::vector<double>{1e-4, 5e-5};
  std::optional<nlohmann::json> cex;
  std::vector<double> floors;
  double first_reach_t = -1;
  for (std::size_t gi = 0; gi < gammas.size(); ++gi) {
    const double gamma = gammas[gi];
    auto opt = rule(alpha, beta, gamma);
    optim::Oracle<double> oracle(J);
    Vec<double> x(2);
    x << -1.0, 1.5;
    const long k_settle = std::lround(12 / gamma), k_end = std::lround(20 / gamma);
    double floor_max = 0;
    long reached = -1;
    std::vector<double> kx, jy;
    for (long k = 0; k <= k_end; ++k) {
      const double dist = std::hypot(x[0] - 1, x[1] - 1);
      if (reached < 0 && dist <= 10 * gamma) reached = k;
      if (k >= k_settle) floor_max = std::max(floor_max, dist);
      if (gi == 0 && (k % std::max<long>(1, k_end / 400) == 0)) {
        kx.push_back(static_cast<double>(k));
        jy.push_back(J.value(x));
      }
      if (k == k_end) break;
      const auto rep = opt->step(oracle, x);
      if (rep.refused() || !std::isfinite(x[0]) || !std::isfinite(x[1])) {
        floor_max = INFINITY;
        break;
      }
    }
    floors.push_back(floor_max);
    if (gi == 0) {
      first_reach_t = reached < 0 ? -1 : static_cast<double>(reached) * gamma;
      out.evidence.series.push_back(series(
          fmt::format("INNA on the Fig. 2.1 valley, alpha = 1.3, beta = 0.1, gamma = {:g}: J(theta_k)", gamma),
          "J(theta_k) - J*", "measured", kx, jy, "iteration k", "J - J*", false, true));
    }
    if (!(floor_max <= 10 * gamma) && !cex)
      cex = nlohmann::json{{"gamma", gamma}, {"alpha", alpha}, {"beta", beta}, {"theta_0", {-1.0, 1.5}},
                           {"max_distance_to_(1,1)_on_[12,20]", floor_max}, {"threshold", 10 * gamma},
                           {"theta_end", {x[0], x[1]}}, {"meaning", "INNA is not near the unique critical point (1, 1)"}};
  }
  const double ratio = floors[0] / floors[1];  // floor(gamma) / floor(gamma/2) (the gammas halve)
  const double floor_order = std::log2(ratio);
  out.parameters = {{"alpha", alpha}, {"beta", beta}, {"gammas", gammas}, {"theta_0", {-1.0, 1.5}},
                    {"window_t", {12, 20}}};
  out.evidence.figures = {{"floor_distance_gamma", floors[0]},
                          {"floor_distance_half_gamma", std::isfinite(floors[1]) ? floors[1] : -1.0},
                          {"floor_ratio_gamma_vs_half", std::isfinite(ratio) ? ratio : -1.0},
                          {"floor_order_in_gamma", std::isfinite(floor_order) ? floor_order : -1.0},
                          {"first_t_within_10_gamma", first_reach_t}};
  if (!std::isfinite(floors[0])) out.evidence.figures["floor_distance_gamma"] = -1.0;
  if (cex) {
    out.verdict = Verdict::refuted;
    out.evidence.counterexample = *cex;
    out.evidence.summary = fmt::format("INNA (gamma = {:g}) is not within 10 gamma of (1, 1) on t in [12, 20] "
                                       "(max distance {:.3g})",
                                       (*cex)["gamma"].get<double>(),
                                       (*cex)["max_distance_to_(1,1)_on_[12,20]"].get<double>());
  } else {
    out.verdict = Verdict::holds;
    out.evidence.summary = fmt::format(
        "evidence: full-batch INNA (alpha = 1.3, beta = 0.1) from (-1, 1.5) is within 10 gamma of (1, 1) from t = "
        "{:.3g} on (gamma = {:g}); the distance on t in [12, 20] is {:.3g} (gamma = {:g}) and {:.3g} (gamma = {:g}): a "
        "discretisation floor below 10 gamma (ratio {:.3g} for gamma and gamma/2: not a clean power of gamma, "
        "reported only)",
        first_reach_t, gammas[0], floors[0], gammas[0], floors[1], gammas[1], ratio);
  }
  return out;
}

Claim inna_valley_claim() {
  Claim c;
  c.id = "castera.inna.valley-fig-2-1";
  c.title = "Fig. 2.1: full-batch INNA (alpha = 1.3, beta = 0.1, gamma = 1e-4) on the V-shaped valley reaches (1, 1)";
  c.source = {"002_dc929347c6f8ce02.txt", "2.1 Figure 2.1; 2.6.1", "Fig. 2.1", "L944, L1456"};
  c.hypotheses = "J(t1, t2) = 100 (t2 - |t1|)^2 + |1 - t1| (sign(0) = 0 at the kinks); full batch; constant gamma; start "
                 "(-1, 1.5); the thesis's psi_0 (L1481)";
  c.statement = "the unique critical point and global minimum is (1, 1); INNA with (alpha, beta) = (1.3, 0.1) and "
                "gamma = 1e-4 from (-1, 1.5) converges to it";
  c.check = "optim::Inna<double>, gamma in {1e-4, 5e-5} (quick {2e-4, 1e-4}) up to t = 20: ||theta_k - (1, 1)|| <= 10 "
            "gamma on t in [12, 20]; the ratio of that floor for gamma and gamma/2 is reported (not claimed); J(theta_k) plotted (the thesis's subplot (d))";
  c.precision = {"double", {"double"}, "evidence in double: distances >= 1e-6, far above rounding"};
  c.run = [](const RunContext& ctx) { return check_inna_valley(library_inna_double(), ctx); };
  return c;
}

}  // namespace ov::claims::castera_dyn
