// The heuristic "gradient variation" (GV) step-size SGD methods of Castera's thesis
// (002_dc929347c6f8ce02.txt §4.3.3 and Appendix 4.9, Algorithms 4, 5 and 6, L2648-L2740),
// used only in Fig. 4.3 to motivate Step-Tuned SGD (optim/rules/step_tuned_sgd.hpp).
// One gradient step per mini-batch:
//
//   theta_1 = theta_0 - alpha gamma_0 grad J_{B_0}(theta_0),  gamma_0 = 1
//   for k >= 1:  dtheta_k = theta_k - theta_{k-1}
//                Algorithm 4 (GvEstimate::stochastic, "Stochastic-GV"):
//                    dg_k = grad J_{B_k}(theta_k) - grad J_{B_{k-1}}(theta_{k-1})   (different batches)
//                Algorithm 5 (GvEstimate::exact, "Exact-GV"):
//                    dg_k = grad J(theta_k) - grad J(theta_{k-1})                   (full gradients)
//                Algorithm 6 (GvEstimate::expected, "Expected-GV"):
//                    dg_k = G_k = -s_{k-1} E[C_{J_A}(theta_{k-1})],  C_{J_B} = Hess J_B grad J_B (4.12)
//                gamma_k = ||dtheta_k||^2 / <dg_k, dtheta_k> if <dg_k, dtheta_k> > 0, else nu
//                gamma_k = min(max(gamma_k, m), M)
//                theta_{k+1} = theta_k - s_k grad J_{B_k}(theta_k),  s_k = alpha / (k+1)^(1/2+delta) gamma_k
//
// Typo in the document (guide §3.3, §4.6 item 9): the `if` tests write dtheta_{B_k}, which these
// algorithms do not define; dtheta_k (as in the numerator and denominator) is used.
// Algorithm 6 prints the factor of G_k as alpha / (k-1)^(1/2+delta) gamma_{k-1}, which divides by
// zero at k = 1. Read (default, ExpectedGvScale::previous_step) as the step factor s_{k-1} that
// produced dtheta_k = -s_{k-1} grad J_{B_{k-1}}(theta_{k-1}): with it Algorithm 6's gamma_k equals the
// text's (Expected-GV) step ||dtheta_k|| ||grad J_{B_{k-1}}(theta_{k-1})|| / <-E[C], dtheta_k> (L2324),
// as L2650 says it should ("written differently to avoid storing an additional gradient
// estimate"). ExpectedGvScale::printed applies the printed factor and is refused at k = 1.
// E[C_{J_A}] is computed exactly (optim/components/expected_curvature.hpp) for A uniform over the
// subsets of the sampler's batch size (the thesis's A, §4.3.2) or drawn with replacement; it needs
// Hessian-vector products from the objective (every problem of the library provides them).
// Defaults: the thesis gives none for Algorithms 4-6; we use footnote 2's values for Algorithm 3
// (L2348): nu = 2, m = 1/2, M = 2, delta = 1/1000; alpha = 1/10 (ours). Decay per iteration, or
// per epoch (q = 1-based epoch) as in the Ch. 4 experiments (L2395), as for Step-Tuned SGD.
// Exact-GV on a stochastic oracle evaluates the full gradient (Oracle::full_gradient, counted
// apart); on a deterministic oracle Algorithms 4 and 5 are the same method.
#pragma once

#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "optim/components/expected_curvature.hpp"
#include "optim/core/hyperparameter.hpp"
#include "optim/core/optimizer.hpp"
#include "optim/core/reductions.hpp"
#include "optim/rules/inna.hpp"            // inna_detail::power_of_count
#include "optim/rules/step_tuned_sgd.hpp"  // StepTunedDecay

