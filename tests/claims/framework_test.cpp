// The claims framework: registry, verdict serialisation, escalation records, shards,
// parallel runs and the resume store.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <stdexcept>
#include <unistd.h>

#include "analysis/numeric/exact_constant.hpp"
#include "analysis/numeric/precision_ladder.hpp"
#include "proofs-checks/catalog.hpp"
#include "proofs-checks/claim_runner.hpp"
#include "proofs-checks/escalation_log.hpp"
#include "proofs-checks/figures.hpp"
#include "proofs-checks/result_store.hpp"
#include "proofs-checks/shard.hpp"

namespace ov::claims {
namespace {

Claim toy_claim(const std::string& id, Verdict v = Verdict::holds) {
  Claim c;
  c.id = id;
  c.title = "toy " + id;
  c.source = {"000_47ba9189a2c8a171.txt", "2.1", "(7)", "L95"};
  c.hypotheses = "none";
  c.statement = "a toy statement";
  c.check = "returns a fixed verdict with a seed-dependent figure";
  c.precision = {"double", {"double"}, ""};
  c.run = [v](const RunContext& ctx) {
    Finding f;
    f.verdict = v;
    f.evidence.summary = "toy";
    f.evidence.figures = {{"seed_times_three", static_cast<double>(ctx.seed * 3)}};
    return f;
  };
  return c;
}

TEST(ClaimsCatalog, RejectsDuplicateAndMalformedIds) {
  Catalog cat;
  cat.add(toy_claim("a.one"));
  EXPECT_THROW(cat.add(toy_claim("a.one")), std::invalid_argument);
  EXPECT_THROW(cat.add(toy_claim("Upper.case")), std::invalid_argument);
  EXPECT_THROW(cat.add(toy_claim("has space")), std::invalid_argument);
  EXPECT_THROW(cat.add(toy_claim("")), std::invalid_argument);
  Claim no_run = toy_claim("a.two");
  no_run.run = nullptr;
  EXPECT_THROW(cat.add(no_run), std::invalid_argument);
  EXPECT_EQ(cat.size(), 1u);
}

TEST(ClaimsCatalog, BuiltinIdsAreUniqueSortedAndValid) {
  const auto& cat = builtin_catalog();
  const auto ids = cat.ids();
  ASSERT_GE(ids.size(), 2u);
  EXPECT_TRUE(std::is_sorted(ids.begin(), ids.end()));
  EXPECT_EQ(std::set<std::string>(ids.begin(), ids.end()).size(), ids.size());
  for (const Claim* c : cat.all()) EXPECT_NO_THROW(validate(*c));
  EXPECT_TRUE(cat.contains("backtracking.armijo-every-step"));
  EXPECT_TRUE(cat.contains("castera.inna.first-step-gradient"));
}

TEST(ClaimsCatalog, UnknownIdSuggestsCloseNames) {
  const auto& cat = builtin_catalog();
  try {
    cat.get("backtracking.armijo-every-stp");
    FAIL() << "no exception";
  } catch (const unknown_claim& e) {
    ASSERT_FALSE(e.suggestions().empty());
    EXPECT_EQ(e.suggestions().front(), "backtracking.armijo-every-step");
    EXPECT_NE(std::string(e.what()).find("did you mean"), std::string::npos);
  }
  try {
    cat.get("zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz");
    FAIL() << "no exception";
  } catch (const unknown_claim& e) {
    // Nothing close: the message lists the catalog.
    EXPECT_NE(std::string(e.what()).find("castera.inna.first-step-gradient"), std::string::npos);
  }
}

TEST(ClaimsCatalog, SourceFilterMatchesFileOrPrefix) {
  const auto& cat = builtin_catalog();
  const auto by_file = cat.from_source("002_dc929347c6f8ce02.txt");
  const auto by_prefix = cat.from_source("002");
  ASSERT_FALSE(by_file.empty());
  EXPECT_EQ(by_file, by_prefix);
  for (const Claim* c : by_file) {
    bool cites = c->source.file == "002_dc929347c6f8ce02.txt";
    for (const auto& o : c->also_in) cites = cites || o.file == "002_dc929347c6f8ce02.txt";
    EXPECT_TRUE(cites) << c->id;
  }
  EXPECT_THROW(cat.from_source("999_nothing.txt"), std::invalid_argument);
}

TEST(ClaimsCatalog, SourceFilterAlsoMatchesTheOtherDocumentsOfAClaim) {
  Catalog cat;
  Claim paper_only = toy_claim("paper.only");
  Claim both = toy_claim("paper.and-slides");
  both.also_in = {{"001_ca0824e53e7404e9.txt", "Main Theorem", "", "S-L581-S-L598"}};
  cat.add(paper_only);
  cat.add(both);
  const auto slides = cat.from_source("001");
  ASSERT_EQ(slides.size(), 1u);
  EXPECT_EQ(slides[0]->id, "paper.and-slides");
  EXPECT_EQ(cat.from_source("000").size(), 2u);
  const auto docs = cat.sources();
  EXPECT_EQ(docs, (std::vector<std::string>{"000_47ba9189a2c8a171.txt", "001_ca0824e53e7404e9.txt"}));
}

TEST(ClaimsFigures, NestedResultsAreFlattenedToScalarKeys) {
  const nlohmann::json nested = {{"fit", {{"slope", 1.9}, {"r", {0.5, 0.25}}}}, {"runs", 3}, {"ok", true}};
  const nlohmann::json flat = flatten_figures(nested);
  EXPECT_EQ(flat, (nlohmann::json{{"fit.slope", 1.9}, {"fit.r.0", 0.5}, {"fit.r.1", 0.25}, {"runs", 3}, {"ok", true}}));
  for (const auto& [k, v] : flat.items()) EXPECT_TRUE(v.is_primitive()) << k;
}

TEST(ClaimsVerdict, AnErratumIsExpectedToBeRefutedAndAClaimNot) {
  RunContext ctx;
  auto result = [&ctx](Verdict v, bool erratum) {
    Claim c = toy_claim("toy.erratum", v);
    c.erratum = erratum;
    return run_claim(c, ctx);
  };
  EXPECT_TRUE(verdict_as_expected(result(Verdict::holds, false)));
  EXPECT_TRUE(verdict_as_expected(result(Verdict::inconclusive, false)));
  EXPECT_FALSE(verdict_as_expected(result(Verdict::refuted, false)));
  EXPECT_TRUE(verdict_as_expected(result(Verdict::refuted, true)));
  EXPECT_TRUE(verdict_as_expected(result(Verdict::inconclusive, true)));
  EXPECT_FALSE(verdict_as_expected(result(Verdict::holds, true)));
  EXPECT_FALSE(verdict_as_expected(result(Verdict::holds_certified, true)));
  EXPECT_TRUE(result(Verdict::refuted, true).erratum);
}

TEST(ClaimsVerdict, StringsRoundTripAndBadOnesAreRefused) {
  for (Verdict v : {Verdict::holds, Verdict::holds_certified, Verdict::refuted, Verdict::inconclusive})
    EXPECT_EQ(verdict_from_string(to_string(v)), v);
  EXPECT_STREQ(to_string(Verdict::holds_certified), "holds-certified");
  EXPECT_THROW(verdict_from_string("holds_certified"), std::invalid_argument);
}

TEST(ClaimsVerdict, ResultJsonRoundTripsAndFollowsTheSchema) {
  RunContext ctx;
  ctx.seed = 42;
  ClaimResult r = run_claim(toy_claim("a.b", Verdict::refuted), ctx);
  r.escalations.push_back({"mp50", "double margin"});
  r.evidence.counterexample = {{"x", "1/3"}};
  const nlohmann::json j = to_json(r);
  for (const char* k : {"id", "title", "source", "hypotheses", "statement", "check", "verdict", "precision",
                        "escalations", "seed", "parameters", "time_s", "evidence"})
    EXPECT_TRUE(j.contains(k)) << k;
  EXPECT_EQ(j["verdict"], "refuted");
  EXPECT_EQ(j["seed"], 42);
  EXPECT_EQ(j["evidence"]["figures"]["seed_times_three"], 126.0);
  EXPECT_EQ(to_json(claim_result_from_json(j)), j);
  r.erratum = true;
  r.also_in = {{"001_ca0824e53e7404e9.txt", "Main Theorem", "", "S-L581"}};
  const nlohmann::json je = to_json(r);
  EXPECT_EQ(je["erratum"], true);
  EXPECT_EQ(je["also_in"][0]["file"], "001_ca0824e53e7404e9.txt");
  EXPECT_EQ(to_json(claim_result_from_json(je)), je);
  nlohmann::json broken = j;
  broken.erase("verdict");
  EXPECT_THROW(claim_result_from_json(broken), std::invalid_argument);
}

TEST(ClaimsRun, AThrowingCheckIsInconclusiveWithItsMessage) {
  Claim c = toy_claim("a.throws");
  c.run = [](const RunContext&) -> Finding { throw std::runtime_error("no data"); };
  const ClaimResult r = run_claim(c, RunContext{});
  EXPECT_EQ(r.verdict, Verdict::inconclusive);
  EXPECT_NE(r.evidence.summary.find("no data"), std::string::npos);
}

// The Armijo slack of a y^2 / 2 with a = 3 at x = 2/7, sigma = 1/3, alpha = 1/2: exactly 0
// (docs/numeric.md), so no floating rung and not the interval rung can decide; only rational can.
struct ZeroSlack {
  template <class T>
  ladder::Estimate<T> operator()(ladder::tag<T>) const {
    const T a = constant<T>("3"), x = constant<T>("2/7"), s = constant<T>("1/3"), al = constant<T>("1/2");
    const auto f = [&](const T& y) { return a * y * y / 2; };
    const T g = a * x;
    const T y = x - s * g;
    const T v = f(y) - f(x) + al * s * g * g;
    return {v, f(y) + f(x) + al * s * g * g};
  }
};

TEST(ClaimsEscalation, EveryRungTakenIsRecordedWithItsReason) {
  EscalationLog log;
  log.record(ladder::decide_sign<ladder::Rung::rational>(ZeroSlack{}), "toy point");
  EXPECT_EQ(log.precision_used(), "rational");
  const auto esc = log.escalations();
  ASSERT_EQ(esc.size(), 4u);
  EXPECT_EQ(esc[0].precision, "mp50");
  EXPECT_EQ(esc[1].precision, "mp100");
  EXPECT_EQ(esc[2].precision, "interval");
  EXPECT_EQ(esc[3].precision, "rational");
  EXPECT_NE(esc[0].reason.find("toy point"), std::string::npos);
  EXPECT_NE(esc[0].reason.find("margin"), std::string::npos);
  EXPECT_NE(esc[3].reason.find("enclosure contains 0"), std::string::npos);
  EXPECT_EQ(log.figures()["decided_by_rational"], 1);
  EXPECT_EQ(log.undecided(), 0);
  // A clearly positive value is decided in double: no escalation.
  EscalationLog easy;
  easy.record(ladder::decide_sign([](auto tag) {
                using T = typename decltype(tag)::type;
                return ladder::Estimate<T>{T(1), T(1)};
              }),
              "easy");
  EXPECT_EQ(easy.precision_used(), "double");
  EXPECT_TRUE(easy.escalations().empty());
}

TEST(ClaimsShard, ParsesOnlyTheValidForm) {
  const Shard s = parse_shard("2/5");
  EXPECT_EQ(s.index, 2);
  EXPECT_EQ(s.count, 5);
  for (const char* bad : {"0/3", "4/3", "3", "a/b", "1/0", "-1/2", "1/2/3", "/2", "2/"}) {
    try {
      parse_shard(bad);
      FAIL() << bad;
    } catch (const std::invalid_argument& e) {
      EXPECT_NE(std::string(e.what()).find("--shard"), std::string::npos);
      EXPECT_NE(std::string(e.what()).find("i/n"), std::string::npos);
    }
  }
}

TEST(ClaimsShard, ShardsPartitionTheCatalogForEveryN) {
  Catalog cat;
  for (int k = 0; k < 11; ++k) cat.add(toy_claim("toy.c" + std::to_string(100 + k)));
  const auto all = cat.all();
  for (int n = 1; n <= 5; ++n) {
    std::multiset<std::string> seen;
    for (int i = 1; i <= n; ++i)
      for (const Claim* c : select_shard(all, Shard{i, n})) seen.insert(c->id);
    EXPECT_EQ(seen.size(), all.size()) << "n = " << n;
    for (const Claim* c : all) EXPECT_EQ(seen.count(c->id), 1u) << c->id << " n = " << n;
  }
}

TEST(ClaimsRunner, JobsDoNotChangeResultsOrOrder) {
  Catalog cat;
  for (int k = 0; k < 6; ++k) cat.add(toy_claim("toy.j" + std::to_string(k), k % 2 ? Verdict::holds : Verdict::refuted));
  for (const Claim* c : builtin_catalog().all()) cat.add(*c);
  RunContext ctx;
  ctx.seed = 7;
  ctx.quick = true;
  RunnerOptions one, two;
  one.jobs = 1;
  two.jobs = 2;
  const auto a = run_claims(cat.all(), ctx, one);
  const auto b = run_claims(cat.all(), ctx, two);
  ASSERT_EQ(a.results.size(), b.results.size());
  for (std::size_t k = 0; k < a.results.size(); ++k) {
    nlohmann::json ja = to_json(a.results[k]), jb = to_json(b.results[k]);
    ja.erase("time_s");
    jb.erase("time_s");
    EXPECT_EQ(ja, jb) << a.results[k].id;
  }
  EXPECT_THROW(run_claims(cat.all(), ctx, RunnerOptions{0, nullptr, nullptr}), std::invalid_argument);
}

TEST(ClaimsResultStore, StoresReusesAndRejectsOtherKeys) {
  const auto dir = std::filesystem::temp_directory_path() / ("ov_claims_store_" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  RunContext ctx;
  ctx.seed = 11;
  const ResultStore store(dir, ctx);
  const ClaimResult r = run_claim(toy_claim("toy.store"), ctx);
  EXPECT_FALSE(store.load("toy.store").has_value());
  store.store(r);
  const auto back = store.load("toy.store");
  ASSERT_TRUE(back.has_value());
  EXPECT_EQ(to_json(*back), to_json(r));
  RunContext other = ctx;
  other.seed = 12;
  EXPECT_FALSE(ResultStore(dir, other).load("toy.store").has_value());  // another seed: not reused
  // The runner reuses and reports it.
  Claim c = toy_claim("toy.store");
  int ran = 0;
  c.run = [&ran](const RunContext&) {
    ++ran;
    return Finding{};
  };
  RunnerOptions opt;
  opt.reuse = [&store](const Claim& cl) { return store.load(cl.id); };
  const auto out = run_claims({&c}, ctx, opt);
  EXPECT_EQ(ran, 0);
  EXPECT_TRUE(out.reused[0]);
  // A corrupt file names itself.
  std::ofstream(store.path_of("toy.bad")) << "{not json";
  try {
    store.load("toy.bad");
    FAIL();
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("toy.bad.json"), std::string::npos);
  }
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace ov::claims
