// Erratum claim "castera.ch3.erratum-3-36-permutation": the permutation matrix U of (3.36) (002 §3.6, L1998-L2006)
// as printed is not a permutation (P = 3: five nonzero entries; P = 4: two 1s in row 1), while the two printed
// example matrices for P = 3 and P = 4 are permutations that block-diagonalise (3.6) (guide §4.6 item 8).
#pragma once

#include <functional>
#include <utility>
#include <vector>

#include "proofs-checks/claim.hpp"

namespace ov::claims::castera_ch3 {

// The nonzero entries (1-based row, column, value) of U for a given P.
using PermutationFormula = std::function<std::vector<std::pair<std::pair<int, int>, int>>(int P)>;

PermutationFormula printed_3_36();   // the case analysis of (3.36) as printed
PermutationFormula perfect_shuffle();  // U e_{2p-1} = e_p, U e_{2p} = e_{P+p} (a corrected formula)

Finding check_permutation(const PermutationFormula& formula, const RunContext& ctx);
Claim erratum_permutation_claim();

}  // namespace ov::claims::castera_ch3
