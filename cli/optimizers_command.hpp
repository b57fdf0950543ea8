// `optverify optimizers list [--json]`: every registered rule with its defaults,
// valid ranges and citation.
#pragma once

#include <CLI/CLI.hpp>

#include "cli/command_context.hpp"

namespace ov::cli {

void add_optimizers_command(CLI::App& app, CommandContext& ctx);

}  // namespace ov::cli
