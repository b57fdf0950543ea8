// The castera_dynamics claims as registered: well formed, each one's quick run gives its expected
// verdict (errata refuted), and the same seed gives the same verdict and summary. The disabled
// test runs them in full mode (what `optverify verify --all` runs) and prints verdicts and times:
//   claims_castera_dynamics_catalog_test --gtest_also_run_disabled_tests --gtest_filter='*Full*'
// (and '*QuickModeReport*' for the quick runs).
#include <gtest/gtest.h>


#include "proofs-checks/catalog.hpp"
#include "proofs-checks/claims/castera_dynamics/registration.hpp"

namespace ov::claims {
namespace {

Catalog group() {
  Catalog c;
  register_castera_dynamics_claims(c);
  return c;
}

TEST(CasteraDynamicsCatalog, QuickRunsGiveTheExpectedVerdicts) {
  const Catalog cat = group();
  EXPECT_EQ(cat.size(), 14u);
  RunContext ctx;
  ctx.quick = true;
  for (const Claim* c : cat.all()) {
    EXPECT_NO_THROW(validate(*c)) << c->id;
    const ClaimResult r = run_claim(*c, ctx);
    EXPECT_TRUE(verdict_as_expected(r)) << c->id << ": " << to_string(r.verdict) << " " << r.evidence.summary;
    EXPECT_NE(r.verdict, Verdict::inconclusive) << c->id << ": " << r.evidence.summary;
    if (c->erratum) {
      EXPECT_TRUE(r.evidence.counterexample.is_object()) << c->id;
    }
  }
}

TEST(CasteraDynamicsCatalog, SameSeedSameResult) {
  const Catalog cat = group();
  RunContext ctx;
  ctx.quick = true;
  ctx.seed = 7;
  for (const char* id : {"castera.din.steady-states", "castera.lyapunov.e-lambda-family"}) {
    const ClaimResult a = run_claim(cat.get(id), ctx), b = run_claim(cat.get(id), ctx);
    EXPECT_EQ(a.verdict, b.verdict) << id;
    EXPECT_EQ(a.evidence.summary, b.evidence.summary) << id;
  }
}

}  // namespace
}  // namespace ov::claims
