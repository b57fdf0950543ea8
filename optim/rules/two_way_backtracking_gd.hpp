// Two-way Backtracking GD (000_47ba9189a2c8a171.txt §2.5, L241; slides
// 001_ca0824e53e7404e9.txt S-L657-664; seed-000-001-backtracking.md A9):
//
//   g = grad f(z_n); sigma = delta_{n-1};
//   shrink by beta until (7) holds, or grow by 1/beta while (7) holds and sigma/beta <= cap;
//   delta_n = sigma; z_{n+1} = z_n - delta_n g.
//
// Choices where the documents are silent or disagree:
//  - delta_{-1} (the first start) is not stated; we take delta0 (assumption, as the guide).
//  - cap: delta0 in the paper (L241), "say 100" on the slides (S-L664). Both are
//    offered (TwoWayCap::paper / TwoWayCap::slides); the default is the paper's.
//    With cap = delta0 and delta_{-1} = delta0 every delta_n lies on {delta0 beta^k}.
//  - the search is bounded by max_trials (both phases together, default 100).
// Defaults for delta0, alpha, beta: as BacktrackingGd (experiments: L580, L626).
// State: the previous step delta_{n-1}; a refused step leaves it unchanged.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "optim/components/gradient_norm.hpp"
#include "optim/core/optimizer.hpp"
#include "optim/line_search/search_refusal.hpp"
#include "optim/line_search/two_way_backtracking.hpp"
#include "optim/rules/backtracking_gd.hpp"

namespace ov::optim {

template <class S>
class TwoWayBacktrackingGd : public Optimizer<S> {
 public:
  // cap: TwoWayCap::paper(delta0) (= delta0) or TwoWayCap::slides<S>() (= 100), or any cap >= delta0.
  explicit TwoWayBacktrackingGd(S delta0 = BacktrackingGd<S>::default_delta0(),
                                S alpha = BacktrackingGd<S>::default_alpha(),
                                S beta = BacktrackingGd<S>::default_beta(), std::optional<S> cap = std::nullopt,
                                int max_trials = TwoWayBacktracking<S>::default_max_trials)
      : delta0_(delta0),
        search_(cap ? *cap : delta0, alpha, beta, max_trials, "two_way_backtracking_gd"),
        previous_(delta0) {
    require_positive("two_way_backtracking_gd", "delta0", delta0_);
    require(search_.cap() >= delta0_, "two_way_backtracking_gd", "cap", search_.cap(),
            "[delta0, inf) = [" + ops::to_string(delta0_) + ", inf)");
  }

  std::string name() const override { return "two_way_backtracking_gd"; }
  std::vector<Hyperparameter> hyperparameters() const override {
    return {{"delta0", ops::to_string(delta0_)},
            {"alpha", ops::to_string(search_.alpha())},
            {"beta", ops::to_string(search_.beta())},
            {"cap", ops::to_string(search_.cap())},
            {"max_trials", std::to_string(search_.max_trials())}};
  }

  StepReport<S> step(Oracle<S>& f, Vector<S>& x) override {
    Vector<S> g;
    const S f0 = f.value_and_gradient(x, g);
    if (!ops::is_finite(f0)) return StepReport<S>::refuse(StepStatus::refused_non_finite_value, name() + ": f(x) is not finite");
    if (!all_finite(g)) return StepReport<S>::refuse(StepStatus::refused_non_finite_gradient, name() + ": grad f(x) is not finite");
    StepReport<S> rep;
    rep.value = f0;
    rep.grad_norm = gradient_norm_if_available(g);
    if (is_zero_vector(g)) {
      rep.status = StepStatus::stationary;
      rep.step_size = previous_;
      rep.message = "grad f(x) = 0";
      return rep;
    }
    Vector<S> x_new;
    const TwoWaySearchResult<S> r = search_.search(previous_, f, x, f0, g, g, x_new);
    if (!r.accepted()) return refusal_from_search(name(), r, search_.max_trials());
    x.swap(x_new);
    previous_ = r.step;
    rep.step_size = r.step;
    rep.trials = r.trials;
    if (r.growth_truncated) rep.message = "growth stopped at max_trials = " + std::to_string(search_.max_trials());
    return rep;
  }

  void reset() override { previous_ = delta0_; }
  const S& previous_step() const { return previous_; }
  // delta_{n-1} for the next search (the paper does not fix delta_{-1}; default delta0).
  void set_previous_step(const S& s) {
    require_positive(name(), "previous_step", s);
    previous_ = s;
  }
  const TwoWayBacktracking<S>& search() const { return search_; }

 private:
  S delta0_;
  TwoWayBacktracking<S> search_;
  S previous_;
};

}  // namespace ov::optim
