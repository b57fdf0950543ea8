// Reading report files and merging shard reports (`optverify verify --shard i/n`
// writes one report per shard; `optverify report merge` joins them).
#pragma once

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace ov::report {

// Reads and parses a report file (not validated). Throws std::invalid_argument naming
// the file: when it cannot be read, or when it is not JSON (with the byte offset,
// line and column of the error).
nlohmann::json load_report_file(const std::filesystem::path& path);

struct ReportShard {
  std::string name;          // where it came from (a file name), used in messages
  nlohmann::json document;
};

// One document holding the entries of every shard: claims keyed by "id", the other
// arrays by "name". An entry present in several shards is kept once when identical;
// otherwise std::invalid_argument names the entry and both shards. Each shard is
// validated first (errors name the shard). The entries of each array are sorted by
// their key, so the result does not depend on the order of the shards. The
// provenance is that of the merge, with "merged_from": [{"source", "provenance"}].
nlohmann::json merge_reports(const std::vector<ReportShard>& shards);

}  // namespace ov::report
