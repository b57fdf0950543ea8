// `optverify conform --optimizer SPEC [--library PATH] [--property ID]... [--suite NAME]...
// [--cases N] [--seed S] [--quick] [--report DIR] [--json FILE] [--list]`: runs the conformance
// suites (docs/conformance.md) on a built-in rule, a deliberately broken one ("broken:NAME"),
// a LibTorch optimizer ("torch:..." / "ours:...", builds with LibTorch), or a subject exported
// by a user's plugin (--library). Prints one line per property, writes a report in the usual
// schema. Exit 0 when nothing is refuted, kCheckFailed (1) when a property is refuted,
// kUsage (2) on bad input (docs/conformance-package.md).
#pragma once

#include <CLI/CLI.hpp>

#include <functional>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "cli/command_context.hpp"
#include "proofs-checks/claim.hpp"

namespace ov::cli {

// One optimizer under test, whatever its kind: its applicable properties as claims.
struct ConformTarget {
  std::string name;
  std::string origin;  // built-in spec, "plugin:<path>", "ours:..." / "torch:..."
  std::vector<claims::Claim> claims;
  std::map<std::string, std::string> suite_of;  // property id -> suite
};

// The LibTorch side of conform, supplied by optverify-torch (cli/torch_main.cpp); empty in
// optverify, which hands LibTorch specs to optverify-torch (cli/torch_executable.hpp). The
// command itself is compiled once, for both programs.
struct TorchConformHooks {
  // The TorchSubject of `spec` ("torch:...", "ours:...", "torch-broken:...") as a target;
  // property ids checked (std::invalid_argument naming the valid ones).
  std::function<ConformTarget(const std::string& spec, int cases, const std::vector<std::string>& property_ids)>
      target;
  std::function<std::vector<std::string>()> names;                                 // for --list
  std::function<std::vector<std::pair<std::string, std::string>>()> properties;  // (id, title)
  explicit operator bool() const { return static_cast<bool>(target); }
};

void add_conform_command(CLI::App& app, CommandContext& ctx, TorchConformHooks torch = {});

}  // namespace ov::cli
