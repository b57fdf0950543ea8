#include "cli/report_command.hpp"

#include <fmt/core.h>

#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <vector>

#include "analysis/report/provenance.hpp"
#include "analysis/report/report_merge.hpp"
#include "analysis/report/report_schema.hpp"
#include "analysis/report/report_writer.hpp"

namespace ov::cli {

namespace {

using nlohmann::json;

struct ReportArgs {
  std::vector<std::string> inputs;
  std::string output;
  bool json = false;
};

json counts_of(const json& doc) {
  json verdicts = json::object();
  for (const auto& v : report::verdict_values()) verdicts[v] = 0;
  for (const auto& c : doc["claims"]) verdicts[c["verdict"].get<std::string>()] = verdicts[c["verdict"].get<std::string>()].get<int>() + 1;
  return {{"claims", doc["claims"].size()},         {"rate_studies", doc["rate_studies"].size()},
          {"spectra", doc["spectra"].size()},       {"monte_carlo", doc["monte_carlo"].size()},
          {"benchmarks", doc["benchmarks"].size()}, {"verdicts", verdicts}};
}

// Writes the directory and prints what was written (text or one JSON document).
void write_and_print(CommandContext& ctx, const std::string& command, const json& doc, const ReportArgs& a) {
  report::ReportOutput out;
  try {
    out = report::write_report_directory_detailed(doc, a.output);
  } catch (const std::runtime_error& e) {
    // An output directory that cannot be written is a bad --output argument.
    throw std::invalid_argument(std::string("--output \"") + a.output + "\": " + e.what());
  }
  for (const auto& n : out.notes) ctx.err << "optverify: note: " << n << "\n";
  const json counts = counts_of(doc);
  if (a.json) {
    json files = json::array();
    for (const auto& f : out.files) files.push_back(f.string());
    ctx.out << json{{"command", command},
                    {"provenance", report::run_provenance_json()},
                    {"inputs", a.inputs},
                    {"output", {{"directory", a.output}, {"html", out.html.string()}, {"files", files},
                                {"plots_rendered", out.plots_rendered}, {"plots_missing", out.plots_missing},
                                {"notes", out.notes}}},
                    {"counts", counts}}
                   .dump(2)
            << "\n";
    return;
  }
  std::string verdicts;
  for (const auto& v : report::verdict_values()) {
    verdicts += fmt::format("{}{} {}", verdicts.empty() ? "" : ", ", counts["verdicts"][v].get<int>(), v);
  }
  ctx.out << fmt::format("{} claim(s) ({}), {} rate stud(ies), {} spectr(a), {} Monte-Carlo, {} benchmark(s)\n",
                         counts["claims"].get<std::size_t>(), verdicts, counts["rate_studies"].get<std::size_t>(),
                         counts["spectra"].get<std::size_t>(), counts["monte_carlo"].get<std::size_t>(),
                         counts["benchmarks"].get<std::size_t>());
  ctx.out << fmt::format("plots: {} drawn, {} missing\n", out.plots_rendered, out.plots_missing);
  for (const auto& f : out.files) ctx.out << "wrote " << f.string() << "\n";
  ctx.out << out.html.string() << "\n";
}

}  // namespace

void add_report_command(CLI::App& app, CommandContext& ctx) {
  auto* cmd = app.add_subcommand("report", "Merge shard reports, re-render or validate a report (docs/reports.md)");
  cmd->require_subcommand(1);

  auto merge_args = std::make_shared<ReportArgs>();
  auto* merge = cmd->add_subcommand(
      "merge", "Merge the report.json of several shards (verify --shard i/n) into one report directory");
  merge->add_option("inputs", merge_args->inputs, "Shard reports (report.json files)")->required()->expected(1, -1);
  merge->add_option("-o,--output", merge_args->output, "Directory to write (created if missing)")->required();
  merge->add_flag("--json", merge_args->json, "One JSON document on stdout (docs/cli.md)");
  merge->callback([&ctx, merge_args] {
    std::vector<report::ReportShard> shards;
    for (const auto& in : merge_args->inputs) shards.push_back({in, report::load_report_file(in)});
    const json merged = report::merge_reports(shards);
    write_and_print(ctx, "report merge", merged, *merge_args);
  });

  auto render_args = std::make_shared<ReportArgs>();
  auto* render = cmd->add_subcommand("render", "Write the report directory (HTML, Markdown, CSV, JSON) of a report.json");
  render->add_option("input", render_args->inputs, "A report (report.json)")->required()->expected(1);
  render->add_option("-o,--output", render_args->output, "Directory to write (created if missing)")->required();
  render->add_flag("--json", render_args->json, "One JSON document on stdout (docs/cli.md)");
  render->callback([&ctx, render_args] {
    const std::string& in = render_args->inputs.at(0);
    const json doc = report::load_report_file(in);
    report::require_valid_report(doc, "report '" + in + "'");
    write_and_print(ctx, "report render", doc, *render_args);
  });

  auto validate_args = std::make_shared<ReportArgs>();
  auto* validate = cmd->add_subcommand("validate", "Check reports against the schema optverify-report/1");
  validate->add_option("inputs", validate_args->inputs, "Reports (report.json files)")->required()->expected(1, -1);
  validate->add_flag("--json", validate_args->json, "One JSON document on stdout (docs/cli.md)");
  validate->callback([&ctx, validate_args] {
    json results = json::array();
    bool all_valid = true;
    for (const auto& in : validate_args->inputs) {
      const json doc = report::load_report_file(in);  // unreadable or not JSON: bad input (exit 2)
      const auto errs = report::validate_report(doc);
      json e = json::array();
      for (const auto& x : errs) e.push_back({{"path", x.path}, {"message", x.message}});
      results.push_back({{"file", in}, {"valid", errs.empty()}, {"errors", e}});
      all_valid = all_valid && errs.empty();
      if (!validate_args->json) {
        ctx.out << in << ": " << (errs.empty() ? "valid" : std::to_string(errs.size()) + " problem(s)") << "\n";
        for (const auto& x : errs) ctx.out << "  " << x.to_string() << "\n";
      }
    }
    if (validate_args->json) {
      ctx.out << json{{"command", "report validate"}, {"provenance", report::run_provenance_json()},
                      {"schema", report::kReportSchema}, {"results", results}}
                     .dump(2)
              << "\n";
    }
    if (!all_valid) ctx.exit_code = kCheckFailed;
  });
}

}  // namespace ov::cli
