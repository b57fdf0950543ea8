// A user's own optimizer, written in OptVerify's generic form (templated on the scalar,
// ov::optim::Optimizer<S>): gradient descent with a linear warm-up of the learning rate and
// norm clipping of the step,
//
//   lr_k = lr * min(1, (k + 1) / warmup),      s_k = min(1, clip / ||g_k||),
//   x_{k+1} = x_k - lr_k * s_k * g_k,
//
// where k counts the steps taken. The effective step lr_k * s_k lies in (0, lr], so on a
// convex quadratic with largest Hessian eigenvalue L and lr * L < 2 every step decreases f
// (the descent lemma), and once ||g|| <= clip and k >= warmup the iteration is plain gradient
// descent, with its linear rate max(|1 - lr mu|, |1 - lr L|). These are the claims the
// subject declares below; the conformance suites test them.
//
// The step counter k is the rule's state: it implements ov::optim::StateCheckpoint so that a
// run can be saved and continued (the universal suite checks the round trip).
#pragma once

#include <algorithm>
#include <cmath>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "optim/core/optimizer.hpp"
#include "optim/core/scalar_ops.hpp"
#include "optim/core/state_checkpoint.hpp"
#include "proofs-checks/conformance/subject.hpp"

namespace my_example {

template <class S>
class ClippedWarmupGd : public ov::optim::Optimizer<S>, public ov::optim::StateCheckpoint {
 public:
  // `wrong_sign` makes the deliberately broken variant (an ascent step) that the example's
  // plugin also exports, to show the suites catching it.
  ClippedWarmupGd(S lr, S clip, long warmup, bool wrong_sign = false)
      : lr_(lr), clip_(clip), warmup_(warmup), sign_(wrong_sign ? S(-1) : S(1)) {
    if (!(ov::optim::ops::is_finite(lr) && lr > S(0))) throw std::invalid_argument("clipped_warmup_gd: lr must be > 0");
    if (!(ov::optim::ops::is_finite(clip) && clip > S(0)))
      throw std::invalid_argument("clipped_warmup_gd: clip must be > 0");
    if (warmup < 1) throw std::invalid_argument("clipped_warmup_gd: warmup must be >= 1");
  }

  std::string name() const override { return "clipped_warmup_gd"; }
  std::vector<ov::optim::Hyperparameter> hyperparameters() const override {
    return {{"lr", ov::optim::ops::to_string(lr_)},
            {"clip", ov::optim::ops::to_string(clip_)},
            {"warmup", std::to_string(warmup_)}};
  }

  ov::optim::StepReport<S> step(ov::optim::Oracle<S>& f, ov::optim::Vector<S>& x) override {
    using ov::optim::StepReport;
    using ov::optim::StepStatus;
    f.gradient_into(x, g_);
    for (Eigen::Index i = 0; i < g_.size(); ++i)
      if (!ov::optim::ops::is_finite(g_[i]))
        return StepReport<S>::refuse(StepStatus::refused_non_finite_gradient, "clipped_warmup_gd: non-finite gradient");
    const S norm = g_.norm();
    StepReport<S> r;
    r.grad_norm = norm;
    if (norm == S(0)) {
      r.status = StepStatus::stationary;
      return r;
    }
    const S warm = std::min(S(1), S(k_ + 1) / S(warmup_));
    const S scale = std::min(S(1), clip_ / norm);
    const S t = lr_ * warm * scale;
    x1_ = x - (sign_ * t) * g_;
    for (Eigen::Index i = 0; i < x1_.size(); ++i)
      if (!ov::optim::ops::is_finite(x1_[i]))
        return StepReport<S>::refuse(StepStatus::refused_non_finite_update, "clipped_warmup_gd: non-finite update");
    x.swap(x1_);
    ++k_;
    r.step_size = t;
    return r;
  }
  void reset() override { k_ = 0; }

  std::string save_state() const override { return "k=" + std::to_string(k_); }
  void load_state(const std::string& text) override {
    if (text.rfind("k=", 0) != 0) throw std::invalid_argument("clipped_warmup_gd: state '" + text + "' is not k=<count>");
    std::size_t used = 0;
    long k = -1;
    try {
      k = std::stol(text.substr(2), &used);
    } catch (const std::exception&) {
      used = 0;
    }
    if (used == 0 || used != text.size() - 2 || k < 0)
      throw std::invalid_argument("clipped_warmup_gd: state '" + text + "': the count must be an integer >= 0");
    k_ = k;
  }

 private:
  S lr_, clip_;
  long warmup_;
  S sign_;
  long k_ = 0;
  ov::optim::Vector<S> g_, x1_;
};

// What the method claims (proofs-checks/conformance/declarations.hpp): a monotone descent
// method for lr * L < 2 with gradient descent's textbook rate (the default claimed_rate).
inline ov::conformance::Subject clipped_gd_subject(bool wrong_sign = false) {
  constexpr double lr = 0.1, clip = 100;
  constexpr long warmup = 5;
  ov::conformance::Declarations d;
  d.descent = ov::conformance::DescentDeclaration{};
  d.descent->step = lr;
  d.descent->stable_step_times_L = 2;
  ov::conformance::Subject s;
  s.name = wrong_sign ? "clipped_warmup_gd_wrong_sign" : "clipped_warmup_gd";
  s.make = [=] { return std::make_unique<ClippedWarmupGd<double>>(lr, clip, warmup, wrong_sign); };
  s.make_with_step = [=](double step) { return std::make_unique<ClippedWarmupGd<double>>(step, clip, warmup, wrong_sign); };
  s.declared = d;
  return s;
}

}  // namespace my_example
