// Claim fleischmann.sgd-unbiased-minibatch-variance (003 §4.3.1-4.3.2, L703-L725): the SGD gradient
// nabla L_{i_k}(theta), i_k ~ U{1..n}, is unbiased, and the mini-batch estimate (1/|B|) sum_{i in B} nabla L_i
// with |B| i.i.d. uniform indices is unbiased with every component's variance divided by |B|.
// Checked EXACTLY in rational by enumerating all n^b ordered index tuples at seeded theta of the canonical
// finite-sum quadratics (per-sample gradients H_i theta - r_i).
#pragma once

#include <functional>
#include <vector>

#include "analysis/numeric/scalars.hpp"
#include "analysis/numeric/linear_algebra.hpp"
#include "proofs-checks/claim.hpp"

namespace ov::claims::fleischmann_sgd {

// The mini-batch estimator: per-sample gradients at theta and the drawn index tuple -> estimate.
using BatchEstimator =
    std::function<Vec<rational>(const std::vector<Vec<rational>>& grads, const std::vector<int>& batch)>;
BatchEstimator mean_estimator();  // 003's (1/|B|) sum_{i in B} (L718)

// The stated variance law: Var[estimate_j] = factor(b) Var[(nabla L_i)_j] (003: factor = 1/b).
using VarianceLaw = std::function<rational(int b)>;
VarianceLaw one_over_b_law();

Finding check_minibatch_moments(const BatchEstimator& est, const VarianceLaw& law, const RunContext& ctx);
Claim minibatch_moments_claim();

}  // namespace ov::claims::fleischmann_sgd
