// Claim "castera.ch3.det-roots-lemmas-3-13-3-15": the roots (3.40) of det M_p (3.39) in gamma, and the
// monotonicity of gamma_-(x) = beta/2 + alpha/(2x) - sqrt((alpha + beta x)^2 - 4x)/(2x) (Lemmas 3.13-3.15,
// L2012-L2044), with its limits 1/alpha at 0 and beta at -infinity (L2059, L2066).
#pragma once

#include <string>
#include <vector>

#include "proofs-checks/claim.hpp"

namespace ov::claims::castera_ch3 {

struct MonotonicityStatement {
  std::string lemma;   // "3.13 (x > 0)"
  bool ab_greater_1;   // alpha beta > 1 (true) or <= 1 (false)
  int domain;          // 0: (0, inf); 1: (-inf, 0); 2: (0, x-); 3: (x+, inf)
  int direction;       // +1 increasing, -1 decreasing
};

std::vector<MonotonicityStatement> thesis_lemmas_3_13_3_15();

Finding check_det_roots_lemmas(const std::vector<MonotonicityStatement>& lemmas, const RunContext& ctx);
Claim det_roots_lemmas_claim();

}  // namespace ov::claims::castera_ch3
