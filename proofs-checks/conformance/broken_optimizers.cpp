// Deliberately broken rules and the correct reference rules the registry lacks
// (broken_optimizers.hpp, docs/conformance.md "Broken optimizers"). Each broken rule is
// written as the correct rule with ONE change, marked "BROKEN:" in the code.
#include "proofs-checks/conformance/broken_optimizers.hpp"

#include <atomic>
#include <cmath>
#include <memory>
#include <sstream>
#include <stdexcept>

#include "optim/core/random.hpp"
#include "optim/core/state_checkpoint.hpp"
#include "proofs-checks/conformance/builtin_subjects.hpp"
#include "proofs-checks/conformance/property_text.hpp"

namespace ov::conformance {

namespace broken_optimizers_detail {

using V = optim::Vector<double>;
using Report = optim::StepReport<double>;

Report taken_report(double step, const V& g) {
  Report r;
  r.step_size = step;
  r.grad_norm = g.norm();
  return r;
}

Report refuse_gradient(const std::string& rule) {
  return Report::refuse(optim::StepStatus::refused_non_finite_gradient,
                        rule + ": the gradient is not finite; x and the state are unchanged");
}

Report refuse_update(const std::string& rule) {
  return Report::refuse(optim::StepStatus::refused_non_finite_update,
                        rule + ": the update is not finite; x and the state are unchanged");
}

// Gradient descent x <- x - lr g, with one of several single-line mutations.
enum class SgdMutation {
  wrong_sign,           // x <- x + lr g (gradient ascent)
  moves_before_refusal, // updates x coordinate by coordinate and refuses on the first non-finite g_i
  leaky_history,        // keeps a copy of every iterate (heap grows by dim doubles per step)
  hidden_global_state,  // the step depends on how many instances the process has built
  coordinate_lr,        // lr_i = lr (1 + i / dim): depends on the coordinates' order
};

// Process-wide instance count of the hidden_global_state mutation (the bug itself).
std::atomic<long> hidden_global_instances{0};

class MutatedSgd : public optim::Optimizer<double> {
 public:
  MutatedSgd(double lr, SgdMutation m, std::string name) : lr_(lr), m_(m), name_(std::move(name)) {
    if (m_ == SgdMutation::hidden_global_state) instance_ = hidden_global_instances.fetch_add(1);
  }
  std::string name() const override { return name_; }
  std::vector<optim::Hyperparameter> hyperparameters() const override { return {{"lr", exact_str(lr_)}}; }
  Report step(optim::Oracle<double>& f, V& x) override {
    f.gradient_into(x, g_);
    if (m_ == SgdMutation::moves_before_refusal) {
      // BROKEN: x changes before the non-finite coordinate is seen.
      for (Eigen::Index i = 0; i < x.size(); ++i) {
        if (!std::isfinite(g_[i])) return refuse_gradient(name_);
        x[i] -= lr_ * g_[i];
      }
      return taken_report(lr_, g_);
    }
    if (!g_.allFinite()) return refuse_gradient(name_);
    x1_ = x;
    switch (m_) {
      case SgdMutation::wrong_sign: x1_ += lr_ * g_; break;  // BROKEN: + instead of -
      case SgdMutation::hidden_global_state:
        x1_ -= (lr_ * (1.0 + 0.25 * static_cast<double>(instance_ % 2))) * g_;  // BROKEN: global state
        break;
      case SgdMutation::coordinate_lr:
        for (Eigen::Index i = 0; i < x.size(); ++i)  // BROKEN: the step depends on the index
          x1_[i] -= lr_ * (1.0 + static_cast<double>(i) / static_cast<double>(x.size())) * g_[i];
        break;
      default: x1_ -= lr_ * g_; break;
    }
    if (!x1_.allFinite()) return refuse_update(name_);
    if (m_ == SgdMutation::leaky_history) history_.push_back(x1_);  // BROKEN: never released
    x.swap(x1_);
    return taken_report(lr_, g_);
  }
  void reset() override {}