namespace ov::optim {

enum class GvEstimate { stochastic, exact, expected };

inline const char* to_string(GvEstimate e) {
  switch (e) {
    case GvEstimate::stochastic: return "stochastic";
    case GvEstimate::exact: return "exact";
    case GvEstimate::expected: return "expected";
  }
  return "?";
}

// The factor of G_k in Algorithm 6 (see the header comment).
enum class ExpectedGvScale { previous_step, printed };

inline const char* to_string(ExpectedGvScale s) { return s == ExpectedGvScale::previous_step ? "previous_step" : "printed"; }

template <class S>
struct GradientVariationSgdOptions {
  GvEstimate estimate = GvEstimate::exact;
  S lr = ops::ratio<S>(1, 10);
  S nu = S(2);
  S m = ops::ratio<S>(1, 2);
  S M = S(2);
  S delta = ops::ratio<S>(1, 1000);
  StepTunedDecay decay = StepTunedDecay::per_iteration;
  BatchLaw batch_law = BatchLaw::uniform_subset;             // Algorithm 6 only
  ExpectedGvScale scale = ExpectedGvScale::previous_step;    // Algorithm 6 only
};

template <class S>
struct GradientVariationSgdState {
  Vector<S> prev_x;
  Vector<S> prev_g;  // Algorithms 4-5: the gradient at theta_{k-1} (batch or full, per the estimate);
                     // Algorithm 6: E[C_{J_A}(theta_{k-1})]
  S prev_step = S(0);  // s_{k-1}, the step factor of the last step
  S gamma = S(1);      // gamma_k used at the last step
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
  std::string name() const override { return std::string(to_string(o_.estimate)) + "_gv_sgd"; }
  std::vector<Hyperparameter> hyperparameters() const override {
    std::vector<Hyperparameter> h{{"lr", ops::to_string(o_.lr)}, {"nu", ops::to_string(o_.nu)},
                                  {"m", ops::to_string(o_.m)},   {"M", ops::to_string(o_.M)},
                                  {"delta", ops::to_string(o_.delta)}, {"decay", to_string(o_.decay)}};
    if (o_.estimate == GvEstimate::expected) {
      h.push_back({"batch_law", to_string(o_.batch_law)});
      h.push_back({"scale", to_string(o_.scale)});
    }
    return h;
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
    // The quantity at theta_k from which gradient variations are built: the batch or full gradient
    // (Algorithms 4-5, needed now), or E[C_{J_A}(theta_k)] (Algorithm 6, needed at the next step
    // only: computed below, after the checks, so that a refusal costs nothing more).
    std::optional<Vector<S>> here;
    if (o_.estimate != GvEstimate::expected) {
      here = gv_gradient(f, x, g);
      if (!all_finite(*here)) return refuse(StepStatus::refused_non_finite_gradient, r + ": the full gradient is not finite");
    }
    S gamma(1);
    if (k > 0) {
      const Vector<S> dtheta = x - st_.prev_x;
      Vector<S> dg;
      if (o_.estimate == GvEstimate::expected) {
        S factor = st_.prev_step;
        if (o_.scale == ExpectedGvScale::printed) {
          if (k == 1) {
            return refuse(StepStatus::refused_undefined,
                          r + ": Algorithm 6 as printed divides by (k-1)^(1/2+delta) = 0 at k = 1 (use scale=previous_step)");
          }
          const std::optional<S> d = inna_detail::power_of_count<S>(k - 1, S(ops::ratio<S>(1, 2) + o_.delta));
          if (!d) return refuse(StepStatus::refused_undefined, r + ": (k-1)^(1/2+delta) has no value in this scalar type");
          factor = o_.lr * st_.gamma / *d;
        }
        dg = -factor * st_.prev_g;
      } else {
        dg = *here - st_.prev_g;
      }
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
    if (!here) {
      here = gv_gradient(f, x, g);
      if (!all_finite(*here)) return refuse(StepStatus::refused_non_finite_gradient, r + ": E[Hess J_A grad J_A] is not finite");
    }
    st_.prev_x = x;
    st_.prev_g = std::move(*here);
    st_.prev_step = *rep.step_size;
    st_.gamma = gamma;
    ++st_.k;
    x.swap(x1);
    return rep;
  }
  void reset() override { st_ = GradientVariationSgdState<S>{}; }

 private:
  // The quantity at theta = x that the next step's gradient variation is built from.
  Vector<S> gv_gradient(Oracle<S>& f, const Vector<S>& x, const Vector<S>& g) const {
    switch (o_.estimate) {
      case GvEstimate::stochastic: return g;
      case GvEstimate::exact: return f.stochastic() ? f.full_gradient(x) : g;
      case GvEstimate::expected:
        if (!f.provides_hessian_vector()) {
          throw std::invalid_argument(name() + " needs Hessian-vector products, which this objective does not provide");
        }
        return expected_curvature(f, x, o_.batch_law, f.stochastic() ? nullptr : &g);
    }
    return g;
  }
  static StepReport<S> refuse(StepStatus s, const std::string& why) {
    return StepReport<S>::refuse(s, why + "; theta and the state are unchanged");
  }
  GradientVariationSgdOptions<S> o_;
  GradientVariationSgdState<S> st_;
};

}  // namespace ov::optim
