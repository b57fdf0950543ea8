// `optverify problems list | show NAME | check [NAME...|--all]`.
#pragma once

#include <CLI/CLI.hpp>

#include "cli/command_context.hpp"

namespace ov::cli {

void add_problems_command(CLI::App& app, CommandContext& ctx);

}  // namespace ov::cli
