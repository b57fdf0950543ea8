// Claim "backtracking.erratum-table3-paper-vs-slides" (erratum; 000_47ba9189a2c8a171.txt, Section 4.6,
// Table 3, L636-L644, and the slides' copy, 001_ca0824e53e7404e9.txt S-L809-S-L823): the two documents report
// the same experiment tables. False for Table 3: ResNet18 / CIFAR100 / MBT-NAG is 70.66 in the paper (L638)
// and 70.78 in the slides (S-L813) (guide errata item 15). Table 2 (L613-L624 vs S-L774-S-L796) agrees.
//
// Check, as a function of the two tables: every cell compared exactly (rationals from the printed decimals).
#pragma once

#include "proofs-checks/claim.hpp"
#include "proofs-checks/claims/backtracking_counterexamples/tables.hpp"

namespace ov::claims::erratum_table3 {

Finding check_tables_agree(const std::vector<std::pair<bt_cex::Table, bt_cex::Table>>& pairs, const RunContext& ctx);
Claim table3_claim();

}  // namespace ov::claims::erratum_table3