 private:
  double lr_;
  SgdMutation m_;
  std::string name_;
  long instance_ = 0;
  V g_, x1_;
  std::vector<V> history_;
};

// Adam (Kingma & Ba 2015 Alg. 1; 004 §6.3 (43)-(46) with the exponent t = k + 1) whose bias
// corrections use the exponent t + shift: shift = 0 is correct, shift = +1 and -1 are broken
// (the correct Adam's betas 0.9 and 0.999, the registry defaults, are used).
class ShiftedBiasAdam : public optim::Optimizer<double> {
 public:
  ShiftedBiasAdam(double lr, double beta1, double beta2, double eps, long shift)
      : lr_(lr), b1_(beta1), b2_(beta2), eps_(eps), shift_(shift) {}
  std::string name() const override {
    if (shift_ == 1) return "broken:adam_bias_exponent";
    if (shift_ == -1) return "broken:adam_bias_exponent_t_minus_1";
    return "adam_exponent_shift_" + std::to_string(shift_);
  }
  std::vector<optim::Hyperparameter> hyperparameters() const override {
    return {{"lr", exact_str(lr_)},
            {"beta1", exact_str(b1_)},
            {"beta2", exact_str(b2_)},
            {"eps", exact_str(eps_)},
            {"exponent_shift", std::to_string(shift_)}};
  }
  Report step(optim::Oracle<double>& f, V& x) override {
    f.gradient_into(x, g_);
    if (!g_.allFinite()) return refuse_gradient(name());
    if (m_.size() != x.size()) {
      m_ = V::Zero(x.size());
      v_ = V::Zero(x.size());
    }
    const long t = k_ + 1 + shift_;  // BROKEN when shift_ != 0
    const double c1 = 1.0 - std::pow(b1_, static_cast<double>(t));
    const double c2 = 1.0 - std::pow(b2_, static_cast<double>(t));
    m1_ = b1_ * m_ + (1.0 - b1_) * g_;
    v1_ = b2_ * v_ + (1.0 - b2_) * g_.cwiseProduct(g_);
    x1_ = x - (lr_ / c1) * m1_.cwiseQuotient(((v1_ / c2).cwiseSqrt().array() + eps_).matrix());
    if (!x1_.allFinite()) return refuse_update(name());
    x.swap(x1_);
    m_.swap(m1_);
    v_.swap(v1_);
    ++k_;
    return taken_report(lr_, g_);
  }
  void reset() override {
    m_.resize(0);
    v_.resize(0);
    k_ = 0;
  }

 private:
  double lr_, b1_, b2_, eps_;
  long shift_;
  long k_ = 0;
  V g_, m_, v_, m1_, v1_, x1_;
};

// Heavy ball d <- m d - lr g, x <- x + d (004 (8)); `twice` applies the momentum factor
// twice to the velocity (d <- m (m d) - lr g), the broken variant. `checkpoint` makes it
// implement optim::StateCheckpoint; `drop_velocity` saves only the step counter (broken).
class CheckpointedHeavyBall : public optim::Optimizer<double>, public optim::StateCheckpoint {
 public:
  CheckpointedHeavyBall(double lr, double momentum, bool twice, bool drop_velocity, std::string name)
      : lr_(lr), mom_(momentum), twice_(twice), drop_(drop_velocity), name_(std::move(name)) {}
  std::string name() const override { return name_; }
  std::vector<optim::Hyperparameter> hyperparameters() const override {
    return {{"lr", exact_str(lr_)}, {"momentum", exact_str(mom_)}};
  }
  Report step(optim::Oracle<double>& f, V& x) override {
    f.gradient_into(x, g_);
    if (!g_.allFinite()) return refuse_gradient(name_);
    if (d_.size() != x.size()) d_ = V::Zero(x.size());
    const double factor = twice_ ? mom_ * mom_ : mom_;  // BROKEN when twice_
    d1_ = factor * d_ - lr_ * g_;
    x1_ = x + d1_;
    if (!x1_.allFinite() || !d1_.allFinite()) return refuse_update(name_);
    x.swap(x1_);
    d_.swap(d1_);
    ++k_;
    return taken_report(lr_, g_);
  }
  void reset() override {
    d_.resize(0);
    k_ = 0;
  }
  std::string save_state() const override {
    std::ostringstream out;
    out << "steps " << k_ << "\n";
    if (drop_) return out.str();  // BROKEN: the velocity is not saved
    out << "velocity " << d_.size();
    for (Eigen::Index i = 0; i < d_.size(); ++i) out << ' ' << exact_str(d_[i]);
    out << "\n";
    return out.str();
  }
  void load_state(const std::string& text) override {
    std::istringstream in(text);
    std::string word;
    long k = 0;
    if (!(in >> word >> k) || word != "steps" || k < 0)
      throw std::invalid_argument(name_ + ": load_state: expected 'steps <count >= 0>' at the start");
    V d;
    if (in >> word) {
      long n = 0;
      if (word != "velocity" || !(in >> n) || n < 0)
        throw std::invalid_argument(name_ + ": load_state: expected 'velocity <size >= 0>' after the step count");
      d.resize(n);
      for (long i = 0; i < n; ++i) {
        std::string v;
        if (!(in >> v)) throw std::invalid_argument(name_ + ": load_state: velocity has fewer than " + std::to_string(n) + " values");
        char* end = nullptr;
        d[i] = std::strtod(v.c_str(), &end);
        if (end == v.c_str() || *end != '\0')
          throw std::invalid_argument(name_ + ": load_state: velocity value '" + v + "' is not a number");
      }
    }
    k_ = k;
    d_ = d;  // empty when absent: a zero velocity at the next step
  }

