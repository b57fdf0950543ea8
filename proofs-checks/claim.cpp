#include "proofs-checks/claim.hpp"

#include <cctype>
#include <chrono>
#include <exception>
#include <stdexcept>

namespace ov::claims {

const char* to_string(Verdict v) {
  switch (v) {
    case Verdict::holds: return "holds";
    case Verdict::holds_certified: return "holds-certified";
    case Verdict::refuted: return "refuted";
    case Verdict::inconclusive: return "inconclusive";
  }
  return "inconclusive";
}

Verdict verdict_from_string(const std::string& s) {
  for (Verdict v : {Verdict::holds, Verdict::holds_certified, Verdict::refuted, Verdict::inconclusive})
    if (s == to_string(v)) return v;
  throw std::invalid_argument("verdict = \"" + s +
                              "\" is not one of holds, holds-certified, refuted, inconclusive");
}

namespace {

nlohmann::json source_json(const Source& s) {
  return {{"file", s.file}, {"section", s.section}, {"equation", s.equation}, {"lines", s.lines}};
}

nlohmann::json also_in_json(const std::vector<Source>& v) {
  nlohmann::json a = nlohmann::json::array();
  for (const auto& s : v) a.push_back(source_json(s));
  return a;
}

const nlohmann::json& field(const nlohmann::json& j, const char* name) {
  if (!j.is_object() || !j.contains(name))
    throw std::invalid_argument(std::string("claim result: missing field \"") + name + "\"");
  return j.at(name);
}

std::string string_field(const nlohmann::json& j, const char* name) {
  const auto& f = field(j, name);
  if (!f.is_string()) throw std::invalid_argument(std::string("claim result: field \"") + name + "\" is not a string");
  return f.get<std::string>();
}

}  // namespace

nlohmann::json to_json(const ClaimResult& r) {
  nlohmann::json esc = nlohmann::json::array();
  for (const auto& e : r.escalations) esc.push_back({{"precision", e.precision}, {"reason", e.reason}});
  return {{"id", r.id},
          {"title", r.title},
          {"source", source_json(r.source)},
          {"hypotheses", r.hypotheses},
          {"statement", r.statement},
          {"check", r.check},
          {"verdict", to_string(r.verdict)},
          {"precision", r.precision},
          {"escalations", esc},
          {"seed", r.seed ? nlohmann::json(*r.seed) : nlohmann::json(nullptr)},
          {"parameters", r.parameters},
          {"time_s", r.time_s},
          {"evidence",
           {{"summary", r.evidence.summary},
            {"figures", r.evidence.figures},
            {"series", r.evidence.series},
            {"counterexample", r.evidence.counterexample}}},
          {"erratum", r.erratum},
          {"also_in", also_in_json(r.also_in)}};
}

bool verdict_as_expected(const ClaimResult& r) {
  if (r.erratum) return r.verdict == Verdict::refuted || r.verdict == Verdict::inconclusive;
  return r.verdict != Verdict::refuted;
}

ClaimResult claim_result_from_json(const nlohmann::json& j) {
  ClaimResult r;
  r.id = string_field(j, "id");
  r.title = string_field(j, "title");
  const auto& s = field(j, "source");
  r.source = {string_field(s, "file"), string_field(s, "section"), string_field(s, "equation"),
              string_field(s, "lines")};
  r.hypotheses = string_field(j, "hypotheses");
  r.statement = string_field(j, "statement");
  r.check = string_field(j, "check");
  r.verdict = verdict_from_string(string_field(j, "verdict"));
  r.precision = string_field(j, "precision");
  for (const auto& e : field(j, "escalations")) r.escalations.push_back({string_field(e, "precision"), string_field(e, "reason")});
  const auto& seed = field(j, "seed");
  if (!seed.is_null()) {
    if (!seed.is_number_unsigned() && !seed.is_number_integer())
      throw std::invalid_argument("claim result: field \"seed\" is not an integer");
    r.seed = seed.get<std::uint64_t>();
  }
  r.parameters = field(j, "parameters");
  const auto& t = field(j, "time_s");
  if (!t.is_number()) throw std::invalid_argument("claim result: field \"time_s\" is not a number");
  r.time_s = t.get<double>();
  const auto& ev = field(j, "evidence");
  r.evidence.summary = string_field(ev, "summary");
  r.evidence.figures = field(ev, "figures");
  r.evidence.series = field(ev, "series");
  r.evidence.counterexample = field(ev, "counterexample");
  if (const auto it = j.find("erratum"); it != j.end()) {
    if (!it->is_boolean()) throw std::invalid_argument("claim result: field \"erratum\" is not a boolean");
    r.erratum = it->get<bool>();
  }
  if (const auto it = j.find("also_in"); it != j.end()) {
    if (!it->is_array()) throw std::invalid_argument("claim result: field \"also_in\" is not an array");
    for (const auto& s : *it)
      r.also_in.push_back({string_field(s, "file"), string_field(s, "section"), string_field(s, "equation"),
                           string_field(s, "lines")});
  }
  return r;
}

void validate(const Claim& c) {
  const std::string who = "claim '" + c.id + "'";
  if (c.id.empty() || !std::islower(static_cast<unsigned char>(c.id[0])))
    throw std::invalid_argument(who + ": the id must start with a lowercase letter");
  for (char ch : c.id) {
    const bool ok = std::islower(static_cast<unsigned char>(ch)) || std::isdigit(static_cast<unsigned char>(ch)) ||
                    ch == '.' || ch == '-';
    if (!ok) throw std::invalid_argument(who + ": the id may contain only a-z, 0-9, '.' and '-'");
  }
  if (c.title.empty()) throw std::invalid_argument(who + ": empty title");
  if (c.statement.empty()) throw std::invalid_argument(who + ": empty statement");
  if (c.check.empty()) throw std::invalid_argument(who + ": empty check procedure");
  if (c.source.file.empty()) throw std::invalid_argument(who + ": no source document");
  if (c.precision.start.empty() || c.precision.ladder.empty())
    throw std::invalid_argument(who + ": no precision policy");
  if (!c.run) throw std::invalid_argument(who + ": no run function");
}

ClaimResult run_claim(const Claim& c, const RunContext& ctx) {
  ClaimResult r;
  r.id = c.id;
  r.title = c.title;
  r.source = c.source;
  r.hypotheses = c.hypotheses;
  r.statement = c.statement;
  r.check = c.check;
  r.erratum = c.erratum;
  r.also_in = c.also_in;
  r.seed = ctx.seed;
  const auto t0 = std::chrono::steady_clock::now();
  try {
    Finding f = c.run(ctx);
    r.verdict = f.verdict;
    r.precision = f.precision.empty() ? c.precision.start : f.precision;
    r.escalations = std::move(f.escalations);
    r.parameters = std::move(f.parameters);
    r.evidence = std::move(f.evidence);
  } catch (const std::exception& e) {
    r.verdict = Verdict::inconclusive;
    r.precision = c.precision.start;
    r.evidence.summary = std::string("the check could not run: ") + e.what();
  }
  r.parameters["quick"] = ctx.quick;
  r.parameters["error_ulps"] = ctx.ladder.error_ulps;
  r.time_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return r;
}

}  // namespace ov::claims
