// MBT Figures 2-3: learning-rate traces (mbt_learning_rate_traces.hpp).
#include "gpu/train/training_device.hpp"
#include "gpu/bench/mbt_learning_rate_traces.hpp"

#include <ATen/ATen.h>
#include <ATen/Parallel.h>
#include <torch/optim/optimizer.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cmath>
#include <limits>
#include <stdexcept>

#include "gpu/bench/mbt_checks.hpp"
#include "gpu/bench/mbt_image_data.hpp"
#include "gpu/bench/mbt_settings_reader.hpp"
#include "gpu/bench/protocol_report.hpp"
#include "gpu/bench/protocol_runners.hpp"
#include "gpu/train/trainer.hpp"
#include "gpu/train/training_optimizer.hpp"
#include "gpu/train/training_report.hpp"
#include "nets/torch/zoo_model.hpp"

namespace ov::gpu::bench {

namespace mbt_learning_rate_traces_detail {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

double seconds_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

std::string slug(const std::string& name) {
  std::string out;
  for (char c : name) out += std::isalnum(static_cast<unsigned char>(c)) ? static_cast<char>(std::tolower(c)) : '-';
  return out;
}

nlohmann::json with_linear_x(nlohmann::json series) {
  if (!series.is_null()) series["log_x"] = false;
  return series;
}

}  // namespace mbt_learning_rate_traces_detail

MbtLearningRateTracesSettings parse_mbt_learning_rate_traces_settings(const nlohmann::json& block,
                                                                      const std::string& where) {
  MbtSettingsReader r(block, where);
  MbtLearningRateTracesSettings s;
  s.dataset = r.text("dataset", std::nullopt, {"mnist", "fashion-mnist", "cifar10", "cifar100"});
  s.model = r.text("model");
  s.full_batch_samples = r.integer("full_batch_samples", 500, 1, 100000000);
  s.iterations = static_cast<int>(r.integer("iterations", 100, 1, 1000000));
  s.two_way = r.text("two_way", s.two_way);
  s.stable_window = static_cast<int>(r.integer("stable_window", 20, 1, 1000000));
  s.stable_max_distinct = static_cast<int>(r.integer("stable_max_distinct", 1, 1, 1000000));
  s.collapse_min_ratio = r.number("collapse_min_ratio", 1e-3, 0, 1);
  const nlohmann::json mbt = r.raw("mbt_optimizers", false);
  if (mbt.is_null()) {
    s.mbt_optimizers = parse_named_optimizers(
        nlohmann::json::parse(R"([{"name": "MBT-MMT", "optimizer": "mbt_mmt"}, {"name": "MBT-NAG", "optimizer": "mbt_nag"}])"),
        where, "mbt_optimizers", true);
  } else {
    s.mbt_optimizers = parse_named_optimizers(mbt, where, "mbt_optimizers", true);
  }
  s.epochs = static_cast<int>(r.integer("epochs", std::nullopt, 1, 100000));
  s.batch_size = r.integer("batch_size", std::nullopt, 1, 100000000);
  s.subset = r.integer("subset", 0, 0, 100000000);
  s.test_subset = r.integer("test_subset", 0, 0, 100000000);
  s.augment = r.flag("augment", false);
  s.warmup_min_change = r.number("warmup_min_change", 0.2, 0, 1);
  s.seed = static_cast<std::uint64_t>(r.integer("seed", 0, 0, INT64_MAX));
  r.finish();
  if (s.two_way.rfind("two_way_backtracking_gd", 0) != 0)
    throw std::invalid_argument(where + ": key \"two_way\": \"" + s.two_way +
                                "\" must be a two_way_backtracking_gd spec (Figure 2 is two-way backtracking)");
  if (train::closure_rules_available()) train::check_optimizer_spec("rule:" + s.two_way);
  for (const auto& m : s.mbt_optimizers) {
    train::check_optimizer_spec(m.optimizer);
    if (train::parse_optimizer_spec(m.optimizer).name.rfind("mbt_", 0) != 0)
      throw std::invalid_argument(where + ": key \"mbt_optimizers\": \"" + m.optimizer +
                                  "\" is not an MBT optimizer (mbt_gd, mbt_mmt, mbt_nag)");
  }
  return s;
}

ProtocolResult run_mbt_learning_rate_traces(const ProtocolFile& file, const nlohmann::json& settings,
                                            const ProtocolOptions& options) {
  using namespace mbt_learning_rate_traces_detail;
  const auto t_start = std::chrono::steady_clock::now();
  MbtLearningRateTracesSettings s =
      parse_mbt_learning_rate_traces_settings(settings, file.path + ": \"" + options.scale + "\"");
  // options.subset sets the MBT runs' training subset (0 = all) and, when > 0, caps the
  // full-batch subset of Figure 2b.
  if (options.subset >= 0) s.subset = options.subset;
  if (options.subset > 0) s.full_batch_samples = std::min(s.full_batch_samples, options.subset);
  if (options.epochs > 0) s.epochs = options.epochs;
  if (!options.seeds.empty()) s.seed = options.seeds.front();
  if (options.threads > 0) at::set_num_threads(options.threads);
  const c10::Device device = train::resolve_training_device(options.device);
  ProtocolResult result;
  const nlohmann::json source2 = {{"file", "000_47ba9189a2c8a171.txt"}, {"section", "4.2"}, {"lines", "L584-L596"}};
  const nlohmann::json source3 = {{"file", "000_47ba9189a2c8a171.txt"}, {"section", "4.3"}, {"lines", "L586-L598"}};
  const nlohmann::json slides = {{"file", "001_ca0824e53e7404e9.txt"}, {"section", "4.2-4.3"}, {"lines", "L685-L718"}};

  // (1) Figure 2b: full-batch two-way backtracking.
  {
    const auto t0 = std::chrono::steady_clock::now();
    const MbtImageData data = load_mbt_image_data(s.dataset, options.data_dir, s.full_batch_samples, -1, s.seed, device);
    const std::int64_t n = data.train_images.size(0);
    const std::string stand_in = mbt_stand_in_note(data, s.model, "cifar10", "resnet18", "000 §4.2, Figure 2b");
    if (!stand_in.empty()) result.notes.push_back(stand_in);
    std::vector<double> rates, losses, iterations;
    std::int64_t refused = 0;
    std::string unavailable;
    if (train::closure_rules_available()) {
      auto model = make_mbt_model(s.model, data, s.seed, device);
      train::TrainingOptimizer opt("rule:" + s.two_way, model->parameters(), model);
      const auto closure = mbt_full_batch_closure(model, data);
      for (int it = 1; it <= s.iterations; ++it) {
        const at::Tensor loss = opt.optimizer().step(closure);
        refused += opt.last_step_refusals();
        rates.push_back(opt.last_rule_step_size());
        losses.push_back(loss.defined() ? loss.item<double>() : kNaN);
        iterations.push_back(it);
      }
    } else {
      unavailable = "the closure rules (rule:two_way_backtracking_gd) need the full build with the rigorous core";
      result.notes.push_back("Figure 2b not run: " + unavailable);
    }
    const std::string hypotheses = options.scale + " scale: " + data.dataset_name + ", " + std::to_string(n) +
                                   " random training samples (seed " + std::to_string(s.seed) + "), model " + s.model +
                                   ", full-batch loss as the closure, " + s.two_way + ", " +
                                   std::to_string(s.iterations) + " iterations, model in eval mode (000 Remark 4.1)";
    nlohmann::json series = nlohmann::json::array();
    for (auto c : {make_series("two-way rate", "Figure 2b: full-batch two-way rate", iterations, rates, "iteration",
                               "learning rate", true),
                   make_series("full-batch loss", "Figure 2b: full-batch loss", iterations, losses, "iteration",
                               "loss", true)})
      if (!c.is_null()) series.push_back(with_linear_x(c));
    nlohmann::json params = {{"dataset", s.dataset}, {"model", s.model}, {"samples", n},
                             {"iterations", s.iterations}, {"rule", s.two_way}, {"device", device.str()}};
    const double elapsed = seconds_since(t0);

    QualitativeCheck collapse;
    collapse.id = "bench.mbt.figure2.two-way-rates-do-not-collapse";
    collapse.title = "Full-batch two-way backtracking rates do not collapse to 0 (Figure 2b)";
    collapse.source = source2;
    collapse.hypotheses = hypotheses;
    collapse.statement = "Two-way Backtracking GD on the full-batch loss of a network (ResNet-18 on 500 CIFAR-10 "
                         "samples) keeps learning rates bounded away from 0 and stabilises (000 §2.4-2.5 heuristic, "
                         "L235-L241, tested in §4.2 L584, Figure 2b)";
    collapse.parameters = params;
    collapse.seed = s.seed;
    collapse.seconds = elapsed;
    collapse.series = series;
    collapse.figures["refused_steps"] = refused;
    MbtCheckOutcome o1 = check_rates_do_not_collapse(rates, s.collapse_min_ratio);
    if (!unavailable.empty()) o1 = {"inconclusive", o1.check, "not run: " + unavailable, o1.figures};
    result.claims.push_back(to_claim_json(with_outcome(collapse, o1)));

    QualitativeCheck stable = collapse;
    stable.id = "bench.mbt.figure2.two-way-rates-stabilise";
    stable.title = "Full-batch two-way backtracking becomes Standard GD: the rate stabilises (Figure 2b)";
    stable.statement = "Two-way Backtracking GD stabilises to Standard GD (a constant rate): on the Mexican hat after "
                       "6 iterates, for CIFAR-10 after 40 iterates (slides 001 L699-L702; paper 000 L584)";
    stable.source = slides;
    stable.figures = {{"refused_steps", refused}};
    MbtCheckOutcome o2 = check_rates_stabilise(rates, s.stable_window, s.stable_max_distinct);
    if (!unavailable.empty()) o2 = {"inconclusive", o2.check, "not run: " + unavailable, o2.figures};
    result.claims.push_back(to_claim_json(with_outcome(stable, o2)));

    result.benchmarks.push_back({{"name", file.name + ": figure 2b full-batch two-way"},
                                 {"protocol", file.name},
                                 {"scale", options.scale},
                                 {"dataset", data.dataset_name},
                                 {"model", s.model},
                                 {"samples", n},
                                 {"rule", s.two_way},
                                 {"iterations", s.iterations},
                                 {"rates", rates},
                                 {"losses", losses},
                                 {"refused_steps", refused},
                                 {"seconds", elapsed},
                                 {"stand_in", stand_in},
                                 {"series", series}});
  }

  // (2) Figure 3: per-epoch finder rates of MBT training runs.
  for (const auto& m : s.mbt_optimizers) {
    train::TrainingConfig c;
    c.model = s.model;
    c.dataset = s.dataset;
    c.data_dir = options.data_dir;
    c.optimizer = m.optimizer;
    c.epochs = s.epochs;
    c.batch_size = s.batch_size;
    c.seeds = {s.seed};
    c.device = options.device;
    c.subset = s.subset;
    c.test_subset = s.test_subset;
    c.augment = s.augment;
    c.threads = options.threads;
    c.output_dir = mbt_run_output_dir(options.output_dir, file.name, "figure3 " + m.optimizer);
    const auto t0 = std::chrono::steady_clock::now();
    const train::TrainingResult r = train::run_training(c, options.callbacks);
    std::vector<double> rates, epochs;
    for (const auto& e : r.runs.front().epochs) {
      rates.push_back(e.learning_rate);
      epochs.push_back(e.epoch);
    }
    const double elapsed = seconds_since(t0);
    const std::string hypotheses = options.scale + " scale: " + s.model + " on " + s.dataset + " (training subset " +
                                   std::to_string(s.subset) + ", 0 = all), " + m.optimizer + ", " +
                                   std::to_string(s.epochs) + " epochs, batch " + std::to_string(s.batch_size) +
                                   ", seed " + std::to_string(s.seed) + "; the rate of each epoch is the finder's";
    nlohmann::json series = nlohmann::json::array();
    auto curve = make_series(m.name + " finder rate", "Figure 3: per-epoch finder rate", epochs, rates, "epoch",
                             "learning rate", true);
    if (!curve.is_null()) series.push_back(with_linear_x(curve));
    nlohmann::json params = {{"dataset", s.dataset}, {"model", s.model}, {"optimizer", m.optimizer},
                             {"epochs", s.epochs}, {"batch_size", s.batch_size}, {"subset", s.subset},
                             {"device", device.str()}};
    QualitativeCheck shape;
    shape.id = "bench.mbt.figure3.finder-rates-warmup-decay." + slug(m.name);
    shape.title = m.name + "'s per-epoch finder rates rise, then fall, like warm-up and decay (Figure 3)";
    shape.source = slides;
    shape.hypotheses = hypotheses;
    shape.statement = "In the mini-batch setting (MBT-MMT, MBT-NAG on ResNet-18, CIFAR-10/100), the obtained learning "
                      "rates behave similarly to the common scheme of learning rate warming up and decay (slides 001 "
                      "L716-L718; paper 000 L574, L586, Figure 3)";
    shape.parameters = params;
    shape.seed = s.seed;
    shape.seconds = elapsed;
    shape.series = series;
    result.claims.push_back(to_claim_json(with_outcome(shape, check_warmup_then_decay(rates, s.warmup_min_change))));
    QualitativeCheck floor = shape;
    floor.id = "bench.mbt.figure3.finder-rates-do-not-collapse." + slug(m.name);
    floor.title = m.name + "'s per-epoch finder rates do not collapse to 0 (Figure 3)";
    floor.source = source3;
    floor.statement = "The mini-batch finder's rates follow the heuristic of §2.4 (000 L586): they stay bounded away "
                      "from 0 over the training";
    result.claims.push_back(to_claim_json(with_outcome(floor, check_rates_do_not_collapse(rates, s.collapse_min_ratio))));
    result.benchmarks.push_back(train::training_benchmark(r, file.name + ": figure 3 " + m.name));
  }
  result.seconds = seconds_since(t_start);
  return result;
}

}  // namespace ov::gpu::bench
