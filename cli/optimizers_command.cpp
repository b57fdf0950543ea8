#include "cli/optimizers_command.hpp"

#include <fmt/core.h>

#include <nlohmann/json.hpp>
#include <string>

#include "analysis/report/provenance.hpp"
#include "optim/registry/all_entries.hpp"

namespace ov::cli {

void add_optimizers_command(CLI::App& app, CommandContext& ctx) {
  auto* cmd = app.add_subcommand("optimizers", "The update rules: names, defaults, valid ranges, citations");
  cmd->require_subcommand(1);
  auto* list = cmd->add_subcommand("list", "List every optimizer with its parameters");
  auto json_flag = std::make_shared<bool>(false);
  list->add_flag("--json", *json_flag, "One JSON document on stdout (docs/cli.md)");
  list->callback([&ctx, json_flag] {
    // The metadata do not depend on the scalar; the double registry describes them.
    const auto registry = optim::make_registry<double>();
    if (*json_flag) {
      nlohmann::json rules = nlohmann::json::array();
      for (const auto& e : registry.entries()) {
        nlohmann::json params = nlohmann::json::array();
        for (const auto& p : e.parameters) {
          params.push_back({{"name", p.name}, {"default", p.default_value}, {"range", p.range}, {"meaning", p.meaning}});
        }
        rules.push_back({{"name", e.name},
                         {"family", e.family},
                         {"description", e.description},
                         {"citation", e.citation},
                         {"needs_finite_sum", e.needs_finite_sum},
                         {"parameters", params}});
      }
      ctx.out << nlohmann::json{{"command", "optimizers list"},
                                {"provenance", report::to_json(report::provenance())},
                                {"optimizers", rules}}
                     .dump(2)
              << "\n";
      return;
    }
    for (const auto& e : registry.entries()) {
      ctx.out << fmt::format("{}  [{}]{}\n  {}\n  source: {}\n", e.name, e.family,
                             e.needs_finite_sum ? "  (mini-batches: --batch-size)" : "", e.description, e.citation);
      for (const auto& p : e.parameters) {
        ctx.out << fmt::format("    {:<16} = {:<12} in {:<18} {}\n", p.name, p.default_value, p.range, p.meaning);
      }
    }
    ctx.out << registry.entries().size() << " optimizer(s)\n";
  });
}

}  // namespace ov::cli
