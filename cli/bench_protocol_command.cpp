// `optverify bench protocol FILE... | --suite [DIR]` (docs/cli.md): runs the documents'
// benchmark protocols (gpu/bench/protocol.hpp), prints their checks and notes, writes one report.
#include <fmt/core.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <memory>
#include <set>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <vector>

#include "analysis/report/provenance.hpp"
#include "analysis/report/report_schema.hpp"
#include "analysis/report/report_writer.hpp"
#include "cli/bench_command.hpp"
#include "cli/progress_bar.hpp"
#include "gpu/bench/protocol.hpp"
#include "nets/data/idx_reader.hpp"

namespace ov::cli {

namespace bench_protocol_detail {

using nlohmann::json;
namespace gb = gpu::bench;

struct ProtocolArgs {
  std::vector<std::string> files;
  std::string suite, scale = "cpu", device = "auto", data_dir, output, seeds, report;
  int epochs = 0, threads = 0;
  std::int64_t subset = -1;
  bool json = false, progress = false, no_progress = false;
};

// The same rule as `optverify verify`: a claim fails when its verdict contradicts what is
// expected, i.e. a statement refuted, or a statement marked as an erratum not refuted.
bool unexpected_verdict(const json& claim) {
  const std::string verdict = claim.value("verdict", "");
  if (claim.value("erratum", false)) return verdict != "refuted" && verdict != "inconclusive";
  return verdict == "refuted";
}

std::vector<gb::ProtocolFile> read_files(const CLI::App& cmd, const ProtocolArgs& a) {
  const bool suite = cmd.count("--suite") > 0;
  if (suite == !a.files.empty()) {
    throw std::invalid_argument(suite ? "give protocol FILEs or --suite [DIR], not both"
                                      : "nothing to run: give protocol FILEs or --suite [DIR] "
                                        "(`optverify bench list` shows the protocol files)");
  }
  std::vector<std::string> paths = a.files;
  if (suite) {
    const std::string dir = a.suite.empty() ? default_protocol_directory() : a.suite;
    try {
      paths = gb::protocol_files(dir);
    } catch (const std::invalid_argument& e) {
      throw std::invalid_argument(std::string("--suite: ") + e.what());
    }
    if (paths.empty()) throw std::invalid_argument("--suite \"" + dir + "\": no *.json protocol file in it");
  }
  std::vector<gb::ProtocolFile> files;
  std::map<std::string, std::string> by_name;
  for (const auto& p : paths) {
    files.push_back(gb::read_protocol_file(p));  // std::invalid_argument naming the file
    const auto [it, fresh] = by_name.emplace(files.back().name, p);
    if (!fresh) {
      throw std::invalid_argument("protocol name \"" + files.back().name + "\" is used by both " + it->second +
                                  " and " + p + " (names must be unique in one run)");
    }
  }
  return files;
}

void run_protocols(CommandContext& ctx, const CLI::App& cmd, const ProtocolArgs& a) {
  const auto files = read_files(cmd, a);
  gb::ProtocolOptions options;
  options.scale = a.scale;
  options.device = a.device;
  options.data_dir = a.data_dir;
  options.output_dir = a.output;
  if (cmd.count("--seeds")) options.seeds = parse_seed_list(a.seeds);
  options.epochs = a.epochs;
  options.subset = a.subset;
  options.threads = a.threads;

  const bool show_progress = !a.no_progress && (a.progress || stderr_is_terminal());
  ProgressBar bar(ctx.err, show_progress);
  std::string current;
  options.callbacks.step = [&bar, &current](const gpu::train::StepProgress& p) {
    if (!bar.enabled()) return;
    const double epochs = static_cast<double>(std::max(p.epochs, 1));
    const double batches = static_cast<double>(std::max<std::size_t>(p.batches, 1));
    const double fraction = (static_cast<double>(p.seed_index) + (p.epoch - 1 + static_cast<double>(p.batch) / batches) /
                                                                     epochs) /
                            static_cast<double>(std::max<std::size_t>(p.seeds, 1));
    bar.update(fraction, fmt::format("{}: run seed {}/{}  epoch {}/{}  batch {}/{}  loss {:.4g}", current,
                                     p.seed_index + 1, p.seeds, p.epoch, p.epochs, p.batch, p.batches, p.loss));
  };
  // A protocol trains many times on the same data: each distinct note is printed once.
  auto printed = std::make_shared<std::set<std::string>>();
  options.callbacks.log = [&bar, &ctx, printed](const std::string& line) {
    if (!printed->insert(line).second) return;
    bar.clear();
    ctx.err << "optverify: note: " << line << "\n";
  };

  json protocols = json::array(), claims = json::array(), benchmarks = json::array(), unexpected = json::array();
  std::map<std::string, int> counts{{"holds", 0}, {"holds-certified", 0}, {"refuted", 0}, {"inconclusive", 0}};
  for (std::size_t k = 0; k < files.size(); ++k) {
    const auto& f = files[k];
    current = fmt::format("[{}/{}] {}", k + 1, files.size(), f.name);
    if (!a.json) ctx.err << "optverify: running protocol " << current << " (" << f.path << ", scale " << a.scale << ")\n";
    gb::ProtocolResult r;
    try {
      r = gb::run_protocol(f, options);
    } catch (const nets::data::DataFileError& e) {
      bar.finish();
      throw std::invalid_argument(f.path + ": " + e.what());  // missing data: bad input (exit 2)
    }
    bar.finish();
    for (const auto& c : r.claims) {
      ++counts[c.value("verdict", "inconclusive")];
      if (unexpected_verdict(c)) unexpected.push_back(c.value("id", ""));
      claims.push_back(c);
    }
    for (const auto& b : r.benchmarks) benchmarks.push_back(b);
    protocols.push_back({{"name", r.name},
                         {"kind", r.kind},
                         {"file", f.path},
                         {"scale", a.scale},
                         {"seconds", r.seconds},
                         {"claims", r.claims},
                         {"benchmarks", r.benchmarks},
                         {"notes", r.notes}});
    if (!a.json) {
      ctx.out << fmt::format("== {} ({}, {}) {:.1f} s\n", r.name, r.kind, f.path, r.seconds);
      for (const auto& c : r.claims) {
        ctx.out << fmt::format("  {:<13} {}: {}\n", c.value("verdict", "?"), c.value("id", "?"), c.value("title", ""));
        const auto& ev = c.contains("evidence") ? c.at("evidence") : json::object();
        if (ev.is_object() && ev.contains("summary") && ev.at("summary").is_string()) {
          ctx.out << "                " << ev.at("summary").get<std::string>() << "\n";
        }
      }
      for (const auto& n : r.notes) ctx.out << "  note: " << n << "\n";
    }
  }

  std::string report_dir = a.report;
  if (report_dir.empty() && !a.output.empty()) report_dir = (std::filesystem::path(a.output) / "report").string();
  json html = nullptr;
  if (!report_dir.empty()) {
    json doc = report::new_report_document();
    doc["claims"] = claims;
    doc["benchmarks"] = benchmarks;
    // The protocols' entries must satisfy the schema; an invalid one is a bug of a protocol
    // runner (exit 3), not bad input.
    const auto errors = report::validate_report(doc);
    if (!errors.empty()) {
      std::string list;
      for (const auto& e : errors) list += "\n  " + e.to_string();
      throw std::runtime_error("the protocols' report is not valid:" + list);
    }
    html = report::write_report_directory(doc, report_dir).string();
  }
  if (!unexpected.empty()) ctx.exit_code = kCheckFailed;
  if (a.json) {
    ctx.out << json{{"command", "bench protocol"},
                    {"provenance", report::run_provenance_json()},
                    {"scale", a.scale},
                    {"protocols", protocols},
                    {"summary", counts},
                    {"unexpected", unexpected},
                    {"report", html}}
                   .dump(2)
            << "\n";
    return;
  }
  ctx.out << fmt::format("{} protocol(s): {} holds, {} refuted, {} inconclusive\n", files.size(), counts["holds"],
                         counts["refuted"], counts["inconclusive"]);
  if (!html.is_null()) ctx.out << "report: " << html.get<std::string>() << "\n";
}

}  // namespace bench_protocol_detail

void add_bench_protocol_command(CLI::App& bench, CommandContext& ctx) {
  auto* cmd = bench.add_subcommand("protocol", "Run benchmark protocols (files of bench/protocols): their qualitative "
                                               "checks, tables and curves, in one report");
  auto a = std::make_shared<bench_protocol_detail::ProtocolArgs>();
  cmd->add_option("files", a->files, "Protocol files (JSON, docs/benchmarks.md)");
  cmd->add_option("--suite", a->suite,
                  "Run every *.json file of DIR, in name order (DIR default: the repository's bench/protocols)")
      ->expected(0, 1);
  cmd->add_option("--scale", a->scale, "cpu (minutes on 2 cores, default) or full (the documents' scale)")
      ->check(CLI::IsMember({"cpu", "full"}));
  cmd->add_option("--device", a->device, "auto | cpu | cuda | cuda:N (default auto)");
  cmd->add_option("--data-dir", a->data_dir, "Directory of the data set's files (default: see `optverify bench list`)");
  cmd->add_option("--output", a->output, "Training outputs go below DIR; the report into DIR/report");
  cmd->add_option("--seeds", a->seeds, "Override the protocols' seeds: N (0..N-1), A..B or a list a,b,c");
  cmd->add_option("--epochs", a->epochs, "Override the protocols' epochs (>= 1)")->check(CLI::Range(1, 1000000));
  cmd->add_option("--subset", a->subset, "Override the training subset (0 = all)")
      ->check(CLI::Range(std::int64_t{0}, std::int64_t{1} << 40));
  cmd->add_option("--threads", a->threads, "LibTorch CPU threads (0 = LibTorch's default)")->check(CLI::Range(0, 4096));
  cmd->add_option("--report", a->report, "Write the report (report.json, index.html, ...) into DIR");
  cmd->add_flag("--json", a->json, "One JSON document on stdout (docs/cli.md)");
  cmd->add_flag("--progress", a->progress, "Draw the progress bar on stderr even when it is not a terminal");
  cmd->add_flag("--no-progress", a->no_progress, "No progress bar");
  cmd->callback([&ctx, cmd, a] { bench_protocol_detail::run_protocols(ctx, *cmd, *a); });
}

}  // namespace ov::cli
