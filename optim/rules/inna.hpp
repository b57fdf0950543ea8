// INNA, the Inertial Newton Algorithm (Castera's thesis, 002_dc929347c6f8ce02.txt,
// §2.3, eq (2.13) = Algorithm 1, L1090-L1104):
//
//   v_k     = gradient of J on the mini-batch B_k at theta_k  (the oracle's current batch)
//   theta_{k+1} = theta_k + gamma_k [ (1/beta - alpha) theta_k - (1/beta) psi_k - beta v_k ]
//   psi_{k+1}   = psi_k   + gamma_k [ (1/beta - alpha) theta_k - (1/beta) psi_k ]
//
// Both updates use the OLD (theta_k, psi_k) (explicit Euler on (2.6)/(2.12)). The
// Hessian never appears; the cost is one gradient per iteration and one extra vector
// psi (seed-002-castera-thesis.md §3.2).
//
// Initialisation of psi (chosen by `psi0`):
//   Psi0::thesis       psi_0 = (1 - alpha beta) theta_0 - (beta^2 - beta) grad J(theta_0)
//                      (002 §2.6.2.1, L1481: "the initial velocity is in the direction of
//                      -grad J(theta_0)"). With v_0 = that same gradient, the bracket of the
//                      theta-update is -v_0, so theta_1 = theta_0 - gamma_0 v_0: the first
//                      INNA step IS a gradient step (guide §3.2 [DERIVED]; tested exactly in
//                      rational). The thesis does not say whether grad J(theta_0) is the full
//                      or the mini-batch gradient; we use v_0, the gradient on the first
//                      batch (so the first step is exactly an SGD step and costs nothing
//                      extra), or the full gradient with `psi0_full_gradient = true`.
//   Psi0::public_code  psi_0 = (1 - alpha beta) theta_0 (camcastera/INNA-for-DeepLearning,
//                      INNA_for_pytorch/inna.py; anchors-optimizers.md §2.2): the first step
//                      is then theta_1 = theta_0 - gamma_0 beta v_0.
//
// Step sizes gamma_k: either a user callable `schedule(k)` (k = 0, 1, ...), or the
// built-in gamma_k = lr / (k+1)^decay_power (the public code's `decaypower`; the thesis's
// Ch. 2 experiments use decay_power = 1/2, L1483, and Fig. 2.4 also 1/4). Defaults:
// alpha = 1/2, beta = 1/10 (002 L1492, "a good default choice"; Remark 4.5); lr = 1/10
// and decay_power = 0 are the public PyTorch code's defaults (the thesis tunes gamma_0 by
// grid search and gives no value). Ranges: alpha >= 0, beta > 0 (Algorithm 1, line 2);
// lr > 0, decay_power >= 0 (decay_power in (0, 1] meets Assumption 2.1).
//
// Stationary: the gradient is exactly zero AND (theta, psi) did not move, i.e. a fixed
// point of (3.21): grad J(theta) = 0 and psi = (1 - alpha beta) theta (002 (2.16)/(3.22)).
// Refusal: a non-finite gradient, step size or update leaves theta, psi and k unchanged.
#pragma once

#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "optim/core/elementwise.hpp"
#include "optim/core/hyperparameter.hpp"
#include "optim/core/optimizer.hpp"
#include "optim/core/reductions.hpp"

