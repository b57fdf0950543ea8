#include "cli/verify_command.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "analysis/report/provenance.hpp"
#include "analysis/report/report_writer.hpp"
#include "proofs-checks/catalog.hpp"
#include "proofs-checks/claim_runner.hpp"
#include "proofs-checks/result_store.hpp"
#include "proofs-checks/shard.hpp"

namespace ov::cli {

namespace {

struct VerifyOptions {
  bool all = false;
  std::vector<std::string> ids;
  std::string source;
  std::string report_dir;
  int jobs = 1;
  std::string shard;
  std::uint64_t seed = 1;
  bool quick = false;
  bool json = false;
};

std::vector<const claims::Claim*> select(const VerifyOptions& o) {
  const auto& cat = claims::builtin_catalog();
  const int ways = (o.all ? 1 : 0) + (o.ids.empty() ? 0 : 1) + (o.source.empty() ? 0 : 1);
  if (ways != 1)
    throw std::invalid_argument(ways == 0 ? "nothing to verify: give --all, claim ids, or --source FILE "
                                            "(`optverify claims list` shows the catalog)"
                                          : "give only one of --all, claim ids, --source FILE");
  if (o.all) return cat.all();
  if (!o.source.empty()) return cat.from_source(o.source);
  std::vector<std::string> ids = o.ids;
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  std::vector<const claims::Claim*> out;
  for (const auto& id : ids) out.push_back(&cat.get(id));  // unknown ids: unknown_claim (exit 2)
  return out;
}

}  // namespace

void add_verify_command(CLI::App& app, CommandContext& ctx) {
  auto* cmd = app.add_subcommand("verify", "Run claims of the catalog and report their verdicts");
  auto o = std::make_shared<VerifyOptions>();
  cmd->add_option("ids", o->ids, "Claim ids to run (see `optverify claims list`)");
  cmd->add_flag("--all", o->all, "Run every claim of the catalog");
  cmd->add_option("--source", o->source, "Run the claims citing this document (file name or prefix)");
  cmd->add_option("--report", o->report_dir,
                  "Write the report (report.json, claims.csv, report.md, index.html) into DIR and keep finished "
                  "results in DIR/claim-results to resume an interrupted run");
  cmd->add_option("--jobs", o->jobs, "Claims run in parallel on N threads (results in catalog order)");
  cmd->add_option("--shard", o->shard,
                  "i/n: run only the claims whose 0-based index k in the selection (sorted by id) has "
                  "k mod n = i - 1 (i is 1-based)");
  cmd->add_option("--seed", o->seed, "Seed of every random choice (default 1)");
  cmd->add_flag("--quick", o->quick, "Smaller searches (fewer starts and steps)");
  cmd->add_flag("--json", o->json, "One JSON document on stdout (docs/cli.md)");
  cmd->callback([&ctx, o] {
    if (o->jobs < 1) throw std::invalid_argument("--jobs = " + std::to_string(o->jobs) + " must be >= 1");
    std::optional<claims::Shard> shard;
    if (!o->shard.empty()) shard = claims::parse_shard(o->shard);
    auto selected = select(*o);
    if (shard) selected = claims::select_shard(selected, *shard);

    claims::RunContext rc;
    rc.seed = o->seed;
    rc.quick = o->quick;
    claims::RunnerOptions ro;
    ro.jobs = o->jobs;
    std::unique_ptr<claims::ResultStore> store;
    if (!o->report_dir.empty()) {
      try {
        store = std::make_unique<claims::ResultStore>(o->report_dir, rc);
      } catch (const std::runtime_error& e) {
        throw std::invalid_argument("--report = '" + o->report_dir + "': " + e.what());  // exit 2
      }
      ro.reuse = [&ctx, s = store.get()](const claims::Claim& c) -> std::optional<claims::ClaimResult> {
        try {
          return s->load(c.id);
        } catch (const std::runtime_error& e) {
          ctx.err << "optverify: warning: " << e.what() << "; running the claim again\n";
          return std::nullopt;
        }
      };
    }
    std::size_t done = 0;
    const std::size_t total = selected.size();
    ro.on_done = [&](const claims::ClaimResult& r, bool reused) {
      if (store && !reused) store->store(r);
      ++done;
      ctx.err << fmt::format("[{}/{}] {}: {}{}\n", done, total, r.id, claims::to_string(r.verdict),
                             reused ? " (reused from " + store->path_of(r.id).string() + ")" : "");
    };
    const auto outcome = claims::run_claims(selected, rc, ro);

    std::map<std::string, int> counts{{"holds", 0}, {"holds-certified", 0}, {"refuted", 0}, {"inconclusive", 0}};
    nlohmann::json results = nlohmann::json::array(), reused = nlohmann::json::array(),
                   unexpected = nlohmann::json::array();
    int errata_refuted = 0;
    for (std::size_t k = 0; k < outcome.results.size(); ++k) {
      const auto& r = outcome.results[k];
      ++counts[claims::to_string(r.verdict)];
      if (r.erratum && r.verdict == claims::Verdict::refuted) ++errata_refuted;
      if (!claims::verdict_as_expected(r)) unexpected.push_back(r.id);
      results.push_back(claims::to_json(r));
      if (outcome.reused[k]) reused.push_back(r.id);
    }
    std::optional<std::string> html;
    if (!o->report_dir.empty()) {
      nlohmann::json doc = report::new_report_document();
      doc["claims"] = results;
      html = report::write_report_directory(doc, o->report_dir).string();
    }
    // Fails when a verdict contradicts the catalog: a true statement refuted, or an erratum
    // (the document's printed statement, believed false) not refuted.
    if (!unexpected.empty()) ctx.exit_code = kCheckFailed;
    if (o->json) {
      ctx.out << nlohmann::json{{"command", "verify"},
                                {"provenance", report::to_json(report::provenance())},
                                {"seed", o->seed},
                                {"quick", o->quick},
                                {"jobs", o->jobs},
                                {"shard", shard ? nlohmann::json(o->shard) : nlohmann::json(nullptr)},
                                {"claims", results},
                                {"reused", reused},
                                {"summary", counts},
                                {"errata_refuted", errata_refuted},
                                {"unexpected", unexpected},
                                {"report", html ? nlohmann::json(*html) : nlohmann::json(nullptr)}}
                     .dump(2)
              << "\n";
      return;
    }
    for (std::size_t k = 0; k < outcome.results.size(); ++k) {
      const auto& r = outcome.results[k];
      ctx.out << fmt::format("{:<40} {:<16} {:<9} {:>8.2f} s{}\n  {}\n", r.id, claims::to_string(r.verdict),
                             r.precision, r.time_s, outcome.reused[k] ? "  (reused)" : "", r.evidence.summary);
    }
    ctx.out << fmt::format("{} claim(s): {} holds, {} holds-certified, {} refuted ({} of them errata, as expected), {} "
                           "inconclusive; {} reused\n",
                           outcome.results.size(), counts["holds"], counts["holds-certified"], counts["refuted"],
                           errata_refuted, counts["inconclusive"], reused.size());
    if (!unexpected.empty())
      ctx.out << "unexpected verdict(s) (a true statement refuted, or an erratum not refuted): " << unexpected.dump() << "\n";
    if (html) ctx.out << "report: " << *html << "\n";
  });
}

}  // namespace ov::cli
