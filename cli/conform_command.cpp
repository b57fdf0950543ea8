#include "cli/conform_command.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "analysis/report/provenance.hpp"
#include "analysis/report/report_writer.hpp"
#include "proofs-checks/conformance/broken_optimizers.hpp"
#include "proofs-checks/conformance/builtin_subjects.hpp"
#include "proofs-checks/conformance/core_properties.hpp"
#include "proofs-checks/conformance/plugin.hpp"

namespace ov::cli {

namespace conform_command_detail {

struct ConformOptions {
  std::string optimizer;
  std::string library;
  std::vector<std::string> properties;
  std::vector<std::string> suites;
  int cases = 20;
  std::uint64_t seed = 1;
  bool quick = false;
  std::string report_dir;
  std::string json_file;
  bool list = false;
  TorchConformHooks torch;  // empty in optverify (LibTorch specs run in optverify-torch)
};

// The LibTorch specs (cli/torch_executable.cpp routes the same prefixes to optverify-torch).
bool is_torch_spec(const std::string& spec) {
  return spec.rfind("torch:", 0) == 0 || spec.rfind("ours:", 0) == 0 || spec.rfind("torch-broken:", 0) == 0;
}

std::size_t edit_distance(const std::string& a, const std::string& b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diag = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diag = up;
    }
  }
  return row[b.size()];
}

// The (at most three) names closest to `name` by edit distance, for "did you mean".
std::string suggestions(const std::string& name, const std::vector<std::string>& names, const std::string& prefix = "") {
  std::vector<std::pair<std::size_t, std::string>> scored;
  const std::string base = name.substr(0, name.find(':'));  // the rule name of "NAME:k=v"
  for (const auto& n : names) scored.emplace_back(edit_distance(base, n), n);
  std::sort(scored.begin(), scored.end());
  std::string s;
  for (std::size_t k = 0; k < scored.size() && k < 3; ++k) s += (k ? ", " : "") + prefix + scored[k].second;
  return s;
}

std::string joined(const std::vector<std::string>& v) {
  std::string s;
  for (const auto& x : v) s += (s.empty() ? "" : ", ") + x;
  return s;
}

std::vector<std::string> suite_names() {
  std::vector<std::string> out;
  for (const auto& p : conformance::all_properties())
    if (std::find(out.begin(), out.end(), p.suite) == out.end()) out.push_back(p.suite);
  return out;
}

ConformTarget target_of(const conformance::Subject& s, int cases, const std::vector<std::string>& property_ids,
                        bool check_applicable) {
  if (check_applicable)
    for (const auto& id : property_ids) conformance::find_property(s, id);  // names the valid ids
  ConformTarget t;
  t.name = s.name;
  t.origin = s.origin;
  t.claims = conformance::conformance_claims(s, cases);
  for (const auto& p : conformance::applicable_properties(s)) t.suite_of[p.id] = p.suite;
  return t;
}

// A built-in or broken rule; unknown names get the closest valid ones.
conformance::Subject builtin_or_explain(const std::string& spec) {
  try {
    return conformance::builtin_subject(spec);
  } catch (const std::invalid_argument& e) {
    const auto colon = spec.find(':');
    const std::string prefix = colon == std::string::npos ? "" : spec.substr(0, colon);
    std::vector<std::string> names = conformance::builtin_subject_names();
    std::string rest = spec;
    if (prefix == "broken" || prefix == "reference") {
      names = prefix == "broken" ? conformance::broken_subject_names() : conformance::reference_subject_names();
      rest = spec.substr(colon + 1);
    }
    const std::string what = e.what();
    const bool suggested = what.find("did you mean") != std::string::npos || what.find("valid") != std::string::npos;
    throw std::invalid_argument("--optimizer = '" + spec + "': " + what + " (" +
                                (suggested ? std::string()
                                           : "closest: " + suggestions(rest, names, prefix.empty() ? "" : prefix + ":") +
                                                 "; ") +
                                "`optverify conform --list` lists all)");
  }
}

