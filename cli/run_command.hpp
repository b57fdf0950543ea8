// `optverify run --problem P --optimizer NAME[:k=v,...] --precision S --iters N
//  [--x0 ...] [--seed N] [--batch-size B --sampling MODE] [--json | --csv FILE]`.
#pragma once

#include <CLI/CLI.hpp>

#include "cli/command_context.hpp"

namespace ov::cli {

void add_run_command(CLI::App& app, CommandContext& ctx);

}  // namespace ov::cli
