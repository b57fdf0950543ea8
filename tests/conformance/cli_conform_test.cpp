// `optverify conform` end to end (docs/conformance-package.md) and the plugin loader's errors.
#include <dlfcn.h>
#include <gtest/gtest.h>
#include <stdlib.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "analysis/report/report_schema.hpp"
#include "proofs-checks/conformance/broken_optimizers.hpp"
#include "proofs-checks/conformance/core_properties.hpp"
#include "proofs-checks/conformance/plugin.hpp"
#include "tests/support/cli_subprocess.hpp"

namespace {

using ov::testing::run_cli;

std::string temp_dir() {
  std::string t = (std::filesystem::temp_directory_path() / "ov-conform-XXXXXX").string();
  return mkdtemp(t.data());
}

nlohmann::json read_json(const std::string& path) {
  std::ifstream f(path);
  return nlohmann::json::parse(f);
}

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

// A correct reference rule on the universal suite: nothing refuted (exit 0), one line per
// property, a report that validates against the schema and a --json document with the same claims.
TEST(ConformCli, ReferenceRuleHoldsAndWritesAValidReport) {
  const std::string dir = temp_dir();
  const auto r = run_cli("conform --optimizer reference:checkpointed_heavy_ball --suite universal --cases 3 --report " + dir +
                         "/report --json " + dir + "/out.json");
  EXPECT_EQ(r.code, 0) << r.out;
  const auto doc = read_json(dir + "/report/report.json");
  EXPECT_TRUE(ov::report::validate_report(doc).empty()) << doc.dump(1);
  ASSERT_FALSE(doc["claims"].empty());
  for (const auto& c : doc["claims"]) {
    EXPECT_EQ(c["id"].get<std::string>().rfind("conformance.universal.", 0), 0u) << c["id"];
    EXPECT_NE(c["verdict"], "refuted") << c.dump(1);
    EXPECT_TRUE(contains(r.out, c["id"].get<std::string>())) << r.out;  // one line per property
  }
  const auto j = read_json(dir + "/out.json");
  EXPECT_EQ(j["command"], "conform");
  EXPECT_EQ(j["claims"].size(), doc["claims"].size());
  EXPECT_TRUE(j["refuted"].empty());
  std::filesystem::remove_all(dir);
}

// Every broken rule's catching property, run from the CLI, refutes it (exit 1) and names the
// property; its correct counterpart on the same property is not refuted (exit 0).
TEST(ConformCli, BrokenRuleIsRefutedAndItsCounterpartIsNot) {
  const auto& all = ov::conformance::broken_optimizers();
  ASSERT_FALSE(all.empty());
  const auto& b = all.front();
  const auto bad = run_cli("conform --optimizer broken:" + b.name + " --property " + b.caught_by + " --cases 5 --json",
                           false);
  EXPECT_EQ(bad.code, 1) << bad.out;
  const auto j = nlohmann::json::parse(bad.out);
  ASSERT_EQ(j["refuted"].size(), 1u) << bad.out;
  EXPECT_EQ(j["refuted"][0], b.caught_by);
  EXPECT_FALSE(j["claims"][0]["evidence"]["counterexample"].is_null());
  const auto good = run_cli("conform --optimizer " + b.correct + " --property " + b.caught_by + " --cases 5");
  EXPECT_EQ(good.code, 0) << good.out;
  EXPECT_TRUE(contains(good.out, b.caught_by)) << good.out;
}

TEST(ConformCli, BadInputExitsTwoNamingTheParameter) {
  const auto unknown = run_cli("conform --optimizer heavy_bal");
  EXPECT_EQ(unknown.code, 2) << unknown.out;
  EXPECT_TRUE(contains(unknown.out, "--optimizer = 'heavy_bal'")) << unknown.out;
  EXPECT_TRUE(contains(unknown.out, "heavy_ball")) << unknown.out;  // the suggestion

  const auto prop = run_cli("conform --optimizer reference:checkpointed_heavy_ball --property conformance.nosuch");
  EXPECT_EQ(prop.code, 2) << prop.out;
  EXPECT_TRUE(contains(prop.out, "conformance.nosuch")) << prop.out;
  EXPECT_TRUE(contains(prop.out, "conformance.universal.")) << prop.out;  // the valid ids

  const auto suite = run_cli("conform --optimizer reference:checkpointed_heavy_ball --suite nosuch");
  EXPECT_EQ(suite.code, 2) << suite.out;
  EXPECT_TRUE(contains(suite.out, "--suite = 'nosuch'") && contains(suite.out, "universal")) << suite.out;

  const auto cases = run_cli("conform --optimizer reference:checkpointed_heavy_ball --cases 0");
  EXPECT_EQ(cases.code, 2) << cases.out;
  EXPECT_TRUE(contains(cases.out, "--cases = 0")) << cases.out;

  const auto missing = run_cli("conform --cases 3");
  EXPECT_EQ(missing.code, 2) << missing.out;
  EXPECT_TRUE(contains(missing.out, "--optimizer")) << missing.out;

  const auto no_file = run_cli("conform --library /nonexistent/libplugin.so --optimizer x");
  EXPECT_EQ(no_file.code, 2) << no_file.out;
  EXPECT_TRUE(contains(no_file.out, "/nonexistent/libplugin.so") && contains(no_file.out, "no such file"))
      << no_file.out;

  const std::string dir = temp_dir();
  std::ofstream(dir + "/not_a_library.so") << "not an ELF file\n";
  const auto not_lib = run_cli("conform --library " + dir + "/not_a_library.so --optimizer x");
  EXPECT_EQ(not_lib.code, 2) << not_lib.out;
  EXPECT_TRUE(contains(not_lib.out, dir + "/not_a_library.so") && contains(not_lib.out, "cannot load"))
      << not_lib.out;
  std::filesystem::remove_all(dir);
}

TEST(ConformCli, ListShowsRulesBrokenRulesAndProperties) {
  const auto r = run_cli("conform --list");
  EXPECT_EQ(r.code, 0) << r.out;
  EXPECT_TRUE(contains(r.out, "heavy_ball")) << r.out;
  for (const auto& b : ov::conformance::broken_optimizers()) EXPECT_TRUE(contains(r.out, "broken:" + b.name)) << b.name;
  for (const auto& p : ov::conformance::all_properties()) EXPECT_TRUE(contains(r.out, p.id)) << p.id;
}

// The loader on a real shared library that is not a plugin (the C math library, found from
// the address of cos): refused, naming the file and the missing symbol.
TEST(ConformPlugin, SharedLibraryWithoutTheEntrySymbolIsRefused) {
  Dl_info info{};
  double (*cos_fn)(double) = &::cos;
  ASSERT_NE(dladdr(reinterpret_cast<void*>(cos_fn), &info), 0);
  ASSERT_NE(info.dli_fname, nullptr);
  const std::string lib = info.dli_fname;
  try {
    ov::conformance::load_plugin_subjects(lib);
    FAIL() << "loaded " << lib << " as a plugin";
  } catch (const std::invalid_argument& e) {
    EXPECT_TRUE(contains(e.what(), lib)) << e.what();
    EXPECT_TRUE(contains(e.what(), std::string("missing symbol ") + ov::conformance::kPluginSymbol)) << e.what();
  }
  EXPECT_THROW(ov::conformance::load_plugin_subjects(""), std::invalid_argument);
}

}  // namespace

