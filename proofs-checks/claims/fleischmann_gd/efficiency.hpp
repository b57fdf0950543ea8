// Claim fleischmann.gd-redundant-data: 003 §4.2 (L695): for a training set S of ten copies of S_sub, the
// gradient over S costs ten times as much as over S_sub "while both computations yield the same result"; so
// gradient descent processes redundant data inefficiently (guide C20, the exact part of the efficiency claim).
#pragma once

#include "analysis/numeric/scalars.hpp"
#include "proofs-checks/claim.hpp"

namespace ov::claims::fgd {

// S = `copies` copies of S_sub, the first target of the last copy shifted by `perturbation` (the statement: 0).
Finding check_redundant_data(int copies, const rational& perturbation, const RunContext& ctx);
Claim redundant_data_claim();

}  // namespace ov::claims::fgd
