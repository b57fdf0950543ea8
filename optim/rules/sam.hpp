// Sharpness-Aware Minimization (SAM) on an l_p ball with an L2 regulariser,
// 004 §7.1 eqs (48)-(54) (Foret et al. 2021), base step plain (S)GD:
//
//   g    = grad L(w)                      on the oracle's current batch
//   eps  = epsilon*(w) = lp_ball_maximiser(g, rho, p)                   (52)/(53)
//   g_s  = grad L(w + eps)                on the SAME batch             (54)
//   w1   = w - lr * (g_s + 2 lambda w)
//
// (48) minimises L_SAM(w) + lambda ||w||_2^2 with L_SAM(w) = max_{||eps||_p <= rho}
// L(w + eps) (49), so the perturbation is computed from the gradient of L alone
// (the max is over L, not over the regularised objective) and the regulariser
// contributes its exact gradient 2 lambda w. The document never writes the update
// out; this form is the one implied by (48) and (54)
// (seed-003-004-sgd-survey.md §1.13 [DERIVED]). (54) drops the term
// (d eps*/dw) grad L, as the document does.
//
// Two gradient evaluations per step on the same mini-batch: the oracle holds the
// batch until the driver calls next_batch(), so the rule calls it twice. When eps
// is exactly zero (zero gradient, or rho = 0) grad L(w + eps) = g and the second
// evaluation is skipped.
//
// Refusals (x untouched): a non-finite gradient at w or at w + eps, a non-finite
// perturbation or update; and refused_undefined when epsilon* has no value in the
// scalar (exact rational with an irrational norm, e.g. p = 2 and ||g||^2 = 5).
//
// Hyper-parameters (004 §7.1 after (49)): rho >= 0, lambda >= 0, p in [1, inf],
// "p = 2 is recommended". The documents give no rho, lambda or learning rate
// (survey guide §1.14, errata 23). Defaults here: p = 2 (document), lambda = 0
// (the document's (50) drops the regulariser), rho = 1/20 = 0.05 [EXT: Foret et
// al.'s and pytorch_optimizer's default, anchors-optimizers.md §5.1], lr = 1/100
// [EXT: ensmallen's SGD stepSize, as optim/rules/sgd.hpp]. The range rho >= 0
// follows the document (rho = 0 is plain GD); public implementations agree
// (assert rho >= 0).
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

#include "optim/components/gradient_norm.hpp"
#include "optim/components/lp_ball_perturbation.hpp"
#include "optim/core/elementwise.hpp"
#include "optim/core/hyperparameter.hpp"
#include "optim/core/optimizer.hpp"
#include "optim/core/reductions.hpp"
#include "optim/rules/elementwise_step.hpp"

namespace ov::optim {

namespace sam_detail {

// w1 = w - lr * (g_s + two_lambda * w)
struct DescentKernel {
  template <class T, class C>
  OV_HOST_DEVICE void operator()(const C& c, const T& w, const T& gs, T& w1) const {
    w1 = w - c.lr * (gs + c.two_lambda * w);
  }
};

template <class S>
struct DescentConstants {
  S lr, two_lambda;
};

template <class S>
StepReport<S> refuse(StepStatus s, const std::string& rule, const std::string& what) {
  return StepReport<S>::refuse(s, rule + ": " + what + "; x and the state are unchanged");
}

// The common second half of every sharpness-aware step: given g = grad L(w) (finite)
// and the perturbation eps, evaluate g_s = second_gradient(w + eps) (skipped when
// eps = 0: then g_s = g), and take w1 = w - lr (g_s + 2 lambda w). On any non-finite
// quantity nothing is committed.
template <class S, class SecondGradient>
StepReport<S> descend(const std::string& rule, Vector<S>& x, const Vector<S>& g, const Vector<S>& eps,
                      const DescentConstants<S>& c, Vector<S>& x1, SecondGradient&& second_gradient) {
  if (!all_finite(eps)) return refuse<S>(StepStatus::refused_non_finite_update, rule, "the perturbation is not finite");
  Vector<S> gs;
  if (elementwise_step::is_zero(eps)) {
    gs = g;
  } else {
    const Vector<S> w_perturbed = x + eps;
    if (!all_finite(w_perturbed)) {
      return refuse<S>(StepStatus::refused_non_finite_update, rule, "the perturbed point w + eps is not finite");
    }
    gs = second_gradient(w_perturbed);
    if (!all_finite(gs)) {
      return refuse<S>(StepStatus::refused_non_finite_gradient, rule, "the gradient at w + eps is not finite");
    }
  }
  if (!elementwise(DescentKernel{}, c, in(x, gs), out(x1))) {
    return refuse<S>(StepStatus::refused_non_finite_update, rule, "the update is not finite (overflow)");
  }
  x.swap(x1);
  StepReport<S> r = elementwise_step::taken<S>(g, x, x1, c.lr);
  r.grad_norm = gradient_norm_if_available(g);
  return r;
}

}  // namespace sam_detail

template <class S>
struct SamOptions {
  S lr = ops::ratio<S>(1, 100);
  S rho = ops::ratio<S>(1, 20);
  S lambda = S(0);
  LpExponent<S> p = LpExponent<S>::finite(S(2));
};

// Validation shared by the SAM family.
template <class S>
void require_sam_options(const std::string& rule, const SamOptions<S>& o) {
  require_positive(rule, "lr", o.lr);
  require_nonnegative(rule, "rho", o.rho);
  require_nonnegative(rule, "lambda", o.lambda);
  require_lp_exponent(rule, o.p);
}

template <class S>
std::vector<Hyperparameter> sam_hyperparameters(const SamOptions<S>& o) {
  return {{"lr", ops::to_string(o.lr)},
          {"rho", ops::to_string(o.rho)},
          {"lambda", ops::to_string(o.lambda)},
          {"p", o.p.to_string()}};
}

template <class S>
class Sam : public Optimizer<S> {
 public:
  explicit Sam(const SamOptions<S>& o = {}) : o_(o) {
    require_sam_options("sam", o_);
    c_ = {o_.lr, S(2) * o_.lambda};
  }

  std::string name() const override { return "sam"; }
  std::vector<Hyperparameter> hyperparameters() const override { return sam_hyperparameters(o_); }
  const SamOptions<S>& options() const { return o_; }

  StepReport<S> step(Oracle<S>& f, Vector<S>& x) override {
    const Vector<S> g = f.gradient(x);
    if (!all_finite(g)) {
      return sam_detail::refuse<S>(StepStatus::refused_non_finite_gradient, "sam", "the gradient is not finite");
    }
    Vector<S> eps;
    try {
      eps = lp_ball_maximiser(g, o_.rho, o_.p);
    } catch (const std::domain_error& e) {  // e.g. an irrational norm in exact arithmetic
      return sam_detail::refuse<S>(StepStatus::refused_undefined, "sam", e.what());
    }
    return sam_detail::descend<S>("sam", x, g, eps, c_, x1_, [&f](const Vector<S>& w) { return f.gradient(w); });
  }
  void reset() override {}

 private:
  SamOptions<S> o_;
  sam_detail::DescentConstants<S> c_;
  Vector<S> x1_;  // scratch (double buffer)
};

}  // namespace ov::optim
