// optverify-torch: the commands of `optverify` that need LibTorch (cli/torch_executable.hpp):
// `bench ...` and `conform` on LibTorch optimizers, whose LibTorch side (the hooks below: the
// TorchSubjects of gpu/conformance) is plugged into the one conform command. `optverify`
// executes this program in its place; it can also be run directly with the same arguments.
#include <CLI/CLI.hpp>

#include <string>
#include <utility>
#include <vector>

#include "cli/app_runner.hpp"
#include "cli/bench_command.hpp"
#include "cli/command_context.hpp"
#include "cli/conform_command.hpp"
#include "gpu/conformance/torch_broken_optimizers.hpp"
#include "gpu/conformance/torch_subject.hpp"

namespace ov::cli {

namespace torch_main_detail {

// "torch:...", "ours:..." (torch_builtin_subject) or "torch-broken:NAME" (the deliberately broken
// LibTorch optimizers) as a conform target.
ConformTarget torch_conform_target(const std::string& spec, int cases, const std::vector<std::string>& property_ids) {
  const std::string broken = "torch-broken:";
  const conformance::TorchSubject s = spec.rfind(broken, 0) == 0
                                          ? conformance::torch_broken_subject(spec.substr(broken.size()))
                                          : conformance::torch_builtin_subject(spec);
  for (const auto& id : property_ids) conformance::find_property(s, id);  // unknown: invalid_argument
  ConformTarget t;
  t.name = s.name;
  t.origin = spec;
  t.claims = conformance::conformance_claims(s, cases);
  for (const auto& p : conformance::applicable_properties(s)) t.suite_of[p.id] = p.suite;
  return t;
}

TorchConformHooks torch_conform_hooks() {
  TorchConformHooks h;
  h.target = torch_conform_target;
  h.names = [] {
    std::vector<std::string> names = conformance::torch_builtin_subject_names();
    for (const auto& n : conformance::torch_broken_subject_names()) names.push_back("torch-broken:" + n);
    return names;
  };
  h.properties = [] {
    std::vector<std::pair<std::string, std::string>> out;
    for (const auto& p : conformance::all_torch_properties()) out.emplace_back(p.id, p.title);
    return out;
  };
  return h;
}

}  // namespace torch_main_detail

}  // namespace ov::cli

int main(int argc, char** argv) {
  using namespace ov::cli;
  CommandContext ctx;
  CLI::App app{"optverify (LibTorch commands): validation benchmarks and conformance of torch::optim optimizers"};
  app.require_subcommand(1);
  add_bench_command(app, ctx);
  add_conform_command(app, ctx, torch_main_detail::torch_conform_hooks());
  return run_cli_app(app, ctx, argc, argv);
}
