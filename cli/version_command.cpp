#include "cli/version_command.hpp"

#include <fmt/core.h>

#include <nlohmann/json.hpp>

#include "analysis/report/provenance.hpp"
#ifdef OPTVERIFY_HAVE_TORCH
#include "gpu/device_info.hpp"
#endif

namespace ov::cli {

void add_version_command(CLI::App& app, CommandContext& ctx) {
  auto* cmd = app.add_subcommand("version", "Show versions of OptVerify, its libraries and the compute devices");
  auto json = std::make_shared<bool>(false);
  cmd->add_flag("--json", *json, "Write one JSON document to stdout");
  cmd->callback([&ctx, json] {
    const auto& p = report::provenance();
    nlohmann::json j = report::to_json(p);
#ifdef OPTVERIFY_HAVE_TORCH
    auto d = gpu::device_info();
    j["torch"] = d.torch_version;
    j["cuda_available"] = d.cuda_available;
    j["cuda_devices"] = d.cuda_device_count;
#else
    j["torch"] = nullptr;
#endif
    if (*json) {
      ctx.out << nlohmann::json{{"command", "version"}, {"provenance", j}}.dump(2) << "\n";
      return;
    }
    for (auto it = j.begin(); it != j.end(); ++it) {
      ctx.out << fmt::format("{:<18} {}\n", it.key(), it.value().is_string() ? it.value().get<std::string>()
                                                                             : it.value().dump());
    }
  });
}

}  // namespace ov::cli
