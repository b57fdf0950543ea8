// Registers the claims of proofs-checks/claims/fleischmann_landscape/: Loss landscapes in Fleischmann's thesis and the survey (003 §3.4, 004 §8): Baldi-Hornik exactly, Soudry-Carmon width sweep, Dauphin's correlation, Soltanolkotabi's quadratic networks.
#pragma once

namespace ov::claims {

class Catalog;
void register_fleischmann_landscape_claims(Catalog& c);

}  // namespace ov::claims