 private:
  double lr_, mom_;
  bool twice_, drop_;
  std::string name_;
  long k_ = 0;
  V g_, d_, d1_, x1_;
};

// Backtracking GD (000 §2.1 (7)-(8)): the largest delta0 beta^k with
// f(x - t g) <= f(x) - alpha t ||g||^2; `reversed` accepts the first t where the
// inequality FAILS (the broken variant).
class ReversedArmijoGd : public optim::Optimizer<double> {
 public:
  ReversedArmijoGd(double delta0, double alpha, double beta, int max_trials)
      : delta0_(delta0), alpha_(alpha), beta_(beta), max_trials_(max_trials) {}
  std::string name() const override { return "broken:armijo_reversed"; }
  std::vector<optim::Hyperparameter> hyperparameters() const override {
    return {{"delta0", exact_str(delta0_)},
            {"alpha", exact_str(alpha_)},
            {"beta", exact_str(beta_)},
            {"max_trials", std::to_string(max_trials_)}};
  }
  Report step(optim::Oracle<double>& f, V& x) override {
    const double f0 = f.value_and_gradient(x, g_);
    if (!std::isfinite(f0)) return Report::refuse(optim::StepStatus::refused_non_finite_value, name() + ": f(x) is not finite");
    if (!g_.allFinite()) return refuse_gradient(name());
    const double gg = g_.squaredNorm();
    if (gg == 0) {
      Report r;
      r.status = optim::StepStatus::stationary;
      r.value = f0;
      r.grad_norm = 0.0;
      return r;
    }
    double t = delta0_;
    for (int k = 0; k < max_trials_; ++k, t *= beta_) {
      x1_ = x - t * g_;
      const double ft = f.value(x1_);
      if (std::isfinite(ft) && ft > f0 - alpha_ * t * gg) {  // BROKEN: '>' instead of '<='
        x.swap(x1_);
        Report r = taken_report(t, g_);
        r.trials = k + 1;
        r.value = f0;
        return r;
      }
    }
    return Report::refuse(optim::StepStatus::refused_search_failed,
                          name() + ": no step of the lattice was accepted within max_trials");
  }
  void reset() override {}

 private:
  double delta0_, alpha_, beta_;
  int max_trials_;
  V g_, x1_;
};

// Gradient descent on the wrong objective: x <- x - lr H g, the gradient of 1/2 ||grad f||^2,
// with H g by a forward difference of the gradient. Its fixed points are ALL critical
// points, and at a strict saddle its Jacobian I - lr H^2 has no unstable mode.
class SaddleSeekingGd : public optim::Optimizer<double> {
 public:
  explicit SaddleSeekingGd(double lr) : lr_(lr) {}
  std::string name() const override { return "broken:saddle_seeking_gd"; }
  std::vector<optim::Hyperparameter> hyperparameters() const override { return {{"lr", exact_str(lr_)}}; }
  Report step(optim::Oracle<double>& f, V& x) override {
    f.gradient_into(x, g_);
    if (!g_.allFinite()) return refuse_gradient(name());
    const double gn = g_.norm();
    if (gn == 0) {
      Report r;
      r.status = optim::StepStatus::stationary;
      r.grad_norm = 0.0;
      return r;
    }
    // Forward difference along g: h = 1e-6 (1 + ||x||) / ||g|| keeps the probe's
    // displacement at 1e-6 relative to x (rounding ~1e-10 relative in H g).
    const double h = 1e-6 * (1.0 + x.norm()) / gn;
    xp_ = x + h * g_;
    f.gradient_into(xp_, gp_);
    if (!gp_.allFinite()) return refuse_gradient(name());
    x1_ = x - (lr_ / h) * (gp_ - g_);  // BROKEN: H g instead of g
    if (!x1_.allFinite()) return refuse_update(name());
    x.swap(x1_);
    return taken_report(lr_, g_);
  }
  void reset() override {}

