// The checkpoint of a Monte-Carlo experiment: a JSON-lines file.
//
//   line 1    {"optverify_checkpoint": 1, "experiment": {...}, "check": "<hex>"}
//   line i+1  {"index": i, "seed": ..., ..., "check": "<hex>"}   one per finished run,
//                                                                 in completion order
//
// "check" is the 64-bit FNV-1a hash (hex) of the line's object without "check",
// serialised by nlohmann::json::dump() (keys sorted): a line that parses but was
// altered is caught. Each line is written with one fwrite of the whole line and
// flushed; the header is written to a temporary file in the same directory and
// renamed, so the file never exists without a complete header.
//
// Reading back (resume): every line must end in '\n', parse, carry a matching
// check, name an index < runs not seen before, and carry the seed that
// run_seed(master, index) gives; the experiment description must equal the
// current one. Any violation is an error naming the file, the line and its byte
// offset -- except an unterminated LAST line, the mark of a write interrupted by a
// crash: it is dropped with a warning, the file is rewritten (atomically) without
// it, and that run is done again.
#pragma once

#include <cstdint>
#include <cstdio>
#include <iosfwd>
#include <mutex>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "analysis/stats/run_record.hpp"

namespace ov::stats {

// FNV-1a 64 of s, as 16 hex digits.
std::string fnv1a_hex(const std::string& s);
// j with a "check" member added (j must be an object without one).
nlohmann::json with_check(nlohmann::json j);

struct CheckpointContents {
  std::vector<RunRecord> records;  // valid finished runs, in file order
  bool existed = false;            // the file was there (possibly empty)
};

// Reads and validates `path` for an experiment described by `experiment`, with
// `runs` runs and master seed `master`, and outcome labels `labels`. A missing
// file gives existed = false. Errors: std::invalid_argument naming file, line and byte.
CheckpointContents read_checkpoint(const std::string& path, const nlohmann::json& experiment, std::uint64_t runs,
                                   std::uint64_t master, const std::vector<std::string>& labels,
                                   std::ostream* warnings);

// Appends records to a checkpoint; the constructor (re)writes the file atomically
// with the header and `kept` records, then opens it for appending.
class CheckpointWriter {
 public:
  CheckpointWriter(std::string path, const nlohmann::json& experiment, const std::vector<RunRecord>& kept);
  ~CheckpointWriter();
  CheckpointWriter(const CheckpointWriter&) = delete;
  CheckpointWriter& operator=(const CheckpointWriter&) = delete;
  // Thread-safe; one whole line, flushed.
  void append(const RunRecord& r);

 private:
  std::string path_;
  std::FILE* file_ = nullptr;
  std::mutex mutex_;
};

}  // namespace ov::stats
