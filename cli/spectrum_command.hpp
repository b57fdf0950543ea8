// `optverify spectrum --method inna|din|gd|hb|nag --alpha A --beta B --gamma G
//   (--lambda l1,l2,... | --problem P --at x1,x2,...) [--lipschitz L] [--certify]
//   [--precision mp50|mp100] [--json]` (docs/cli.md, docs/spectra.md).
#pragma once

#include <CLI/CLI.hpp>

#include "cli/command_context.hpp"

namespace ov::cli {

void add_spectrum_command(CLI::App& app, CommandContext& ctx);

}  // namespace ov::cli
