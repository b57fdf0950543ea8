// optverify: numerical and rigorous checks of what the literature claims about
// optimizers. See docs/cli.md for every subcommand, its JSON schema and exit codes.
#include <CLI/CLI.hpp>

#include <iostream>
#include <string>

#include "cli/claims_command.hpp"
#include "cli/conform_command.hpp"
#include "cli/experiment_command.hpp"
#include "cli/landscape_command.hpp"
#include "cli/command_context.hpp"
#include "cli/optimizers_command.hpp"
#include "cli/problems_command.hpp"
#include "cli/report_command.hpp"
#include "cli/run_command.hpp"
#include "cli/spectrum_command.hpp"
#include "cli/saddle_command.hpp"
#include "cli/verify_command.hpp"
#include "cli/version_command.hpp"
#include "cli/app_runner.hpp"
#include "cli/torch_executable.hpp"

int main(int argc, char** argv) {
  using namespace ov::cli;
  // The LibTorch commands run in optverify-torch (cli/torch_executable.hpp): this process is
  // replaced by it; exec returns only on failure.
  if (needs_torch_executable(argc, argv)) {
    const std::string why = exec_torch_executable(argc, argv);  // before any output: exec replaces us
    std::cerr << "optverify: error: " << why << "\n";
    return kUsage;
  }
  CommandContext ctx;
  CLI::App app{"optverify: numerical and rigorous checks of optimizer theory"};
  app.require_subcommand(1);
  add_problems_command(app, ctx);
  add_optimizers_command(app, ctx);
  add_run_command(app, ctx);
  add_spectrum_command(app, ctx);
  add_saddle_command(app, ctx);
  add_landscape_command(app, ctx);
  add_experiment_command(app, ctx);
  add_version_command(app, ctx);
  add_claims_command(app, ctx);
  add_verify_command(app, ctx);
  add_report_command(app, ctx);
  add_conform_command(app, ctx);
  // Listed in --help; never parsed here (optverify-torch runs it, see above).
  app.add_subcommand("bench", "Validation benchmarks on LibTorch (run by optverify-torch; docs/benchmarks.md)")
      ->prefix_command();
  return run_cli_app(app, ctx, argc, argv);
}
