#include "proofs-checks/conformance/plugin.hpp"

#include <dlfcn.h>

#include <algorithm>
#include <exception>
#include <filesystem>
#include <set>
#include <stdexcept>

namespace ov::conformance {

namespace plugin_detail {

std::string plugin_error(const std::string& path, const std::string& what) {
  return "--library '" + path + "': " + what + " (docs/conformance-package.md: a plugin exports " +
         kPluginSymbol + " through OPTVERIFY_CONFORMANCE_PLUGIN)";
}

std::string joined_names(const std::vector<Subject>& subjects) {
  std::string s;
  for (const auto& x : subjects) s += (s.empty() ? "" : ", ") + x.name;
  return s;
}

}  // namespace plugin_detail

std::vector<Subject> load_plugin_subjects(const std::string& path) {
  using plugin_detail::plugin_error;
  if (path.empty()) throw std::invalid_argument("--library: empty path (give the plugin's .so file)");
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec))
    throw std::invalid_argument(plugin_error(path, "no such file"));
  // dlopen searches LD_LIBRARY_PATH for names without a '/': make the path explicit so that
  // the file named is the file loaded.
  const std::string to_open = path.find('/') == std::string::npos ? "./" + path : path;
  dlerror();
  // Never dlclose'd: the subjects' factories (std::function targets, vtables) live in it.
  void* handle = dlopen(to_open.c_str(), RTLD_NOW | RTLD_LOCAL);
  if (!handle) {
    const char* e = dlerror();
    throw std::invalid_argument(plugin_error(path, std::string("cannot load: ") + (e ? e : "unknown dlopen error")));
  }
  dlerror();
  void* sym = dlsym(handle, kPluginSymbol);
  if (const char* e = dlerror(); e || !sym)
    throw std::invalid_argument(plugin_error(path, std::string("missing symbol ") + kPluginSymbol +
                                                       (e ? std::string(": ") + e : std::string())));
  std::vector<Subject> out;
  try {
    reinterpret_cast<PluginEntry>(sym)(out);
  } catch (const std::exception& e) {
    throw std::invalid_argument(plugin_error(path, std::string("its entry function threw: ") + e.what()));
  }
  if (out.empty()) throw std::invalid_argument(plugin_error(path, "exports no subject"));
  std::set<std::string> names;
  for (auto& s : out) {
    if (!names.insert(s.name).second)
      throw std::invalid_argument(plugin_error(path, "exports two subjects named '" + s.name + "'"));
    if (s.origin.empty()) s.origin = "plugin:" + path;
    try {
      validate(s);
    } catch (const std::invalid_argument& e) {
      throw std::invalid_argument(plugin_error(path, "subject '" + s.name + "' is invalid: " + e.what()));
    }
  }
  return out;
}

Subject find_plugin_subject(const std::vector<Subject>& subjects, const std::string& name, const std::string& path) {
  const auto it = std::find_if(subjects.begin(), subjects.end(), [&](const Subject& s) { return s.name == name; });
  if (it == subjects.end())
    throw std::invalid_argument("--optimizer = '" + name + "': not exported by --library '" + path +
                                "'; it exports: " + plugin_detail::joined_names(subjects));
  return *it;
}

}  // namespace ov::conformance
