// 004 section 2.4, eq (8) and Figs 2-3: "momentum reduces oscillation of optimization" (L159,
// L170). An evidence claim (survey.momentum-reduces-oscillation): on an ill-conditioned quadratic
// where GD zig-zags (step in (1/L, 2/L)), heavy-ball momentum (8) (optim::Momentum, sutskever form
// = 004's Delta w^(k) = alpha Delta w^(k-1) - eta grad f) makes fewer sign changes and a smaller
// total variation along the steep direction.
#pragma once

#include <functional>
#include <memory>

#include "optim/core/optimizer.hpp"
#include "proofs-checks/claim.hpp"

namespace ov::claims::survey {

// The momentum rule under test for step eta and momentum alpha.
using MomentumFactory = std::function<std::unique_ptr<optim::Optimizer<double>>(double eta, double alpha)>;
MomentumFactory library_momentum();  // optim::Momentum<double>(eta, alpha, MomentumForm::sutskever)

Finding check_momentum_oscillation(const MomentumFactory& rule, const RunContext& ctx);
Claim momentum_oscillation_claim();

}  // namespace ov::claims::survey