 private:
  double lr_;
  V g_, gp_, xp_, x1_;
};

double declared_lr(const Subject& correct) {
  if (correct.declared.descent && correct.declared.descent->step > 0) return correct.declared.descent->step;
  if (correct.declared.momentum) return correct.declared.momentum->step;
  if (correct.declared.adaptive) return correct.declared.adaptive->lr;
  throw std::logic_error("broken_optimizers: the correct counterpart '" + correct.name + "' declares no step");
}

// The library's uniform sampling with replacement, except that index 0 is never drawn.
std::vector<std::size_t> draw_without_index_zero(std::size_t n, std::size_t batch_size, std::uint64_t seed,
                                                 std::uint64_t draw) {
  optim::SplitMix64 rng(seed ^ (0x9e3779b97f4a7c15ULL * (draw + 1)));
  std::vector<std::size_t> b(batch_size);
  for (auto& i : b) i = n > 1 ? 1 + static_cast<std::size_t>(rng.below(n - 1)) : 0;  // BROKEN: 0 excluded
  return b;
}

}  // namespace broken_optimizers_detail

const std::vector<BrokenOptimizer>& broken_optimizers() {
  static const std::vector<BrokenOptimizer> list = {
      {"gradient_ascent", "gradient descent with the wrong sign: x <- x + lr g", "sgd",
       "conformance.descent.monotone-decrease"},
      {"adam_bias_exponent", "Adam whose bias corrections use 1 - beta^(t+1) instead of 1 - beta^t", "adam",
       "conformance.adaptive.first-step-magnitude"},
      {"adam_bias_exponent_t_minus_1",
       "Adam whose bias corrections use 1 - beta^(t-1): 0 at the first step, every update is 0 * inf and refused",
       "adam", "conformance.adaptive.first-step-magnitude"},
      {"heavy_ball_momentum_twice", "heavy ball whose velocity is multiplied by the momentum twice per step",
       "heavy_ball", "conformance.momentum.linear-rate"},
      {"armijo_reversed", "backtracking GD that accepts the first lattice step VIOLATING the Armijo inequality",
       "backtracking_gd:delta0=1", "conformance.line-search.armijo-every-step"},
      {"checkpoint_drops_velocity",
       "heavy ball implementing optim::StateCheckpoint whose save_state omits the velocity",
       "reference:checkpointed_heavy_ball", "conformance.universal.checkpoint-round-trip"},
      {"moves_before_refusal", "SGD that updates x coordinate by coordinate and refuses at the first non-finite one",
       "sgd", "conformance.universal.non-finite-refused"},
      {"leaky_history", "SGD that keeps a copy of every iterate (memory grows with the steps)", "sgd",
       "conformance.universal.no-allocation-growth"},
      {"hidden_global_state", "SGD whose step depends on a process-wide count of instances", "sgd",
       "conformance.universal.deterministic"},
      {"coordinate_dependent_lr", "SGD with lr_i = lr (1 + i/dim): the result depends on the coordinates' order",
       "sgd", "conformance.universal.permutation-equivariant"},
      {"biased_sampling", "SGD whose declared sampling never draws sample 0", "sgd",
       "conformance.stochastic.unbiased-sampling"},
      {"saddle_seeking_gd", "GD on 1/2 ||grad f||^2 (x <- x - lr H g): saddles become attracting", "sgd:lr=1",
       "conformance.fixed-point.unstable-at-saddles"},
  };
  return list;
}

std::vector<std::string> broken_subject_names() {
  std::vector<std::string> out;
  for (const auto& b : broken_optimizers()) out.push_back(b.name);
  return out;
}

const BrokenOptimizer& find_broken_optimizer(const std::string& name) {
  for (const auto& b : broken_optimizers())
    if (b.name == name) return b;
  std::string valid;
  for (const auto& b : broken_optimizers()) valid += (valid.empty() ? "" : ", ") + b.name;
  throw std::invalid_argument("unknown broken optimizer '" + name + "' (valid: " + valid + ")");
}

Subject broken_subject(const std::string& name) {
  using namespace broken_optimizers_detail;
  const BrokenOptimizer& b = find_broken_optimizer(name);
  Subject correct = builtin_subject(b.correct);
  Subject s;
  s.name = "broken:" + b.name;
  s.origin = "broken:" + b.name + " (a mutation of " + b.correct + ", docs/conformance.md)";
  s.declared = correct.declared;  // it claims to be the correct rule
  if (b.name == "adam_bias_exponent" || b.name == "adam_bias_exponent_t_minus_1") {
    const AdaptiveDeclaration a = *correct.declared.adaptive;
    const long shift = b.name == "adam_bias_exponent" ? 1 : -1;
    s.make = [a, shift] { return std::make_unique<ShiftedBiasAdam>(a.lr, 0.9, 0.999, a.eps, shift); };
    return s;
  }
  if (b.name == "heavy_ball_momentum_twice") {
    const MomentumDeclaration m = *correct.declared.momentum;
    s.make = [m, n = s.name] { return std::make_unique<CheckpointedHeavyBall>(m.step, m.momentum, true, false, n); };
    return s;
  }
  if (b.name == "checkpoint_drops_velocity") {
    const MomentumDeclaration m = *correct.declared.momentum;
    s.make = [m, n = s.name] { return std::make_unique<CheckpointedHeavyBall>(m.step, m.momentum, false, true, n); };
    return s;
  }
  if (b.name == "armijo_reversed") {
    const LineSearchDeclaration l = *correct.declared.line_search;
    s.make = [l] { return std::make_unique<ReversedArmijoGd>(*l.delta0, l.armijo_alpha, *l.beta, l.max_trials); };
    return s;
  }
  if (b.name == "saddle_seeking_gd") {
    const double lr = declared_lr(correct);
    s.make = [lr] { return std::make_unique<SaddleSeekingGd>(lr); };
    s.make_with_step = [](double step) { return std::make_unique<SaddleSeekingGd>(step); };
    return s;
  }
  SgdMutation m = SgdMutation::wrong_sign;
  if (b.name == "gradient_ascent") m = SgdMutation::wrong_sign;
  else if (b.name == "moves_before_refusal") m = SgdMutation::moves_before_refusal;
  else if (b.name == "leaky_history") m = SgdMutation::leaky_history;
  else if (b.name == "hidden_global_state") m = SgdMutation::hidden_global_state;
  else if (b.name == "coordinate_dependent_lr") m = SgdMutation::coordinate_lr;
  else if (b.name == "biased_sampling") {
    s.make = correct.make;  // the rule is correct; its declared sampling is not
    s.make_with_step = correct.make_with_step;
    s.declared.stochastic->draw_batch = draw_without_index_zero;
    return s;
  } else {
    throw std::logic_error("broken_subject: no factory for '" + b.name + "'");
  }
  const double lr = declared_lr(correct);
  s.make = [lr, m, n = s.name] { return std::make_unique<MutatedSgd>(lr, m, n); };
  s.make_with_step = [m, n = s.name](double step) { return std::make_unique<MutatedSgd>(step, m, n); };
  return s;
}

std::vector<std::string> reference_subject_names() { return {"checkpointed_heavy_ball"}; }

Subject reference_subject(const std::string& name) {
  using namespace broken_optimizers_detail;
  if (name != "checkpointed_heavy_ball")
    throw std::invalid_argument("unknown reference optimizer '" + name + "' (valid: checkpointed_heavy_ball)");
  // The registry's heavy_ball declarations (lr 1/100, momentum 1/2), with a checkpoint.
  Subject hb = builtin_subject("heavy_ball");
  Subject s;
  s.name = "reference:" + name;
  s.origin = "reference:" + name + " (heavy ball, 004 (8), implementing optim::StateCheckpoint)";
  s.declared = hb.declared;
  const MomentumDeclaration m = *hb.declared.momentum;
  s.make = [m, n = s.name] { return std::make_unique<CheckpointedHeavyBall>(m.step, m.momentum, false, false, n); };
  return s;
}

}  // namespace ov::conformance
