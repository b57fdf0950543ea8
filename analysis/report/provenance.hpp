// Provenance recorded with every result: program and library versions, compiler,
// git commit. Seeds, precisions and hyper-parameters are recorded by each command.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace ov::report {

struct Provenance {
  std::string optverify_version;
  std::string git_commit;
  bool git_dirty = false;
  std::string compiler;
  std::string boost;
  std::string eigen;
  std::string ceres;
  std::string mpfr;
  std::string mpfi;
  std::string gmp;
  std::string build_type;
};

const Provenance& provenance();
nlohmann::json to_json(const Provenance& p);

// The provenance of one run (a report): to_json(provenance()) plus "host" (this
// machine's host name) and "time_utc" (now, ISO 8601, e.g. "2024-05-01T12:34:56Z").
nlohmann::json run_provenance_json();

// Now as an ISO 8601 UTC timestamp, "YYYY-MM-DDTHH:MM:SSZ".
std::string utc_timestamp_now();

}  // namespace ov::report
