// Step-Tuned SGD (Castera's thesis, 002_dc929347c6f8ce02.txt §4.3.2, Algorithm 3,
// L2222-L2243), one call of step() = one outer iteration k (two SGD steps on ONE batch):
//
//   eta_k        = alpha gamma_k / (k+1)^(1/2+delta)                 (notation of L2530)
//   theta_{k+1/2} = theta_k       - eta_k grad J_{B_k}(theta_k)
//   theta_{k+1}   = theta_{k+1/2} - eta_k grad J_{B_k}(theta_{k+1/2})  (SAME batch)
//   dtheta = theta_{k+1/2} - theta_k ;  dg = grad J_{B_k}(theta_{k+1/2}) - grad J_{B_k}(theta_k)
//   G_k   = beta G_{k-1} + (1 - beta) dg                             (4.15), G_{-1} = 0
//   Ghat  = G_k / (1 - beta^(k+1))                                   (bias correction)
//   gamma_{k+1} = ||dtheta||^2 / <Ghat, dtheta>  if <Ghat, dtheta> > 0, else nu
//   gamma_{k+1} = min(max(gamma_{k+1}, m), M)                        (line 17)
//   gamma_0 = 1.
//
// The mini-batch gradient is the MEAN over the batch ((4.9); core/objective.hpp); the
// driver draws B_k (Oracle::next_batch) before the step and the rule evaluates twice on it.
//
// Decay (`decay`):
//   StepTunedDecay::per_iteration  (k+1)^(1/2+delta), as in Algorithm 3 (default);
//   StepTunedDecay::per_epoch      q^(1/2+delta), q = the 1-based index of the epoch the
//                                  current batch belongs to, as run in the experiments
//                                  (002 L2395: "we apply the decay at each epoch instead of
//                                  each iteration"; the thesis does not say whether q starts
//                                  at 0 or 1: it must be 1, guide §3.3). On a deterministic
//                                  oracle every iteration is an epoch (q = k+1).
// The bias-correction exponent is always k+1 (the iteration), as in line 11.
//
// Defaults (002 footnote 2, L2348): (nu, beta, m, M, delta) = (2, 0.9, 0.5, 2, 0.001). alpha has
// no document default ("only alpha has to be carefully tuned", L2338; grid {1e-4, ..., 1}, §4.5):
// lr = 1/10 is our choice. Ranges: alpha > 0, nu > 0, m > 0, M > 0 (line 1-2), m <= M (ours:
// with m > M the clip returns M always), delta in (0, 1/2) (line 2), beta in [0, 1): the
// document writes [0, 1], but beta = 1 gives G_k = 0 and Ghat = 0/0 at line 11 (erratum, ours).
// The theory needs M >= nu (the proof sets M = max(M, nu), L2592); not enforced.
//
// Exact scalars: (k+1)^(1/2+delta) is irrational for k+1 > 1, so in rational arithmetic only
// the steps with decay factor 1 (k = 0, or epoch 1 with per_epoch decay) have a value; the
// others are refused (refused_undefined) with nothing changed.
// Refusal: a non-finite gradient (either evaluation), update, EMA or gamma leaves theta,
// G, gamma and k unchanged. Stationary: the first gradient is exactly zero (nothing changes).
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "optim/core/hyperparameter.hpp"
#include "optim/core/optimizer.hpp"
#include "optim/core/reductions.hpp"
#include "optim/rules/inna.hpp"  // inna_detail::power_of_count

namespace ov::optim {

enum class StepTunedDecay { per_iteration, per_epoch };

inline const char* to_string(StepTunedDecay d) {
  return d == StepTunedDecay::per_iteration ? "per_iteration" : "per_epoch";
}

template <class S>
struct StepTunedSgdOptions {
  S lr = ops::ratio<S>(1, 10);        // alpha (no document default)
  S nu = S(2);                        // 002 L2348
  S beta = ops::ratio<S>(9, 10);      // 002 L2348
  S m = ops::ratio<S>(1, 2);          // m tilde, 002 L2348
  S M = S(2);                         // M tilde, 002 L2348
  S delta = ops::ratio<S>(1, 1000);   // 002 L2348
  StepTunedDecay decay = StepTunedDecay::per_iteration;
};

// What decided gamma_{k+1} at the last step (diagnostics, guide §9 item 7).
enum class StepTunedBranch { none, curvature, concave_nu };

template <class S>
struct StepTunedState {
  Vector<S> G;          // G_{k-1} (empty = 0_P)
  S gamma = S(1);       // gamma_k, gamma_0 = 1
  long k = 0;           // outer iterations taken
  StepTunedBranch last_branch = StepTunedBranch::none;
  bool last_clipped = false;
};

template <class S>
class StepTunedSgd : public Optimizer<S> {
 public:
  explicit StepTunedSgd(const StepTunedSgdOptions<S>& o = {}) : o_(o) {
    const std::string r = "step_tuned_sgd";
    require_positive(r, "lr", o.lr);
    require_positive(r, "nu", o.nu);
    require_half_open_unit(r, "beta", o.beta);
    require_positive(r, "m", o.m);
    require(ops::is_finite(o.M) && o.M > S(0) && o.M >= o.m, r, "M", o.M, "[m, inf) with m = " + ops::to_string(o.m));
    require(ops::is_finite(o.delta) && o.delta > S(0) && o.delta < ops::ratio<S>(1, 2), r, "delta", o.delta,
            "(0, 1/2)");
  }

