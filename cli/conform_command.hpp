// `optverify conform --optimizer SPEC [--library PATH] [--property ID]... [--suite NAME]...
// [--cases N] [--seed S] [--quick] [--report DIR] [--json FILE] [--list]`: runs the conformance
// suites (docs/conformance.md) on a built-in rule, a deliberately broken one ("broken:NAME"),
// a LibTorch optimizer ("torch:..." / "ours:...", builds with LibTorch), or a subject exported
// by a user's plugin (--library). Prints one line per property, writes a report in the usual
// schema. Exit 0 when nothing is refuted, kCheckFailed (1) when a property is refuted,
// kUsage (2) on bad input (docs/conformance-package.md).
#pragma once

#include <CLI/CLI.hpp>

#include <map>
#include <string>
#include <vector>

#include "cli/command_context.hpp"
#include "proofs-checks/claim.hpp"

namespace ov::cli {

void add_conform_command(CLI::App& app, CommandContext& ctx);

// One optimizer under test, whatever its kind: its applicable properties as claims.
struct ConformTarget {
  std::string name;
  std::string origin;  // built-in spec, "plugin:<path>", "ours:..." / "torch:..."
  std::vector<claims::Claim> claims;
  std::map<std::string, std::string> suite_of;  // property id -> suite
};

#ifdef OPTVERIFY_CLI_TORCH_CONFORMANCE
// conform_torch.cpp (builds with LibTorch): the TorchSubject of `spec` (torch_builtin_subject)
// as a target; `property_ids` are checked with find_property (std::invalid_argument naming
// the valid ids). The names for --list.
ConformTarget torch_conform_target(const std::string& spec, int cases, const std::vector<std::string>& property_ids);
std::vector<std::string> torch_conform_names();
std::vector<std::pair<std::string, std::string>> torch_conform_properties();  // (id, title)
#endif

}  // namespace ov::cli
