// `optverify bench train | protocol | list` (docs/cli.md, "bench"): the training runner
// (gpu/train/trainer.hpp), the documents' benchmark protocols (gpu/bench/protocol.hpp) and what
// both know about. Only in builds with LibTorch, in optverify-torch (cli/bench.cmake, cli/torch_executable.hpp).
#pragma once

#include <CLI/CLI.hpp>

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "cli/command_context.hpp"
#include "gpu/data/image_dataset_files.hpp"

namespace ov::cli {

// Registers `bench` with its three subcommands.
void add_bench_command(CLI::App& app, CommandContext& ctx);

// The subcommands (bench_train_command.cpp, bench_protocol_command.cpp, bench_command.cpp).
void add_bench_train_command(CLI::App& bench, CommandContext& ctx);
void add_bench_protocol_command(CLI::App& bench, CommandContext& ctx);
void add_bench_list_command(CLI::App& bench, CommandContext& ctx);

// The data sets of the training runner by their TrainingConfig names, in a fixed order:
// mnist, fashion-mnist, cifar10, cifar100.
const std::vector<std::pair<std::string, gpu::data::ImageDataset>>& bench_datasets();

// The repository's bench/protocols directory (the `--suite` default): the source directory
// compiled in (OPTVERIFY_BENCH_PROTOCOL_DIR) when it exists, else the first bench/protocols
// directory found in the executable's directory or one of its four parents. Throws
// std::invalid_argument naming the places looked at when none exists.
std::string default_protocol_directory();

// The --seeds argument: "N" (an integer without comma or dots) = the N seeds 0..N-1 (N >= 1);
// "A..B" = A, A+1, ..., B (A <= B; "5..5" is the single seed 5); "a,b,c" = exactly those seeds.
// Seeds are unsigned 64-bit integers, each at most once, at most 10000 of them. Throws
// std::invalid_argument naming `option` and the accepted forms.
std::vector<std::uint64_t> parse_seed_list(const std::string& text, const std::string& option = "--seeds");

}  // namespace ov::cli
