// Claim "castera.ch3.jacobian-blocks-charpoly": the Jacobians (3.5) of DIN (3.1) and (3.23) of INNA (3.19),
// their block diagonalisation by a perfect shuffle into the 2x2 blocks M_p (L1689, L1874), the
// characteristic polynomials (3.8) and (3.25), the determinant (3.39) and the discriminant gamma^2 Delta
// (L1892-L1896). All in exact rational arithmetic; a degree bound turns the finite grid into a proof.
#pragma once

#include <functional>
#include <utility>

#include "analysis/numeric/scalars.hpp"
#include "proofs-checks/claim.hpp"

namespace ov::claims::castera_ch3 {

// One coordinate of a step map / vector field: (theta, psi, grad) -> (theta', psi').
using CoordMap = std::function<std::pair<rational, rational>(const rational& alpha, const rational& beta,
                                                               const rational& gamma, const rational& theta,
                                                               const rational& psi, const rational& grad)>;

CoordMap library_inna_map();  // optim::InnaKernel, constant step gamma: (3.19)
CoordMap thesis_din_field();  // (3.1), L1603 (gamma ignored)

Finding check_jacobian_blocks(const CoordMap& inna, const CoordMap& din, const RunContext& ctx);
Claim jacobian_blocks_claim();

}  // namespace ov::claims::castera_ch3
