#include "proofs-checks/claims/castera_step_tuned/d_critical_inna.hpp"

#include <fmt/core.h>

#include <cmath>
#include <string>
#include <vector>

#include "optim/core/batch_sampler.hpp"
#include "optim/core/oracle.hpp"
#include "optim/core/random.hpp"
#include "optim/rules/inna.hpp"
#include "proofs-checks/claims/castera_step_tuned/common.hpp"

namespace ov::claims::castera_step_tuned {

namespace {

// J = (J_1 + J_2)/2 (mean convention) with J_1 = 2 relu(t) + t^2/2, J_2 = -2 relu(-t) + t^2/2, so that
// J(t) = relu(t) - relu(-t) + t^2/2 = t + t^2/2 (minimiser -1). Gradients by forward-mode AD (ceres::Jet).
class SplitReluSum : public optim::FiniteSumObjective<double> {
 public:
  explicit SplitReluSum(PrimitiveConvention conv) : conv_(std::move(conv)) {
    parts_ = {{"J_1", {{Prim::relu, 2, 1}}, 1, 0}, {"J_2", {{Prim::relu, -2, -1}}, 1, 0}};
  }
  int dim() const override { return 1; }
  std::size_t num_samples() const override { return 2; }
  double batch_value(const optim::Vector<double>& x, const optim::Batch& B) const override {
    double s = 0;
    for (std::size_t i : B) s += eval_program(parts_[i], conv_, Jet1(x[0])).a;
    return s / static_cast<double>(B.size());
  }
  optim::Vector<double> batch_gradient(const optim::Vector<double>& x, const optim::Batch& B) const override {
    double s = 0;
    for (std::size_t i : B) s += ad_derivative(parts_[i], conv_, x[0]);
    optim::Vector<double> g(1);
    g[0] = s / static_cast<double>(B.size());
    return g;
  }
  Program whole() const {
    return {"relu(t) - relu(-t) + t^2/2 as (J_1 + J_2)/2",
            {{Prim::relu, 1, 1}, {Prim::relu, -1, -1}}, 1, 0};
  }

