// Reading protocol files (protocol.hpp): one JSON document per file, checked for the fields
// every protocol has; the kind's own settings are checked by its runner.
#include "gpu/bench/protocol.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace ov::gpu::bench {

namespace protocol_detail {

std::string valid_kinds() {
  std::string valid;
  for (const auto& k : protocol_kinds()) valid += (valid.empty() ? "" : ", ") + k.kind;
  return valid;
}

// A required string field of the top-level object.
std::string required_string(const nlohmann::json& doc, const std::string& path, const char* field) {
  auto it = doc.find(field);
  if (it == doc.end())
    throw std::invalid_argument(path + ": missing field \"" + field + "\" (a protocol file has \"protocol\", "
                                "\"name\", \"source\", \"cpu\" and \"full\")");
  if (!it->is_string() || it->get<std::string>().empty())
    throw std::invalid_argument(path + ": field \"" + field + "\" must be a non-empty string");
  return it->get<std::string>();
}

}  // namespace protocol_detail

nlohmann::json ProtocolFile::settings(const std::string& scale) const {
  if (scale != "cpu" && scale != "full")
    throw std::invalid_argument(path + ": unknown scale \"" + scale + "\" (valid: cpu, full)");
  auto it = document.find(scale);
  if (it == document.end())
    throw std::invalid_argument(path + ": missing settings block \"" + scale + "\" (a protocol file has a \"cpu\" "
                                "and a \"full\" object)");
  if (!it->is_object())
    throw std::invalid_argument(path + ": settings block \"" + scale + "\" must be a JSON object");
  return *it;
}

ProtocolFile read_protocol_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::invalid_argument(path + ": cannot open the protocol file (missing or unreadable)");
  std::stringstream buffer;
  buffer << in.rdbuf();
  ProtocolFile file;
  file.path = path;
  try {
    file.document = nlohmann::json::parse(buffer.str());
  } catch (const nlohmann::json::parse_error& e) {
    throw std::invalid_argument(path + ": invalid JSON at byte " + std::to_string(e.byte) + " (" + e.what() + ")");
  }
  if (!file.document.is_object()) throw std::invalid_argument(path + ": a protocol file must hold one JSON object");
  file.kind = protocol_detail::required_string(file.document, path, "protocol");
  file.name = protocol_detail::required_string(file.document, path, "name");
  const auto& kinds = protocol_kinds();
  if (std::none_of(kinds.begin(), kinds.end(), [&](const ProtocolKind& k) { return k.kind == file.kind; }))
    throw std::invalid_argument(path + ": unknown protocol kind \"" + file.kind +
                                "\" (valid: " + protocol_detail::valid_kinds() + ")");
  auto source = file.document.find("source");
  if (source == file.document.end())
    throw std::invalid_argument(path + ": missing field \"source\" (an object {\"file\", \"section\", \"lines\"})");
  if (!source->is_object() || !source->contains("file") || !(*source)["file"].is_string())
    throw std::invalid_argument(path + ": field \"source\" must be an object with a string \"file\"");
  for (const char* scale : {"cpu", "full"}) file.settings(scale);  // both blocks present and objects
  return file;
}

std::vector<std::string> protocol_files(const std::string& directory) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(directory, ec))
    throw std::invalid_argument(directory + ": not a directory of protocol files");
  std::vector<std::string> files;
  for (const auto& entry : fs::directory_iterator(directory)) {
    if (entry.is_regular_file() && entry.path().extension() == ".json") files.push_back(entry.path().string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace ov::gpu::bench
