// A claim of the literature as an executable check (docs/claims.md).
//
// A Claim carries a stable id, its citation (document file, section, equation, lines), its
// hypotheses, statement, how it is checked, and its precision policy; `run` performs the
// check and returns a Finding (verdict + evidence). run_claim() wraps it into a ClaimResult
// (the report schema's object, /work/briefs/report_schema.md, docs/report-schema.md) with
// the seed and the wall time.
//
// Verdicts (exact meanings):
//   holds            the evidence is consistent with the statement and the stated search
//                    found no counterexample (not a proof);
//   holds_certified  a finite computation in interval or exact (rational) arithmetic proves
//                    the statement as stated by the claim;
//   refuted          a reproducible counterexample (kept in evidence.counterexample);
//   inconclusive     anything else (undecided at every precision, a check that could not run).
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "analysis/numeric/precision_ladder.hpp"

namespace ov::claims {

enum class Verdict { holds, holds_certified, refuted, inconclusive };

// "holds", "holds-certified", "refuted", "inconclusive" (the report schema's spelling).
const char* to_string(Verdict v);
// Inverse of to_string; throws std::invalid_argument naming the value and the valid ones.
Verdict verdict_from_string(const std::string& s);

struct Source {
  std::string file;      // e.g. "000_47ba9189a2c8a171.txt"
  std::string section;   // e.g. "2.1"
  std::string equation;  // e.g. "(7)"
  std::string lines;     // e.g. "L89-L101"
};

// Where a decision starts and the rungs it may escalate along, e.g. start "double",
// ladder {"double", "mp50", "mp100", "interval", "rational"}.
struct PrecisionPolicy {
  std::string start;
  std::vector<std::string> ladder;
  std::string note;  // when it escalates and what decides
};

struct Escalation {
  std::string precision;  // the rung escalated to
  std::string reason;     // why the rung below could not decide
};

struct Evidence {
  std::string summary;
  nlohmann::json figures = nlohmann::json::object();  // name -> number | string
  nlohmann::json series = nlohmann::json::array();    // report-schema Series objects
  nlohmann::json counterexample = nullptr;            // object when refuted
};

// What a claim's check returns.
struct Finding {
  Verdict verdict = Verdict::inconclusive;
  std::string precision;  // the precision that decided (the highest rung used)
  std::vector<Escalation> escalations;
  nlohmann::json parameters = nlohmann::json::object();
  Evidence evidence;
};

// The context a check runs in.
struct RunContext {
  std::uint64_t seed = 1;         // every random choice of the check derives from it
  bool quick = false;             // a smaller search (fewer starts, shorter runs)
  ladder::Options ladder{};       // floating-rung margin (error_ulps) and require_certified
};

struct Claim {
  std::string id;  // stable, lowercase [a-z0-9.-], e.g. "backtracking.armijo-every-step"
  std::string title;
  Source source;
  std::string hypotheses;
  std::string statement;
  std::string check;  // the check procedure, in words
  PrecisionPolicy precision;
  std::function<Finding(const RunContext&)> run;
  // true when `statement` is the document's text as printed and believed false (an erratum,
  // e.g. a sign error): the check is expected to refute it, and `refuted` is then the
  // expected outcome (optverify verify does not fail on it, and fails if it is not refuted).
  bool erratum = false;
  // Other documents that state the same thing (e.g. the slides restating the paper):
  // `--source` selects the claim from any of them; JSON "also_in".
  std::vector<Source> also_in;
};

// The report schema's ClaimResult.
struct ClaimResult {
  std::string id, title;
  Source source;
  std::string hypotheses, statement, check;
  Verdict verdict = Verdict::inconclusive;
  std::string precision;
  std::vector<Escalation> escalations;
  std::optional<std::uint64_t> seed;
  nlohmann::json parameters = nlohmann::json::object();
  double time_s = 0;
  Evidence evidence;
  bool erratum = false;  // Claim::erratum (JSON "erratum", absent = false)
  std::vector<Source> also_in;  // Claim::also_in (JSON "also_in", absent = none)
};

// The verdict is what the catalog expects: not refuted for a claim of a true statement,
// refuted for an erratum (an inconclusive erratum is not a contradiction either).
bool verdict_as_expected(const ClaimResult& r);

nlohmann::json to_json(const ClaimResult& r);
// Reads a ClaimResult back; throws std::invalid_argument naming the missing/bad field.
ClaimResult claim_result_from_json(const nlohmann::json& j);

// Runs the claim's check in `ctx`, times it, and fills the result. An exception thrown by
// the check gives `inconclusive` with the exception's message in the summary (the check
// could not run: nothing was decided).
ClaimResult run_claim(const Claim& c, const RunContext& ctx);

// Throws std::invalid_argument if the claim is malformed: empty or ill-formed id (lowercase
// letters, digits, '.', '-'; starts with a letter), empty title/statement/check/source file,
// or no run function.
void validate(const Claim& c);

}  // namespace ov::claims
