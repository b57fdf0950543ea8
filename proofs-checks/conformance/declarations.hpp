// What an optimizer declares about itself (docs/conformance.md). Each declaration selects a
// suite of properties; the universal suite applies to every optimizer. The declarations are
// the user's claims about their method: the suites test them, they are never assumed.
//
// Shared by the generic-rule suites (subject.hpp) and the LibTorch suites
// (gpu/conformance/torch_subject.hpp): nothing here depends on a scalar type or on torch.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <limits>
#include <optional>
#include <string>
#include <vector>

namespace ov::conformance {

// A descent method with a fixed step (GD-like) or with its own step rule.
struct DescentDeclaration {
  // The learning rate the optimizer is built with; 0 for a method that chooses its own step
  // (a line search): then stable_step_times_L is irrelevant and decrease is claimed for every L.
  double step = 0;
  // Monotone decrease f(x_{k+1}) <= f(x_k) is claimed on every convex quadratic whose largest
  // Hessian eigenvalue L satisfies step * L < stable_step_times_L (2 for gradient descent:
  // the descent lemma; exact citations in docs/conformance.md). The suites draw quadratics with
  // step * L strictly below the bound (never at it).
  double stable_step_times_L = 2;
  // false for methods that converge without monotone decrease (momentum): the rate is still
  // checked, the monotone-decrease property is not applicable.
  bool monotone = true;
  // The claimed linear rate q on a strongly convex quadratic with Hessian eigenvalues in
  // [mu, L] (||x_k - x*|| <= C q^k). Empty: the textbook rate of gradient descent with this
  // step, max(|1 - step mu|, |1 - step L|) (004 §2.2; 003 Ch. 2); for step = 0 (a line
  // search) there is no textbook rate and only convergence (q < 1) is checked.
  std::function<double(double mu, double L)> claimed_rate;
};

// A method that accepts a step t along d = -g only when the Armijo inequality
//   f(x - t g) <= f(x) - alpha t ||g||^2          (000 §2.1 (7); 003 Alg. Armijo)
// holds, optionally with the curvature (Wolfe) condition g(x+)^T d >= c2 g^T d, t on the
// lattice {delta0 beta^k, k >= 0} and t maximal on it (000 (8): the LARGEST such step).
struct LineSearchDeclaration {
  double armijo_alpha = 1e-4;
  std::optional<double> wolfe_c2;  // in (alpha, 1)
  std::optional<double> delta0;    // the lattice, when declared
  std::optional<double> beta;
  bool maximal = false;            // needs delta0 and beta
  // The search gives up after this many trials and refuses the step (bounded, flagged).
  int max_trials = 100;
};

// A method with momentum (heavy ball, Nesterov): the suites check its rate on strongly
// convex quadratics against the claimed one (DescentDeclaration::claimed_rate when both are
// declared, else the heavy-ball rate max(sqrt(momentum), |roots|) of the linear recurrence).
struct MomentumDeclaration {
  double step = 0;
  double momentum = 0;
};

// An adaptive per-coordinate method (Adam, RMSprop, Adagrad...).
struct AdaptiveDeclaration {
  double lr = 1e-3;
  // Adam-type bias correction: the first update of every coordinate with a nonzero gradient
  // has magnitude lr (up to eps), whatever the gradient's scale (004 §6.3 (43)-(47),
  // L416-L432; Kingma & Ba 2015 §3).
  bool bias_corrected = true;
  double eps = 1e-8;
};

// A method whose iteration is a fixed-point map x_{k+1} = T(x_k[, state]). The suites
// linearise T around critical points by trajectories started at small perturbations.
struct FixedPointDeclaration {
  // The method is declared stable (spectral radius < 1) at minima whose Hessian eigenvalues
  // lie in (0, safe_L], and to have an unstable mode at strict saddles with |negative
  // eigenvalue| up to safe_L (002 Ch. 3 INNA; 003 §4 Theorem 4.4, Lee et al.).
  double safe_L = 1;
};

// A stochastic method run on mini-batches of a finite sum.
struct StochasticDeclaration {
  std::size_t batch_size = 1;
  // The user's sampling: a batch of indices in [0, n) from a seeded state; empty = the
  // library's uniform sampling with replacement (optim/core/batch_sampler.hpp).
  std::function<std::vector<std::size_t>(std::size_t n, std::size_t batch_size, std::uint64_t seed,
                                         std::uint64_t draw)>
      draw_batch;
  // The learning rate the optimizer is built with (for the plateau-vs-step property the
  // subject must also provide a factory at other steps: Subject::make_with_step).
  double step = 0;
};

struct Declarations {
  std::optional<DescentDeclaration> descent;
  std::optional<LineSearchDeclaration> line_search;
  std::optional<MomentumDeclaration> momentum;
  std::optional<AdaptiveDeclaration> adaptive;
  std::optional<FixedPointDeclaration> fixed_point;
  std::optional<StochasticDeclaration> stochastic;
};

// The suites a set of declarations selects, in a fixed order: "universal" first.
std::vector<std::string> selected_suites(const Declarations& d);

}  // namespace ov::conformance