 private:
  PrimitiveConvention conv_;
  std::vector<Program> parts_;
};

}  // namespace

Finding check_inna_d_critical(const PrimitiveConvention& conv, const RunContext& ctx) {
  Finding out;
  out.precision = "double";
  const int iters = ctx.quick ? 2000 : 20000;
  const int perturbed = ctx.quick ? 4 : 16;
  const SplitReluSum J(conv);
  // Exact subdifferentials of J at 0 (mean of the two samples = the program relu(t) - relu(-t) + t^2/2).
  const Segment clarke = clarke_at_zero(J.whole()), D = d_at_zero(J.whole());
  const bool d_not_clarke = D.contains(0.0) && !clarke.contains(0.0);
  optim::InnaOptions<double> io;  // alpha = 1/2, beta = 1/10 (L1492), gamma = 1/20 constant (set below), thesis psi_0
  io.lr = 0.05;
  optim::SplitMix64 rng(ctx.seed);
  nlohmann::json cex = nullptr;
  // (a) Started exactly at the D-critical point: deterministic (full batch) and stochastic (batch 1) oracles.
  std::vector<double> ks, stuck_path;
  long stuck_steps = 0;
  for (int mode = 0; mode < 2 && cex.is_null(); ++mode) {
    optim::Inna<double> inna(io);
    optim::BatchSampler sampler(2, 1, optim::Sampling::with_replacement, rng.next());
    optim::Oracle<double> det(J), sto(J, sampler);
    optim::Oracle<double>& oracle = mode == 0 ? det : sto;
    optim::Vector<double> x(1);
    x[0] = 0.0;
    for (int k = 0; k < iters; ++k) {
      oracle.next_batch();
      inna.step(oracle, x);
      ++stuck_steps;
      if (mode == 0 && (k < 100 || k % 50 == 0)) {
        ks.push_back(k + 1);
        stuck_path.push_back(x[0]);
      }
      if (!(x[0] == 0.0)) {
        cex = {{"oracle", mode == 0 ? "full batch" : "batch 1"}, {"k", k + 1}, {"theta_k", x[0]},
               {"ad_gradient_at_0", J.gradient(optim::Vector<double>::Zero(1))[0]}, {"seed", ctx.seed}};
        break;
      }
    }
  }
  // (b) Perturbed starts (|theta_0| <= 1e-6, full batch): they leave 0 and converge to the minimiser -1.
  int converged = 0;
  double worst = 0;
  const std::string plot = "INNA (alpha, beta, gamma) = (1/2, 1/10, 1/20) on relu(t) - relu(-t) + t^2/2, split in two samples";
  if (!ks.empty())
    out.evidence.series.push_back(series("theta_0 = 0 (D-critical, not Clarke critical)", plot, "measured", ks,
                                         stuck_path, "k", "theta_k", false, false));
  for (int r = 0; r < perturbed; ++r) {
    optim::Inna<double> inna(io);
    optim::Oracle<double> det(J);
    optim::Vector<double> x(1);
    x[0] = (2 * rng.uniform() - 1) * 1e-6;
    const double x0 = x[0];
    std::vector<double> pk, path;
    for (int k = 0; k < iters; ++k) {
      inna.step(det, x);
      if (r < 2 && (k < 100 || k % 50 == 0)) {
        pk.push_back(k + 1);
        path.push_back(x[0]);
      }
    }
    const double err = std::abs(x[0] + 1);
    worst = std::max(worst, err);
    converged += err < 1e-3 ? 1 : 0;
    if (r < 2)
      out.evidence.series.push_back(series(fmt::format("theta_0 = {:.3g}", x0), plot, "measured", pk, path, "k", "theta_k", false, false));
  }
  out.parameters = {{"objective", "J_1 = 2 relu(t) + t^2/2, J_2 = -2 relu(-t) + t^2/2, J = (J_1 + J_2)/2 = t + t^2/2"},
                    {"convention", conv.name}, {"inna", "alpha = 1/2, beta = 1/10, gamma_k = 1/20, psi_0 thesis (L1481)"},
                    {"iterations", iters}, {"perturbed_starts", perturbed}};
  out.evidence.figures = {{"clarke_at_0", clarke.str()}, {"D_at_0", D.str()},
                          {"ad_gradient_at_0", J.gradient(optim::Vector<double>::Zero(1))[0]},
                          {"steps_checked_at_0", stuck_steps}, {"perturbed_converged_to_minus_1", converged},
                          {"perturbed_worst_distance_to_minus_1", worst}};
  const std::string figs = fmt::format(
      "at 0: Clarke {} (not critical), D {} (D-critical), AD gradient {}; INNA from theta_0 = 0 (psi_0 = 0) stays at "
      "exactly 0 for {} steps (full batch and batch 1); {}/{} starts with |theta_0| <= 1e-6 leave and reach -1 "
      "(worst |theta - (-1)| = {:.2g} after {} steps)",
      clarke.str(), D.str(), J.gradient(optim::Vector<double>::Zero(1))[0], iters, converged, perturbed, worst, iters);
  if (!cex.is_null()) {
    out.verdict = Verdict::refuted;
    out.evidence.counterexample = cex;
    out.evidence.summary = fmt::format("INNA started at 0 moved (theta_{} = {}): ", cex["k"].get<int>(),
                                       cex["theta_k"].get<double>()) + figs;
  } else if (d_not_clarke && converged == perturbed) {
    out.verdict = Verdict::holds;
    out.evidence.summary = figs;
  } else {
    out.verdict = Verdict::inconclusive;
    out.evidence.summary = "the setting is not as described: " + figs;
  }
  return out;
}

Claim inna_d_critical_claim() {
  Claim c;
  c.id = "castera.nonsmooth.inna-d-critical-stationary";
  c.title = "INNA initialised at a D-critical, non-Clarke-critical point is stationary; perturbed starts leave";
  c.source = {"002_dc929347c6f8ce02.txt", "2.4.2 (comments on Theorem 2.1: on D-criticality)", "(2.13)", "L1135-L1136"};
  c.hypotheses = "J = relu(t) - relu(-t) + t^2/2 written as the mean of J_1 = 2 relu(t) + t^2/2 and J_2 = -2 relu(-t) "
                 "+ t^2/2 (guide T-NS-2), gradients by the library's autodiff (relu'(0) = 0); INNA (2.13) with the "
                 "thesis psi_0 (L1481), (alpha, beta) = (1/2, 1/10), constant gamma = 1/20";
  c.statement = "\"if the algorithm was initialized on the D-critical set, the algorithm would be stationary even if "
                "the initialization is non-Clarke critical\" (L1136): here 0 is D-critical (0 in DJ(0) = [0, 2]) but "
                "not Clarke critical (dJ(0) = {1}), and INNA from theta_0 = 0 never moves; (guide, conjectured for "
                "INNA at L1136) starts perturbed by <= 1e-6 leave and converge to the minimiser -1";
  c.check = "exact subdifferentials at 0 from the one-sided derivatives; optim::Inna<double> from theta_0 = 0 on the "
            "deterministic oracle and on batches of 1, theta_k == 0 checked exactly at every step; seeded perturbed "
            "starts on the deterministic oracle, |theta_K + 1| < 1e-3 required. Refuted when the run from 0 moves "
            "(e.g. an AD convention with relu'(0) = 1)";
  c.precision = {"double", {"double"}, "theta_k == 0 is exact: every gradient and update at 0 is an exact 0"};
  c.run = [](const RunContext& ctx) { return check_inna_d_critical(library_convention(), ctx); };
  return c;
}

}  // namespace ov::claims::castera_step_tuned
