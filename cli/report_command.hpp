// `optverify report merge|render|validate`: join shard reports, re-render a
// report directory, check a report against the schema (docs/reports.md).
#pragma once

#include <CLI/CLI.hpp>

#include "cli/command_context.hpp"

namespace ov::cli {

void add_report_command(CLI::App& app, CommandContext& ctx);

}  // namespace ov::cli
