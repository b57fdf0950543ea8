// The property suites of the generic-rule optimizers (ov::optim::Optimizer<double>),
// docs/conformance.md. Each suite is defined in its own file; applicable_properties()
// selects by the subject's declarations.
#pragma once

#include <string>
#include <vector>

#include "proofs-checks/claim.hpp"
#include "proofs-checks/conformance/property.hpp"
#include "proofs-checks/conformance/subject.hpp"

namespace ov::conformance {

using Property = BasicProperty<Subject>;

// universal_properties.cpp: finite states, non-finite input refused with state unchanged,
// determinism, checkpoint round trip (optim::StateCheckpoint), coordinate-permutation
// equivariance (the generic form's "how parameters are split"), no allocation growth.
std::vector<Property> universal_properties();
// descent_properties.cpp: monotone decrease below the stated step bound; linear rate on
// strongly convex quadratics at least the claimed one (analysis/rates).
std::vector<Property> descent_properties();
// line_search_properties.cpp: Armijo (and Wolfe) on every accepted step; termination and
// status at stationary points and where no step is acceptable; lattice and maximality.
std::vector<Property> line_search_properties();
// momentum_adaptive_properties.cpp: the momentum rate; the adaptive first-step magnitude
// (bias correction) and invariance to the objective's scale.
std::vector<Property> momentum_properties();
std::vector<Property> adaptive_properties();
// fixed_point_properties.cpp: spectral radius < 1 at minima (linearised by trajectories,
// rate tools), an unstable mode at strict saddles, Monte-Carlo saddle avoidance with
// Clopper-Pearson intervals on the library's saddle functions.
std::vector<Property> fixed_point_properties();
// stochastic_properties.cpp: unbiased sampling and stochastic gradients; the plateau-vs-step
// relation on the exact-oracle finite sums (analysis/stochastic).
std::vector<Property> stochastic_properties();

// Every property of every suite, in suite order (for listings and the docs).
std::vector<Property> all_properties();
// The properties the subject's declarations select (universal always), in suite order.
std::vector<Property> applicable_properties(const Subject& s);
// The property with this id among applicable_properties(s); std::invalid_argument naming
// the id and the valid ones otherwise.
Property find_property(const Subject& s, const std::string& id);

// The applicable properties as claims (to_claim with `cases` cases each).
std::vector<claims::Claim> conformance_claims(const Subject& s, int cases = 20);

}  // namespace ov::conformance
