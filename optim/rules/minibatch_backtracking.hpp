// MBT-GD, MBT-MMT, MBT-NAG: mini-batch two-way backtracking as a learning-rate finder
// for Standard GD / MMT / NAG (000_47ba9189a2c8a171.txt §4.1.2, L562-580;
// seed-000-001-backtracking.md A12b-c; the authors' code per the guide's 2-supplement).
//
//   MBT-GD:      run the finder (components/minibatch_lr_finder.hpp) once at the start,
//                then SGD with the found rate.
//   MBT-MMT/NAG: run the finder at the start of EVERY epoch, then PyTorch-form momentum /
//                Nesterov (momentum 0.9, L574) with the found rate; the momentum buffer is
//                reset at each finder call (code).
//   Stuck: "no loss decreasing in 5 consecutive epochs" (L572, L574) - here the mean of the
//   rule's own mini-batch losses over an epoch did not improve on the best epoch for
//   `patience` consecutive epochs. Then alpha = 1/2 from now on, momentum off (MMT/NAG),
//   and MBT-GD reruns the finder at the start of every later epoch (the code's choice; the
//   paper's "switch to Backtracking GD as in the beginning but now with alpha = 0.5" does not
//   say how often). The code triggers at patience > 5 and also watches validation accuracy;
//   we use >= patience (the paper's "5 consecutive epochs") and the training loss only.
// Finder options (start rule, SGD steps between finder batches, bounds, rescale) are the
// finder's parameters. A refused step (non-finite loss, gradient or update) leaves x and
// every piece of state (rate, buffer, epoch statistics, sampler) unchanged.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "optim/components/minibatch_lr_finder.hpp"
#include "optim/core/elementwise.hpp"
#include "optim/core/optimizer.hpp"
#include "optim/rules/momentum.hpp"
#include "optim/rules/nesterov.hpp"

namespace ov::optim {

enum class MbtBase { gd, momentum, nesterov };

inline const char* to_string(MbtBase b) {
  return b == MbtBase::gd ? "gd" : b == MbtBase::momentum ? "momentum" : "nesterov";
}

template <class S>
struct MinibatchBacktrackingParameters {
  MinibatchLrFinderParameters<S> finder;
  MbtBase base = MbtBase::gd;
  S momentum = ops::ratio<S>(9, 10);      // L574
  S stuck_alpha = ops::ratio<S>(1, 2);    // L572
  int patience = 5;                       // L572, L574
  std::uint64_t seed = 0;                 // of the finder's own batch sampler
};

template <class S>
class MinibatchBacktracking : public Optimizer<S> {
 public:
  explicit MinibatchBacktracking(const MinibatchBacktrackingParameters<S>& p = {})
      : p_(p), finder_(p.finder, name_of(p.base)) {
    require_half_open_unit(name(), "momentum", p_.momentum);
    require_open_unit(name(), "stuck_alpha", p_.stuck_alpha);
    require_count(name(), "patience", p_.patience, 1);
    state_.alpha = p_.finder.alpha;
  }

  static std::string name_of(MbtBase b) {
    return b == MbtBase::gd ? "mbt_gd" : b == MbtBase::momentum ? "mbt_momentum" : "mbt_nesterov";
  }
  std::string name() const override { return name_of(p_.base); }
  std::vector<Hyperparameter> hyperparameters() const override {
    const auto& q = p_.finder;
    return {{"alpha", ops::to_string(q.alpha)},         {"beta", ops::to_string(q.beta)},
            {"batches", std::to_string(q.batches)},     {"start", ops::to_string(q.start)},
            {"momentum", ops::to_string(p_.momentum)},  {"patience", std::to_string(p_.patience)},
            {"stuck_alpha", ops::to_string(p_.stuck_alpha)}, {"seed", std::to_string(p_.seed)}};
  }

