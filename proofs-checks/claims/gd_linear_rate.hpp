// Claim "sgd-survey.gd-linear-rate-1-over-l": gradient descent with step 1/L on a
// mu-strongly convex function with L-Lipschitz gradient satisfies, at every iteration t,
//
//   f(w_t) - f* <= (1 - mu/L)^t (f(w_0) - f*).
//
// Source: 004_3d3d1f2b4537bb54.txt, Section 4.2, Proposition 2, eq (29) (L316-L322), in its
// deterministic case (full gradient, so the O(eta) noise term vanishes) with the explicit
// constant 1 that the guide attaches to eta = 1/L (seed-003-004-sgd-survey.md L418-L428,
// marked [EXT]: the survey states only O((1 - mu/L)^t + eta)).
//
// Check: run the library's Sgd<rational> (deterministic oracle, lr = 1/L exactly) on
// quadratic problems with rational spectra (castera_quadratic; the Cayley-built `quadratic`
// with mu = 1, L = 10) from seeded rational starts and compare every iterate with the bound
// exactly in rational arithmetic (pointwise, the strongest form). A violation is a reproducible
// counterexample (refuted); otherwise `holds` (the instances are a sample, the theorem is not
// proved by them). The evidence carries the measured gap and the bound as series.
#pragma once

#include <functional>
#include <memory>

#include "analysis/numeric/scalars.hpp"
#include "optim/core/optimizer.hpp"
#include "proofs-checks/claim.hpp"

namespace ov::claims::sgd_survey {

// The rule under test, given the step 1/L (exact).
using GdFactory = std::function<std::unique_ptr<optim::Optimizer<rational>>(const rational& step)>;

GdFactory library_gd();  // optim::Sgd<rational> with lr = step

Finding check_gd_linear_rate(const GdFactory& rule, const RunContext& ctx);

Claim gd_linear_rate_claim();

}  // namespace ov::claims::sgd_survey
