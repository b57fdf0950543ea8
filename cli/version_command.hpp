// `optverify version`: program, library and device information.
#pragma once

#include <CLI/CLI.hpp>

#include "cli/command_context.hpp"

namespace ov::cli {

void add_version_command(CLI::App& app, CommandContext& ctx);

}  // namespace ov::cli
