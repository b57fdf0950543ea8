#include "proofs-checks/result_store.hpp"

#include <fstream>
#include <sstream>
#include <stdexcept>

#include "analysis/report/atomic_file.hpp"
#include "analysis/report/provenance.hpp"

namespace ov::claims {

ResultStore::ResultStore(std::filesystem::path report_dir, const RunContext& ctx)
    : dir_(std::move(report_dir) / "claim-results"), ctx_(ctx) {
  std::error_code ec;
  std::filesystem::create_directories(dir_, ec);
  if (ec) throw std::runtime_error("cannot create the resume directory '" + dir_.string() + "': " + ec.message());
}

std::filesystem::path ResultStore::path_of(const std::string& id) const { return dir_ / (id + ".json"); }

nlohmann::json ResultStore::key(const std::string& id) const {
  const auto& p = report::provenance();
  return {{"id", id},
          {"seed", ctx_.seed},
          {"quick", ctx_.quick},
          {"error_ulps", ctx_.ladder.error_ulps},
          {"optverify_version", p.optverify_version},
          {"git_commit", p.git_commit},
          {"git_dirty", p.git_dirty}};
}

std::optional<ClaimResult> ResultStore::load(const std::string& id) const {
  const auto path = path_of(id);
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return std::nullopt;
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read the stored claim result '" + path.string() + "'");
  std::stringstream ss;
  ss << in.rdbuf();
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(ss.str());
  } catch (const nlohmann::json::exception& e) {
    throw std::runtime_error("the stored claim result '" + path.string() + "' is not valid JSON: " + e.what());
  }
  if (!j.is_object() || !j.contains("key") || !j.contains("result"))
    throw std::runtime_error("the stored claim result '" + path.string() + "' lacks \"key\" or \"result\"");
  if (j.at("key") != key(id)) return std::nullopt;
  try {
    return claim_result_from_json(j.at("result"));
  } catch (const std::invalid_argument& e) {
    throw std::runtime_error("the stored claim result '" + path.string() + "' is malformed: " + e.what());
  }
}

void ResultStore::store(const ClaimResult& r) const {
  const nlohmann::json j = {{"key", key(r.id)}, {"result", to_json(r)}};
  report::write_file_atomically(path_of(r.id), j.dump(1) + "\n");
}

}  // namespace ov::claims
