// MBT Table 1: the finder's stability over starting rates and batch sizes (mbt_finder_stability.hpp).
#include "gpu/train/training_device.hpp"
#include "gpu/bench/mbt_finder_stability.hpp"

#include <ATen/ATen.h>
#include <ATen/Parallel.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <stdexcept>

#include "gpu/bench/mbt_checks.hpp"
#include "gpu/bench/mbt_image_data.hpp"
#include "gpu/bench/mbt_paper_tables.hpp"
#include "gpu/bench/mbt_settings_reader.hpp"
#include "gpu/bench/protocol_report.hpp"
#include "gpu/bench/protocol_runners.hpp"
#include "gpu/optim/mbt_learning_rate_finder.hpp"
#include "nets/torch/zoo_model.hpp"

namespace ov::gpu::bench {

namespace mbt_finder_stability_detail {

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  const std::size_t n = v.size();
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

double seconds_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

const nlohmann::json& table1_source() {
  static const nlohmann::json s = {{"file", "000_47ba9189a2c8a171.txt"}, {"section", "4.4"}, {"lines", "L588-L609"}};
  return s;
}

}  // namespace mbt_finder_stability_detail

MbtFinderStabilitySettings parse_mbt_finder_stability_settings(const nlohmann::json& block, const std::string& where) {
  MbtSettingsReader r(block, where);
  MbtFinderStabilitySettings s;
  const auto& paper = mbt_paper_table1();
  s.dataset = r.text("dataset", std::nullopt, {"mnist", "fashion-mnist", "cifar10", "cifar100"});
  s.model = r.text("model");
  s.subset = r.integer("subset", 0, 0, 100000000);
  s.starting_rates = r.numbers("starting_rates", paper.starting_rates, 1e-6, 100);
  s.batch_sizes = r.integers("batch_sizes", std::vector<std::int64_t>(paper.batch_sizes.begin(), paper.batch_sizes.end()),
                             1, 100000000);
  s.alpha = r.number("alpha", 1e-4, 1e-12, 1 - 1e-12);
  s.beta = r.number("beta", 0.5, 1e-6, 1 - 1e-6);
  s.batches = static_cast<int>(r.integer("batches", 20, 1, 100000));
  s.seed = static_cast<std::uint64_t>(r.integer("seed", 0, 0, INT64_MAX));
  s.max_over_min = r.number("max_over_min", std::nullopt, 1, 1e6);
  s.min_spearman = r.number("min_spearman", 0.8, -1, 1);
  r.finish();
  return s;
}

ProtocolResult run_mbt_finder_stability(const ProtocolFile& file, const nlohmann::json& settings,
                                        const ProtocolOptions& options) {
  using namespace mbt_finder_stability_detail;
  const auto t_start = std::chrono::steady_clock::now();
  MbtFinderStabilitySettings s = parse_mbt_finder_stability_settings(settings, file.path + ": \"" + options.scale + "\"");
  if (options.subset >= 0) s.subset = options.subset;
  if (!options.seeds.empty()) s.seed = options.seeds.front();
  if (options.threads > 0) at::set_num_threads(options.threads);
  const c10::Device device = train::resolve_training_device(options.device);

  ProtocolResult result;
  const MbtImageData data = load_mbt_image_data(s.dataset, options.data_dir, s.subset, -1, s.seed, device);
  const std::int64_t n = data.train_images.size(0);
  const std::string stand_in = mbt_stand_in_note(data, s.model, "cifar10", "resnet18", "000 §4.4, Table 1");
  if (!stand_in.empty()) result.notes.push_back(stand_in);
  std::vector<std::int64_t> batch_sizes;
  for (auto k : s.batch_sizes) {
    if (k <= n) {
      batch_sizes.push_back(k);
    } else {
      result.notes.push_back("batch size " + std::to_string(k) + " skipped: larger than the " + std::to_string(n) +
                             " training samples");
    }
  }

  auto model = make_mbt_model(s.model, data, s.seed, device);
  const auto closure = mbt_batch_closure(model, data);
  std::vector<std::vector<double>> rates, means, cell_seconds;
  std::vector<std::vector<std::int64_t>> unsatisfied, calls;
  for (std::size_t i = 0; i < batch_sizes.size(); ++i) {
    rates.emplace_back();
    means.emplace_back();
    cell_seconds.emplace_back();
    unsatisfied.emplace_back();
    calls.emplace_back();
    for (std::size_t j = 0; j < s.starting_rates.size(); ++j) {
      MbtFinderOptions fo;
      fo.finder.alpha = s.alpha;
      fo.finder.beta = s.beta;
      fo.finder.batches = s.batches;
      fo.finder.start = s.starting_rates[j];
      fo.seed = s.seed + 1000 * (i + 1) + j;
      fo.module = model;
      MbtLearningRateFinder finder(model->parameters(), static_cast<std::size_t>(n),
                                   static_cast<std::size_t>(batch_sizes[i]), fo);
      const auto t0 = std::chrono::steady_clock::now();
      const auto found = finder.find(closure);
      cell_seconds[i].push_back(seconds_since(t0));
      rates[i].push_back(found.lr);
      means[i].push_back(found.mean);
      unsatisfied[i].push_back(found.unsatisfied);
      calls[i].push_back(finder.last_closure_calls());
    }
  }

  // Row statistics beside the paper's.
  const auto& paper = mbt_paper_table1();
  const auto ratios = row_max_over_min(rates);
  const auto paper_ratios = row_max_over_min(paper.rates);
  std::vector<double> row_medians, row_raw_medians;
  for (std::size_t i = 0; i < rates.size(); ++i) {
    row_medians.push_back(median(rates[i]));
    row_raw_medians.push_back(median(means[i]));
  }
  nlohmann::json rows = nlohmann::json::array();
  for (std::size_t i = 0; i < rates.size(); ++i) {
    nlohmann::json row = {{"batch_size", batch_sizes[i]},
                          {"found_rates", rates[i]},
                          {"mean_per_batch_rates", means[i]},
                          {"max_over_min", std::isfinite(ratios[i]) ? nlohmann::json(ratios[i]) : nlohmann::json()},
                          {"median", row_medians[i]},
                          {"unsatisfied_batches", unsatisfied[i]},
                          {"closure_calls", calls[i]},
                          {"seconds", cell_seconds[i]}};
    for (std::size_t p = 0; p < paper.batch_sizes.size(); ++p) {
      if (paper.batch_sizes[p] == batch_sizes[i]) {
        row["paper_found_rates"] = paper.rates[p];
        row["paper_max_over_min"] = paper_ratios[p];
      }
    }
    rows.push_back(row);
  }
  nlohmann::json paper_rows = nlohmann::json::array();
  for (std::size_t p = 0; p < paper.batch_sizes.size(); ++p)
    paper_rows.push_back({{"batch_size", paper.batch_sizes[p]}, {"max_over_min", paper_ratios[p]},
                          {"median", median(paper.rates[p])}});

  const std::string hypotheses =
      options.scale + " scale: " + data.dataset_name + " (" + std::to_string(n) + " training samples), model " +
      s.model + ", alpha " + std::to_string(s.alpha) + ", beta " + std::to_string(s.beta) + ", " +
      std::to_string(s.batches) + " batches per run, sqrt(k/N) rescale, the model's initial weights (seed " +
      std::to_string(s.seed) + "), each cell its own seeded batches";
  nlohmann::json parameters = {{"dataset", s.dataset},          {"model", s.model},
                               {"training_samples", n},         {"starting_rates", s.starting_rates},
                               {"batch_sizes", batch_sizes},    {"alpha", s.alpha},
                               {"beta", s.beta},                {"batches", s.batches},
                               {"device", device.str()}};

  // Series: the found rate against the starting rate (one curve per batch size), and the row
  // medians against the batch size beside the paper's.
  nlohmann::json series = nlohmann::json::array();
  for (std::size_t i = 0; i < rates.size(); ++i) {
    auto c = make_series("batch " + std::to_string(batch_sizes[i]), "finder rate vs starting rate", s.starting_rates,
                         rates[i], "starting rate", "found rate", true);
    if (!c.is_null()) {
      c["log_x"] = true;
      series.push_back(c);
    }
  }
  std::vector<double> bx(batch_sizes.begin(), batch_sizes.end()), px(paper.batch_sizes.begin(), paper.batch_sizes.end());
  std::vector<double> paper_medians;
  for (const auto& r : paper.rates) paper_medians.push_back(median(r));
  nlohmann::json growth_series = nlohmann::json::array();
  for (auto c : {make_series("measured (row median)", "found rate vs batch size", bx, row_medians, "batch size",
                             "found rate", true),
                 make_series("paper Table 1 (row median)", "found rate vs batch size", px, paper_medians, "batch size",
                             "found rate", true),
                 make_series("measured, before the sqrt(k/N) rescale (row median)", "found rate vs batch size", bx,
                             row_raw_medians, "batch size", "found rate", true)}) {
    if (!c.is_null()) {
      c["log_x"] = true;
      growth_series.push_back(c);
    }
  }

  const double elapsed = seconds_since(t_start);
  QualitativeCheck independence;
  independence.id = "bench.mbt.table1.finder-independent-of-start";
  independence.title = "The MBT finder's rate is nearly independent of the starting rate (Table 1)";
  independence.source = table1_source();
  independence.hypotheses = hypotheses;
  independence.statement =
      "With any batch size, beta = 0.5 and only 20 random mini-batches, despite the huge differences between starting "
      "learning rates (1e-6 to 100), the obtained averagely-optimal learning rates stabilise into very close values "
      "(000 L588; paper's rows: max/min 1.20-1.34)";
  independence.parameters = parameters;
  independence.parameters["threshold_source"] =
      options.scale == "full" ? "the guide's prediction for the paper's setting (<= 1.35, seed-000-001-backtracking.md §6 item 9)"
                              : "the protocol file's cpu threshold (docs/protocols-mbt.md)";
  independence.seed = s.seed;
  independence.seconds = elapsed;
  independence.series = series;
  independence.figures["paper_worst_max_over_min"] = *std::max_element(paper_ratios.begin(), paper_ratios.end());
  result.claims.push_back(
      to_claim_json(with_outcome(independence, check_finder_start_independence(rates, batch_sizes, s.max_over_min))));

  QualitativeCheck growth = independence;
  growth.id = "bench.mbt.table1.finder-grows-with-batch-size";
  growth.title = "The MBT finder's rate grows with the batch size (Table 1)";
  growth.statement =
      "The found rate grows with the batch size (Table 1's rows, 000 L600-L607: medians 0.0038 at k = 12 to 0.0170 at "
      "k = 800); the growth includes the sqrt(k/N) rescale (000 L550-L560), the raw per-batch rates fall";
  growth.series = growth_series;
  growth.figures = nlohmann::json::object();
  growth.figures["raw_median_first_batch_size"] = row_raw_medians.empty() ? nlohmann::json() : nlohmann::json(row_raw_medians.front());
  growth.figures["raw_median_last_batch_size"] = row_raw_medians.empty() ? nlohmann::json() : nlohmann::json(row_raw_medians.back());
  growth.parameters.erase("threshold_source");
  result.claims.push_back(
      to_claim_json(with_outcome(growth, check_finder_grows_with_batch_size(batch_sizes, row_medians, s.min_spearman))));

  nlohmann::json bench = {{"name", file.name + ": table 1"},
                          {"protocol", file.name},
                          {"scale", options.scale},
                          {"dataset", data.dataset_name},
                          {"model", s.model},
                          {"training_samples", n},
                          {"device", device.str()},
                          {"seed", s.seed},
                          {"cells", static_cast<std::int64_t>(rates.size() * s.starting_rates.size())},
                          {"seconds", elapsed},
                          {"starting_rates", s.starting_rates},
                          {"rows", rows},
                          {"paper", to_json(paper)},
                          {"paper_rows", paper_rows},
                          {"stand_in", stand_in},
                          {"series", series}};
  result.benchmarks.push_back(bench);
  result.seconds = elapsed;
  return result;
}

}  // namespace ov::gpu::bench