std::vector<ConformTarget> resolve(const ConformOptions& o) {
  if (o.optimizer.empty())
    throw std::invalid_argument("--optimizer is required: a built-in rule, broken:NAME, reference:NAME, ours:NAME / torch:NAME, all, or a name "
                                "exported by --library (`optverify conform --list`)");
  if (o.cases < 1) throw std::invalid_argument("--cases = " + std::to_string(o.cases) + " must be >= 1");
  std::vector<ConformTarget> out;
  if (!o.library.empty()) {
    const auto subjects = conformance::load_plugin_subjects(o.library);
    if (o.optimizer == "all") {
      for (const auto& s : subjects) out.push_back(target_of(s, o.cases, o.properties, false));
    } else {
      out.push_back(target_of(conformance::find_plugin_subject(subjects, o.optimizer, o.library), o.cases,
                              o.properties, true));
    }
  } else if (o.optimizer == "all") {
    for (const auto& n : conformance::builtin_subject_names())
      out.push_back(target_of(conformance::builtin_subject(n), o.cases, o.properties, false));
  } else if (is_torch_spec(o.optimizer)) {
    if (o.torch) {
      try {
        out.push_back(o.torch.target(o.optimizer, o.cases, o.properties));
      } catch (const std::invalid_argument& e) {
        throw std::invalid_argument("--optimizer = '" + o.optimizer + "': " + e.what());
      }
    } else {
      throw std::invalid_argument("--optimizer = '" + o.optimizer +
                                  "': LibTorch optimizers are run by optverify-torch, which a build with LibTorch "
                                  "(OPTVERIFY_WITH_TORCH) installs next to optverify");
    }
  } else {
    out.push_back(target_of(builtin_or_explain(o.optimizer), o.cases, o.properties, true));
  }
  // --property with several subjects: each id must be a known property of some suite.
  if (out.size() != 1 || o.optimizer == "all") {
    std::set<std::string> known;
    for (const auto& p : conformance::all_properties()) known.insert(p.id);
    for (const auto& id : o.properties)
      if (!known.count(id)) {
        std::vector<std::string> ids(known.begin(), known.end());
        throw std::invalid_argument("--property = '" + id + "': unknown property; valid ids: " + joined(ids));
      }
  }
  const auto valid_suites = suite_names();
  for (const auto& s : o.suites)
    if (std::find(valid_suites.begin(), valid_suites.end(), s) == valid_suites.end())
      throw std::invalid_argument("--suite = '" + s + "': unknown suite; valid suites: " + joined(valid_suites));
  // Keep the selected properties.
  for (auto& t : out) {
    std::vector<claims::Claim> kept;
    for (auto& c : t.claims) {
      const bool by_id = o.properties.empty() ||
                         std::find(o.properties.begin(), o.properties.end(), c.id) != o.properties.end();
      const bool by_suite =
          o.suites.empty() || std::find(o.suites.begin(), o.suites.end(), t.suite_of[c.id]) != o.suites.end();
      if (by_id && by_suite) kept.push_back(std::move(c));
    }
    t.claims = std::move(kept);
  }
  return out;
}

// Claim ids must be unique in a report: with several subjects, the subject's name (made an id:
// lowercase, other characters as '-') is appended.
std::string subject_slug(const std::string& name) {
  std::string s;
  for (char c : name) {
    const char l = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    s += ((l >= 'a' && l <= 'z') || (l >= '0' && l <= '9') || l == '.' || l == '-') ? l : '-';
  }
  return s;
}

void print_list(const ConformOptions& o, std::ostream& out) {
  if (!o.library.empty()) {
    out << "subjects exported by " << o.library << ":\n";
    for (const auto& s : conformance::load_plugin_subjects(o.library))
      out << "  " << s.name << "  (suites: " << joined(conformance::selected_suites(s.declared)) << ")\n";
  }
  out << "built-in rules (--optimizer NAME[:k=v,...]; all: every one):\n";
  const auto names = conformance::builtin_subject_names();
  const auto summary = conformance::builtin_declaration_summary();
  for (std::size_t k = 0; k < names.size(); ++k)
    out << "  " << (k < summary.size() ? summary[k] : names[k]) << "\n";
  out << "reference rules (--optimizer reference:NAME):\n";
  for (const auto& n : conformance::reference_subject_names()) out << "  reference:" << n << "\n";
  out << "deliberately broken rules (--optimizer broken:NAME; caught by):\n";
  for (const auto& b : conformance::broken_optimizers())
    out << fmt::format("  broken:{:<30} {}  [{}]\n", b.name, b.description, b.caught_by);
  if (o.torch) {
    out << "LibTorch optimizers (--optimizer ours:NAME or torch:NAME[:k=v,...], torch-broken:NAME):\n";
    for (const auto& n : o.torch.names()) out << "  " << n << "\n";
  } else {
    out << "LibTorch optimizers (--optimizer ours:NAME / torch:NAME): listed by `optverify-torch conform --list`\n";
  }
  out << "properties (--property ID; --suite " << joined(suite_names()) << "):\n";
  for (const auto& p : conformance::all_properties())
    out << fmt::format("  {:<52} {:<12} {}\n", p.id, p.suite, p.title);
  if (o.torch) {
    out << "LibTorch properties (ours:NAME / torch:NAME only):\n";
    for (const auto& [id, title] : o.torch.properties()) out << fmt::format("  {:<52} {}\n", id, title);
  }
}

}  // namespace conform_command_detail

