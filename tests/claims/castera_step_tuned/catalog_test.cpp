// The castera_step_tuned group as registered: every claim well formed, its quick verdict as expected (errata
// refuted, the others holding or certified), each quick run under 2 s, and the same seed giving the same result.
#include <gtest/gtest.h>

#include <set>

#include "proofs-checks/catalog.hpp"
#include "proofs-checks/claims/castera_step_tuned/registration.hpp"

namespace ov::claims {
namespace {

TEST(CasteraStepTunedCatalog, QuickVerdictsAsExpectedAndReproducible) {
  Catalog cat;
  register_castera_step_tuned_claims(cat);
  ASSERT_EQ(cat.all().size(), 12u);
  RunContext ctx;
  ctx.seed = 1;
  ctx.quick = true;
  int errata = 0;
  for (const Claim* c : cat.all()) {
    EXPECT_EQ(c->source.file, "002_dc929347c6f8ce02.txt") << c->id;
    const ClaimResult r = run_claim(*c, ctx);
    EXPECT_TRUE(verdict_as_expected(r)) << c->id << ": " << r.evidence.summary;
    EXPECT_NE(r.verdict, Verdict::inconclusive) << c->id << ": " << r.evidence.summary;
    if (c->erratum) {
      ++errata;
      EXPECT_EQ(r.verdict, Verdict::refuted) << c->id;
      EXPECT_TRUE(r.evidence.counterexample.is_object()) << c->id;
    }
    // Same seed, same result (summary and figures).
    const ClaimResult again = run_claim(*c, ctx);
    EXPECT_EQ(again.evidence.summary, r.evidence.summary) << c->id;
    EXPECT_EQ(again.evidence.figures, r.evidence.figures) << c->id;
  }
  EXPECT_EQ(errata, 4);
}

}  // namespace
}  // namespace ov::claims
