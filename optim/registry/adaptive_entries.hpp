// Registry entries of the elementwise ("adaptive") family: sgd, heavy_ball, adagrad,
// rmsprop, rmsprop_global, adam (+ AdamW and 004's as-printed form as options),
// adamax, adadelta, nadam. Exact defaults and their sources: docs/optimizers-adaptive.md.
// For exact scalars (rational) only the square-root-free rules are registered.
#pragma once

#include <limits>
#include <memory>

#include "optim/registry/registry.hpp"
#include "optim/rules/adadelta.hpp"
#include "optim/rules/adagrad.hpp"
#include "optim/rules/adam.hpp"
#include "optim/rules/adamax.hpp"
#include "optim/rules/heavy_ball.hpp"
#include "optim/rules/nadam.hpp"
#include "optim/rules/rmsprop.hpp"
#include "optim/rules/rmsprop_global.hpp"
#include "optim/rules/sgd.hpp"

namespace ov::optim {

namespace adaptive_entries_detail {
inline ParameterSpec lr(const std::string& def, const std::string& source) {
  return {"lr", def, "(0, inf)", "learning rate (constant); default: " + source};
}
inline ParameterSpec eps(const std::string& def, const std::string& range, const std::string& source) {
  return {"eps", def, range, "stabilising epsilon; default: " + source};
}
inline ParameterSpec placement(const std::string& def, const std::string& source) {
  return {"epsilon_placement", def, "{inside_sqrt, outside_sqrt}",
          "lr g / sqrt(eps + v) (004 (40), (42), (47)) or lr g / (sqrt(v) + eps) (Kingma & Ba, torch); default: " +
              source};
}
inline ParameterSpec wd() { return {"weight_decay", "0", "[0, inf)", "weight decay coefficient wd [EXT] (torch)"}; }
inline ParameterSpec wd_mode() {
  return {"weight_decay_mode", "coupled_l2", "{coupled_l2, decoupled}",
          "coupled_l2: the rule sees g + wd x; decoupled (AdamW, Loshchilov & Hutter 2019): x -= lr wd x"};
}
}  // namespace adaptive_entries_detail

template <class S>
void register_adaptive(Registry<S>& r) {
  namespace d = adaptive_entries_detail;
  const std::string family = "adaptive";

  r.add({"sgd", family, "(mini-batch) SGD with a constant learning rate, optional weight decay",
         "003 Alg. 2 eq (4.7), §4.3; 004 eqs (4), (23), (32)",
         {d::lr("1/100", "ensmallen SGD stepSize (no document default)"), d::wd(), d::wd_mode()},
         false, [](const ParamReader<S>& p) -> std::unique_ptr<Optimizer<S>> {
           SgdOptions<S> o;
           o.lr = p.scalar("lr");
           o.weight_decay = p.scalar("weight_decay");
           o.weight_decay_mode = weight_decay_mode_from_string(p.choice("weight_decay_mode", {"coupled_l2", "decoupled"}));
           return std::make_unique<Sgd<S>>(o);
         }});

  r.add({"heavy_ball", family, "gradient descent with heavy-ball momentum, dw = alpha dw - eta g, w += dw",
         "004 §2.4 eq (8)",
         {d::lr("1/100", "ensmallen stepSize (no document default)"),
          {"momentum", "1/2", "[0, 1)", "alpha of 004 (8); default: ensmallen MomentumUpdate (no document default)"}},
         false, [](const ParamReader<S>& p) -> std::unique_ptr<Optimizer<S>> {
           HeavyBallOptions<S> o;
           o.lr = p.scalar("lr");
           o.momentum = p.scalar("momentum");
           return std::make_unique<HeavyBall<S>>(o);
         }});

  if constexpr (!std::numeric_limits<S>::is_exact) {  // the rest take square roots
    r.add({"adagrad", family, "AdaGrad, per coordinate, eps inside the sqrt (004 form)", "004 §6.1 eqs (38)-(40)",
           {d::lr("1/100", "torch AdagradOptions (no document default)"),
            d::eps("1e-10", "[0, inf)", "torch AdagradOptions (no document default)"),
            d::placement("inside_sqrt", "004 (39)")},
           false, [](const ParamReader<S>& p) -> std::unique_ptr<Optimizer<S>> {
             AdagradOptions<S> o;
             o.lr = p.scalar("lr");
             o.eps = p.scalar("eps");
             o.epsilon_placement =
                 epsilon_placement_from_string(p.choice("epsilon_placement", {"inside_sqrt", "outside_sqrt"}));
             return std::make_unique<Adagrad<S>>(o);
           }});

    const std::vector<ParameterSpec> rms_params{
        d::lr("1/100", "torch RMSpropOptions (no document default)"),
        {"gamma", "0.9", "[0, 1]", "forgetting factor; default: 004 after (41) ('e.g. gamma = 0.9'); torch alpha = 0.99"},
        d::eps("1e-8", "[0, inf)", "torch RMSpropOptions (no document default)"),
        d::placement("inside_sqrt", "004 (42)")};
    auto rms_options = [](const ParamReader<S>& p) {
      RmspropOptions<S> o;
      o.lr = p.scalar("lr");
      o.gamma = p.scalar("gamma");
      o.eps = p.scalar("eps");
      o.epsilon_placement =
          epsilon_placement_from_string(p.choice("epsilon_placement", {"inside_sqrt", "outside_sqrt"}));
      return o;
    };
    r.add({"rmsprop", family, "RMSProp, per-coordinate second moment (Tieleman & Hinton)",
           "004 §6.2 eqs (41)-(42) read per coordinate (survey guide §1.11); Tieleman & Hinton 2012", rms_params,
           false, [rms_options](const ParamReader<S>& p) -> std::unique_ptr<Optimizer<S>> {
             return std::make_unique<Rmsprop<S>>(rms_options(p));
           }});
    r.add({"rmsprop_global", family, "RMSProp as printed in 004: ONE scalar v from ||g||^2 (not canonical)",
           "004 §6.2 eqs (41)-(42) as printed", rms_params, false,
           [rms_options](const ParamReader<S>& p) -> std::unique_ptr<Optimizer<S>> {
             return std::make_unique<RmspropGlobal<S>>(rms_options(p));
           }});

    r.add({"adam", family,
           "Adam with bias correction (Kingma & Ba); options: AdamW (decoupled weight decay), 004's printed form",
           "Kingma & Ba 2015 Alg. 1; 004 §6.3 eqs (43)-(47); AdamW: Loshchilov & Hutter 2019",
           {d::lr("1/1000", "Kingma & Ba; torch AdamOptions"),
            {"beta1", "0.9", "[0, 1)", "first-moment decay (004 gamma1); default: Kingma & Ba"},
            {"beta2", "0.999", "[0, 1)", "second-moment decay (004 gamma2); default: Kingma & Ba"},
            d::eps("1e-8", "[0, inf)", "Kingma & Ba"), d::wd(), d::wd_mode(),
            {"second_moment", "per_coordinate", "{per_coordinate, global_norm}",
             "per_coordinate (Kingma & Ba) or one scalar from ||g||^2 (004 (44) as printed)"},
            d::placement("outside_sqrt", "Kingma & Ba"),
            {"bias_correction", "update_count", "{update_count, as_printed_004}",
             "exponent t = k + 1 (Kingma & Ba) or k as printed in 004 (45)-(46): undefined at k = 0, every step "
             "is refused"}},
           false, [](const ParamReader<S>& p) -> std::unique_ptr<Optimizer<S>> {
             AdamOptions<S> o;
             o.lr = p.scalar("lr");
             o.beta1 = p.scalar("beta1");
             o.beta2 = p.scalar("beta2");
             o.eps = p.scalar("eps");
             o.weight_decay = p.scalar("weight_decay");
             o.weight_decay_mode =
                 weight_decay_mode_from_string(p.choice("weight_decay_mode", {"coupled_l2", "decoupled"}));
             o.second_moment =
                 adam_second_moment_from_string(p.choice("second_moment", {"per_coordinate", "global_norm"}));
             o.epsilon_placement =
                 epsilon_placement_from_string(p.choice("epsilon_placement", {"inside_sqrt", "outside_sqrt"}));
             o.bias_correction =
                 adam_bias_correction_from_string(p.choice("bias_correction", {"update_count", "as_printed_004"}));
             return std::make_unique<Adam<S>>(o);
           }});

    r.add({"adamax", family, "AdaMax: Adam with the infinity norm [EXT]", "Kingma & Ba 2015 §7.1, Alg. 2",
           {d::lr("2/1000", "Kingma & Ba §7.1"),
            {"beta1", "0.9", "[0, 1)", "first-moment decay; default: Kingma & Ba"},
            {"beta2", "0.999", "[0, 1)", "infinity-norm decay; default: Kingma & Ba"},
            d::eps("0", "[0, inf)", "Kingma & Ba have none (torch: 1e-8, added to |g| inside the max)")},
           false, [](const ParamReader<S>& p) -> std::unique_ptr<Optimizer<S>> {
             AdamaxOptions<S> o;
             o.lr = p.scalar("lr");
             o.beta1 = p.scalar("beta1");
             o.beta2 = p.scalar("beta2");
             o.eps = p.scalar("eps");
             return std::make_unique<Adamax<S>>(o);
           }});

    r.add({"adadelta", family, "Adadelta [EXT]", "Zeiler 2012 Alg. 1",
           {d::lr("1", "Zeiler has no learning rate (torch multiplies the step by lr)"),
            {"rho", "0.95", "[0, 1)", "decay; default: Zeiler §4.1 (torch: 0.9)"},
            d::eps("1e-6", "(0, inf)", "Zeiler §4.1")},
           false, [](const ParamReader<S>& p) -> std::unique_ptr<Optimizer<S>> {
             AdadeltaOptions<S> o;
             o.lr = p.scalar("lr");
             o.rho = p.scalar("rho");
             o.eps = p.scalar("eps");
             return std::make_unique<Adadelta<S>>(o);
           }});

    r.add({"nadam", family, "NAdam: Adam with Nesterov momentum and a momentum schedule [EXT]",
           "Dozat 2016 Alg. 2 (torch.optim.NAdam's form)",
           {d::lr("2/1000", "Dozat 2016; torch NAdam"),
            {"beta1", "0.9", "[0, 1)", "first-moment decay; default: Dozat 2016"},
            {"beta2", "0.999", "[0, 1)", "second-moment decay; default: Dozat 2016"},
            d::eps("1e-8", "[0, inf)", "Dozat 2016; torch NAdam"),
            {"momentum_decay", "4/1000", "[0, inf)", "psi in mu_t = beta1 (1 - 0.96^(t psi)/2); default: torch NAdam"}},
           false, [](const ParamReader<S>& p) -> std::unique_ptr<Optimizer<S>> {
             NadamOptions<S> o;
             o.lr = p.scalar("lr");
             o.beta1 = p.scalar("beta1");
             o.beta2 = p.scalar("beta2");
             o.eps = p.scalar("eps");
             o.momentum_decay = p.scalar("momentum_decay");
             return std::make_unique<Nadam<S>>(o);
           }});
  }
}

}  // namespace ov::optim
