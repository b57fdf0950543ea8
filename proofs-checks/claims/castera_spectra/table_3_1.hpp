// Claim "castera.ch3.table-3-1-saddle-avoidance": Theorem 3.9 / Corollary 3.10 illustrated as in
// Table 3.1 (002 §3.4.4, L1969-L1984): INNA (3.19) with alpha beta < 1 and alpha beta > 1, and GD,
// from 1000 starts theta_0 ~ N_2(0, 1e-24) on J = theta1^4 - 4 theta1^2 + theta2^2 never converge to
// the strict saddle (0, 0); starts on its stable manifold {theta1 = 0} do (the control).
#pragma once

#include <vector>

#include "proofs-checks/claim.hpp"
#include "proofs-checks/claims/castera_spectra/saddle_check.hpp"

namespace ov::claims::castera_ch3 {

// The three rows of Table 3.1 with the library's rules: INNA (alpha, beta) = (1/2, 1) and (1, 11/10),
// GD, all with gamma = 1/50 (the thesis gives no values; guide §6.1 [EXT] public code).
std::vector<SaddleMethod> table_3_1_methods();
SaddleSetup table_3_1_setup(const RunContext& ctx);

Finding check_table_3_1(const std::vector<SaddleMethod>& methods, const RunContext& ctx);

Claim table_3_1_claim();

}  // namespace ov::claims::castera_ch3
