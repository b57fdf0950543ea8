// Backtracking GD = Armijo's rule (000_47ba9189a2c8a171.txt §2.1, (7)-(8);
// seed-000-001-backtracking.md A3):
//
//   g = grad f(z_n);  delta_n = largest sigma in {delta0 beta^k} with
//       f(z_n - sigma g) - f(z_n) <= -alpha sigma ||g||^2        (7)
//   z_{n+1} = z_n - delta_n g                                    (8)
//
// Defaults: the paper's theory fixes none (any delta0 > 0, 0 < alpha, beta < 1; the
// proofs use alpha = 1/2, L356). We take the values of its experiments: alpha = 1e-4
// and beta = 1/2 ("fixed in all experiments", §4.1, L580) and delta0 = 1/100 (the
// starting learning rate of the MBT runs of Table 2, L626). The search is bounded
// by max_trials (default 100; the paper's loop is unbounded, Lemma 3.1).
// A zero gradient is reported as `stationary` (x stays: Lemma 3.1 proof, L362).
#pragma once

#include <string>
#include <vector>

#include "optim/components/gradient_norm.hpp"
#include "optim/core/optimizer.hpp"
#include "optim/line_search/armijo_backtracking.hpp"
#include "optim/line_search/search_refusal.hpp"

namespace ov::optim {

template <class S>
class BacktrackingGd : public Optimizer<S> {
 public:
  static S default_delta0() { return ops::ratio<S>(1, 100); }
  static S default_alpha() { return ops::ratio<S>(1, 10000); }
  static S default_beta() { return ops::ratio<S>(1, 2); }

  explicit BacktrackingGd(S delta0 = default_delta0(), S alpha = default_alpha(), S beta = default_beta(),
                          int max_trials = ArmijoBacktracking<S>::default_max_trials)
      : search_(delta0, alpha, beta, max_trials, "backtracking_gd") {}

  std::string name() const override { return "backtracking_gd"; }
  std::vector<Hyperparameter> hyperparameters() const override {
    return {{"delta0", ops::to_string(search_.delta0())},
            {"alpha", ops::to_string(search_.alpha())},
            {"beta", ops::to_string(search_.beta())},
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
      rep.step_size = search_.delta0();
      rep.message = "grad f(x) = 0";
      return rep;
    }
    Vector<S> x_new;
    const LineSearchResult<S> r = search_.search(f, x, f0, g, g, x_new);
    if (!r.accepted()) return refusal_from_search(name(), r, search_.max_trials());
    x.swap(x_new);
    rep.step_size = r.step;
    rep.trials = r.trials;
    return rep;
  }

  void reset() override {}
  const ArmijoBacktracking<S>& search() const { return search_; }

 private:
  ArmijoBacktracking<S> search_;
};

}  // namespace ov::optim
