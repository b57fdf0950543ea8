// Registry entries of the backtracking family (docs/optimizers-backtracking.md):
// backtracking_gd, inexact_backtracking_gd, two_way_backtracking_gd, momentum,
// nesterov, backtracking_momentum, backtracking_nesterov.
#pragma once

#include <memory>

#include "optim/registry/registry.hpp"
#include "optim/rules/backtracking_gd.hpp"
#include "optim/rules/backtracking_momentum.hpp"
#include "optim/rules/backtracking_nesterov.hpp"
#include "optim/rules/inexact_backtracking_gd.hpp"
#include "optim/rules/minibatch_backtracking.hpp"
#include "optim/rules/momentum.hpp"
#include "optim/rules/nesterov.hpp"
#include "optim/rules/two_way_backtracking_gd.hpp"

namespace ov::optim {

namespace detail {
inline std::vector<ParameterSpec> armijo_specs(const std::string& delta0_default) {
  return {
      {"delta0", delta0_default, "(0, inf)", "initial (largest) step delta0 of the lattice {delta0 beta^k}"},
      {"alpha", "1/10000", "(0, 1)",
       "Armijo constant (000 (6)-(7); 1e-4 fixed in the experiments, 000 §4.1 L580; proofs use 1/2)"},
      {"beta", "1/2", "(0, 1)", "backtracking factor (0.5 in the experiments, 000 L580)"},
      {"max_trials", "100", "[1, inf)", "bound on the points tried per search (not in the paper: its loop is unbounded)"},
  };
}
inline std::vector<ParameterSpec> bt_momentum_specs() {
  return {
      {"A1", "1/2", "(0, 1)", "lower norm factor of (4) (000 §2.3 L215: 0 < A1 < 1; value our choice)"},
      {"A2", "2", "(1, inf)", "upper norm factor of (4) (A2 > 1; value our choice)"},
      {"delta0", "1", "[A1, A2]", "gradient coefficient delta' of stage 1 (needs A1 <= delta0 <= A2 for stage 1 to end)"},
      {"gamma0", "9/10", "[0, inf)", "initial momentum coefficient (0.9 as in the experiments, 000 L574; 0 gives BT GD)"},
      {"mu", "1/2", "(0, 1]", "angle bound of (5) (value our choice)"},
      {"alpha", "1/10000", "(0, 1)", "Armijo constant of stage 2 (000 L580)"},
      {"beta", "1/2", "(0, 1)", "shrink factor of both stages (000 L580)"},
      {"max_trials", "100", "[1, inf)", "bound on the trials of each stage"},
  };
}
template <class S>
BacktrackingMomentumParameters<S> read_bt_momentum(const ParamReader<S>& r) {
  BacktrackingMomentumParameters<S> p;
  p.A1 = r.scalar("A1");
  p.A2 = r.scalar("A2");
  p.delta0 = r.scalar("delta0");
  p.gamma0 = r.scalar("gamma0");
  p.mu = r.scalar("mu");
  p.alpha = r.scalar("alpha");
  p.beta = r.scalar("beta");
  p.max_trials = static_cast<int>(r.integer("max_trials"));
  return p;
}
inline std::vector<ParameterSpec> momentum_specs() {
  return {
      {"lr", "1/100", "(0, inf)", "learning rate delta (paper) = lr (PyTorch) = eps (Sutskever); default our choice (Table 2's MBT start, 000 L626)"},
      {"momentum", "9/10", "[0, 1)", "gamma (paper) = momentum (PyTorch) = mu (Sutskever); 0.9 as in 000 L574"},
      {"form", "paper", "{paper, pytorch, sutskever}", "which written form of the update (conversions in docs/optimizers-backtracking.md)"},
  };
}
inline std::vector<ParameterSpec> mbt_specs(bool with_momentum) {
  std::vector<ParameterSpec> v = {
      {"alpha", "1/10000", "(0, 1)", "Armijo constant of the finder before the switch (000 L572, L580)"},
      {"beta", "1/2", "(0, 1)", "two-way factor of the finder (000 L580)"},
      {"batches", "20", "[1, inf)", "mini-batches K per finder run (000 L576-580: 20; text: 20-50)"},
      {"start", "1/100", "[lower, upper]", "first rate tried (Table 2's starting LR, 000 L626)"},
      {"lower", "1/1000000", "(0, inf)", "smallest rate (authors' code, outside the documents)"},
      {"upper", "100", "[lower, inf)", "largest rate (authors' code; the slides' two-way cap, 001 S-L664)"},
      {"min_decrease", "1/10000000", "[0, inf)", "stop shrinking once rate ||g||^2 <= this (authors' code)"},
      {"max_trials", "100", "[2, inf)", "bound on the points tried per finder batch"},
      {"rescale", "sqrt_ratio", "{sqrt_ratio, linear_ratio, none}", "rate = factor * mean; sqrt(k/N) per 000 §4.1.1 L550-560"},
      {"start_rule", "mean_of_previous", "{mean_of_previous, previous}",
       "start of each finder batch: the code's mean of earlier rates, or the previous rate (two-way)"},
      {"advance", "sgd_step", "{sgd_step, none}", "one discarded SGD step between finder batches (code) or none"},
      {"patience", "5", "[1, inf)", "epochs without a lower mean training loss before the switch (000 L572, L574)"},
      {"stuck_alpha", "1/2", "(0, 1)", "Armijo constant after the switch (000 L572)"},
      {"seed", "0", "[0, 2^63)", "seed of the finder's own batch sampler"},
  };
  if (with_momentum) v.push_back({"momentum", "9/10", "[0, 1)", "gamma of MMT/NAG until the switch (000 L574)"});
  return v;
}
template <class S>
MinibatchBacktrackingParameters<S> read_mbt(const ParamReader<S>& r, MbtBase base) {
  MinibatchBacktrackingParameters<S> p;
  p.base = base;
  auto& f = p.finder;
  f.alpha = r.scalar("alpha");
  f.beta = r.scalar("beta");
  f.batches = static_cast<int>(r.integer("batches"));
  f.start = r.scalar("start");
  f.lower = r.scalar("lower");
  f.upper = r.scalar("upper");
  f.min_decrease = r.scalar("min_decrease");
  f.max_trials = static_cast<int>(r.integer("max_trials"));
  const std::string rs = r.choice("rescale", {"sqrt_ratio", "linear_ratio", "none"});
  f.rescale = rs == "sqrt_ratio" ? LrRescale::sqrt_ratio : rs == "linear_ratio" ? LrRescale::linear_ratio : LrRescale::none;
  f.start_rule = r.choice("start_rule", {"mean_of_previous", "previous"}) == "previous" ? FinderStart::previous
                                                                                       : FinderStart::mean_of_previous;
  f.advance = r.choice("advance", {"sgd_step", "none"}) == "none" ? FinderAdvance::none : FinderAdvance::sgd_step;
  p.patience = static_cast<int>(r.integer("patience"));
  p.stuck_alpha = r.scalar("stuck_alpha");
  const long seed = r.integer("seed");
  require(seed >= 0, r.rule(), "seed", seed, "[0, 2^63)");
  p.seed = static_cast<std::uint64_t>(seed);
  if (base != MbtBase::gd) p.momentum = r.scalar("momentum");
  return p;
}
}  // namespace detail

template <class S>
void register_backtracking(Registry<S>& r) {
  r.add({"backtracking_gd", "backtracking",
         "Backtracking GD (Armijo's rule): the largest delta0 beta^k with sufficient decrease, then a gradient step",
         "000_47ba9189a2c8a171.txt §2.1, (7)-(8); seed-000-001-backtracking.md A3", detail::armijo_specs("1/100"), false,
         [](const ParamReader<S>& p) -> std::unique_ptr<Optimizer<S>> {
           return std::make_unique<BacktrackingGd<S>>(p.scalar("delta0"), p.scalar("alpha"), p.scalar("beta"),
                                                      static_cast<int>(p.integer("max_trials")));
         }});

  auto inexact = detail::armijo_specs("1/100");
  inexact.push_back({"A1", "1/2", "(0, inf)", "lower norm factor of (4) (no value in the documents)"});
  inexact.push_back({"A2", "2", "[A1, inf)", "upper norm factor of (4) (no value in the documents)"});
  inexact.push_back({"mu", "1/2", "(0, 1]", "angle bound of (5) (no value in the documents)"});
  inexact.push_back({"seed", "0", "[0, 2^63)", "seed of the default direction (a bounded perturbation of the gradient)"});
  r.add({"inexact_backtracking_gd", "backtracking",
         "Inexact Backtracking GD: Armijo backtracking along a direction satisfying (4)-(5) (default: a seeded perturbed gradient)",
         "000_47ba9189a2c8a171.txt §2.2 i)-iii), (4)-(6); seed-000-001-backtracking.md A4", inexact, false,
         [](const ParamReader<S>& p) -> std::unique_ptr<Optimizer<S>> {
           InexactBacktrackingParameters<S> q;
           q.delta0 = p.scalar("delta0");
           q.alpha = p.scalar("alpha");
           q.beta = p.scalar("beta");
           q.max_trials = static_cast<int>(p.integer("max_trials"));
           q.A1 = p.scalar("A1");
           q.A2 = p.scalar("A2");
           q.mu = p.scalar("mu");
           const long seed = p.integer("seed");
           require(seed >= 0, p.rule(), "seed", seed, "[0, 2^63)");
           q.seed = static_cast<std::uint64_t>(seed);
           return std::make_unique<InexactBacktrackingGd<S>>(q);
         }});

  auto two_way = detail::armijo_specs("1/100");
  two_way.push_back({"cap", "paper", "{paper, slides} or a number >= delta0",
                     "upper limit of the growth: paper = delta0 (000 §2.5 L241), slides = 100 (001 S-L664)"});
  r.add({"two_way_backtracking_gd", "backtracking",
         "Two-way Backtracking GD: start from the previous step, shrink by beta or grow by 1/beta while Armijo holds, up to a cap",
         "000_47ba9189a2c8a171.txt §2.5 L241; 001_ca0824e53e7404e9.txt S-L657-664; seed-000-001-backtracking.md A9", two_way,
         false, [](const ParamReader<S>& p) -> std::unique_ptr<Optimizer<S>> {
           const S delta0 = p.scalar("delta0");
           const std::string c = p.text("cap");
           const S cap = c == "paper" ? TwoWayCap::paper(delta0) : c == "slides" ? TwoWayCap::slides<S>() : p.scalar("cap");
           return std::make_unique<TwoWayBacktrackingGd<S>>(delta0, p.scalar("alpha"), p.scalar("beta"), cap,
                                                            static_cast<int>(p.integer("max_trials")));
         }});

  r.add({"momentum", "backtracking", "Standard MMT (heavy ball) in the paper's, PyTorch's or Sutskever's form",
         "000_47ba9189a2c8a171.txt §2.3 L203-206; seed-000-001-backtracking.md A5", detail::momentum_specs(), false,
         [](const ParamReader<S>& p) -> std::unique_ptr<Optimizer<S>> {
           return std::make_unique<Momentum<S>>(
               p.scalar("lr"), p.scalar("momentum"),
               momentum_form_from_string(p.choice("form", {"paper", "pytorch", "sutskever"})));
         }});
  r.add({"nesterov", "backtracking", "Standard NAG in the paper's, PyTorch's or Sutskever's form",
         "000_47ba9189a2c8a171.txt §2.3 L207-210; seed-000-001-backtracking.md A6", detail::momentum_specs(), false,
         [](const ParamReader<S>& p) -> std::unique_ptr<Optimizer<S>> {
           return std::make_unique<Nesterov<S>>(
               p.scalar("lr"), p.scalar("momentum"),
               momentum_form_from_string(p.choice("form", {"paper", "pytorch", "sutskever"})));
         }});

  r.add({"backtracking_momentum", "backtracking",
         "Backtracking MMT: shrink the momentum until (4)-(5) hold, then Armijo backtracking on a multiplier from 1",
         "000_47ba9189a2c8a171.txt §2.3 L215-221, Theorem 2.11; seed-000-001-backtracking.md A7", detail::bt_momentum_specs(),
         false, [](const ParamReader<S>& p) -> std::unique_ptr<Optimizer<S>> {
           return std::make_unique<BacktrackingMomentum<S>>(detail::read_bt_momentum(p));
         }});
  auto nag = detail::bt_momentum_specs();
  nag.push_back({"look_ahead", "shrunk", "{shrunk, initial}",
                 "look-ahead coefficient of grad f(z - lambda v): the current gamma' (shrunk) or gamma0 (initial); "
                 "the paper leaves it open (000 L223)"});
  r.add({"backtracking_nesterov", "backtracking",
         "Backtracking NAG (our reading of 'similar to Backtracking MMT'): stage 1 with a look-ahead gradient",
         "000_47ba9189a2c8a171.txt §2.3 L223, Theorem 2.11; seed-000-001-backtracking.md A8", nag, false,
         [](const ParamReader<S>& p) -> std::unique_ptr<Optimizer<S>> {
           return std::make_unique<BacktrackingNesterov<S>>(
               detail::read_bt_momentum(p), nesterov_look_ahead_from_string(p.choice("look_ahead", {"shrunk", "initial"})));
         }});
  for (const MbtBase base : {MbtBase::gd, MbtBase::momentum, MbtBase::nesterov}) {
    const std::string what = base == MbtBase::gd ? "SGD" : base == MbtBase::momentum ? "momentum (PyTorch form)" : "Nesterov (PyTorch form)";
    r.add({MinibatchBacktracking<S>::name_of(base), "backtracking",
           "MBT: mini-batch two-way backtracking learning-rate finder (mean x sqrt(k/N)) driving " + what +
               (base == MbtBase::gd ? "; finder once, again each epoch after the switch" : "; finder every epoch") +
               "; alpha -> 1/2 and momentum off after `patience` stalled epochs",
           "000_47ba9189a2c8a171.txt §4.1.1-4.1.2 L550-580; seed-000-001-backtracking.md A12 (+ 2-supplement: authors' code)",
           detail::mbt_specs(base != MbtBase::gd), true,
           [base](const ParamReader<S>& p) -> std::unique_ptr<Optimizer<S>> {
             return std::make_unique<MinibatchBacktracking<S>>(detail::read_mbt(p, base));
           }});
  }
}

}  // namespace ov::optim
