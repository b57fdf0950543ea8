// optverify-torch: the commands of `optverify` that need LibTorch (cli/torch_executable.hpp):
// `bench ...` and `conform` on LibTorch optimizers. `optverify` executes it in its place; it
// can also be run directly with the same arguments.
#include <CLI/CLI.hpp>

#include "cli/app_runner.hpp"
#include "cli/bench_command.hpp"
#include "cli/command_context.hpp"
#include "cli/conform_command.hpp"

int main(int argc, char** argv) {
  using namespace ov::cli;
  CommandContext ctx;
  CLI::App app{"optverify (LibTorch commands): validation benchmarks and conformance of torch::optim optimizers"};
  app.require_subcommand(1);
  add_bench_command(app, ctx);
  add_conform_command(app, ctx);
  return run_cli_app(app, ctx, argc, argv);
}
