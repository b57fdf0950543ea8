// `optverify bench` (bench_command.hpp): the command group, the helpers its subcommands share
// (data-set names, the protocol directory, --seeds) and `bench list`.
#include "cli/bench_command.hpp"

#include <fmt/core.h>

#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "analysis/report/provenance.hpp"
#include "gpu/bench/protocol.hpp"
#include "gpu/train/learning_rate_schedule.hpp"
#include "gpu/train/training_optimizer.hpp"
#include "nets/data/idx_reader.hpp"
#include "nets/torch/model_zoo.hpp"

namespace ov::cli {

namespace bench_command_detail {

namespace fs = std::filesystem;
using nlohmann::json;

std::string join(const std::vector<std::string>& items, const std::string& sep = ", ") {
  std::string out;
  for (const auto& s : items) out += (out.empty() ? "" : sep) + s;
  return out;
}

std::uint64_t seed_value(const std::string& text, const std::string& option, const std::string& whole) {
  const bool digits = !text.empty() && text.find_first_not_of("0123456789") == std::string::npos;
  if (digits) {
    try {
      std::size_t used = 0;
      const unsigned long long v = std::stoull(text, &used);
      if (used == text.size()) return v;
    } catch (const std::exception&) {
    }
  }
  throw std::invalid_argument(option + " \"" + whole + "\": \"" + text +
                              "\" is not a seed (an unsigned 64-bit integer); give N (the seeds 0..N-1), "
                              "A..B (A to B) or a list a,b,c");
}

fs::path executable_directory() {
  std::error_code ec;
  const fs::path self = fs::read_symlink("/proc/self/exe", ec);
  return ec ? fs::path() : self.parent_path();
}

// One data set for `bench list`: where it is read from and whether its files are there.
json dataset_entry(const std::string& name, gpu::data::ImageDataset d) {
  json e = {{"name", name}, {"title", gpu::data::image_dataset_name(d)}, {"classes", gpu::data::image_dataset_classes(d)}};
  try {
    e["directory"] = gpu::data::image_dataset_directory(d);
  } catch (const std::invalid_argument& ex) {
    e["directory"] = nullptr;
    e["available"] = false;
    std::string why = ex.what();
    const std::string prefix = "image_dataset_directory: ";
    if (why.rfind(prefix, 0) == 0) why = why.substr(prefix.size());
    e["problem"] = why;
    return e;
  }
  try {
    gpu::data::image_dataset_files(d, gpu::data::Split::train);
    gpu::data::image_dataset_files(d, gpu::data::Split::test);
    e["available"] = true;
  } catch (const std::exception& ex) {  // DataFileError: the first missing file
    e["available"] = false;
    e["problem"] = ex.what();
  }
  return e;
}

json optimizer_entries() {
  json list = json::array();
  for (const auto& name : gpu::train::optimizer_names()) {
    json keys = json::array();
    try {
      for (const auto& [k, v] : gpu::train::optimizer_keys(name)) keys.push_back({{"key", k}, {"default", v}});
    } catch (const std::invalid_argument&) {
      // "rule:<core spec>": the keys are the core rule's (`optverify optimizers list`).
    }
    list.push_back({{"name", name}, {"keys", keys}});
  }
  return list;
}

json protocol_entries(const std::string& dir) {
  json list = json::array();
  for (const auto& path : gpu::bench::protocol_files(dir)) {
    try {
      const auto f = gpu::bench::read_protocol_file(path);
      list.push_back({{"file", path}, {"name", f.name}, {"kind", f.kind}, {"source", f.document.at("source")}});
    } catch (const std::invalid_argument& e) {
      list.push_back({{"file", path}, {"error", e.what()}});
    }
  }
  return list;
}

// The schedule forms of gpu/train/learning_rate_schedule.hpp (that header has no listing
// function; `bench list` checks that the runner accepts each name).
const std::vector<std::pair<std::string, std::string>>& schedule_forms() {
  static const std::vector<std::pair<std::string, std::string>> forms = {
      {"constant", "the optimizer's rate every epoch"},
      {"inverse_sqrt_epoch[:delta=D]", "rate / e^(1/2 + D) in epoch e >= 1, D = 0.001 (Castera Ch. 4)"},
      {"power[:q=Q]", "rate * (k + 1)^-Q with k = e - 1, Q = 0.5 (Castera Ch. 2 decays, per epoch)"},
      {"step[:factor=F,every=N]", "rate * F^floor((e - 1) / N), F = 0.1, N = 30"}};
  return forms;
}

void run_list(CommandContext& ctx, bool as_json) {
  json models = json::array();
  for (const auto& m : nets::torchzoo::model_catalog()) {
    models.push_back({{"name", m.name}, {"summary", m.summary}, {"reconstructs", m.reconstructs}});
  }
  json datasets = json::array();
  for (const auto& [name, d] : bench_datasets()) datasets.push_back(dataset_entry(name, d));
  const json optimizers = optimizer_entries();
  json schedules = json::array();
  for (const auto& [form, summary] : schedule_forms()) {
    // Each form's name must be accepted by the runner (the table above mirrors it).
    const std::string name = form.substr(0, form.find('['));
    json e = {{"form", form}, {"summary", summary}};
    try {
      gpu::train::LearningRateSchedule check(name);
      e["accepted"] = true;
    } catch (const std::invalid_argument& ex) {
      e["accepted"] = false;
      e["problem"] = ex.what();
    }
    schedules.push_back(e);
  }
  json kinds = json::array();
  for (const auto& k : gpu::bench::protocol_kinds()) kinds.push_back({{"kind", k.kind}, {"summary", k.summary}});
  json protocol_dir = nullptr, protocols = json::array();
  std::string protocol_problem;
  try {
    const std::string dir = default_protocol_directory();
    protocol_dir = dir;
    protocols = protocol_entries(dir);
  } catch (const std::invalid_argument& e) {
    protocol_problem = e.what();
  }

  if (as_json) {
    ctx.out << json{{"command", "bench list"},
                    {"provenance", report::run_provenance_json()},
                    {"models", models},
                    {"datasets", datasets},
                    {"optimizers", optimizers},
                    {"closure_rules_available", gpu::train::closure_rules_available()},
                    {"lr_schedules", schedules},
                    {"protocol_kinds", kinds},
                    {"protocol_directory", protocol_dir},
                    {"protocols", protocols}}
                   .dump(2)
            << "\n";
    return;
  }
  auto& o = ctx.out;
  o << "Models (--model):\n";
  for (const auto& m : models) {
    o << fmt::format("  {:<22} {}{}\n", m["name"].get<std::string>(), m["summary"].get<std::string>(),
                     m["reconstructs"].get<bool>() ? " [auto-encoder: no accuracy]" : "");
  }
  o << "\nData sets (--dataset; --data-dir DIR overrides the directory):\n";
  for (const auto& d : datasets) {
    std::string where;
    if (d["directory"].is_null()) {
      where = d["problem"].get<std::string>();
    } else {
      where = d["directory"].get<std::string>() +
              (d["available"].get<bool>() ? "" : " (missing: " + d["problem"].get<std::string>() + ")");
    }
    o << fmt::format("  {:<14} {}, {} classes: {}\n", d["name"].get<std::string>(), d["title"].get<std::string>(),
                     d["classes"].get<int>(), where);
  }
  o << "\nOptimizers (--optimizer NAME[:key=value,...]; defaults shown):\n";
  for (const auto& opt : optimizers) {
    std::vector<std::string> keys;
    for (const auto& k : opt["keys"]) keys.push_back(k["key"].get<std::string>() + "=" + k["default"].get<std::string>());
    const std::string name = opt["name"].get<std::string>();
    o << fmt::format("  {:<16} {}\n", name,
                     keys.empty() ? (name.rfind("rule:", 0) == 0 ? "any core rule spec (optverify optimizers list)"
                                                                 : "(no keys)")
                                  : join(keys));
  }
  o << "\nLearning-rate schedules (--lr-schedule):\n";
  for (const auto& s : schedules) {
    o << fmt::format("  {:<28} {}{}\n", s["form"].get<std::string>(), s["summary"].get<std::string>(),
                     s["accepted"].get<bool>() ? "" : " (NOT accepted: " + s["problem"].get<std::string>() + ")");
  }
  o << "\nProtocol kinds:\n";
  for (const auto& k : kinds) o << fmt::format("  {:<28} {}\n", k["kind"].get<std::string>(), k["summary"].get<std::string>());
  if (protocol_dir.is_null()) {
    o << "\nProtocol files: " << protocol_problem << "\n";
    return;
  }
  o << "\nProtocol files (" << protocol_dir.get<std::string>() << "):\n";
  for (const auto& p : protocols) {
    const std::string file = fs::path(p["file"].get<std::string>()).filename().string();
    if (p.contains("error")) {
      o << fmt::format("  {:<42} error: {}\n", file, p["error"].get<std::string>());
    } else {
      o << fmt::format("  {:<42} {} ({})\n", file, p["name"].get<std::string>(), p["kind"].get<std::string>());
    }
  }
}

}  // namespace bench_command_detail

const std::vector<std::pair<std::string, gpu::data::ImageDataset>>& bench_datasets() {
  using gpu::data::ImageDataset;
  static const std::vector<std::pair<std::string, ImageDataset>> all = {{"mnist", ImageDataset::mnist},
                                                                        {"fashion-mnist", ImageDataset::fashion_mnist},
                                                                        {"cifar10", ImageDataset::cifar10},
                                                                        {"cifar100", ImageDataset::cifar100}};
  return all;
}

std::string default_protocol_directory() {
  namespace fs = std::filesystem;
  std::vector<std::string> looked;
  std::error_code ec;
#ifdef OPTVERIFY_BENCH_PROTOCOL_DIR
  if (fs::is_directory(OPTVERIFY_BENCH_PROTOCOL_DIR, ec)) return OPTVERIFY_BENCH_PROTOCOL_DIR;
  looked.push_back(OPTVERIFY_BENCH_PROTOCOL_DIR);
#endif
  fs::path dir = bench_command_detail::executable_directory();
  for (int up = 0; up <= 4 && !dir.empty(); ++up) {
    const fs::path candidate = dir / "bench" / "protocols";
    if (fs::is_directory(candidate, ec)) return candidate.string();
    looked.push_back(candidate.string());
    if (dir == dir.parent_path()) break;
    dir = dir.parent_path();
  }
  throw std::invalid_argument("no bench/protocols directory found (looked in: " + bench_command_detail::join(looked) +
                              "); give --suite DIR");
}

std::vector<std::uint64_t> parse_seed_list(const std::string& text, const std::string& option) {
  using bench_command_detail::seed_value;
  constexpr std::uint64_t kMaxSeeds = 10000;
  std::vector<std::uint64_t> seeds;
  const auto dots = text.find("..");
  if (text.find(',') != std::string::npos) {
    std::size_t start = 0;
    while (true) {
      const auto comma = text.find(',', start);
      seeds.push_back(seed_value(text.substr(start, comma - start), option, text));
      if (comma == std::string::npos) break;
      start = comma + 1;
    }
  } else if (dots != std::string::npos) {
    const std::uint64_t a = seed_value(text.substr(0, dots), option, text);
    const std::uint64_t b = seed_value(text.substr(dots + 2), option, text);
    if (a > b) throw std::invalid_argument(option + " \"" + text + "\": the range A..B needs A <= B");
    if (b - a >= kMaxSeeds) {
      throw std::invalid_argument(option + " \"" + text + "\": at most " + std::to_string(kMaxSeeds) + " seeds");
    }
    for (std::uint64_t s = a;; ++s) {
      seeds.push_back(s);
      if (s == b) break;
    }
  } else {
    const std::uint64_t n = seed_value(text, option, text);
    if (n < 1 || n > kMaxSeeds) {
      throw std::invalid_argument(option + " \"" + text + "\": the number of seeds must be in [1, " +
                                  std::to_string(kMaxSeeds) + "] (or give A..B or a list a,b,c)");
    }
    for (std::uint64_t s = 0; s < n; ++s) seeds.push_back(s);
  }
  if (seeds.size() > kMaxSeeds) {
    throw std::invalid_argument(option + " \"" + text + "\": at most " + std::to_string(kMaxSeeds) + " seeds");
  }
  std::set<std::uint64_t> seen;
  for (auto s : seeds) {
    if (!seen.insert(s).second) {
      throw std::invalid_argument(option + " \"" + text + "\": seed " + std::to_string(s) + " is given twice");
    }
  }
  return seeds;
}

void add_bench_list_command(CLI::App& bench, CommandContext& ctx) {
  auto* cmd = bench.add_subcommand(
      "list", "Models, data sets (and where they are read from), optimizers with their keys, learning-rate "
              "schedules, protocol kinds and the protocol files of bench/protocols");
  auto as_json = std::make_shared<bool>(false);
  cmd->add_flag("--json", *as_json, "One JSON document on stdout (docs/cli.md)");
  cmd->callback([&ctx, as_json] { bench_command_detail::run_list(ctx, *as_json); });
}

void add_bench_command(CLI::App& app, CommandContext& ctx) {
  auto* bench = app.add_subcommand("bench", "Train networks (bench train), run the documents' benchmark protocols "
                                            "(bench protocol), list what they know (bench list)");
  bench->require_subcommand(1);
  add_bench_train_command(*bench, ctx);
  add_bench_protocol_command(*bench, ctx);
  add_bench_list_command(*bench, ctx);
}

}  // namespace ov::cli
