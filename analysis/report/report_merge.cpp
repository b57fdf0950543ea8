#include "analysis/report/report_merge.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <map>
#include <sstream>
#include <stdexcept>

#include "analysis/report/report_schema.hpp"
#include "analysis/report/report_writer.hpp"

namespace ov::report {

namespace {

using nlohmann::json;

struct Section {
  const char* array;
  const char* key;
  const char* what;
};
constexpr Section kSections[] = {{"claims", "id", "claim"},
                                 {"rate_studies", "name", "rate study"},
                                 {"spectra", "name", "spectrum"},
                                 {"monte_carlo", "name", "Monte-Carlo study"},
                                 {"benchmarks", "name", "benchmark"}};

}  // namespace

json load_report_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw std::invalid_argument("cannot read report file '" + path.string() + "': " + std::strerror(errno));
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) throw std::invalid_argument("cannot read report file '" + path.string() + "': read error");
  const std::string text = ss.str();
  try {
    return json::parse(text);
  } catch (const json::parse_error& e) {
    // e.byte is the 1-based index of the last byte read when the error was detected.
    const std::size_t byte = e.byte;
    std::size_t line = 1, column = 1;
    for (std::size_t i = 0; i + 1 < byte && i < text.size(); ++i) {
      if (text[i] == '\n') {
        ++line;
        column = 1;
      } else {
        ++column;
      }
    }
    std::string what = e.what();
    // nlohmann's message starts with "[json.exception.parse_error.101] parse error at line L, column C: ".
    const auto colon = what.find(": ");
    if (colon != std::string::npos) what = what.substr(colon + 2);
    throw std::invalid_argument("report file '" + path.string() + "' is not valid JSON: error at byte " +
                                std::to_string(byte) + " (line " + std::to_string(line) + ", column " +
                                std::to_string(column) + "): " + what);
  }
}

json merge_reports(const std::vector<ReportShard>& shards) {
  if (shards.empty()) throw std::invalid_argument("report merge: no input reports given");
  for (const auto& s : shards) require_valid_report(s.document, "report '" + s.name + "'");
  json merged = new_report_document();
  json sources = json::array();
  for (const auto& s : shards) sources.push_back({{"source", s.name}, {"provenance", s.document["provenance"]}});
  merged["provenance"]["merged_from"] = sources;
  for (const auto& sec : kSections) {
    std::map<std::string, std::pair<json, std::string>> by_key;  // key -> (entry, shard name)
    for (const auto& s : shards) {
      for (const auto& e : s.document[sec.array]) {
        const std::string k = e[sec.key].get<std::string>();
        auto [it, inserted] = by_key.emplace(k, std::make_pair(e, s.name));
        if (!inserted && it->second.first != e) {
          throw std::invalid_argument(std::string("report merge: ") + sec.what + " '" + k + "' differs between '" +
                                      it->second.second + "' and '" + s.name +
                                      "' (the same entry must be identical in every shard)");
        }
      }
    }
    json arr = json::array();
    for (auto& [k, v] : by_key) arr.push_back(std::move(v.first));  // std::map: sorted by key
    merged[sec.array] = std::move(arr);
  }
  require_valid_report(merged, "the merged report");
  return merged;
}

}  // namespace ov::report
