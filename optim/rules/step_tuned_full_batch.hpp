// The full-batch preliminary algorithm of Step-Tuned SGD (Castera's thesis,
// 002_dc929347c6f8ce02.txt §4.3.1, Algorithm 2, L2173-L2195), a non-convex
// Barzilai-Borwein method scaled by alpha:
//
//   theta_1 = theta_0 - alpha grad J(theta_0)
//   for k >= 1:  dg_k = grad J(theta_k) - grad J(theta_{k-1});  dtheta_k = theta_k - theta_{k-1}
//                gamma_k = ||dtheta_k||^2 / <dg_k, dtheta_k>  if <dg_k, dtheta_k> > 0, else nu   (4.8)
//                theta_{k+1} = theta_k - alpha gamma_k grad J(theta_k)
//
// No clipping, no decay, no line search (alpha replaces it, L2199). The gradient is the
// full one: grad J on a deterministic oracle, Oracle::full_gradient on a stochastic one.
// Defaults: nu = 2 (the value of footnote 2, L2348, given for Algorithm 3; Algorithm 2 has
// none); alpha = 1/10 (ours; the document gives none). Ranges: alpha > 0, nu > 0 (line 1).
// Refusal: a non-finite gradient or update leaves theta and the stored previous point
// unchanged. Stationary: grad J(theta_k) = 0 exactly.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "optim/core/hyperparameter.hpp"
#include "optim/core/optimizer.hpp"
#include "optim/core/reductions.hpp"

namespace ov::optim {

template <class S>
struct StepTunedFullBatchOptions {
  S lr = ops::ratio<S>(1, 10);  // alpha (no document default)
  S nu = S(2);                  // as footnote 2 (L2348) for Algorithm 3
};

template <class S>
struct StepTunedFullBatchState {
  Vector<S> prev_x, prev_g;  // theta_{k-1}, grad J(theta_{k-1}); empty before the first step
  S gamma = S(1);            // gamma_{k} used at the last step (gamma_0 = 1: theta_1 = theta_0 - alpha g_0)
  long k = 0;
};

template <class S>
class StepTunedFullBatch : public Optimizer<S> {
 public:
  explicit StepTunedFullBatch(const StepTunedFullBatchOptions<S>& o = {}) : o_(o) {
    require_positive("step_tuned_full_batch", "lr", o.lr);
    require_positive("step_tuned_full_batch", "nu", o.nu);
  }
  std::string name() const override { return "step_tuned_full_batch"; }
  std::vector<Hyperparameter> hyperparameters() const override {
    return {{"lr", ops::to_string(o_.lr)}, {"nu", ops::to_string(o_.nu)}};
  }
  const StepTunedFullBatchState<S>& state() const { return st_; }

  StepReport<S> step(Oracle<S>& f, Vector<S>& x) override {
    const Vector<S> g = f.stochastic() ? f.full_gradient(x) : f.gradient(x);
    if (!all_finite(g)) {
      return StepReport<S>::refuse(StepStatus::refused_non_finite_gradient,
                                   "step_tuned_full_batch: the gradient is not finite; nothing changed");
    }
    S gamma(1);
    if (st_.k > 0) {
      const Vector<S> dtheta = x - st_.prev_x;
      const Vector<S> dg = g - st_.prev_g;
      const S s = dot(dg, dtheta);
      gamma = s > S(0) ? S(squared_norm(dtheta) / s) : o_.nu;
    }
    StepReport<S> rep;
    rep.step_size = o_.lr * gamma;
    bool zero = true;
    for (Eigen::Index i = 0; i < g.size(); ++i) zero = zero && g[i] == S(0);
    if (zero) {
      rep.status = StepStatus::stationary;
      rep.message = "zero gradient: x is a critical point";
      return rep;
    }
    Vector<S> x1 = x - *rep.step_size * g;
    if (!all_finite(x1) || !ops::is_finite(gamma)) {
      return StepReport<S>::refuse(StepStatus::refused_non_finite_update,
                                   "step_tuned_full_batch: the proposed update is not finite; nothing changed");
    }
    st_.prev_x = x;
    st_.prev_g = g;
    st_.gamma = gamma;
    ++st_.k;
    x.swap(x1);
    return rep;
  }
  void reset() override { st_ = StepTunedFullBatchState<S>{}; }

 private:
  StepTunedFullBatchOptions<S> o_;
  StepTunedFullBatchState<S> st_;
};

}  // namespace ov::optim
