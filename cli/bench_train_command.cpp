// `optverify bench train` (docs/cli.md): one TrainingConfig from the flags (over an optional
// --protocol file), run_training with a progress bar, the per-epoch table or JSON, the report.
#include <fmt/core.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "analysis/report/provenance.hpp"
#include "analysis/report/report_writer.hpp"
#include "cli/bench_command.hpp"
#include "cli/progress_bar.hpp"
#include "gpu/train/learning_rate_schedule.hpp"
#include "gpu/train/trainer.hpp"
#include "gpu/train/training_data.hpp"
#include "gpu/train/training_optimizer.hpp"
#include "gpu/train/training_report.hpp"
#include "nets/data/idx_reader.hpp"
#include "nets/torch/model_zoo.hpp"

namespace ov::cli {

namespace bench_train_detail {

using nlohmann::json;
namespace gt = gpu::train;

struct TrainArgs {
  std::string model, dataset, optimizer, seeds, device, protocol, lr_schedule, data_dir, output, master, report;
  int epochs = 1, batch_reuse = 1, threads = 0, world_size = 1, rank = 0;
  std::int64_t batch = 128, subset = 0, test_subset = 0;
  double weight_decay = 0;
  bool augment = false, resume = false, json = false, progress = false, no_progress = false;
};

// The TrainingConfig fields of a --protocol file: the object itself, or its "train" member.
gt::TrainingConfig config_from_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::invalid_argument("--protocol \"" + path + "\": cannot open the file (missing or unreadable)");
  std::stringstream buffer;
  buffer << in.rdbuf();
  json doc;
  try {
    doc = json::parse(buffer.str());
  } catch (const json::parse_error& e) {
    throw std::invalid_argument("--protocol \"" + path + "\": invalid JSON at byte " + std::to_string(e.byte));
  }
  if (!doc.is_object()) throw std::invalid_argument("--protocol \"" + path + "\": expected a JSON object");
  const json& fields = doc.contains("train") ? doc.at("train") : doc;
  try {
    return gt::TrainingConfig::from_json(fields);
  } catch (const std::exception& e) {
    throw std::invalid_argument("--protocol \"" + path + "\": " + e.what());
  }
}

std::string model_names_text() {
  std::string s;
  for (const auto& n : nets::torchzoo::model_names()) s += (s.empty() ? "" : ", ") + n;
  return s;
}

// The flags over the file's (or the default) configuration; names checked with the option named.
gt::TrainingConfig build_config(const CLI::App& cmd, const TrainArgs& a) {
  gt::TrainingConfig c = a.protocol.empty() ? gt::TrainingConfig{} : config_from_file(a.protocol);
  const auto given = [&cmd](const char* name) { return cmd.count(name) > 0; };
  const std::string from_file = a.protocol.empty() ? "" : " (from --protocol " + a.protocol + ")";
  if (given("--model")) c.model = a.model;
  if (given("--dataset")) c.dataset = a.dataset;
  if (given("--optimizer")) c.optimizer = a.optimizer;
  if (given("--epochs")) c.epochs = a.epochs;
  if (given("--batch")) c.batch_size = a.batch;
  if (given("--seeds")) c.seeds = parse_seed_list(a.seeds);
  if (given("--device")) c.device = a.device;
  if (given("--subset")) c.subset = a.subset;
  if (given("--test-subset")) c.test_subset = a.test_subset;
  if (given("--weight-decay")) c.weight_decay = a.weight_decay;
  if (given("--lr-schedule")) c.lr_schedule = a.lr_schedule;
  if (given("--batch-reuse")) c.batch_reuse = a.batch_reuse;
  if (given("--augment")) c.augment = a.augment;
  if (given("--threads")) c.threads = a.threads;
  if (given("--data-dir")) c.data_dir = a.data_dir;
  if (given("--output")) c.output_dir = a.output;
  if (given("--resume")) c.resume = a.resume;
  if (given("--world-size")) c.parallel.world_size = a.world_size;
  if (given("--rank")) c.parallel.rank = a.rank;
  if (given("--master")) c.parallel.master = a.master;

  const auto where = [&](const char* option) { return std::string(option) + (given(option) ? "" : from_file); };
  if (!nets::torchzoo::is_model_name(c.model)) {
    throw std::invalid_argument(where("--model") + ": unknown model \"" + c.model + "\" (valid: " + model_names_text() +
                                ")");
  }
  try {
    gt::dataset_from_name(c.dataset);
  } catch (const std::invalid_argument& e) {
    throw std::invalid_argument(where("--dataset") + ": " + e.what());
  }
  if (c.resume && c.output_dir.empty()) {
    throw std::invalid_argument("--resume needs --output DIR (the directory holding the checkpoints of the run)");
  }
  try {
    gt::check_optimizer_spec(c.optimizer);
  } catch (const std::invalid_argument& e) {
    throw std::invalid_argument(where("--optimizer") + ": " + e.what());
  }
  try {
    gt::LearningRateSchedule check(c.lr_schedule);
  } catch (const std::invalid_argument& e) {
    throw std::invalid_argument(where("--lr-schedule") + ": " + e.what());
  }
  try {
    c.validate();
  } catch (const std::invalid_argument& e) {
    throw std::invalid_argument(std::string("invalid training configuration") + from_file + ": " + e.what());
  }
  return c;
}

std::string number(double v) { return std::isfinite(v) ? fmt::format("{:.6g}", v) : "nan"; }

void print_table(std::ostream& out, const gt::TrainingResult& r) {
  for (const auto& run : r.runs) {
    out << fmt::format("seed {}{}\n", run.seed,
                       run.diverged ? " (diverged" + (run.note.empty() ? "" : ": " + run.note) + ")"
                                    : (run.note.empty() ? "" : " (" + run.note + ")"));
    out << fmt::format("  {:>5}  {:>12}  {:>12}  {:>8}  {:>12}  {:>11}  {:>11}  {:>7}  {:>9}\n", "epoch",
                       "train loss", "val loss", "val acc", "lr", "grad evals", "func evals", "refused", "seconds");
    for (const auto& e : run.epochs) {
      out << fmt::format("  {:>5}  {:>12}  {:>12}  {:>8}  {:>12}  {:>11}  {:>11}  {:>7}  {:>9.2f}\n", e.epoch,
                         number(e.train_loss), number(e.validation_loss),
                         std::isfinite(e.validation_accuracy) ? fmt::format("{:.4f}", e.validation_accuracy) : "-",
                         number(e.learning_rate), e.gradient_evaluations, e.function_evaluations, e.refused_steps,
                         e.seconds);
    }
  }
}

json runs_json(const gt::TrainingResult& r) {
  json runs = json::array();
  for (const auto& run : r.runs) {
    json epochs = json::array();
    for (const auto& e : run.epochs) epochs.push_back(gt::to_json(e));
    runs.push_back({{"seed", run.seed}, {"diverged", run.diverged}, {"note", run.note}, {"epochs", epochs}});
  }
  return runs;
}

void run_train(CommandContext& ctx, const CLI::App& cmd, const TrainArgs& a) {
  const gt::TrainingConfig config = build_config(cmd, a);
  const bool show_progress = !a.no_progress && (a.progress || stderr_is_terminal());
  ProgressBar bar(ctx.err, show_progress);
  gt::TrainingCallbacks callbacks;
  callbacks.step = [&bar, &config](const gt::StepProgress& p) {
    if (!bar.enabled()) return;
    const double seeds = static_cast<double>(std::max<std::size_t>(p.seeds, 1));
    const double epochs = static_cast<double>(std::max(p.epochs, 1));
    const double batches = static_cast<double>(std::max<std::size_t>(p.batches, 1));
    const double fraction =
        (static_cast<double>(p.seed_index) + (p.epoch - 1 + static_cast<double>(p.batch) / batches) / epochs) / seeds;
    const std::string seed =
        p.seed_index < config.seeds.size() ? std::to_string(config.seeds[p.seed_index]) : std::string("?");
    bar.update(fraction, fmt::format("seed {}/{} ({})  epoch {}/{}  batch {}/{}  loss {}", p.seed_index + 1, p.seeds,
                                     seed, p.epoch, p.epochs, p.batch, p.batches, number(p.loss)));
  };
  callbacks.log = [&bar, &ctx](const std::string& line) {
    bar.clear();
    ctx.err << "optverify: note: " << line << "\n";
  };
  gt::TrainingResult result;
  try {
    result = gt::run_training(config, callbacks);
  } catch (const nets::data::DataFileError& e) {
    bar.finish();
    // A missing or corrupt data file is bad input (exit 2), not an internal error.
    throw std::invalid_argument(std::string("--dataset ") + config.dataset + ": " + e.what());
  }
  bar.finish();
  if (config.parallel.rank != 0) return;  // rank 0 prints and writes the report

  std::string report_dir = a.report;
  if (report_dir.empty() && !config.output_dir.empty()) {
    report_dir = (std::filesystem::path(config.output_dir) / "report").string();
  }
  json html = nullptr;
  if (!report_dir.empty()) {
    json doc = report::new_report_document();
    doc["benchmarks"].push_back(gt::training_benchmark(result));
    html = report::write_report_directory(doc, report_dir).string();
  }
  if (a.json) {
    ctx.out << json{{"command", "bench train"},
                    {"provenance", report::run_provenance_json()},
                    {"config", config.to_json()},
                    {"environment", result.environment},
                    {"runs", runs_json(result)},
                    {"report", html}}
                   .dump(2)
            << "\n";
    return;
  }
  ctx.out << fmt::format("{} on {}, {}, batch {}, {} epoch(s), seed(s) {}\n", config.model, config.dataset,
                         config.optimizer, config.batch_size, config.epochs, [&] {
                           std::string s;
                           for (auto v : config.seeds) s += (s.empty() ? "" : ",") + std::to_string(v);
                           return s;
                         }());
  print_table(ctx.out, result);
  if (!config.output_dir.empty()) ctx.out << "outputs: " << config.output_dir << "\n";
  if (!html.is_null()) ctx.out << "report: " << html.get<std::string>() << "\n";
}

}  // namespace bench_train_detail

