// Claim "castera.din.gradient-system-ab-ge-1" (erratum): Section 2.6.1 (L1458) says "as mentioned in
// Remark 2.11-b, when alpha beta >= 1, (2.12) can be shown to be a gradient system"; Remark 2.11(b)
// (L1432) says alpha beta > 1. The boundary case is false: with alpha beta = 1 on
// J = theta_1^2 + 2 theta_2^2 (castera_quadratic), alpha = 2, beta = 1/2, the Jacobian of (2.6) at the
// equilibrium 0 has the block [[-2, -2], [0, -2]] on (theta_2, psi_2) (Hessian eigenvalue 4 = 1/beta^2):
// a Jordan block, not diagonalisable. The linearisation of a C^1 gradient field x' = -G(x)^{-1} grad V(x)
// at an equilibrium is -G(x*)^{-1} Hess V(x*), self-adjoint for the inner product G(x*), hence
// diagonalisable with real eigenvalues; so (2.6) with alpha beta = 1 is not a gradient system for any
// metric. Check, exact in rational: the Jacobian at 0 of castera_quadratic (columns by exact
// interpolation of the field), its 2 x 2 blocks (theta_i, psi_i) (the off-block entries are checked
// to be 0): a block with discriminant 0 that is not a multiple of I, or with a negative discriminant,
// is not diagonalisable over the reals.
#pragma once

#include "proofs-checks/claim.hpp"
#include "proofs-checks/claims/castera_dynamics/din_common.hpp"
#include "proofs-checks/claims/castera_dynamics/gradient_system.hpp"

namespace ov::claims::castera_dyn {

AlphaBetaList gradient_system_ge1_parameters();  // (2, 1/2), (1, 1), (2, 1), (1, 11/10): alpha beta >= 1

Finding check_gradient_linearisation(const DinField& field, const AlphaBetaList& params, const RunContext& ctx);
Claim gradient_system_erratum_claim();

}  // namespace ov::claims::castera_dyn
