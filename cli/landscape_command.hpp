// `optverify landscape (--problem P [--param K=V]... | --network SPEC --data D [--loss L])
//   [--starts N] [--seed S] [--box LO,HI] [--json]`: critical points by multi-start (LM in
// double, Newton in mp100), their Hessian inertia, and cost against index
// (docs/landscape.md, docs/cli.md).
#pragma once

#include <CLI/CLI.hpp>

#include "cli/command_context.hpp"

namespace ov::cli {

void add_landscape_command(CLI::App& app, CommandContext& ctx);

}  // namespace ov::cli