void add_bench_train_command(CLI::App& bench, CommandContext& ctx) {
  auto* cmd = bench.add_subcommand("train", "Train a model of the zoo on an image data set, once per seed, with "
                                             "per-epoch records, checkpoints and a report");
  auto a = std::make_shared<bench_train_detail::TrainArgs>();
  cmd->add_option("--model", a->model, "Model of the zoo (`optverify bench list`; default lenet)");
  cmd->add_option("--dataset", a->dataset, "mnist | fashion-mnist | cifar10 | cifar100 (default fashion-mnist)");
  cmd->add_option("--optimizer", a->optimizer, "NAME[:key=value,...] (`optverify bench list`; default sgd:lr=0.01)");
  cmd->add_option("--epochs", a->epochs, "Epochs (>= 1; default 1)")->check(CLI::Range(1, 1000000));
  cmd->add_option("--batch", a->batch, "Mini-batch size (>= 1; default 128)")
      ->check(CLI::Range(std::int64_t{1}, std::int64_t{1} << 40));
  cmd->add_option("--seeds", a->seeds,
                  "N = the seeds 0..N-1, A..B = A to B, or a list a,b,c (default: the single seed 0)");
  cmd->add_option("--device", a->device, "auto | cpu | cuda | cuda:N (default auto: cuda when available)");
  cmd->add_option("--subset", a->subset, "Train on the first N samples (0 = all; default 0)")
      ->check(CLI::Range(std::int64_t{0}, std::int64_t{1} << 40));
  cmd->add_option("--test-subset", a->test_subset, "Validate on the first N test samples (0 = all; default 0)")
      ->check(CLI::Range(std::int64_t{0}, std::int64_t{1} << 40));
  cmd->add_option("--protocol", a->protocol,
                  "JSON file whose object (or its \"train\" member) gives TrainingConfig fields; flags override");
  cmd->add_option("--weight-decay", a->weight_decay, "lambda: (lambda/2)|theta|^2 added to the loss (default 0)")
      ->check(CLI::Range(0.0, 1e300));
  cmd->add_option("--lr-schedule", a->lr_schedule, "Per-epoch learning-rate schedule (`optverify bench list`)");
  cmd->add_option("--batch-reuse", a->batch_reuse, "Steps per mini-batch (>= 1; default 1)")
      ->check(CLI::Range(1, 1000000));
  cmd->add_flag("--augment", a->augment, "The MBT CIFAR augmentation (random crop with padding 4, flips)");
  cmd->add_option("--threads", a->threads, "LibTorch CPU threads (0 = LibTorch's default)")->check(CLI::Range(0, 4096));
  cmd->add_option("--data-dir", a->data_dir, "Directory of the data set's files (default: see `optverify bench list`)");
  cmd->add_option("--output", a->output,
                  "Directory for per-epoch CSV/JSON, checkpoints and the report (DIR/report)");
  cmd->add_flag("--resume", a->resume, "Continue from the checkpoints in --output");
  cmd->add_option("--world-size", a->world_size, "Data-parallel processes (default 1)")->check(CLI::Range(1, 4096));
  cmd->add_option("--rank", a->rank, "This process's rank in [0, world size)")->check(CLI::Range(0, 4095));
  cmd->add_option("--master", a->master, "ADDR:PORT where rank 0 listens (default 127.0.0.1:29500)");
  cmd->add_option("--report", a->report, "Write the report (report.json, index.html, ...) into DIR");
  cmd->add_flag("--json", a->json, "One JSON document on stdout (docs/cli.md)");
  cmd->add_flag("--progress", a->progress, "Draw the progress bar on stderr even when it is not a terminal");
  cmd->add_flag("--no-progress", a->no_progress, "No progress bar");
  cmd->callback([&ctx, cmd, a] { bench_train_detail::run_train(ctx, *cmd, *a); });
}

}  // namespace ov::cli
