// The settings blocks of the Castera protocol files (bench/protocols/castera_*.json,
// docs/protocols-castera.md), parsed and checked before anything runs: every key, type and
// range, every optimizer spec the grids expand to (train::check_optimizer_spec), the model and
// data set names. Errors are std::invalid_argument naming the file, the block ("cpu"/"full"),
// the key and the valid range.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

namespace ov::gpu::bench {

// The data and network of one training setting (a Table 4.1 problem, or Chapter 2's network).
struct CasteraProblem {
  std::string id;             // "a" ... "f" (Table 4.1), or "ch2"
  std::string model;          // a nets/torch zoo name
  std::string dataset;        // mnist | fashion-mnist | cifar10 | cifar100
  std::string stands_in_for;  // "" = the thesis's own; else what the thesis used, e.g. "CIFAR-10 with LeNet"
  int epochs = 1;             // training epochs (the thesis's "stop criterion")
  int grid_search_epochs = 1; // epochs of each grid-search run (the thesis: 10 % of epochs; Ch. 2: 15)
  std::int64_t subset = 0, test_subset = 0;  // 0 = the whole split
};

// One optimizer of a protocol. `optimizer` is a spec template (gpu/train/training_optimizer.hpp)
// with placeholders {key} (e.g. "adam:lr={lr},beta1={beta1}"); `grid` lists each grid-searched
// key's values (their Cartesian product is searched); the runner fills other placeholders
// ({alpha}, {beta}, {q}) from `fixed`.
struct CasteraMethod {
  std::string label;                                          // e.g. "sgd", "step_tuned_sgd"
  std::string optimizer;                                      // spec template
  std::vector<std::pair<std::string, std::vector<double>>> grid;  // key -> values, in file order
  std::string schedule = "constant";                          // per-epoch schedule spec (learning_rate_schedule.hpp)
  bool batch_reuse_ablation = true;                           // false: not rerun with batch_reuse 2 (Step-Tuned SGD reuses already)
};

// A grid point: the spec with every placeholder substituted and the values chosen.
struct GridPoint {
  std::string spec;
  std::vector<std::pair<std::string, double>> values;
};

// The shortest decimal that reads back as the same double ("0.1", "1e-04" -> "0.0001").
std::string shortest_decimal(double v);
// Substitutes {key} placeholders; std::invalid_argument naming the template and a placeholder
// left without a value.
std::string fill_template(const std::string& templ, const std::vector<std::pair<std::string, double>>& values);
// Every grid point of a method (Cartesian product in file order), with `fixed` values also substituted.
std::vector<GridPoint> expand_grid(const CasteraMethod& method, const std::vector<std::pair<std::string, double>>& fixed);

// Common to both protocols.
struct CasteraCommon {
  std::vector<std::uint64_t> seeds{0};
  std::int64_t batch_size = 128;
  double weight_decay = 0;       // lambda of (lambda/2)|theta|^2 (002 L2391)
  double budget_window = 0.25;   // the training loss at a budget G = mean fresh-batch loss over (G - w G, G]
  double tie_tolerance = 0.02;   // relative difference below which two losses tie (castera_checks.hpp)
};

// castera_inna_comparison (002 §2.6.2):
//   {"problem": {...CasteraProblem}, "seeds", "batch_size", "weight_decay", "budget_window", "tie_tolerance",
//    "inna": {CasteraMethod with placeholders {alpha}, {beta}, {q}},
//    "inna_configs": [[alpha, beta], ...], "default_config": [0.5, 0.1],
//    "inna_decay_q": 0.5 (q of the comparison runs),
//    "baselines": [CasteraMethod ...] (must include labels sgd, adagrad, adam),
//    "decay": {CasteraMethod with {alpha}, {beta}, {q}} or absent, "decay_q": [q ...],
//    "alpha_beta_factor": 1.5, "default_margin": 0.1}
struct InnaComparisonSettings {
  CasteraCommon common;
  CasteraProblem problem;
  CasteraMethod inna;
  std::vector<std::pair<double, double>> configs;
  std::pair<double, double> default_config{0.5, 0.1};
  double inna_decay_q = 0.5;
  std::vector<CasteraMethod> baselines;
  bool has_decay_study = false;
  CasteraMethod decay;
  std::vector<double> decay_q;
  double alpha_beta_factor = 1.5, default_margin = 0.1;
};
InnaComparisonSettings parse_inna_comparison_settings(const nlohmann::json& settings, const std::string& where);

// castera_step_tuned_problems (002 §4.5):
//   {"problems": [CasteraProblem ...], "seeds", "batch_size", "weight_decay", "budget_window", "tie_tolerance",
//    "methods": [CasteraMethod ...], "batch_reuse": [1] or [1, 2],
//    "checks": [names of step_tuned_check_names()],
//    "labels": {"sgd": ..., "step_tuned": ..., "inna": ..., "adam": ..., "rmsprop": ...} (defaults: these names)}
struct StepTunedProblemsSettings {
  CasteraCommon common;
  std::vector<CasteraProblem> problems;
  std::vector<CasteraMethod> methods;
  std::vector<int> batch_reuse{1};
  std::vector<std::string> checks;
  std::map<std::string, std::string> labels;  // role -> method label
};
const std::vector<std::string>& step_tuned_check_names();
StepTunedProblemsSettings parse_step_tuned_problems_settings(const nlohmann::json& settings, const std::string& where);

// Checks every optimizer spec a method expands to (train::check_optimizer_spec). Specs of
// closure rules ("rule:...") are skipped when the build has none (the runner then reports the
// method as unavailable). std::invalid_argument naming `where`, the method and the spec.
void check_method_specs(const CasteraMethod& method, const std::vector<std::pair<std::string, double>>& fixed,
                        const std::string& where);

}  // namespace ov::gpu::bench
