// Subjects from a user's shared library (a "plugin"), for `optverify conform --library PATH`
// (docs/conformance-package.md).
//
// The library, built against the installed package (find_package(OptVerify), target
// optverify::conformance), exports one C-linkage function that appends its subjects:
//
//   #include "proofs-checks/conformance/plugin.hpp"
//   void my_subjects(std::vector<ov::conformance::Subject>& out) {
//     out.push_back({"sign_momentum", [] { return std::make_unique<SignMomentum<double>>(0.01, 0.9); }, decl});
//   }
//   OPTVERIFY_CONFORMANCE_PLUGIN(my_subjects)
//
// ABI: the function passes C++ objects (std::vector, std::function, std::string) across the
// library boundary, so the library must be built with the same compiler, standard library
// and OptVerify headers as the optverify program that loads it (the installed package
// guarantees this when both come from the same install). The symbol's name carries the ABI
// version (kPluginSymbol): a plugin built for another layout is refused as "missing symbol".
#pragma once

#include <string>
#include <vector>

#include "proofs-checks/conformance/subject.hpp"

namespace ov::conformance {

// The exported symbol; "_v1" is bumped when Subject or Declarations change layout.
inline constexpr const char* kPluginSymbol = "optverify_conformance_subjects_v1";

// The type of the exported function.
using PluginEntry = void (*)(std::vector<Subject>& out);

// Loads the shared library at `path` (dlopen, RTLD_NOW | RTLD_LOCAL; the library is never
// unloaded: the subjects' factories are code inside it), calls its entry function and
// returns the subjects, each validated (validate(), subject.hpp) and with `origin` set to
// "plugin:<path>" when the plugin left it empty. Throws std::invalid_argument naming the
// file: the library cannot be loaded (dlerror's message), does not export kPluginSymbol,
// throws from its entry function, exports no subject, exports two subjects of one name, or
// exports a subject that fails validation.
std::vector<Subject> load_plugin_subjects(const std::string& path);

// The subject named `name` among `subjects` (from load_plugin_subjects); std::invalid_argument
// naming `name`, the library and the names it exports otherwise.
Subject find_plugin_subject(const std::vector<Subject>& subjects, const std::string& name, const std::string& path);

}  // namespace ov::conformance

// Defines the exported entry function of a plugin: `fn` is a function
// void fn(std::vector<ov::conformance::Subject>&). Use once per shared library.
#define OPTVERIFY_CONFORMANCE_PLUGIN(fn)                                                      \
  extern "C" __attribute__((visibility("default"))) void optverify_conformance_subjects_v1(   \
      std::vector<::ov::conformance::Subject>& out) {                                         \
    fn(out);                                                                                  \
  }
