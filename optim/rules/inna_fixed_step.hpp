// Deterministic fixed-step INNA (002_dc929347c6f8ce02.txt §3.4, eq (3.19)):
//
//   theta_{k+1} = theta_k + gamma [ -(alpha - 1/beta) theta_k - (1/beta) psi_k - beta grad J(theta_k) ]
//   psi_{k+1}   = psi_k   + gamma [ -(alpha - 1/beta) theta_k - (1/beta) psi_k ]
//
// i.e. Algorithm 1 (optim/rules/inna.hpp) with a constant step gamma and the full
// gradient. On a deterministic Oracle the gradient IS grad J; on a stochastic oracle
// this rule is constant-step stochastic INNA (2.13) (the Ch. 3 theory is deterministic).
// psi_0: the thesis's gradient-direction choice by default, as the Ch. 3 toy code
// (camcastera/INNAavoidsSaddles; anchors-optimizers.md §2.3).
//
// Also here, the closed forms of Ch. 3 that the step size of (3.19) is judged by:
//   - the 2x2 Jacobian block of (3.23) for a Hessian eigenvalue lambda: trace
//     2 - gamma (alpha + beta lambda), determinant 1 - gamma (alpha + beta lambda) + gamma^2 lambda
//     (characteristic polynomial (3.25), determinant (3.39));
//   - the step bound (3.20) of Theorem 3.9,
//       0 < gamma < min( beta/2 + alpha/(2L) - sqrt((alpha + beta L)^2 - 4L)/(2L), beta ),
//     written in the algebraically equal, cancellation-free form
//       2 / ( (alpha + beta L) + sqrt((alpha + beta L)^2 - 4L) )
//     (guide §4.5 item 5 [DERIVED]: the root gamma_- of det M at lambda = L). ERRATUM (guide
//     §4.6 item 2): for alpha beta < 1 and L in (x_-, x_+) the radicand is negative and (3.20)
//     is undefined (e.g. the default (1/2, 1/10) with L = 10); the proof's case analysis
//     shows gamma < beta suffices there, so the bound returned is beta in that case.
#pragma once

#include <string>

#include "optim/rules/inna.hpp"

namespace ov::optim {

template <class S>
struct InnaFixedStepOptions {
  S alpha = ops::ratio<S>(1, 2);  // 002 L1492
  S beta = ops::ratio<S>(1, 10);  // 002 L1492
  // No document default: the Ch. 3 toy runs use 1/100 and 1/50 (guide §4.5 items 3-4).
  S gamma = ops::ratio<S>(1, 100);
  Psi0 psi0 = Psi0::thesis;
};

template <class S>
InnaOptions<S> inna_fixed_step_options(const InnaFixedStepOptions<S>& o) {
  InnaOptions<S> r;
  r.alpha = o.alpha;
  r.beta = o.beta;
  r.lr = o.gamma;
  r.decay_power = S(0);
  r.psi0 = o.psi0;
  return r;
}

template <class S>
class InnaFixedStep : public Inna<S> {
 public:
  explicit InnaFixedStep(const InnaFixedStepOptions<S>& o = {})
      : Inna<S>((require_positive("inna_fixed_step", "gamma", o.gamma), inna_fixed_step_options(o)),
                "inna_fixed_step") {}
  std::vector<Hyperparameter> hyperparameters() const override {
    const auto& o = this->options();
    return {{"alpha", ops::to_string(o.alpha)},
            {"beta", ops::to_string(o.beta)},
            {"gamma", ops::to_string(o.lr)},
            {"psi0", to_string(o.psi0)}};
  }
};

// Trace and determinant of the block M_p of (3.23) for the Hessian eigenvalue lambda.
template <class S>
S inna_block_trace(const S& alpha, const S& beta, const S& gamma, const S& lambda) {
  return S(2) - gamma * (alpha + beta * lambda);
}
template <class S>
S inna_block_determinant(const S& alpha, const S& beta, const S& gamma, const S& lambda) {
  return S(1) - gamma * (alpha + beta * lambda) + gamma * gamma * lambda;
}

// The supremum of admissible gamma in (3.20) (with the erratum's beta fallback).
// Requires alpha > 0, beta > 0, L > 0 (Theorem 3.9, Assumption 3.2).
template <class S>
S inna_step_bound(const S& alpha, const S& beta, const S& L) {
  require_positive("inna_step_bound", "alpha", alpha);
  require_positive("inna_step_bound", "beta", beta);
  require_positive("inna_step_bound", "L", L);
  const S s = alpha + beta * L;
  const S radicand = s * s - S(4) * L;
  if (radicand < S(0)) return beta;
  return ops::min(S(S(2) / (s + ops::sqrt(radicand))), beta);
}

}  // namespace ov::optim
