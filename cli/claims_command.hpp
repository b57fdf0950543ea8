// `optverify claims list [--source FILE] [--json]`: the claims catalog (docs/claims.md).
#pragma once

#include <CLI/CLI.hpp>

#include "cli/command_context.hpp"

namespace ov::cli {

void add_claims_command(CLI::App& app, CommandContext& ctx);

}  // namespace ov::cli
