// Claim "backtracking.example-2-8-cost-sequence": Example 2.8 of 000_47ba9189a2c8a171.txt (L191):
// with f_n -> f and grad f_n -> grad f uniformly on compact sets, z_{n+1} = z_n - delta_n grad f_n(z_n),
// delta_n = delta(f_n, delta0, z_n), has all conclusions of Theorem 2.1 (guide C15), measured with the
// outcome classifier (outcomes.hpp) against f.
#pragma once

#include <functional>
#include <string>

#include "proofs-checks/claim.hpp"
#include "proofs-checks/claims/backtracking_convergence/outcomes.hpp"

namespace ov::claims::btconv {

// f_n = f + p_n; p_n and its gradient at x, for n = 1, 2, ...
struct Perturbation {
  std::string name;
  std::function<double(const DVec& x, long n)> value;
  std::function<DVec(const DVec& x, long n)> gradient;
};

// p_n(x) = n^{-4} sin(n <a, x>), a = (1, ..., 1)/sqrt(dim): |p_n| <= n^{-4}, ||grad p_n|| <= n^{-3}, both
// -> 0 uniformly (our choice; the paper gives no example sequence). With n^{-2} (gradient ~ 1/n) the
// orbits still creep after 20000 steps and the classifier cannot decide at a finite budget.
Perturbation vanishing_oscillation();

// Backtracking GD on the sequence f_n = f + p_n (delta0 = 1, alpha = beta = 1/2): at step n (n = 1, 2, ...)
// Armijo's condition (7) for f_n along grad f_n(z_n). A local rule (the library has no time-varying objective).
NamedRule cost_sequence_rule(const Perturbation& p);

Finding check_example_2_8(const NamedRule& rule, const RunContext& ctx);

Claim example_2_8_claim();

}  // namespace ov::claims::btconv
