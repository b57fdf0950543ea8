// `optverify experiment NAME`: the 003 §5 experiments at CPU scale (docs/experiments.md).
//   optverify experiment list
//   optverify experiment NAME [--full] [--seed S] [--jobs N] [--report DIR] [--json FILE]
//     [--widths W,W] [--layers L,L] [--runs R]   (subsets / shards; see docs/experiments.md)
// NAME is local_minima (§5.1), efficiency (§5.2) or asymptotic (§5.3). Prints the text
// tables on stdout; --json FILE writes the result document (FILE "-" : stdout, instead of
// the tables); --report DIR writes DIR/report.json and DIR/index.html (the comparison
// statements as claims, with series). Exit 0 when the experiment ran (its verdicts are
// results, not failures), 2 for a bad command line (an unknown NAME lists the valid ones).
#pragma once

#include <CLI/CLI.hpp>

#include "cli/command_context.hpp"

namespace ov::cli {

void add_experiment_command(CLI::App& app, CommandContext& ctx);

}  // namespace ov::cli
