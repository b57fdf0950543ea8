// Backtracking MMT (000_47ba9189a2c8a171.txt §2.3, L215-221; Theorem 2.11, L227;
// seed-000-001-backtracking.md A7):
//
//   g = grad f(z_n)
//   stage 1: gamma' = gamma0; w = gamma' v_{n-1} + delta0 g;
//            while w violates condition i) of Inexact Backtracking GD ((4)-(5) with g):
//                gamma' <- beta gamma'
//   stage 2: sigma = 1; while f(z_n - sigma w) - f(z_n) > -alpha sigma <g, w>: sigma <- beta sigma
//   gamma_n = sigma gamma',  delta_n = sigma delta0,
//   v_n = gamma_n v_{n-1} + delta_n g  (= sigma w),   z_{n+1} = z_n - v_n
//
// Readings and guards (docs/optimizers-backtracking.md):
//  - The paper's text (L219) writes stage 1's w with grad f(z_n - gamma v_{n-1}), the NAG
//    form, with an undefined gamma; for MMT we use grad f(z_n) (the update rule above it,
//    L217; guide §7 erratum 2). The NAG variant is BacktrackingNesterov.
//  - Stage 1 ends only if delta0 g itself satisfies (4), i.e. A1 <= delta0 <= A2 (the
//    paper does not say so; guide A7): the constructor requires it.
//  - grad f(z_n) = 0 with v_{n-1} != 0: (4) then forces w = 0, which stage 1 never
//    reaches (guide A7 edge case). We take the only admissible v_n = 0, leave z_n and
//    report `stationary`.
//  - Both stages are bounded by max_trials; exhausting either refuses the step
//    (refused_search_failed; x and v unchanged).
// Defaults: the paper gives constraints only (0 < A1 < 1 < A2; delta0, gamma0 > 0;
// 0 < mu <= 1; 0 < alpha, beta < 1). Our choices: A1 = 1/2, A2 = 2, delta0 = 1,
// gamma0 = 9/10 (the momentum of the experiments, L574), mu = 1/2, alpha = 1e-4 and
// beta = 1/2 (the experiments, L580). gamma0 = 0 gives Backtracking GD with delta0 (L225).
#pragma once

#include <string>
#include <vector>

#include "optim/components/direction_conditions.hpp"
#include "optim/components/gradient_norm.hpp"
#include "optim/core/optimizer.hpp"
#include "optim/line_search/armijo_backtracking.hpp"
#include "optim/line_search/search_refusal.hpp"

namespace ov::optim {

template <class S>
struct BacktrackingMomentumParameters {
  S A1 = ops::ratio<S>(1, 2);
  S A2 = S(2);
  S delta0 = S(1);
  S gamma0 = ops::ratio<S>(9, 10);
  S mu = ops::ratio<S>(1, 2);
  S alpha = ops::ratio<S>(1, 10000);
  S beta = ops::ratio<S>(1, 2);
  int max_trials = ArmijoBacktracking<S>::default_max_trials;
};

template <class S>
class BacktrackingMomentum : public Optimizer<S> {
 public:
  explicit BacktrackingMomentum(const BacktrackingMomentumParameters<S>& p = {}, std::string rule = "backtracking_momentum")
      : p_(p), rule_(std::move(rule)), stage2_(S(1), p.alpha, p.beta, p.max_trials, rule_) {
    require(ops::is_finite(p_.A1) && p_.A1 > S(0) && p_.A1 < S(1), rule_, "A1", p_.A1, "(0, 1)");
    require(ops::is_finite(p_.A2) && p_.A2 > S(1), rule_, "A2", p_.A2, "(1, inf)");
    require(ops::is_finite(p_.delta0) && p_.delta0 >= p_.A1 && p_.delta0 <= p_.A2, rule_, "delta0", p_.delta0,
            "[A1, A2] = [" + ops::to_string(p_.A1) + ", " + ops::to_string(p_.A2) +
                "] (stage 1 terminates only if delta0 grad f satisfies (4))");
    require_nonnegative(rule_, "gamma0", p_.gamma0);
    require(ops::is_finite(p_.mu) && p_.mu > S(0) && p_.mu <= S(1), rule_, "mu", p_.mu, "(0, 1]");
  }

