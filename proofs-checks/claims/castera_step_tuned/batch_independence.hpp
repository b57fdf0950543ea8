// Claim castera.step-tuned.step-independent-of-current-batch (002 §4.3.2 L2289): in Algorithm 3 the step-size
// gamma_{k+1} depends only on B_0, ..., B_k, so the step eta_{k+1} used with B_{k+1} is conditionally independent
// of B_{k+1} ("crucial to obtain the convergence guarantees").
#pragma once

#include <functional>
#include <memory>

#include "optim/core/optimizer.hpp"
#include "proofs-checks/claim.hpp"

namespace ov::claims::castera_step_tuned {

using RuleFactory = std::function<std::unique_ptr<optim::Optimizer<double>>()>;

RuleFactory library_step_tuned_rule();
Finding check_batch_independence(const RuleFactory& rule, const RunContext& ctx);
Claim batch_independence_claim();

}  // namespace ov::claims::castera_step_tuned
