// ResultStore: the resume store of `optverify verify --report DIR`. Each finished claim
// result is written atomically to DIR/claim-results/<id>.json as
//   {"key": {"id", "seed", "quick", "error_ulps", "optverify_version", "git_commit", "git_dirty"},
//    "result": ClaimResult}
// and a later run with the same key (same id, seed, search size, margin, program version
// and git commit) reuses it instead of running the claim again. A file whose key differs is
// ignored (and overwritten when the claim finishes); a corrupt file is reported on stderr by
// the caller (load() throws std::runtime_error naming the file) and the claim is re-run.
#pragma once

#include <filesystem>
#include <optional>

#include <nlohmann/json.hpp>

#include "proofs-checks/claim.hpp"

namespace ov::claims {

class ResultStore {
 public:
  // Creates DIR/claim-results if needed (std::runtime_error naming it on failure).
  ResultStore(std::filesystem::path report_dir, const RunContext& ctx);

  std::filesystem::path path_of(const std::string& id) const;
  // The stored result of `id` if its file exists and its key matches; nullopt when there
  // is no file or the key differs. Throws std::runtime_error naming the file if it cannot
  // be read or parsed.
  std::optional<ClaimResult> load(const std::string& id) const;
  void store(const ClaimResult& r) const;  // atomic (write_file_atomically)
  nlohmann::json key(const std::string& id) const;

 private:
  std::filesystem::path dir_;
  RunContext ctx_;
};

}  // namespace ov::claims