namespace ov::optim {

namespace inna_detail {
using std::pow;
template <class S, class = void>
struct has_pow : std::false_type {};
template <class S>
struct has_pow<S, std::void_t<decltype(pow(std::declval<const S&>(), std::declval<const S&>()))>> : std::true_type {};
template <class S>
inline constexpr bool has_pow_v = has_pow<S>::value;

// (k+1)^p: exact (repeated squaring) when p is a small nonnegative integer, ops::pow
// otherwise; for scalars without pow (rationals) a non-integer power with k+1 > 1 has
// no value (nullopt), k+1 = 1 gives 1 exactly.
template <class S>
std::optional<S> power_of_count(long k_plus_1, const S& p) {
  if (k_plus_1 == 1) return S(1);
  for (long n = 0; n <= 8; ++n)
    if (p == S(n)) return ops::pow_int(S(k_plus_1), n);
  if constexpr (has_pow_v<S>) {
    return ops::pow(S(k_plus_1), p);
  } else {
    return std::nullopt;
  }
}
}  // namespace inna_detail

enum class Psi0 { thesis, public_code };

inline const char* to_string(Psi0 p) { return p == Psi0::thesis ? "thesis" : "public_code"; }
inline Psi0 psi0_from_string(const std::string& s) {
  if (s == "thesis") return Psi0::thesis;
  if (s == "public_code") return Psi0::public_code;
  throw std::invalid_argument("psi0 = '" + s + "' is not one of thesis, public_code");
}

template <class S>
struct InnaOptions {
  S alpha = ops::ratio<S>(1, 2);        // viscous damping, 002 L1492
  S beta = ops::ratio<S>(1, 10);        // Newton damping, 002 L1492
  S lr = ops::ratio<S>(1, 10);          // gamma_0 (public code default; the thesis tunes it)
  S decay_power = S(0);                 // gamma_k = lr / (k+1)^decay_power
  std::function<S(long)> schedule;      // if set: gamma_k = schedule(k), overrides lr/decay_power
  Psi0 psi0 = Psi0::thesis;
  bool psi0_full_gradient = false;      // thesis psi_0 with the full gradient instead of v_0
};

// The step's constants: a = 1/beta - alpha, 1/beta, beta and gamma_k.
template <class S>
struct InnaConstants {
  S a, inv_beta, beta, gamma;
};

// One coordinate of (2.13): t = a theta - psi/beta; theta1 = theta + gamma (t - beta v);
// psi1 = psi + gamma t.
struct InnaKernel {
  template <class T, class C>
  OV_HOST_DEVICE void operator()(const C& c, const T& theta, const T& psi, const T& v, T& theta1, T& psi1) const {
    const T t = c.a * theta - c.inv_beta * psi;
    theta1 = theta + c.gamma * (t - c.beta * v);
    psi1 = psi + c.gamma * t;
  }
};

// The constants of InnaThesisPsi0Kernel: 1 - alpha beta and beta^2 - beta.
template <class S>
struct InnaThesisPsi0Constants {
  S one_minus_ab, b2_minus_b;
};

// psi_0 of the thesis (002 L1481), one coordinate.
struct InnaThesisPsi0Kernel {
  template <class T, class C>
  OV_HOST_DEVICE void operator()(const C& c, const T& theta, const T& g, T& psi) const {
    psi = c.one_minus_ab * theta - c.b2_minus_b * g;
  }
};

template <class S>
struct InnaState {
  Vector<S> psi;  // empty: not initialised yet (the next step initialises it)
  long k = 0;     // iterations taken
};

// `Kernel` is the per-coordinate update; tests substitute a defective one (mutants).
template <class S, class Kernel = InnaKernel>
class BasicInna : public Optimizer<S> {
 public:
  explicit BasicInna(const InnaOptions<S>& o = {}, std::string name = "inna") : o_(o), name_(std::move(name)) {
    require_nonnegative(name_, "alpha", o.alpha);
    require_positive(name_, "beta", o.beta);
    if (!o.schedule) {
      require_positive(name_, "lr", o.lr);
      require_nonnegative(name_, "decay_power", o.decay_power);
    }
  }

  std::string name() const override { return name_; }
  std::vector<Hyperparameter> hyperparameters() const override {
    std::vector<Hyperparameter> h{{"alpha", ops::to_string(o_.alpha)}, {"beta", ops::to_string(o_.beta)}};
    if (o_.schedule) {
      h.push_back({"schedule", "custom"});
    } else {
      h.push_back({"lr", ops::to_string(o_.lr)});
      h.push_back({"decay_power", ops::to_string(o_.decay_power)});
    }
    h.push_back({"psi0", to_string(o_.psi0)});
    h.push_back({"psi0_full_gradient", o_.psi0_full_gradient ? "true" : "false"});
    return h;
  }
  const InnaOptions<S>& options() const { return o_; }
  const InnaState<S>& state() const { return st_; }
  // Sets (theta's companion) psi and the counter, e.g. to start at a chosen (theta, psi).
  void set_state(InnaState<S> s) { st_ = std::move(s); }

  // gamma_k (nullopt when it cannot be computed in S, e.g. (k+1)^(1/2) in rational).
  std::optional<S> step_size(long k) const { return step_size(o_, k); }

