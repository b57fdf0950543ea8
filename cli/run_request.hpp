// `optverify run`: the request as parsed from the command line, the outcome as
// computed in one scalar type (cli/run_in_scalar.hpp, one translation unit per
// scalar: cli/run_<scalar>.cpp), independent of the scalar for printing.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace ov::cli {

struct RunRequest {
  std::string problem;
  // Or a network on a data set (nets/): architecture "2-20:leaky_relu-1:logistic", data set
  // "circles" (cli/dataset_by_name.hpp), loss (default from the output activation), start
  // point "glorot" or "uniform:R" (seeded by --seed).
  std::string network, data, loss, init = "glorot";
  std::vector<std::string> problem_params;  // KEY=VALUE
  std::string optimizer;                    // NAME[:k=v,...]
  std::string precision = "double";
  std::int64_t iters = 100;
  std::optional<std::string> x0;  // comma-separated constant expressions; else seeded in the problem's box
  std::uint64_t seed = 0;
  std::size_t batch_size = 0;  // 0: deterministic (whole objective); > 0: mini-batches of a finite sum
  std::string sampling = "reshuffle_each_epoch";
  std::optional<std::string> gradient_tolerance;
  std::int64_t monitor_every = 1;
  bool progress = false;  // a progress bar on stderr (ov::optim::ProgressBar)
};

// Everything printed about a run, already rendered to text in the run's scalar.
struct RunRow {
  std::int64_t iteration = 0;
  std::string value, grad_norm, step_size;  // empty if not recorded
  int trials = 0;
  std::int64_t values = 0, gradients = 0;
  std::size_t epoch = 0;
  double seconds = 0;
  std::string status;
};

struct RunOutcome {
  std::string problem_description;  // networks: the architecture and the data set
  std::string optimizer_name;
  std::vector<std::pair<std::string, std::string>> hyperparameters;
  std::vector<std::string> x0, x;
  std::string value, grad_norm;
  std::int64_t iterations = 0;
  std::int64_t values = 0, gradients = 0, sample_gradients = 0;
  std::int64_t full_values = 0, full_gradients = 0, hessian_vectors = 0;  // requested by the rule itself
  std::string stop_reason, message;
  double seconds = 0;
  std::vector<RunRow> trace;
};

RunOutcome run_float(const RunRequest&);
RunOutcome run_double(const RunRequest&);
RunOutcome run_float128(const RunRequest&);
RunOutcome run_mp50(const RunRequest&);
RunOutcome run_mp100(const RunRequest&);

}  // namespace ov::cli
