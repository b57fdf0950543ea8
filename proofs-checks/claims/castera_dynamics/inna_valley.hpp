// Claim "castera.inna.valley-fig-2-1": Fig. 2.1 / Section 2.6.1 (L944, L1456): on the non-smooth
// J(t1, t2) = 100 (t2 - |t1|)^2 + |1 - t1|, "a unique critical point at (1, 1) which is also the global
// minimum"; full-batch INNA with constant gamma_k = 1e-4 from (-1, 1.5) and (alpha, beta) = (1.3, 0.1)
// "provides remarkably good performances" (converges to it).
// Measured (double, the library's optim::Inna with the thesis's psi_0): the iterates reach
// ||theta_k - (1, 1)|| <= 10 gamma by k = 12/gamma (t = 12) and stay there until k = 20/gamma; the
// remaining distance is a discretisation floor of the non-smooth Euler scheme (chattering at the kink
// t1 = 1); its ratio for gamma and gamma/2 is reported, not claimed (seed 1: 4.5 for 2e-4/1e-4 but 0.89
// for 1e-4/5e-5: no clean power of gamma).
// Evidence, not a theorem (the thesis's discrete INNA has no rate theorem, guide §0).
#pragma once

#include <functional>
#include <memory>

#include "optim/core/optimizer.hpp"
#include "proofs-checks/claim.hpp"

namespace ov::claims::castera_dyn {

using InnaFactoryD =
    std::function<std::unique_ptr<optim::Optimizer<double>>(double alpha, double beta, double gamma)>;
InnaFactoryD library_inna_double();  // optim::Inna<double>, constant step, thesis psi_0

Finding check_inna_valley(const InnaFactoryD& rule, const RunContext& ctx);
Claim inna_valley_claim();

}  // namespace ov::claims::castera_dyn
