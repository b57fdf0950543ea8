// `optverify verify [--all | ID... | --source FILE] [--report DIR] [--jobs N] [--shard i/n]
// [--seed S] [--quick] [--json]`: run claims, print verdicts, write the report and resume
// from DIR/claim-results (docs/claims.md, docs/cli.md). Exit 0 when no claim is refuted,
// kCheckFailed (1) when some claim is refuted, kUsage (2) on bad input.
#pragma once

#include <CLI/CLI.hpp>

#include "cli/command_context.hpp"

namespace ov::cli {

void add_verify_command(CLI::App& app, CommandContext& ctx);

}  // namespace ov::cli
