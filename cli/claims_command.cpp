#include "cli/claims_command.hpp"

#include <fmt/core.h>
#include <fmt/format.h>

#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "analysis/report/provenance.hpp"
#include "proofs-checks/catalog.hpp"

namespace ov::cli {

namespace {

nlohmann::json claim_json(const claims::Claim& c) {
  return {{"id", c.id},
          {"title", c.title},
          {"source",
           {{"file", c.source.file}, {"section", c.source.section}, {"equation", c.source.equation},
            {"lines", c.source.lines}}},
          {"hypotheses", c.hypotheses},
          {"statement", c.statement},
          {"check", c.check},
          {"precision", {{"start", c.precision.start}, {"ladder", c.precision.ladder}, {"note", c.precision.note}}},
          {"erratum", c.erratum},
          {"also_in", [&c] {
             nlohmann::json a = nlohmann::json::array();
             for (const auto& s : c.also_in)
               a.push_back({{"file", s.file}, {"section", s.section}, {"equation", s.equation}, {"lines", s.lines}});
             return a;
           }()}};
}

}  // namespace

void add_claims_command(CLI::App& app, CommandContext& ctx) {
  auto* cmd = app.add_subcommand("claims", "The claims catalog: ids, citations, statements");
  cmd->require_subcommand(1);
  auto* list = cmd->add_subcommand("list", "List the claims (sorted by id)");
  auto source = std::make_shared<std::string>();
  auto json_flag = std::make_shared<bool>(false);
  list->add_option("--source", *source, "Only the claims citing this document (file name or prefix, e.g. 000)");
  list->add_flag("--json", *json_flag, "One JSON document on stdout (docs/cli.md)");
  list->callback([&ctx, source, json_flag] {
    const auto& cat = claims::builtin_catalog();
    const auto selected = source->empty() ? cat.all() : cat.from_source(*source);
    if (*json_flag) {
      nlohmann::json arr = nlohmann::json::array();
      for (const auto* c : selected) arr.push_back(claim_json(*c));
      ctx.out << nlohmann::json{{"command", "claims list"},
                                {"provenance", report::to_json(report::provenance())},
                                {"source", source->empty() ? nlohmann::json(nullptr) : nlohmann::json(*source)},
                                {"claims", arr}}
                     .dump(2)
              << "\n";
      return;
    }
    for (const auto* c : selected) {
      ctx.out << fmt::format("{}\n  {}\n  source: {}, section {}, {}, {}\n  statement: {}\n  precision: {}\n", c->id,
                             c->title, c->source.file, c->source.section, c->source.equation, c->source.lines,
                             c->statement, fmt::format("starts in {}, may escalate along {}", c->precision.start,
                                                       fmt::join(c->precision.ladder, " -> ")));
      for (const auto& s : c->also_in)
        ctx.out << fmt::format("  also in: {}, section {}, {}, {}\n", s.file, s.section, s.equation, s.lines);
      if (c->erratum) ctx.out << "  erratum: the statement is the document's text as printed, believed false; refuted is expected\n";
    }
    ctx.out << selected.size() << " claim(s)\n";
  });
}

}  // namespace ov::cli