  std::string name() const override { return "step_tuned_sgd"; }
  std::vector<Hyperparameter> hyperparameters() const override {
    return {{"lr", ops::to_string(o_.lr)},       {"nu", ops::to_string(o_.nu)}, {"beta", ops::to_string(o_.beta)},
            {"m", ops::to_string(o_.m)},         {"M", ops::to_string(o_.M)},   {"delta", ops::to_string(o_.delta)},
            {"decay", to_string(o_.decay)}};
  }
  const StepTunedSgdOptions<S>& options() const { return o_; }
  const StepTunedState<S>& state() const { return st_; }
  void set_state(StepTunedState<S> s) { st_ = std::move(s); }

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
    const Vector<S> g0 = f.gradient(x);
    if (!all_finite(g0)) return refuse_gradient(r);
    StepReport<S> rep;
    const S eta = o_.lr * st_.gamma / *decay;
    rep.step_size = eta;
    if (is_zero(g0)) {
      rep.status = StepStatus::stationary;
      rep.message = "zero mini-batch gradient: nothing changes";
      return rep;
    }
    const Vector<S> x_half = x - eta * g0;
    if (!all_finite(x_half)) return refuse_update(r);
    const Vector<S> g1 = f.gradient(x_half);
    if (!all_finite(g1)) return refuse_gradient(r);
    Vector<S> x1 = x_half - eta * g1;
    const Vector<S> dtheta = x_half - x;
    const Vector<S> dg = g1 - g0;
    Vector<S> G = st_.G.size() == x.size() ? Vector<S>(o_.beta * st_.G) : Vector<S>(Vector<S>::Zero(x.size()));
    G += (S(1) - o_.beta) * dg;
    const Vector<S> G_hat = G / bias_denominator(k);
    const S s = dot(G_hat, dtheta);
    StepTunedBranch branch;
    S gamma;
    if (s > S(0)) {
      gamma = squared_norm(dtheta) / s;
      branch = StepTunedBranch::curvature;
    } else {
      gamma = o_.nu;
      branch = StepTunedBranch::concave_nu;
    }
    const S clipped = clip(gamma);
    if (!all_finite(x1) || !all_finite(G) || !ops::is_finite(clipped)) return refuse_update(r);
    x.swap(x1);
    st_.G.swap(G);
    st_.gamma = clipped;
    st_.last_branch = branch;
    st_.last_clipped = !(clipped == gamma);
    ++st_.k;
    return rep;
  }
  void reset() override { st_ = StepTunedState<S>{}; }

 protected:
  // 1 - beta^(k+1) (line 11). Virtual only so tests can build mutants.
  virtual S bias_denominator(long k) const { return S(1) - ops::pow_int(o_.beta, k + 1); }
  // min(max(gamma, m), M) (line 17).
  virtual S clip(const S& gamma) const { return ops::min(ops::max(gamma, o_.m), o_.M); }

 private:
  static bool is_zero(const Vector<S>& v) {
    for (Eigen::Index i = 0; i < v.size(); ++i)
      if (!(v[i] == S(0))) return false;
    return true;
  }
  static StepReport<S> refuse_gradient(const std::string& r) {
    return StepReport<S>::refuse(StepStatus::refused_non_finite_gradient,
                                 r + ": a gradient is not finite; theta, G, gamma and k are unchanged");
  }
  static StepReport<S> refuse_update(const std::string& r) {
    return StepReport<S>::refuse(StepStatus::refused_non_finite_update,
                                 r + ": the proposed update is not finite; theta, G, gamma and k are unchanged");
  }
  StepTunedSgdOptions<S> o_;
  StepTunedState<S> st_;
};

}  // namespace ov::optim
