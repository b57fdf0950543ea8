// Registers the claims of proofs-checks/claims/castera_dynamics/: DIN/INNA algebra, Lyapunov functions and Theorem 2.10 (002 Chapter 2).
#pragma once

namespace ov::claims {

class Catalog;
void register_castera_dynamics_claims(Catalog& c);

}  // namespace ov::claims
