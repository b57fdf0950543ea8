// Registry entries of Castera's thesis (002_dc929347c6f8ce02.txt): inna,
// inna_fixed_step, step_tuned_sgd, step_tuned_full_batch, stochastic_gv_sgd, exact_gv_sgd,
// expected_gv_sgd
// (docs/optimizers-castera.md).
#pragma once

#include <memory>
#include <string>

#include "optim/registry/registry.hpp"
#include "optim/rules/gradient_variation_sgd.hpp"
#include "optim/rules/inna.hpp"
#include "optim/rules/inna_fixed_step.hpp"
#include "optim/rules/step_tuned_full_batch.hpp"
#include "optim/rules/step_tuned_sgd.hpp"

namespace ov::optim {

template <class S>
void register_castera(Registry<S>& r) {
  {
    RegistryEntry<S> e;
    e.name = "inna";
    e.family = "castera";
    e.description = "INNA (Inertial Newton Algorithm): theta += gamma_k ((1/beta - alpha) theta - psi/beta - beta v), "
                    "psi += gamma_k ((1/beta - alpha) theta - psi/beta), gamma_k = lr/(k+1)^decay_power";
    e.citation = "002 §2.3, eq (2.13), Algorithm 1; psi_0 of §2.6.2.1 (L1481) or of camcastera/INNA-for-DeepLearning";
    e.parameters = {
        {"alpha", "1/2", "[0, inf)", "viscous damping, 002 L1492 (default (alpha, beta) = (0.5, 0.1))"},
        {"beta", "1/10", "(0, inf)", "Newton damping, 002 L1492"},
        {"lr", "1/10", "(0, inf)", "gamma_0 [EXT: public PyTorch code default; the thesis tunes it by grid search]"},
        {"decay_power", "0", "[0, inf)",
         "gamma_k = lr/(k+1)^decay_power; 1/2 in the Ch. 2 experiments (L1483) [EXT default 0: public code]"},
        {"psi0", "thesis", "{thesis, public_code}",
         "thesis: (1 - alpha beta) theta_0 - (beta^2 - beta) grad J(theta_0) (L1481, first step = gradient step); "
         "public_code: (1 - alpha beta) theta_0"},
        {"psi0_full_gradient", "false", "{true, false}",
         "thesis psi_0 with the full gradient instead of the first mini-batch gradient (the thesis does not say)"},
    };
    e.make = [](const ParamReader<S>& pr) -> std::unique_ptr<Optimizer<S>> {
      InnaOptions<S> o;
      o.alpha = pr.scalar("alpha");
      o.beta = pr.scalar("beta");
      o.lr = pr.scalar("lr");
      o.decay_power = pr.scalar("decay_power");
      o.psi0 = pr.choice("psi0", {"thesis", "public_code"}) == "thesis" ? Psi0::thesis : Psi0::public_code;
      o.psi0_full_gradient = pr.flag("psi0_full_gradient");
      return std::make_unique<Inna<S>>(o);
    };
    r.add(std::move(e));
  }
  {
    RegistryEntry<S> e;
    e.name = "inna_fixed_step";
    e.family = "castera";
    e.description = "deterministic INNA with a constant step gamma (the Ch. 3 saddle-avoidance setting)";
    e.citation = "002 §3.4, eq (3.19); step bound (3.20) in optim/rules/inna_fixed_step.hpp";
    e.parameters = {
        {"alpha", "1/2", "[0, inf) (Theorem 3.9 needs > 0)", "viscous damping, 002 L1492"},
        {"beta", "1/10", "(0, inf)", "Newton damping, 002 L1492"},
        {"gamma", "1/100", "(0, inf)",
         "constant step [no document default; the Ch. 3 toy runs use 1/100 (Fig 3.2) and 1/50 (Table 3.1)]"},
        {"psi0", "thesis", "{thesis, public_code}", "as for inna"},
    };
    e.make = [](const ParamReader<S>& pr) -> std::unique_ptr<Optimizer<S>> {
      InnaFixedStepOptions<S> o;
      o.alpha = pr.scalar("alpha");
      o.beta = pr.scalar("beta");
      o.gamma = pr.scalar("gamma");
      o.psi0 = pr.choice("psi0", {"thesis", "public_code"}) == "thesis" ? Psi0::thesis : Psi0::public_code;
      return std::make_unique<InnaFixedStep<S>>(o);
    };
    r.add(std::move(e));
  }
  {
    RegistryEntry<S> e;
    e.name = "step_tuned_sgd";
    e.family = "castera";
    e.description = "Step-Tuned SGD: two SGD steps on one batch, BB-like gamma from an EMA of same-batch gradient "
                    "differences (bias-corrected), nu if concave, clipped to [m, M], base step lr/(k+1)^(1/2+delta)";
    e.citation = "002 §4.3.2, Algorithm 3 (L2222-L2243); defaults footnote 2 (L2348); per-epoch decay L2395";
    e.parameters = {
        {"lr", "1/10", "(0, inf)",
         "alpha, the scaling factor [no document default: 'only alpha has to be carefully tuned', grid 1e-4..1]"},
        {"nu", "2", "(0, inf)", "step used when <Ghat, dtheta> <= 0, 002 L2348"},
        {"beta", "9/10", "[0, 1) (document: [0, 1]; beta = 1 gives 0/0)", "EMA factor of (4.15), 002 L2348"},
        {"m", "1/2", "(0, inf)", "lower clip m tilde, 002 L2348"},
        {"M", "2", "[m, inf)", "upper clip M tilde, 002 L2348"},
        {"delta", "1/1000", "(0, 1/2)", "decay exponent 1/2 + delta, 002 L2348"},
        {"decay", "per_iteration", "{per_iteration, per_epoch}",
         "per_iteration: (k+1)^(1/2+delta) as Algorithm 3; per_epoch: q^(1/2+delta), q = 1-based epoch (L2395)"},
    };
    e.make = [](const ParamReader<S>& pr) -> std::unique_ptr<Optimizer<S>> {
      StepTunedSgdOptions<S> o;
      o.lr = pr.scalar("lr");
      o.nu = pr.scalar("nu");
      o.beta = pr.scalar("beta");
      o.m = pr.scalar("m");
      o.M = pr.scalar("M");
      o.delta = pr.scalar("delta");
      o.decay = pr.choice("decay", {"per_iteration", "per_epoch"}) == "per_iteration" ? StepTunedDecay::per_iteration
                                                                                    : StepTunedDecay::per_epoch;
      return std::make_unique<StepTunedSgd<S>>(o);
    };
    r.add(std::move(e));
  }
  {
    RegistryEntry<S> e;
    e.name = "step_tuned_full_batch";
    e.family = "castera";
    e.description = "full-batch non-convex BB method: theta -= lr gamma_k grad J, gamma_k = ||dtheta||^2/<dg, dtheta> "
                    "if positive else nu (gamma_0 = 1)";
    e.citation = "002 §4.3.1, Algorithm 2 (L2173-L2195), eq (4.8)";
    e.parameters = {
        {"lr", "1/10", "(0, inf)", "alpha, the scaling factor [no document default]"},
        {"nu", "2", "(0, inf)", "step when <dg, dtheta> <= 0 [footnote 2 (L2348) value, given for Algorithm 3]"},
    };
    e.make = [](const ParamReader<S>& pr) -> std::unique_ptr<Optimizer<S>> {
      StepTunedFullBatchOptions<S> o;
      o.lr = pr.scalar("lr");
      o.nu = pr.scalar("nu");
      return std::make_unique<StepTunedFullBatch<S>>(o);
    };
    r.add(std::move(e));
  }
  for (GvEstimate est : {GvEstimate::stochastic, GvEstimate::exact, GvEstimate::expected}) {
    RegistryEntry<S> e;
    e.name = std::string(to_string(est)) + "_gv_sgd";
    e.family = "castera";
    switch (est) {
      case GvEstimate::stochastic:
        e.description = "Fig. 4.3 heuristic: SGD with a clipped BB step from gradients of DIFFERENT batches "
                        "(the thesis's negative example)";
        e.citation = "002 Appendix 4.9, Algorithm 4 (L2655-L2676)";
        break;
      case GvEstimate::exact:
        e.description = "Fig. 4.3 heuristic: SGD with a clipped BB step from FULL-gradient differences (expensive)";
        e.citation = "002 Appendix 4.9, Algorithm 5 (L2680-L2706)";
        break;
      case GvEstimate::expected:
        e.description = "Fig. 4.3 heuristic: SGD with a clipped BB step from the EXPECTED gradient variation "
                        "-s_{k-1} E[Hess J_A grad J_A] (exact expectation; Hessian-vector products)";
        e.citation = "002 §4.3.3 (Expected-GV, L2324) and Appendix 4.9, Algorithm 6 (L2716-L2740)";
        break;
    }
    e.parameters = {
        {"lr", "1/10", "(0, inf)", "alpha, the scaling factor [no document default]"},
        {"nu", "2", "(0, inf)", "step when the curvature estimate is <= 0 [footnote 2 (L2348) value of Algorithm 3]"},
        {"m", "1/2", "(0, inf)", "lower clip [footnote 2 value of Algorithm 3]"},
        {"M", "2", "[m, inf)", "upper clip [footnote 2 value of Algorithm 3]"},
        {"delta", "1/1000", "(0, 1/2)", "decay exponent 1/2 + delta [footnote 2 value of Algorithm 3]"},
        {"decay", "per_iteration", "{per_iteration, per_epoch}", "as for step_tuned_sgd"},
    };
    if (est == GvEstimate::expected) {
      e.parameters.push_back({"batch_law", "uniform_subset", "{uniform_subset, with_replacement}",
                              "law of the batch A in E[C_{J_A}] (size = the sampler's batch size) [thesis §4.3.2: "
                              "uniform over subsets]"});
      e.parameters.push_back({"scale", "previous_step", "{previous_step, printed}",
                              "factor of G_k: the step s_{k-1} (our reading) or alpha/(k-1)^(1/2+delta) gamma_{k-1} "
                              "as printed (refused at k = 1)"});
    }
    e.make = [est](const ParamReader<S>& pr) -> std::unique_ptr<Optimizer<S>> {
      GradientVariationSgdOptions<S> o;
      o.estimate = est;
      o.lr = pr.scalar("lr");
      o.nu = pr.scalar("nu");
      o.m = pr.scalar("m");
      o.M = pr.scalar("M");
      o.delta = pr.scalar("delta");
      o.decay = pr.choice("decay", {"per_iteration", "per_epoch"}) == "per_iteration" ? StepTunedDecay::per_iteration
                                                                                    : StepTunedDecay::per_epoch;
      if (est == GvEstimate::expected) {
        o.batch_law = pr.choice("batch_law", {"uniform_subset", "with_replacement"}) == "uniform_subset"
                          ? BatchLaw::uniform_subset
                          : BatchLaw::with_replacement;
        o.scale = pr.choice("scale", {"previous_step", "printed"}) == "previous_step" ? ExpectedGvScale::previous_step
                                                                                      : ExpectedGvScale::printed;
      }
      return std::make_unique<GradientVariationSgd<S>>(o);
    };
    r.add(std::move(e));
  }
}

}  // namespace ov::optim
