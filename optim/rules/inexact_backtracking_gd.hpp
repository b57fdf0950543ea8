// Inexact Backtracking GD (000_47ba9189a2c8a171.txt §2.2, L169-181;
// seed-000-001-backtracking.md A4):
//
//   i)   choose v_n with (4) A1 ||g|| <= ||v_n|| <= A2 ||g||, (5) <g, v_n> >= mu ||g|| ||v_n||
//   ii)  delta_n = largest sigma in {delta0 beta^k} with
//            f(z_n - sigma v_n) - f(z_n) <= -alpha sigma <g, v_n>      (Armijo (6))
//   iii) z_{n+1} = z_n - delta_n v_n
//
// v_n comes from a DirectionPolicy (x, g, n) -> v, n the number of steps taken so
// far; the default is PerturbedGradientDirection (seeded, bounded, satisfying (4)-(5)
// by construction). Every v_n is checked against (4)-(5); one that violates them is
// refused (StepStatus::refused_undefined, the message says which condition), and x,
// n stay unchanged. Defaults: A1, A2, mu have none in the documents (constraints
// only, L169); we take A1 = 1/2, A2 = 2, mu = 1/2 (our choice). delta0, alpha, beta
// as BacktrackingGd (experiments, L580, L626).
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "optim/components/direction_conditions.hpp"
#include "optim/components/gradient_norm.hpp"
#include "optim/components/perturbed_gradient_direction.hpp"
#include "optim/core/optimizer.hpp"
#include "optim/line_search/armijo_backtracking.hpp"
#include "optim/line_search/search_refusal.hpp"
#include "optim/rules/backtracking_gd.hpp"

namespace ov::optim {

template <class S>
using DirectionPolicy = std::function<Vector<S>(const Vector<S>& x, const Vector<S>& g, std::int64_t n)>;

template <class S>
struct InexactBacktrackingParameters {
  S A1 = ops::ratio<S>(1, 2);
  S A2 = S(2);
  S mu = ops::ratio<S>(1, 2);
  S delta0 = BacktrackingGd<S>::default_delta0();
  S alpha = BacktrackingGd<S>::default_alpha();
  S beta = BacktrackingGd<S>::default_beta();
  int max_trials = ArmijoBacktracking<S>::default_max_trials;
  std::uint64_t seed = 0;  // of the default direction policy
};

template <class S>
class InexactBacktrackingGd : public Optimizer<S> {
 public:
  explicit InexactBacktrackingGd(const InexactBacktrackingParameters<S>& p = {}, DirectionPolicy<S> policy = {})
      : p_(p), search_(p.delta0, p.alpha, p.beta, p.max_trials, "inexact_backtracking_gd"), policy_(std::move(policy)) {
    const char* rule = "inexact_backtracking_gd";
    require_positive(rule, "A1", p_.A1);
    require(ops::is_finite(p_.A2) && p_.A2 >= p_.A1, rule, "A2", p_.A2, "[A1, inf) = [" + ops::to_string(p_.A1) + ", inf)");
    require(ops::is_finite(p_.mu) && p_.mu > S(0) && p_.mu <= S(1), rule, "mu", p_.mu, "(0, 1]");
    if (!policy_) policy_ = PerturbedGradientDirection<S>(p_.A1, p_.A2, p_.mu, p_.seed);
  }

  std::string name() const override { return "inexact_backtracking_gd"; }
  std::vector<Hyperparameter> hyperparameters() const override {
    return {{"A1", ops::to_string(p_.A1)},         {"A2", ops::to_string(p_.A2)},
            {"mu", ops::to_string(p_.mu)},         {"delta0", ops::to_string(p_.delta0)},
            {"alpha", ops::to_string(p_.alpha)},   {"beta", ops::to_string(p_.beta)},
            {"max_trials", std::to_string(p_.max_trials)}, {"seed", std::to_string(p_.seed)}};
  }

  StepReport<S> step(Oracle<S>& f, Vector<S>& x) override {
    Vector<S> g;
    const S f0 = f.value_and_gradient(x, g);
    if (!ops::is_finite(f0)) return StepReport<S>::refuse(StepStatus::refused_non_finite_value, name() + ": f(x) is not finite");
    if (!all_finite(g)) return StepReport<S>::refuse(StepStatus::refused_non_finite_gradient, name() + ": grad f(x) is not finite");
    StepReport<S> rep;
    rep.value = f0;
    rep.grad_norm = gradient_norm_if_available(g);
    if (is_zero_vector(g)) {
      // (4) forces v_n = 0: nothing moves (Lemma 3.1 proof, L362).
      rep.status = StepStatus::stationary;
      rep.step_size = p_.delta0;
      rep.message = "grad f(x) = 0";
      return rep;
    }
    const Vector<S> v = policy_(x, g, n_);
    if (v.size() != g.size() || !all_finite(v)) {
      return StepReport<S>::refuse(StepStatus::refused_undefined, name() + ": the direction policy returned a " +
                                                                      (v.size() != g.size() ? "vector of the wrong size" : "non-finite vector"));
    }
    const DirectionCheck c = check_direction(g, v, p_.A1, p_.A2, p_.mu);
    if (!c.ok()) {
      return StepReport<S>::refuse(StepStatus::refused_undefined,
                                   name() + ": the direction violates " +
                                       (!c.norm_bounds ? std::string("(4) A1 ||g|| <= ||v|| <= A2 ||g||")
                                                       : std::string("(5) <g, v> >= mu ||g|| ||v||")));
    }
    Vector<S> x_new;
    const LineSearchResult<S> r = search_.search(f, x, f0, g, v, x_new);
    if (!r.accepted()) return refusal_from_search(name(), r, p_.max_trials);
    x.swap(x_new);
    ++n_;
    rep.step_size = r.step;
    rep.trials = r.trials;
    return rep;
  }

  void reset() override { n_ = 0; }
  std::int64_t steps_taken() const { return n_; }
  const InexactBacktrackingParameters<S>& parameters() const { return p_; }

 private:
  InexactBacktrackingParameters<S> p_;
  ArmijoBacktracking<S> search_;
  DirectionPolicy<S> policy_;
  std::int64_t n_ = 0;
};

}  // namespace ov::optim
