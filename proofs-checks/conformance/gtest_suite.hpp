// One line of GoogleTest runs the conformance suites on a user's optimizer
// (docs/conformance.md):
//
//   #include "proofs-checks/conformance/gtest_suite.hpp"
//   ov::conformance::Subject my_subject() { ... }
//   OPTVERIFY_CONFORMANCE_SUITE(MyRule, my_subject)
//
// instantiates one test per applicable property, named MyRule/Property.<property id>.
// Randomized properties run as RapidCheck properties (RC_PARAMS="seed=... max_success=..."
// controls them as usual): RapidCheck draws the Case, shrinks a failing one and prints it;
// the property's measured detail is in the failure message. Needs GoogleTest and RapidCheck
// (targets GTest::gtest, rapidcheck) besides optverify::conformance.
#pragma once

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <rapidcheck.h>

#include "proofs-checks/conformance/core_properties.hpp"
#include "proofs-checks/conformance/property.hpp"

namespace ov::conformance {

// A Case drawn by RapidCheck within `r` (condition and scale log-uniformly on a grid of
// 1001 points, so that shrinking moves towards the lower ends).
inline Case draw_case(const CaseRanges& r) {
  Case c;
  c.seed = *rc::gen::inRange<std::uint64_t>(1, 1u << 30);
  c.dim = *rc::gen::inRange(r.dim_min, r.dim_max + 1);
  const int ic = *rc::gen::inRange(0, 1001);
  const int is = *rc::gen::inRange(0, 1001);
  c.condition = r.condition_min * std::pow(r.condition_max / r.condition_min, ic / 1000.0);
  c.scale = r.scale_min * std::pow(r.scale_max / r.scale_min, is / 1000.0);
  return c;
}

// Runs one property on the subject inside the current GoogleTest test.
template <class SubjectT>
void gtest_check(const SubjectT& subject, const BasicProperty<SubjectT>& p) {
  const auto report = [&](const Case& c, const Outcome& o) {
    return p.id + " on " + subject.name + ": " + to_string(o.status) + " at case " + to_json(c).dump() + ": " +
           o.detail;
  };
  if (!p.randomized) {
    const Case c;
    const Outcome o = p.run(subject, c);
    if (o.status == Status::not_applicable) GTEST_SKIP() << report(c, o);
    EXPECT_EQ(o.status, Status::passed) << report(c, o) << "\nstatement: " << p.statement;
    return;
  }
  // A property that does not apply to this subject at all (e.g. a checkpoint round trip for a
  // rule without optim::StateCheckpoint) is skipped, with the reason; it is probed on the
  // default case. Cases outside a property's hypotheses count as successes, tagged.
  {
    const Case probe;
    const Outcome o = p.run(subject, probe);
    if (o.status == Status::not_applicable) GTEST_SKIP() << report(probe, o);
  }
  const bool ok = rc::check(p.id + " on " + subject.name, [&] {
    const Case c = draw_case(p.ranges);
    const Outcome o = p.run(subject, c);
    if (o.status == Status::not_applicable) {
      RC_TAG("not applicable");
      return;
    }
    // undecided fails too: a property that cannot decide must say so, not pass silently.
    if (o.status != Status::passed) RC_FAIL(report(c, o));
  });
  EXPECT_TRUE(ok) << p.id << " on " << subject.name << " fails (RapidCheck's counterexample above)\nstatement: "
                  << p.statement;
}

// GoogleTest parameter names: the property id with '.' and '-' as '_'.
inline std::string gtest_param_name(const std::string& id) {
  std::string s = id;
  std::replace(s.begin(), s.end(), '.', '_');
  std::replace(s.begin(), s.end(), '-', '_');
  return s;
}

}  // namespace ov::conformance

// Name: a C++ identifier naming the test suite; ...: a callable returning the subject
// (Subject, or TorchSubject with gpu/conformance/torch_subject.hpp included first). The properties are
// those applicable_properties(subject) selects.
#define OPTVERIFY_CONFORMANCE_SUITE(Name, ...)                                                              \
  class Name : public ::testing::TestWithParam<std::string> {                                              \
   public:                                                                                                  \
    static const auto& subject() {                                                                          \
      static const auto s = (__VA_ARGS__)();                                                                \
      return s;                                                                                             \
    }                                                                                                       \
    static std::vector<std::string> ids() {                                                                 \
      std::vector<std::string> out;                                                                         \
      for (const auto& p : ::ov::conformance::applicable_properties(subject())) out.push_back(p.id);        \
      return out;                                                                                           \
    }                                                                                                       \
  };                                                                                                        \
  TEST_P(Name, Property) {                                                                                  \
    ::ov::conformance::gtest_check(Name::subject(),                                                         \
                                   ::ov::conformance::find_property(Name::subject(), GetParam()));          \
  }                                                                                                         \
  INSTANTIATE_TEST_SUITE_P(Conformance, Name, ::testing::ValuesIn(Name::ids()),                             \
                           [](const ::testing::TestParamInfo<std::string>& i) {                             \
                             return ::ov::conformance::gtest_param_name(i.param);                           \
                           })
