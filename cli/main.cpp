// optverify: numerical and rigorous checks of what the literature claims about
// optimizers. See docs/cli.md for every subcommand, its JSON schema and exit codes.
#include <CLI/CLI.hpp>

#include <exception>
#include <iostream>
#include <stdexcept>

#include "cli/claims_command.hpp"
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
#ifdef OPTVERIFY_CLI_BENCH
#include "cli/bench_command.hpp"
#endif

int main(int argc, char** argv) {
  using namespace ov::cli;
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
#ifdef OPTVERIFY_CLI_BENCH
  add_bench_command(app, ctx);
#endif
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int rc = app.exit(e);  // prints help or the parse error
    return rc == 0 ? kSuccess : kUsage;
  } catch (const std::invalid_argument& e) {
    std::cerr << "optverify: error: " << e.what() << "\n";
    return kUsage;
  } catch (const std::out_of_range& e) {
    std::cerr << "optverify: error: " << e.what() << "\n";
    return kUsage;
  } catch (const std::exception& e) {
    std::cerr << "optverify: internal error: " << e.what() << "\n";
    return kInternal;
  }
  return ctx.exit_code;
}
