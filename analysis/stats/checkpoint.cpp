#include "analysis/stats/checkpoint.hpp"

#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <ostream>
#include <set>
#include <sstream>
#include <stdexcept>

#include "analysis/stats/run_seed.hpp"

namespace ov::stats {

std::string fnv1a_hex(const std::string& s) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (unsigned char c : s) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

nlohmann::json with_check(nlohmann::json j) {
  const std::string body = j.dump();
  j["check"] = fnv1a_hex(body);
  return j;
}

namespace {

constexpr int kFormat = 1;

// Parses one line and verifies its check; returns the object without "check".
nlohmann::json checked_object(const std::string& line) {
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(line);
  } catch (const std::exception&) {
    throw std::invalid_argument("not valid JSON");
  }
  if (!j.is_object() || !j.contains("check") || !j["check"].is_string()) {
    throw std::invalid_argument("no \"check\" field");
  }
  const std::string check = j["check"].get<std::string>();
  j.erase("check");
  if (fnv1a_hex(j.dump()) != check) throw std::invalid_argument("its check " + check + " does not match its content");
  return j;
}

std::string first_difference(const nlohmann::json& stored, const nlohmann::json& now) {
  for (auto it = now.begin(); it != now.end(); ++it) {
    if (!stored.contains(it.key())) return "\"" + it.key() + "\" is missing";
    if (stored.at(it.key()) != it.value()) {
      return "\"" + it.key() + "\" is " + stored.at(it.key()).dump() + " there, " + it.value().dump() + " now";
    }
  }
  for (auto it = stored.begin(); it != stored.end(); ++it) {
    if (!now.contains(it.key())) return "\"" + it.key() + "\" is not part of this experiment";
  }
  return "they differ";
}

void write_all(std::FILE* f, const std::string& s, const std::string& path) {
  if (std::fwrite(s.data(), 1, s.size(), f) != s.size() || std::fflush(f) != 0) {
    throw std::runtime_error("checkpoint \"" + path + "\": write failed");
  }
}

}  // namespace

CheckpointContents read_checkpoint(const std::string& path, const nlohmann::json& experiment, std::uint64_t runs,
                                   std::uint64_t master, const std::vector<std::string>& labels,
                                   std::ostream* warnings) {
  CheckpointContents c;
  std::ifstream in(path, std::ios::binary);
  if (!in) return c;
  c.existed = true;
  std::stringstream buf;
  buf << in.rdbuf();
  const std::string data = buf.str();
  if (data.empty()) return c;  // created but the header never landed: start afresh

  std::set<std::uint64_t> seen;
  const std::set<std::string> known(labels.begin(), labels.end());
  std::size_t pos = 0, line_no = 0;
  while (pos < data.size()) {
    ++line_no;
    const std::size_t end = data.find('\n', pos);
    auto where = [&] {
      return "checkpoint \"" + path + "\", line " + std::to_string(line_no) + " (byte " + std::to_string(pos) + ")";
    };
    if (end == std::string::npos) {
      if (line_no == 1) {
        throw std::invalid_argument(where() + ": the header line is incomplete; the file is not a checkpoint");
      }
      if (warnings) {
        *warnings << "optverify: warning: " << where()
                  << ": incomplete last line (a write interrupted by a crash) ignored; that run is done again\n";
      }
      break;
    }
    const std::string line = data.substr(pos, end - pos);
    try {
      const nlohmann::json j = checked_object(line);
      if (line_no == 1) {
        if (!j.contains("optverify_checkpoint") || j["optverify_checkpoint"] != kFormat || !j.contains("experiment")) {
          throw std::invalid_argument("not an optverify checkpoint header (format " + std::to_string(kFormat) + ")");
        }
        if (j["experiment"] != experiment) {
          throw std::invalid_argument("written for a different experiment: " +
                                      first_difference(j["experiment"], experiment) +
                                      "; use another --checkpoint file");
        }
      } else {
        RunRecord r = run_record_from_json(j);
        if (r.index >= runs) {
          // A longer experiment with the same description wrote it: keep nothing of it here.
          pos = end + 1;
          continue;
        }
        if (!seen.insert(r.index).second) throw std::invalid_argument("run " + std::to_string(r.index) + " appears twice");
        if (r.seed != run_seed(master, r.index)) {
          throw std::invalid_argument("run " + std::to_string(r.index) + " has seed " + std::to_string(r.seed) +
                                      ", master seed " + std::to_string(master) + " gives " +
                                      std::to_string(run_seed(master, r.index)));
        }
        if (!known.count(r.outcome)) throw std::invalid_argument("unknown outcome \"" + r.outcome + "\"");
        c.records.push_back(std::move(r));
      }
    } catch (const std::invalid_argument& e) {
      throw std::invalid_argument(where() + ": " + e.what());
    }
    pos = end + 1;
  }
  return c;
}

CheckpointWriter::CheckpointWriter(std::string path, const nlohmann::json& experiment,
                                   const std::vector<RunRecord>& kept)
    : path_(std::move(path)) {
  const std::string tmp = path_ + ".tmp";
  std::FILE* f = std::fopen(tmp.c_str(), "wb");
  if (!f) throw std::invalid_argument("--checkpoint \"" + path_ + "\": cannot open \"" + tmp + "\" for writing");
  try {
    nlohmann::json header = {{"optverify_checkpoint", kFormat}, {"experiment", experiment}};
    std::string text = with_check(header).dump() + "\n";
    for (const auto& r : kept) text += with_check(to_json(r)).dump() + "\n";
    write_all(f, text, tmp);
    if (fsync(fileno(f)) != 0) throw std::runtime_error("checkpoint \"" + tmp + "\": fsync failed");
  } catch (...) {
    std::fclose(f);
    std::remove(tmp.c_str());
    throw;
  }
  std::fclose(f);
  if (std::rename(tmp.c_str(), path_.c_str()) != 0) {
    std::remove(tmp.c_str());
    throw std::runtime_error("checkpoint \"" + path_ + "\": cannot rename \"" + tmp + "\" to it");
  }
  file_ = std::fopen(path_.c_str(), "ab");
  if (!file_) throw std::runtime_error("checkpoint \"" + path_ + "\": cannot open for appending");
}

CheckpointWriter::~CheckpointWriter() {
  if (file_) {
    std::fflush(file_);
    fsync(fileno(file_));
    std::fclose(file_);
  }
}

void CheckpointWriter::append(const RunRecord& r) {
  const std::string line = with_check(to_json(r)).dump() + "\n";
  std::lock_guard<std::mutex> lock(mutex_);
  write_all(file_, line, path_);
}

}  // namespace ov::stats