  // What one step needs, for the rule and for the LibTorch layer (gpu/optim/inna.hpp):
  // gamma_k of options o, the kernel's constants at step size gamma, the thesis psi_0's
  // constants and the public code's psi_0 = public_psi0_factor(o) * theta_0.
  static std::optional<S> step_size(const InnaOptions<S>& o, long k) {
    if (o.schedule) return o.schedule(k);
    const std::optional<S> d = inna_detail::power_of_count<S>(k + 1, o.decay_power);
    if (!d) return std::nullopt;
    return S(o.lr / *d);
  }
  static InnaConstants<S> constants(const InnaOptions<S>& o, const S& gamma) {
    return {S(S(1) / o.beta) - o.alpha, S(S(1) / o.beta), o.beta, gamma};
  }
  static InnaThesisPsi0Constants<S> thesis_psi0_constants(const InnaOptions<S>& o) {
    return {S(1) - o.alpha * o.beta, o.beta * o.beta - o.beta};
  }
  static S public_psi0_factor(const InnaOptions<S>& o) { return S(1) - o.alpha * o.beta; }

  StepReport<S> step(Oracle<S>& f, Vector<S>& x) override {
    const Vector<S> v = f.gradient(x);
    if (!all_finite(v)) {
      return StepReport<S>::refuse(StepStatus::refused_non_finite_gradient,
                                   name_ + ": the gradient is not finite; theta, psi and k are unchanged");
    }
    const std::optional<S> gamma = step_size(st_.k);
    if (!gamma) {
      return StepReport<S>::refuse(StepStatus::refused_undefined,
                                   name_ + ": gamma_k = lr/(k+1)^decay_power has no value in this scalar type");
    }
    if (!ops::is_finite(*gamma) || !(*gamma > S(0))) {
      return StepReport<S>::refuse(StepStatus::refused_non_finite_update,
                                   name_ + ": the step size gamma_" + std::to_string(st_.k) + " = " +
                                       ops::to_string(*gamma) + " is not finite and positive");
    }
    // psi_0 (only on the first step after construction/reset; kept local until commit).
    const Vector<S>* psi = &st_.psi;
    Vector<S> psi0;
    if (st_.psi.size() != x.size()) {
      if (o_.psi0 == Psi0::public_code) {
        psi0 = public_psi0_factor(o_) * x;
      } else {
        Vector<S> g0;
        if (o_.psi0_full_gradient) {
          g0 = f.full_gradient(x);
          if (!all_finite(g0)) {
            return StepReport<S>::refuse(StepStatus::refused_non_finite_gradient,
                                         name_ + ": the full gradient for psi_0 is not finite; nothing changed");
          }
        }
        const InnaThesisPsi0Constants<S> c0 = thesis_psi0_constants(o_);
        elementwise(InnaThesisPsi0Kernel{}, c0, in(x, o_.psi0_full_gradient ? g0 : v), out(psi0));
      }
      psi = &psi0;
    }
    const InnaConstants<S> c = constants(o_, *gamma);
    if (!elementwise(Kernel{}, c, in(x, *psi, v), out(x1_, psi1_))) {
      return StepReport<S>::refuse(StepStatus::refused_non_finite_update,
                                   name_ + ": the proposed update is not finite; theta, psi and k are unchanged");
    }
    StepReport<S> r;
    r.step_size = *gamma;
    if (is_zero(v) && x1_ == x && psi1_ == *psi) {
      r.status = StepStatus::stationary;
      r.message = "fixed point: grad J = 0 and psi = (1 - alpha beta) theta (002 (3.22))";
    }
    x.swap(x1_);
    st_.psi.swap(psi1_);
    ++st_.k;
    return r;
  }
  void reset() override { st_ = InnaState<S>{}; }

 private:
  static bool is_zero(const Vector<S>& v) {
    for (Eigen::Index i = 0; i < v.size(); ++i)
      if (!(v[i] == S(0))) return false;
    return true;
  }
  InnaOptions<S> o_;
  std::string name_;
  InnaState<S> st_;
  Vector<S> x1_, psi1_;
};

template <class S>
using Inna = BasicInna<S, InnaKernel>;

}  // namespace ov::optim
