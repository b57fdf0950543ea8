// `optverify saddle`: a seeded, parallel, resumable Monte-Carlo experiment of one
// optimizer started near a point of a problem (by default its saddle), with the
// proportion of runs reaching each known critical point (docs/statistics.md).
#pragma once

#include <CLI/CLI.hpp>

#include "analysis/stats/problem_experiment.hpp"
#include "cli/command_context.hpp"

namespace ov::cli {

void add_saddle_command(CLI::App& app, CommandContext& ctx);

// The experiment in one scalar, optimizer from the registry (cli/saddle_<scalar>.cpp).
stats::PreparedExperiment prepare_saddle_double(const stats::ProblemExperimentSpec& spec);
stats::PreparedExperiment prepare_saddle_mp50(const stats::ProblemExperimentSpec& spec);

}  // namespace ov::cli
