// Loss-landscape claims of 003 §3.3 on linear and small tanh networks:
//  - fleischmann.baldi-hornik-critical-points: Theorem 3.5 (Baldi & Hornik), exact in rational;
//  - fleischmann.dauphin-cost-index-correlation: Dauphin et al.'s observation (003 L476), statistical.
// docs/claims-fleischmann_landscape.md.
#pragma once

#include <cstdint>
#include <functional>
#include <vector>

#include "nets/special/linear_network.hpp"
#include "proofs-checks/claim.hpp"

namespace ov::claims::landscape {

// The three formulas of Theorem 3.5 the check tests, as ingredients (the tests pass broken ones).
struct BaldiHornikFormulas {
  // (W1, W2) as theta of linear_network(m, p, m) for the 0-based index set I and the p x p matrix C (003 L426).
  std::function<Vec<rational>(const nets::special::LinearMoments&, const Mat<rational>& U, const std::vector<int>& I,
                              const Mat<rational>& C)>
      point;
  // f at that point (003 L432).
  std::function<rational(const nets::special::LinearMoments&, const Vec<rational>& lambda, const std::vector<int>& I)>
      cost;
  // The index set of the global minima (003 L434: {1..p}, 0-based {0..p-1}).
  std::function<std::vector<int>(int m, int p)> minimum_set;
};
BaldiHornikFormulas theorem_3_5_formulas();
Finding check_baldi_hornik(const BaldiHornikFormulas& formulas, const RunContext& ctx);
Claim baldi_hornik_claim();

// Dauphin: the (index fraction, cost) pairs of the critical points found go through `transform`
// before the statistics (identity for the claim; the tests shuffle or negate the costs).
using CostTransform = std::function<std::vector<double>(std::vector<double> cost, std::uint64_t seed)>;
CostTransform identity_costs();
Finding check_dauphin_correlation(const CostTransform& transform, const RunContext& ctx);
Claim dauphin_claim();

}  // namespace ov::claims::landscape