#ifdef OPTVERIFY_TEST_TORCH_EXECUTABLE
// `optverify` does not link LibTorch: a LibTorch optimizer's conformance runs in optverify-torch,
// which optverify executes in its place (cli/torch_executable.hpp). Its exit code and output come
// through unchanged (torch::optim::SGD writes a NaN gradient into its parameters: refuted, exit 1),
// and nothing is printed by optverify itself.
TEST(ConformCli, LibTorchOptimizerRunsInTheTorchExecutable) {
  const auto r = run_cli("conform --optimizer torch:sgd --cases 2 --property "
                         "conformance.torch-universal.non-finite-gradient-refused");
  EXPECT_EQ(r.code, 1) << r.out;
  EXPECT_EQ(r.out.rfind("refuted", 0), 0u) << r.out;
  EXPECT_FALSE(contains(r.out, "optverify: error")) << r.out;
  const auto ok = run_cli("conform --optimizer ours:sgd --cases 2 --property "
                          "conformance.torch-universal.non-finite-gradient-refused");
  EXPECT_EQ(ok.code, 0) << ok.out;
  // A deliberately broken LibTorch optimizer by its CLI name: caught by its property.
  const auto broken = run_cli("conform --optimizer torch-broken:step_counter_per_group --cases 2 --property "
                              "conformance.torch-universal.split-invariance");
  EXPECT_EQ(broken.code, 1) << broken.out;
  EXPECT_EQ(broken.out.rfind("refuted", 0), 0u) << broken.out;
}
#endif
