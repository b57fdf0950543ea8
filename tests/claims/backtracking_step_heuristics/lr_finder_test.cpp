// Claim backtracking.lr-finder-stable-across-starting-rates: holds for the library's finder; refuted for a one-way
// finder (its upper bound set to the starting rate, so it can only shrink: the found rate follows the start).
#include <gtest/gtest.h>

#include <iostream>

#include "proofs-checks/claims/backtracking_step_heuristics/lr_finder_stability.hpp"

namespace ov::claims::lr_finder_stability {
namespace {

TEST(LrFinderStability, HoldsForTheLibraryFinder) {
  RunContext ctx;
  ctx.quick = true;
  const Finding f = check_finder_stability(finder_config(true), library_finder(), ctx);
  std::cerr << f.evidence.summary << "\n";
  EXPECT_EQ(f.verdict, Verdict::holds) << f.evidence.summary;
  EXPECT_LE(f.evidence.figures["worst_max_over_min"].get<double>(), 1.5);
  EXPECT_EQ(f.evidence.series.size(), 3u);
}

TEST(LrFinderStability, AOneWayFinderIsRefuted) {
  RunContext ctx;
  ctx.quick = true;
  const FinderFactory one_way = [](double start) {
    optim::MinibatchLrFinderParameters<double> p;
    p.start = start;
    p.upper = start;  // MUTATED: no upward search
    return optim::MinibatchLrFinder<double>(p);
  };
  const Finding f = check_finder_stability(finder_config(true), one_way, ctx);
  EXPECT_EQ(f.verdict, Verdict::refuted) << f.evidence.summary;
  EXPECT_TRUE(f.evidence.counterexample.is_object());
}

}  // namespace
}  // namespace ov::claims::lr_finder_stability
