// The LibTorch conformance suites (docs/conformance-torch.md): each property passes on correct
// optimizers and fails on a deliberately broken one; the one-line GoogleTest suite on a
// TorchSubject; every built-in subject (ours:*, torch:*) with what it was found to do.
//
// RapidCheck runs 10 cases per property here (each case drives an optimizer for up to a few
// thousand steps): set before main reads RC_PARAMS, and only when the user did not set it.
#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "gpu/conformance/torch_subject.hpp"
// The suite macro needs torch_subject.hpp first (TorchSubject overloads).
#include "gpu/conformance/torch_broken_optimizers.hpp"
#include "proofs-checks/conformance/gtest_suite.hpp"

namespace {

const bool rc_cases_limited = [] {
  if (std::getenv("RC_PARAMS") == nullptr)
    setenv("RC_PARAMS", std::getenv("OPTVERIFY_RC_RANDOM") ? "max_success=10" : "seed=20261123 max_success=10", 0);
  return true;
}();

using ov::conformance::Case;
using ov::conformance::CaseRanges;
using ov::conformance::Outcome;
using ov::conformance::Status;
using ov::conformance::TorchProperty;
using ov::conformance::TorchSubject;

TorchProperty property(const std::string& id) {
  for (auto& p : ov::conformance::all_torch_properties())
    if (p.id == id) return p;
  ADD_FAILURE() << "no property " << id;
  return {};
}

// `count` seeded cases of the property (as to_claim runs them).
std::vector<std::pair<Case, Outcome>> run_cases(const TorchProperty& p, const TorchSubject& s, int count,
                                                std::uint64_t seed = 11) {
  std::vector<std::pair<Case, Outcome>> out;
  for (const Case& c : ov::conformance::seeded_cases(seed, p.randomized ? count : 1, p.ranges))
    out.emplace_back(c, p.run(s, c));
  return out;
}

std::string describe(const std::vector<std::pair<Case, Outcome>>& outs) {
  std::string s;
  for (const auto& [c, o] : outs)
    s += std::string("\n  ") + ov::conformance::to_string(o.status) + " at " + ov::conformance::to_json(c).dump() +
         ": " + o.detail;
  return s;
}

struct PowerCase {
  std::string property;
  std::vector<std::string> correct;  // built-in specs on which it must pass (every case)
  std::string broken;                // a broken subject on which it must fail (some case)
};

const std::vector<PowerCase>& power_cases() {
  static const std::vector<PowerCase> v = {
      {"conformance.torch-universal.finite-states", {"ours:adam", "torch:adam"}, "epsilon_dropped"},
      {"conformance.torch-universal.non-finite-gradient-refused", {"ours:adam", "ours:sgd:momentum=0.5"}, "sign_flipped"},
      {"conformance.torch-universal.deterministic", {"ours:sgd", "torch:sgd"}, "shared_step_counter"},
      {"conformance.torch-universal.checkpoint-round-trip", {"ours:sgd:momentum=0.5", "torch:sgd:momentum=0.5", "ours:adam", "torch:adam"},
       "momentum_not_serialized"},
      {"conformance.torch-universal.split-invariance", {"ours:adam", "torch:adam"}, "step_counter_per_group"},
      {"conformance.torch-universal.no-allocation-growth", {"ours:sgd", "torch:sgd"}, "gradient_history_leak"},
      {"conformance.torch-descent.monotone-decrease", {"ours:sgd", "torch:sgd"}, "sign_flipped"},
      {"conformance.torch-descent.linear-rate", {"ours:sgd", "torch:sgd"}, "sign_flipped"},
      {"conformance.torch-momentum.linear-rate", {"ours:heavy_ball", "torch:sgd:momentum=0.5"}, "momentum_lost"},
      {"conformance.torch-adaptive.first-step-magnitude", {"ours:adam", "torch:adam"}, "no_bias_correction"},
      {"conformance.torch-adaptive.scale-invariance", {"ours:adam", "torch:adam"}, "missing_sqrt"},
  };
  return v;
}

class TorchPropertyPower : public ::testing::TestWithParam<PowerCase> {};

TEST_P(TorchPropertyPower, PassesOnCorrectAndFailsOnBroken) {
  const PowerCase& pc = GetParam();
  const TorchProperty p = property(pc.property);
  for (const std::string& spec : pc.correct) {
    const TorchSubject s = ov::conformance::torch_builtin_subject(spec);
    const auto outs = run_cases(p, s, 3);
    for (const auto& [c, o] : outs) EXPECT_EQ(o.status, Status::passed) << pc.property << " on " << spec << describe(outs);
  }
  const TorchSubject b = ov::conformance::torch_broken_subject(pc.broken);
  const auto outs = run_cases(p, b, 3);
  bool failed = false;
  for (const auto& [c, o] : outs) failed = failed || o.status == Status::failed;
  if (std::getenv("OPTVERIFY_CONFORMANCE_VERBOSE")) std::cout << pc.property << " on broken:" << pc.broken << describe(outs) << "\n";
  EXPECT_TRUE(failed) << pc.property << " does not catch broken:" << pc.broken << describe(outs);
}

INSTANTIATE_TEST_SUITE_P(Torch, TorchPropertyPower, ::testing::ValuesIn(power_cases()),
                         [](const ::testing::TestParamInfo<PowerCase>& i) {
                           return ov::conformance::gtest_param_name(i.param.property.substr(12));
                         });

TEST(TorchConformanceCatalog, EveryPropertyHasAPowerTestAndWellFormedIds) {
  std::set<std::string> covered;
  for (const auto& pc : power_cases()) covered.insert(pc.property);
  for (const auto& p : ov::conformance::all_torch_properties()) {
    EXPECT_TRUE(covered.count(p.id)) << p.id << " has no power test";
    EXPECT_EQ(p.id.rfind("conformance.torch-" + std::string(p.suite == "universal" ? "universal" : p.suite) + ".", 0), 0u)
        << p.id;
    EXPECT_FALSE(p.statement.empty());
    EXPECT_FALSE(p.check.empty());
    EXPECT_FALSE(p.source.file.empty());
  }
  // Every broken optimizer is caught by some property.
  std::set<std::string> caught;
  for (const auto& pc : power_cases()) caught.insert(pc.broken);
  for (const auto& n : ov::conformance::torch_broken_subject_names())
    EXPECT_TRUE(caught.count(n)) << n << " is caught by no power test";
}

TEST(TorchConformanceCatalog, SelectionAndErrors) {
  const TorchSubject adam = ov::conformance::torch_builtin_subject("ours:adam");
  std::set<std::string> suites;
  for (const auto& p : ov::conformance::applicable_properties(adam)) suites.insert(p.suite);
  EXPECT_EQ(suites, (std::set<std::string>{"universal", "adaptive"}));
  EXPECT_THROW(ov::conformance::find_property(adam, "conformance.torch-descent.linear-rate"), std::invalid_argument);
  EXPECT_THROW(ov::conformance::torch_builtin_subject("ours:nosuch"), std::invalid_argument);
  EXPECT_THROW(ov::conformance::torch_builtin_subject("ours:adam:lr=abc"), std::invalid_argument);
  EXPECT_THROW(ov::conformance::torch_builtin_subject("ours:adam:nokey=1"), std::invalid_argument);
  EXPECT_THROW(ov::conformance::torch_builtin_subject("torch:sgd:lr=-1"), std::invalid_argument);
  EXPECT_THROW(ov::conformance::torch_broken_subject("nosuch"), std::invalid_argument);
  TorchSubject bad = adam;
  bad.device = "nodevice";
  EXPECT_THROW(ov::conformance::validate(bad), std::invalid_argument);
  const auto claims = ov::conformance::conformance_claims(adam, 2);
  EXPECT_EQ(claims.size(), ov::conformance::applicable_properties(adam).size());
}

// Cases per property and subject in the built-in run: 2, or OPTVERIFY_CONFORMANCE_CASES.
int builtin_cases() {
  const char* e = std::getenv("OPTVERIFY_CONFORMANCE_CASES");
  return e ? std::max(1, std::atoi(e)) : 2;
}

// Every built-in subject on every applicable property (2 seeded cases each): what is found.
// Expected: everything passes, except the findings listed here.
TEST(TorchBuiltinSubjects, FindingsAreExactlyTheRecordedOnes) {
  const std::map<std::string, std::set<std::string>> expected_failures = {
      {"torch:sgd", {"conformance.torch-universal.non-finite-gradient-refused"}},
      {"torch:sgd:momentum=0.5", {"conformance.torch-universal.non-finite-gradient-refused"}},
      {"torch:adam", {"conformance.torch-universal.non-finite-gradient-refused"}},
      {"torch:adamw", {"conformance.torch-universal.non-finite-gradient-refused"}},
      {"torch:adagrad", {"conformance.torch-universal.non-finite-gradient-refused"}},
      {"torch:rmsprop", {"conformance.torch-universal.non-finite-gradient-refused"}},
  };
  for (const std::string& spec : ov::conformance::torch_builtin_subject_names()) {
    const TorchSubject s = ov::conformance::torch_builtin_subject(spec);
    std::set<std::string> failed;
    std::string log;
    for (const auto& p : ov::conformance::applicable_properties(s)) {
      const auto outs = run_cases(p, s, builtin_cases());
      for (const auto& [c, o] : outs) {
        if (o.status == Status::failed) failed.insert(p.id);
        EXPECT_NE(o.status, Status::undecided) << p.id << " on " << spec << describe(outs);
      }
      log += "\n" + p.id + ":" + describe(outs);
    }
    if (std::getenv("OPTVERIFY_CONFORMANCE_VERBOSE")) std::cout << "== " << spec << log << "\n";
    const auto it = expected_failures.find(spec);
    EXPECT_EQ(failed, it == expected_failures.end() ? std::set<std::string>{} : it->second) << spec << log;
  }
}

// A finding of the finite-states property (it passes: refusing keeps everything finite): ours:adamax
// with its default eps = 0 refuses EVERY step once one gradient coordinate is exactly 0 from the
// start (u = max(beta2 u, |g|) = 0 there, so m / u = 0 / 0 and the whole group is refused), so a
// model with one unused parameter never trains. torch::optim has no Adamax; its Adam has eps 1e-8.
TEST(TorchBuiltinSubjects, OursAdamaxRefusesEveryStepWithAZeroGradientCoordinate) {
  const TorchProperty p = property("conformance.torch-universal.finite-states");
  for (const auto& [spec, refused] : std::vector<std::pair<std::string, int>>{{"ours:adamax", 300}, {"ours:adamax:eps=1e-8", 0}}) {
    const auto outs = run_cases(p, ov::conformance::torch_builtin_subject(spec), 2);
    for (const auto& [c, o] : outs) {
      EXPECT_EQ(o.status, Status::passed) << spec << describe(outs);
      EXPECT_EQ(o.figures.value("refused_steps", -1), refused) << spec << describe(outs);
    }
  }
}

}  // namespace

// The one-line suite on a TorchSubject (what a user writes for their own optimizer).
OPTVERIFY_CONFORMANCE_SUITE(OursAdamTorchConformance, [] { return ov::conformance::torch_builtin_subject("ours:adam"); });
