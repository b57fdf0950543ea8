// Parses and runs a command-line application, mapping errors to the exit codes of
// cli/exit_codes.hpp (shared by optverify and optverify-torch).
#pragma once

#include <CLI/CLI.hpp>

#include <exception>
#include <iostream>
#include <stdexcept>

#include "cli/command_context.hpp"
#include "cli/exit_codes.hpp"

namespace ov::cli {

inline int run_cli_app(CLI::App& app, CommandContext& ctx, int argc, char** argv) {
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

}  // namespace ov::cli
