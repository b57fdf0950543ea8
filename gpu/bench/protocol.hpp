// Benchmark protocols: the documents' experiments as files under bench/protocols/ (one JSON
// document each, docs/benchmarks.md), run one by one or as a suite. A protocol file:
//
//   {"protocol": "<kind>",            one of protocol_kinds()
//    "name": "...",                   unique; names the report entries
//    "source": {"file": "000_47ba9189a2c8a171.txt", "section": "4.4", "lines": "L588-L609"},
//    "cpu":  { ...settings... },      the CPU-scale default: minutes on 2 cores (Fashion-MNIST,
//                                     small models, few epochs); checks the qualitative claims
//    "full": { ...settings... }}      the documents' scale, for a GPU machine
//
// The settings are the kind's own (its runner documents them). A run returns report-schema
// entries (docs/report-schema.md): the qualitative checks as ClaimResults (verdict holds /
// refuted / inconclusive, citing the source) and the measurements as Benchmarks (tables as
// fields, curves as series), plus notes such as which dataset stood in for which.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "gpu/train/trainer.hpp"

namespace ov::gpu::bench {

struct ProtocolOptions {
  std::string scale = "cpu";                 // "cpu" or "full": which settings block runs
  std::string device = "auto";               // auto | cpu | cuda | cuda:N
  std::string data_dir;                      // overrides the dataset's default directory ("" = default)
  std::string output_dir;                    // training outputs go below it ("" = none)
  std::vector<std::uint64_t> seeds;          // overrides the protocol's seeds (empty = the protocol's)
  int epochs = 0;                            // overrides the protocol's epochs (0 = the protocol's)
  std::int64_t subset = -1;                  // overrides the training subset (-1 = the protocol's, 0 = all)
  int threads = 0;                           // LibTorch CPU threads (0 = default)
  train::TrainingCallbacks callbacks;        // progress of every training run
};

struct ProtocolResult {
  std::string name;                                       // the protocol's name
  std::string kind;
  nlohmann::json claims = nlohmann::json::array();        // ClaimResult objects: the qualitative checks
  nlohmann::json benchmarks = nlohmann::json::array();    // Benchmark objects: tables and curves
  std::vector<std::string> notes;                         // e.g. "Fashion-MNIST stood in for CIFAR-10"
  double seconds = 0;
};

// A parsed protocol file. Throws std::invalid_argument naming the file and, for JSON syntax
// errors, the byte; for a missing field or an unknown kind, naming it (and listing the kinds).
struct ProtocolFile {
  std::string path;
  nlohmann::json document;
  std::string kind, name;
  nlohmann::json settings(const std::string& scale) const;  // the "cpu" or "full" block (error if absent)
};
ProtocolFile read_protocol_file(const std::string& path);

// The *.json files of a directory, sorted by name (the suite).
std::vector<std::string> protocol_files(const std::string& directory);

// Every kind with a one-line description, in a fixed order.
struct ProtocolKind {
  std::string kind;
  std::string summary;
};
const std::vector<ProtocolKind>& protocol_kinds();

// Runs the protocol (its kind's runner) at options.scale.
ProtocolResult run_protocol(const ProtocolFile& file, const ProtocolOptions& options);

}  // namespace ov::gpu::bench
