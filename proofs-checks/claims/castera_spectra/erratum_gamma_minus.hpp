// Erratum claim "castera.ch3.erratum-l2068-gamma-minus-bound" (002 L2066-L2068): see below.
#pragma once

#include "proofs-checks/claim.hpp"

namespace ov::claims::castera_ch3 {

// Erratum claim "castera.ch3.erratum-l2068-gamma-minus-bound": in the proof of Theorem 3.12 (alpha beta <= 1,
// lambda > x+, L2068) "gamma_- <= [bound at L] on this interval"; gamma_- decreases there (Lemma 3.15), so
// gamma_-(lambda) >= gamma_-(L) for lambda in (x+, L] (guide §4.6 item 3). direction = -1: the printed "<=",
// +1: the corrected ">=".
Finding check_gamma_minus_bound(int direction, const RunContext& ctx);
Claim erratum_gamma_minus_claim();

}  // namespace ov::claims::castera_ch3