  std::string name() const override { return rule_; }
  std::vector<Hyperparameter> hyperparameters() const override {
    return {{"A1", ops::to_string(p_.A1)},         {"A2", ops::to_string(p_.A2)},
            {"delta0", ops::to_string(p_.delta0)}, {"gamma0", ops::to_string(p_.gamma0)},
            {"mu", ops::to_string(p_.mu)},         {"alpha", ops::to_string(p_.alpha)},
            {"beta", ops::to_string(p_.beta)},     {"max_trials", std::to_string(p_.max_trials)}};
  }

  StepReport<S> step(Oracle<S>& f, Vector<S>& x) override {
    Vector<S> g;
    const S f0 = f.value_and_gradient(x, g);
    if (!ops::is_finite(f0)) return StepReport<S>::refuse(StepStatus::refused_non_finite_value, name() + ": f(x) is not finite");
    if (!all_finite(g)) return StepReport<S>::refuse(StepStatus::refused_non_finite_gradient, name() + ": grad f(x) is not finite");
    if (v_.size() != x.size()) v_ = Vector<S>::Zero(x.size());
    StepReport<S> rep;
    rep.value = f0;
    rep.grad_norm = gradient_norm_if_available(g);
    if (is_zero_vector(g)) {
      v_.setZero();  // (4) admits only v_n = 0 here
      rep.status = StepStatus::stationary;
      rep.step_size = S(0);
      rep.message = "grad f(x) = 0: v_n = 0 (the only direction satisfying (4))";
      return rep;
    }
    // Stage 1.
    begin_stage1();
    S gp = p_.gamma0;
    Vector<S> w;
    int t1 = 0;
    bool found = false;
    for (; t1 < p_.max_trials; ++t1) {
      if (t1 > 0) gp = p_.beta * gp;
      if (stage1_direction(f, x, g, gp, w) && check_direction(g, w, p_.A1, p_.A2, p_.mu).ok()) {
        found = true;
        ++t1;
        break;
      }
    }
    if (!found) {
      StepReport<S> r = StepReport<S>::refuse(
          StepStatus::refused_search_failed,
          name() + ": stage 1 found no gamma' in {gamma0 beta^k} satisfying (4)-(5) within max_trials = " +
              std::to_string(p_.max_trials));
      r.trials = t1;
      return r;
    }
    // Stage 2.
    Vector<S> x_new;
    const LineSearchResult<S> r = stage2_.search(f, x, f0, g, w, x_new);
    if (!r.accepted()) return refusal_from_search(name() + " (stage 2)", r, p_.max_trials);
    const S sigma = r.step;
    v_ = sigma * w;
    x.swap(x_new);
    last_gamma_ = sigma * gp;
    last_delta_ = sigma * p_.delta0;
    last_stage1_trials_ = t1;
    rep.step_size = last_delta_;
    rep.trials = r.trials;
    rep.message = "gamma_n = " + ops::to_string(last_gamma_) + ", sigma_n = " + ops::to_string(sigma);
    return rep;
  }

  void reset() override {
    v_.resize(0);
    last_gamma_ = last_delta_ = S(0);
    last_stage1_trials_ = 0;
  }
  const Vector<S>& velocity() const { return v_; }
  void set_velocity(const Vector<S>& v) { v_ = v; }  // v_{-1} (default 0)
  const S& last_gamma() const { return last_gamma_; }
  const S& last_delta() const { return last_delta_; }
  int last_stage1_trials() const { return last_stage1_trials_; }
  const BacktrackingMomentumParameters<S>& parameters() const { return p_; }

 protected:
  // Called once per step before stage 1.
  virtual void begin_stage1() {}
  // w = gamma' v_{n-1} + delta0 * (the gradient of the variant); false if not finite.
  virtual bool stage1_direction(Oracle<S>& /*f*/, const Vector<S>& /*x*/, const Vector<S>& g, const S& gp,
                                Vector<S>& w) {
    w = gp * v_ + p_.delta0 * g;
    return all_finite(w);
  }
  const Vector<S>& previous_velocity() const { return v_; }

  BacktrackingMomentumParameters<S> p_;

 private:
  std::string rule_;
  ArmijoBacktracking<S> stage2_;
  Vector<S> v_;
  S last_gamma_ = S(0), last_delta_ = S(0);
  int last_stage1_trials_ = 0;
};

}  // namespace ov::optim
