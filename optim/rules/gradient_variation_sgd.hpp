// The heuristic "gradient variation" (GV) step-size SGD methods of Castera's thesis
// (002_dc929347c6f8ce02.txt §4.3.3 and Appendix 4.9, Algorithms 4 and 5, L2648-L2710),
// used only in Fig. 4.3 to motivate Step-Tuned SGD (optim/rules/step_tuned_sgd.hpp).
// One gradient step per mini-batch:
//
//   theta_1 = theta_0 - alpha gamma_0 grad J_{B_0}(theta_0),  gamma_0 = 1
//   for k >= 1:  dtheta_k = theta_k - theta_{k-1}
//                Algorithm 4 (GvEstimate::stochastic, "Stochastic-GV"):
//                    dg_k = grad J_{B_k}(theta_k) - grad J_{B_{k-1}}(theta_{k-1})   (different batches)
//                Algorithm 5 (GvEstimate::exact, "Exact-GV"):
//                    dg_k = grad J(theta_k) - grad J(theta_{k-1})                   (full gradients)
//                gamma_k = ||dtheta_k||^2 / <dg_k, dtheta_k> if <dg_k, dtheta_k> > 0, else nu
//                gamma_k = min(max(gamma_k, m), M)
//                theta_{k+1} = theta_k - alpha / (k+1)^(1/2+delta) gamma_k grad J_{B_k}(theta_k)
//
// Typo in the document (guide §3.3, §4.6 item 9): the `if` tests write dtheta_{B_k}, which these
// algorithms do not define; dtheta_k (as in the numerator and denominator) is used.
// Algorithm 6 (Expected-GV) needs E[Hess J_A grad J_A] over the batch distribution (Hessian-vector
// products), which the Objective interface does not provide: not implemented.
// Defaults: the thesis gives none for Algorithms 4-5; we use footnote 2's values for Algorithm 3
// (L2348): nu = 2, m = 1/2, M = 2, delta = 1/1000; alpha = 1/10 (ours). Decay per iteration, or
// per epoch (q = 1-based epoch) as in the Ch. 4 experiments (L2395), as for Step-Tuned SGD.
// Exact-GV on a stochastic oracle evaluates the full gradient (Oracle::full_gradient, counted
// apart); on a deterministic oracle both algorithms are the same method.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "optim/core/hyperparameter.hpp"
#include "optim/core/optimizer.hpp"
#include "optim/core/reductions.hpp"
#include "optim/rules/inna.hpp"            // inna_detail::power_of_count
#include "optim/rules/step_tuned_sgd.hpp"  // StepTunedDecay

namespace ov::optim {

enum class GvEstimate { stochastic, exact };

inline const char* to_string(GvEstimate e) { return e == GvEstimate::stochastic ? "stochastic" : "exact"; }

template <class S>
struct GradientVariationSgdOptions {
  GvEstimate estimate = GvEstimate::exact;
  S lr = ops::ratio<S>(1, 10);
  S nu = S(2);
  S m = ops::ratio<S>(1, 2);
  S M = S(2);
  S delta = ops::ratio<S>(1, 1000);
  StepTunedDecay decay = StepTunedDecay::per_iteration;
};

template <class S>
struct GradientVariationSgdState {
  Vector<S> prev_x, prev_g;  // theta_{k-1} and its gradient (batch or full, per the estimate)
  S gamma = S(1);            // gamma_k used at the last step
  long k = 0;
};

template <class S>
class GradientVariationSgd : public Optimizer<S> {
 public:
  explicit GradientVariationSgd(const GradientVariationSgdOptions<S>& o = {}) : o_(o) {
    const std::string r = name();
    require_positive(r, "lr", o.lr);
    require_positive(r, "nu", o.nu);
    require_positive(r, "m", o.m);
    require(ops::is_finite(o.M) && o.M > S(0) && o.M >= o.m, r, "M", o.M, "[m, inf) with m = " + ops::to_string(o.m));
    require(ops::is_finite(o.delta) && o.delta > S(0) && o.delta < ops::ratio<S>(1, 2), r, "delta", o.delta,
            "(0, 1/2)");
  }
  std::string name() const override {
    return o_.estimate == GvEstimate::stochastic ? "stochastic_gv_sgd" : "exact_gv_sgd";
  }
  std::vector<Hyperparameter> hyperparameters() const override {
    return {{"lr", ops::to_string(o_.lr)}, {"nu", ops::to_string(o_.nu)},       {"m", ops::to_string(o_.m)},
            {"M", ops::to_string(o_.M)},   {"delta", ops::to_string(o_.delta)}, {"decay", to_string(o_.decay)}};
  }
  const GradientVariationSgdState<S>& state() const { return st_; }

  StepReport<S> step(Oracle<S>& f, Vector<S>& x) override {
    const std::string r = name();
    const long k = st_.k;
    const long q = o_.decay == StepTunedDecay::per_epoch && f.stochastic()
                       ? static_cast<long>(f.epoch()) + (f.epoch_ended() ? 0 : 1)
                       : k + 1;
    const std::optional<S> decay = inna_detail::power_of_count<S>(q, S(ops::ratio<S>(1, 2) + o_.delta));
    if (!decay) {
      return StepReport<S>::refuse(StepStatus::refused_undefined,
                                   r + ": " + std::to_string(q) + "^(1/2+delta) has no value in this scalar type");
    }
    const Vector<S> g = f.gradient(x);
    if (!all_finite(g)) return refuse(StepStatus::refused_non_finite_gradient, r + ": the gradient is not finite");
    Vector<S> g_var = g;  // the gradient entering the GV estimate
    if (o_.estimate == GvEstimate::exact && f.stochastic()) {
      g_var = f.full_gradient(x);
      if (!all_finite(g_var)) {
        return refuse(StepStatus::refused_non_finite_gradient, r + ": the full gradient is not finite");
      }
    }
    S gamma(1);
    if (k > 0) {
      const Vector<S> dtheta = x - st_.prev_x;
      const Vector<S> dg = g_var - st_.prev_g;
      const S s = dot(dg, dtheta);
      gamma = s > S(0) ? S(squared_norm(dtheta) / s) : o_.nu;
      gamma = ops::min(ops::max(gamma, o_.m), o_.M);
    }
    StepReport<S> rep;
    rep.step_size = o_.lr * gamma / *decay;
    bool zero = true;
    for (Eigen::Index i = 0; i < g.size(); ++i) zero = zero && g[i] == S(0);
    if (zero) {
      rep.status = StepStatus::stationary;
      rep.message = "zero mini-batch gradient: nothing changes";
      return rep;
    }
    Vector<S> x1 = x - *rep.step_size * g;
    if (!all_finite(x1) || !ops::is_finite(gamma)) {
      return refuse(StepStatus::refused_non_finite_update, r + ": the proposed update is not finite");
    }
    st_.prev_x = x;
    st_.prev_g = std::move(g_var);
    st_.gamma = gamma;
    ++st_.k;
    x.swap(x1);
    return rep;
  }
  void reset() override { st_ = GradientVariationSgdState<S>{}; }

 private:
  static StepReport<S> refuse(StepStatus s, const std::string& why) {
    return StepReport<S>::refuse(s, why + "; theta and the state are unchanged");
  }
  GradientVariationSgdOptions<S> o_;
  GradientVariationSgdState<S> st_;
};

}  // namespace ov::optim
