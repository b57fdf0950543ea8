// Claim "backtracking.slides-small-alpha-larger-steps" (slides 001_ca0824e53e7404e9.txt, "Armijo's condition
// (Backtracking GD)", S-L547-S-L549; guide §5 item 11; the Greek letter is lost in the text, alpha by context):
// "If alpha is small (0.01 or 0.05) => keep delta_n as big as possible". Measured form: delta(f, delta0, x), the
// largest delta0 beta^k satisfying (7), is non-increasing in alpha (the Armijo set shrinks as alpha grows), so the
// smallest alpha gives the largest step; also how much larger (figures).
#pragma once

#include <string>
#include <vector>

#include "proofs-checks/claim.hpp"
#include "proofs-checks/claims/backtracking_step_heuristics/common.hpp"

namespace ov::claims::small_alpha {

struct AlphaConfig {
  std::vector<std::string> problems = {"rosenbrock", "himmelblau", "beale", "mexican_hat", "styblinski_tang"};
  std::vector<std::string> alphas = {"1/100", "1/20", "1/10", "1/4", "1/2", "9/10"};  // increasing
  std::string delta0 = "1", beta = "1/2";
  int points = 20;
};

AlphaConfig alpha_config(bool quick);

Finding check_small_alpha(const AlphaConfig& cfg, const step_heuristics::BacktrackingFactory& rule,
                          const RunContext& ctx);

Claim small_alpha_claim();

}  // namespace ov::claims::small_alpha