void add_conform_command(CLI::App& app, CommandContext& ctx, TorchConformHooks torch) {
  using namespace conform_command_detail;
  auto* cmd = app.add_subcommand("conform", "Run the conformance suites on an optimizer (docs/conformance-package.md)");
  auto o = std::make_shared<ConformOptions>();
  o->torch = std::move(torch);
  cmd->add_option("--optimizer", o->optimizer,
                  "A built-in rule spec (e.g. sgd:lr=1/10), broken:NAME, reference:NAME, ours:NAME / torch:NAME (LibTorch builds), all, or a name "
                  "exported by --library");
  cmd->add_option("--library", o->library, "A plugin: a shared library exporting subjects (OPTVERIFY_CONFORMANCE_PLUGIN)");
  cmd->add_option("--property", o->properties, "Run only this property (repeatable; see --list)");
  cmd->add_option("--suite", o->suites, "Run only this suite's properties (repeatable)");
  cmd->add_option("--cases", o->cases, "Seeded random cases per randomized property (default 20)");
  cmd->add_option("--seed", o->seed, "Seed of every random choice (default 1)");
  cmd->add_flag("--quick", o->quick, "A quarter of the cases");
  cmd->add_option("--report", o->report_dir, "Write the report (report.json, claims.csv, report.md, index.html) into DIR");
  // --json alone (as in the other commands): the JSON document on stdout; --json FILE: into FILE.
  auto* json_opt = cmd->add_option("--json", o->json_file,
                                   "Write the results as one JSON document into FILE (no FILE or '-': stdout)")
                       ->expected(0, 1);
  cmd->add_flag("--list", o->list, "List the optimizers, the suites and the properties, and exit");
  cmd->callback([&ctx, o, json_opt] {
    if (json_opt->count() > 0 && o->json_file.empty()) o->json_file = "-";
    if (o->list) {
      print_list(*o, ctx.out);
      return;
    }
    const auto targets = resolve(*o);
    claims::RunContext rc;
    rc.seed = o->seed;
    rc.quick = o->quick;
    const bool several = targets.size() > 1;
    // With --json - the JSON document is stdout; the lines then go to stderr.
    std::ostream& lines = o->json_file == "-" ? ctx.err : ctx.out;
    nlohmann::json results = nlohmann::json::array();
    std::map<std::string, int> counts{{"holds", 0}, {"holds-certified", 0}, {"refuted", 0}, {"inconclusive", 0}};
    std::vector<std::string> refuted;
    for (const auto& t : targets) {
      if (several) lines << t.name << " (" << t.origin << "):\n";
      for (const auto& c : t.claims) {
        claims::ClaimResult r = claims::run_claim(c, rc);
        if (several) r.id += "." + subject_slug(t.name);
        ++counts[claims::to_string(r.verdict)];
        if (r.verdict == claims::Verdict::refuted) refuted.push_back(r.id);
        lines << fmt::format("{:<16} {:<48} {}\n", claims::to_string(r.verdict), r.id, r.evidence.summary);
        results.push_back(claims::to_json(r));
      }
    }
    std::optional<std::string> html;
    if (!o->report_dir.empty()) {
      nlohmann::json doc = report::new_report_document();
      doc["claims"] = results;
      html = report::write_report_directory(doc, o->report_dir).string();
    }
    if (!refuted.empty()) ctx.exit_code = kCheckFailed;
    lines << fmt::format("{} propert{} on {} optimizer(s): {} holds, {} refuted, {} inconclusive\n", results.size(),
                           results.size() == 1 ? "y" : "ies", targets.size(), counts["holds"] + counts["holds-certified"],
                           counts["refuted"], counts["inconclusive"]);
    if (html) lines << "report: " << *html << "\n";
    if (!o->json_file.empty()) {
      nlohmann::json subjects = nlohmann::json::array();
      for (const auto& t : targets) subjects.push_back({{"name", t.name}, {"origin", t.origin}});
      const nlohmann::json j{{"command", "conform"},
                             {"provenance", report::to_json(report::provenance())},
                             {"seed", o->seed},
                             {"quick", o->quick},
                             {"cases", o->cases},
                             {"subjects", subjects},
                             {"claims", results},
                             {"summary", counts},
                             {"refuted", refuted},
                             {"report", html ? nlohmann::json(*html) : nlohmann::json(nullptr)}};
      if (o->json_file == "-") {
        ctx.out << j.dump(2) << "\n";
      } else {
        std::ofstream f(o->json_file);
        if (!(f << j.dump(2) << "\n")) throw std::invalid_argument("--json = '" + o->json_file + "': cannot write");
      }
    }
  });
}

}  // namespace ov::cli
