// Registry entries of the SAM family: sam, esam, asam (docs/optimizers-sam.md).
// p accepts "inf" (the l_inf ball) besides numbers in [1, inf).
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "optim/registry/registry.hpp"
#include "optim/rules/asam.hpp"
#include "optim/rules/esam.hpp"
#include "optim/rules/sam.hpp"

namespace ov::optim {

namespace sam_registry_detail {

inline std::vector<ParameterSpec> sam_parameters(const std::string& rho_default, const std::string& rho_source) {
  return {
      {"lr", "1/100", "(0, inf)", "learning rate of the base gradient step [EXT: ensmallen's SGD stepSize; none in 004]"},
      {"rho", rho_default, "[0, inf)", "radius of the perturbation ball, 004 (49) " + rho_source},
      {"lambda", "0", "[0, inf)", "L2 regularisation lambda ||w||_2^2 of 004 (48) (gradient 2 lambda w)"},
      {"p", "2", "[1, inf] (\"inf\" accepted)", "exponent of the l_p ball, 004 (49); p = 2 recommended (Foret et al.)"},
  };
}

template <class S>
SamOptions<S> read_sam(const ParamReader<S>& r) {
  SamOptions<S> o;
  o.lr = r.scalar("lr");
  o.rho = r.scalar("rho");
  o.lambda = r.scalar("lambda");
  o.p = r.text("p") == "inf" ? LpExponent<S>::infinity() : make_lp_exponent(r.scalar("p"));
  return o;
}

}  // namespace sam_registry_detail

template <class S>
void register_sam(Registry<S>& r) {
  using namespace sam_registry_detail;
  {
    RegistryEntry<S> e;
    e.name = "sam";
    e.family = "sam";
    e.description = "Sharpness-Aware Minimization on an l_p ball: w -= lr (grad L(w + eps*(w)) + 2 lambda w)";
    e.citation = "004 §7.1 eqs (48)-(54) (Foret et al. 2021); update [DERIVED] from (48) and (54)";
    e.parameters = sam_parameters("1/20", "[EXT: Foret et al. / pytorch_optimizer default 0.05; none in 004]");
    e.make = [](const ParamReader<S>& pr) -> std::unique_ptr<Optimizer<S>> {
      return std::make_unique<Sam<S>>(read_sam(pr));
    };
    r.add(std::move(e));
  }
  {
    RegistryEntry<S> e;
    e.name = "esam";
    e.family = "sam";
    e.description = "Efficient SAM: stochastic weight perturbation (Bernoulli(beta) mask, eps/beta) and optional "
                    "sharpness-sensitive data selection (per-sample loss increase > alpha)";
    e.citation = "004 §7.2 eqs (55)-(56) (Du et al. 2022); (55) read element-wise (errata 19)";
    e.parameters = sam_parameters("1/20", "[EXT: ESAM code default 0.05; none in 004]");
    e.parameters.push_back({"beta", "1", "(0, 1]",
                            "SWP Bernoulli parameter of 004 (55) [EXT default: ESAM code, beta = 1 = plain SAM]"});
    e.parameters.push_back({"alpha", "off", "(0, inf) or off",
                            "SDS threshold of 004 (56) on the per-sample loss increase; off disables SDS "
                            "(needs a finite-sum objective)"});
    e.parameters.push_back({"seed", "0", "[0, 2^63)", "seed of the SWP masks (SplitMix64)"});
    e.make = [](const ParamReader<S>& pr) -> std::unique_ptr<Optimizer<S>> {
      EsamOptions<S> o;
      o.sam = read_sam(pr);
      o.beta = pr.scalar("beta");
      if (pr.text("alpha") != "off") o.sds_alpha = pr.scalar("alpha");
      const long seed = pr.integer("seed");
      require(seed >= 0, pr.rule(), "seed", seed, "[0, 2^63)");
      o.seed = static_cast<std::uint64_t>(seed);
      return std::make_unique<Esam<S>>(o);
    };
    r.add(std::move(e));
  }
  {
    RegistryEntry<S> e;
    e.name = "asam";
    e.family = "sam";
    e.description = "Adaptive SAM: eps = T_w eps*(T_w g), T_w = |w| + eta (p = 2: rho T_w^2 g / ||T_w g||)";
    e.citation = "004 §7.3 eqs (57)-(58) (Kwon et al. 2021); T_w and the update [EXT] from Kwon et al.";
    e.parameters = sam_parameters("1/2", "[EXT: ASAM code default 0.5; none in 004]");
    e.parameters.push_back(
        {"eta", "1/100", "[0, inf)", "offset of the normalisation T_w = |w| + eta [EXT: ASAM code default 0.01]"});
    e.make = [](const ParamReader<S>& pr) -> std::unique_ptr<Optimizer<S>> {
      AsamOptions<S> o;
      o.sam = read_sam(pr);
      o.eta = pr.scalar("eta");
      return std::make_unique<Asam<S>>(o);
    };
    r.add(std::move(e));
  }
}

}  // namespace ov::optim
