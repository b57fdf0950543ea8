// A conformance property: a statement about an optimizer, checked on one randomized case
// (docs/conformance.md). The same property runs three ways:
//   - as a RapidCheck property inside GoogleTest (gtest_suite.hpp): RapidCheck draws the
//     Case and shrinks a failing one;
//   - as a claim of the usual report schema (to_claim below): `cases` seeded cases, refuted
//     on the first failing one, which becomes the counterexample;
//   - from the CLI (`optverify conform`), which writes such claims into a report.
//
// BasicProperty is templated on the subject type so that the generic-rule suites (Subject,
// subject.hpp) and the LibTorch suites (TorchSubject, gpu/conformance/) share it.
#pragma once

#include <algorithm>
#include <cstdint>
#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "proofs-checks/claim.hpp"
#include "proofs-checks/conformance/declarations.hpp"

namespace ov::conformance {

// One randomized instance. Every random choice of a check derives from these fields, so a
// case printed in a report reproduces the check exactly.
struct Case {
  std::uint64_t seed = 1;  // problem data, start point, sampling
  int dim = 4;             // number of coordinates (parameters)
  double condition = 10;   // L / mu of the test problem, in [1, 1e4]
  double scale = 1;        // a scale of the problem or start point, in [1e-3, 1e3]
};
nlohmann::json to_json(const Case& c);

// The ranges RapidCheck draws from (inclusive); properties may use fewer fields.
struct CaseRanges {
  int dim_min = 1, dim_max = 8;
  double condition_min = 1, condition_max = 1e3;
  double scale_min = 1e-2, scale_max = 1e2;
};

enum class Status {
  passed,          // the statement held on this case
  failed,          // a counterexample: the statement is false on this case
  not_applicable,  // the case or the subject is outside the property's hypotheses
  undecided,       // the check could not decide (e.g. double cannot, escalation failed)
};
const char* to_string(Status s);

struct Outcome {
  Status status = Status::undecided;
  std::string detail;                                  // what was measured, with numbers
  nlohmann::json figures = nlohmann::json::object();  // the measured numbers by name

  static Outcome pass(std::string d, nlohmann::json f = nlohmann::json::object()) {
    return {Status::passed, std::move(d), std::move(f)};
  }
  static Outcome fail(std::string d, nlohmann::json f = nlohmann::json::object()) {
    return {Status::failed, std::move(d), std::move(f)};
  }
  static Outcome skip(std::string d) { return {Status::not_applicable, std::move(d), nlohmann::json::object()}; }
  static Outcome undecided(std::string d, nlohmann::json f = nlohmann::json::object()) {
    return {Status::undecided, std::move(d), std::move(f)};
  }
};

template <class SubjectT>
struct BasicProperty {
  std::string id;     // "conformance.<suite>.<name>", lowercase [a-z0-9.-]
  std::string suite;  // universal | descent | line_search | momentum | adaptive | fixed_point | stochastic
  std::string title;
  claims::Source source;  // where the statement comes from (document, section, equation)
  std::string statement;  // about the subject, in words
  std::string check;      // the procedure, in words, with its tolerances and why
  bool randomized = true;  // false: the case is ignored (one deterministic check)
  CaseRanges ranges;
  std::function<Outcome(const SubjectT&, const Case&)> run;
};

// The seeded cases a claim runs: case i of seed s is reproducible from (s, i).
std::vector<Case> seeded_cases(std::uint64_t seed, int count, const CaseRanges& ranges);

// Folds outcomes into a finding: the first failed case refutes (counterexample: the case,
// its detail and figures); all passed (not_applicable ones aside) holds; otherwise
// inconclusive. `subject_name` and `origin` go into the parameters.
claims::Finding fold_outcomes(const std::vector<std::pair<Case, Outcome>>& outcomes, const std::string& subject_name,
                              const std::string& origin);

// The property as a claim of the report schema (id "<property id>:<subject name>" is not
// used: the claim id is the property id; the subject is in the parameters), running
// `cases` seeded cases (1 when not randomized; fewer with RunContext::quick).
template <class SubjectT>
claims::Claim to_claim(const BasicProperty<SubjectT>& p, const SubjectT& subject, int cases,
                       const std::string& origin = "") {
  claims::Claim c;
  c.id = p.id;
  c.title = p.title;
  c.source = p.source;
  c.hypotheses = "the optimizer's declarations (docs/conformance.md, suite " + p.suite + ")";
  c.statement = p.statement;
  c.check = p.check;
  c.precision = {"double", {"double"}, "the property's own tolerances, stated in its check"};
  c.run = [p, subject, cases, origin](const claims::RunContext& ctx) {
    const int n = p.randomized ? (ctx.quick ? std::max(1, cases / 4) : cases) : 1;
    std::vector<std::pair<Case, Outcome>> outs;
    for (const Case& k : seeded_cases(ctx.seed, n, p.ranges)) {
      Outcome o = p.run(subject, k);
      const bool stop = o.status == Status::failed;
      outs.emplace_back(k, std::move(o));
      if (stop) break;
    }
    return fold_outcomes(outs, subject.name, origin);
  };
  return c;
}

// The properties of `all` whose suite the declarations select (selected_suites), in order.
template <class SubjectT>
std::vector<BasicProperty<SubjectT>> select_applicable(std::vector<BasicProperty<SubjectT>> all,
                                                       const Declarations& d) {
  const std::vector<std::string> suites = selected_suites(d);
  std::vector<BasicProperty<SubjectT>> out;
  for (auto& p : all)
    if (std::find(suites.begin(), suites.end(), p.suite) != suites.end()) out.push_back(std::move(p));
  return out;
}

// The property `id` among `applicable` (those of subject `subject_name`); std::invalid_argument
// naming the id and the valid ones otherwise.
template <class SubjectT>
BasicProperty<SubjectT> find_applicable(std::vector<BasicProperty<SubjectT>> applicable, const std::string& id,
                                        const std::string& subject_name) {
  std::string valid;
  for (auto& p : applicable) {
    if (p.id == id) return std::move(p);
    valid += (valid.empty() ? "" : ", ") + p.id;
  }
  throw std::invalid_argument("conformance: property '" + id + "' is not among those applicable to '" +
                              subject_name + "' (valid: " + valid + ")");
}

// `applicable` as claims (to_claim with `cases` cases each; cases >= 1, else std::invalid_argument).
template <class SubjectT>
std::vector<claims::Claim> claims_of(const std::vector<BasicProperty<SubjectT>>& applicable, const SubjectT& s,
                                     int cases) {
  if (cases < 1) throw std::invalid_argument("conformance: cases = " + std::to_string(cases) + " is outside [1, inf)");
  std::vector<claims::Claim> out;
  for (const auto& p : applicable) out.push_back(to_claim(p, s, cases, s.origin));
  return out;
}

}  // namespace ov::conformance
