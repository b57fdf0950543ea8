// SAM prefers flat minima (004 §7, L438-L459, Fig. 7; Foret et al. 2021, cited): evidence on a 1-D loss with a
// sharp and a flat minimum of equal depth.
#pragma once

#include "proofs-checks/claim.hpp"

namespace ov::claims::survey_sam {

// The SAM radius under test (the claim uses 2/5; the mutant rho = 0 is plain GD).
Finding check_sam_flat_preference(double rho, const RunContext& ctx);
Claim sam_flat_preference_claim();

}  // namespace ov::claims::survey_sam