  StepReport<S> step(Oracle<S>& f, Vector<S>& x) override {
    const FiniteSumObjective<S>* sum = f.finite_sum();
    if (!sum) return StepReport<S>::refuse(StepStatus::refused_undefined, name() + ": needs a finite-sum objective");
    // Everything below works on copies and is committed at the end.
    State s = state_;
    if (!s.sampler) s.sampler.emplace(sum->num_samples(), f.stochastic() ? f.sampler()->batch_size() : sum->num_samples(),
                                      Sampling::reshuffle_each_epoch, p_.seed);
    int trials = 0;
    if (s.need_finder) {
      const LrFinderResult<S> r = finder_.find(f, x, *s.sampler, s.alpha);
      s.lr = r.lr;
      s.buffer = Vector<S>::Zero(x.size());
      s.need_finder = false;
      s.finder_runs += 1;
      trials = r.trials;
    }
    if (s.buffer.size() != x.size()) s.buffer = Vector<S>::Zero(x.size());
    Vector<S> g;
    const S loss = f.value_and_gradient(x, g);
    if (!ops::is_finite(loss)) return StepReport<S>::refuse(StepStatus::refused_non_finite_value, name() + ": the loss is not finite");
    if (!all_finite(g)) return StepReport<S>::refuse(StepStatus::refused_non_finite_gradient, name() + ": the gradient is not finite");
    const MomentumConstants<S> c{s.lr, s.momentum_on && p_.base != MbtBase::gd ? p_.momentum : S(0), MomentumForm::pytorch};
    Vector<S> x1, b1;
    const bool ok = p_.base == MbtBase::nesterov ? elementwise(NesterovKernel{}, c, in(x, g, s.buffer), out(x1, b1))
                                                 : elementwise(MomentumKernel{}, c, in(x, g, s.buffer), out(x1, b1));
    if (!ok) return StepReport<S>::refuse(StepStatus::refused_non_finite_update, name() + ": the update is not finite");
    x.swap(x1);
    s.buffer.swap(b1);
    s.epoch_loss += loss;
    s.epoch_steps += 1;
    if (!f.stochastic() || f.epoch_ended()) close_epoch(s);
    state_ = std::move(s);
    StepReport<S> rep;
    rep.step_size = c.lr;
    rep.value = loss;
    rep.trials = trials;
    return rep;
  }

  void reset() override { state_ = State{}; state_.alpha = p_.finder.alpha; }

  // Introspection for tests and reports.
  const S& learning_rate() const { return state_.lr; }
  const S& finder_alpha() const { return state_.alpha; }
  bool momentum_on() const { return state_.momentum_on; }
  bool stuck() const { return state_.stuck; }
  int stalled_epochs() const { return state_.stalled; }
  int finder_runs() const { return state_.finder_runs; }

 private:
  struct State {
    std::optional<BatchSampler> sampler;
    S lr = S(0), alpha = S(0);
    Vector<S> buffer;
    bool need_finder = true, momentum_on = true, stuck = false;
    S epoch_loss = S(0);
    long epoch_steps = 0;
    std::optional<S> best;
    int stalled = 0, finder_runs = 0;
  };

  void close_epoch(State& s) const {
    const S mean = s.epoch_loss / S(s.epoch_steps);
    if (!s.best || mean < *s.best) {
      s.best = mean;
      s.stalled = 0;
    } else {
      ++s.stalled;
    }
    s.epoch_loss = S(0);
    s.epoch_steps = 0;
    if (!s.stuck && s.stalled >= p_.patience) {
      s.stuck = true;
      s.alpha = p_.stuck_alpha;
      s.momentum_on = false;
    }
    // MMT/NAG: every epoch; GD: once at the start, then every epoch once stuck.
    s.need_finder = p_.base != MbtBase::gd || s.stuck;
  }

  MinibatchBacktrackingParameters<S> p_;
  MinibatchLrFinder<S> finder_;
  State state_;
};

}  // namespace ov::optim
