// claims.csv: one row per claim (RFC 4180 quoting).
#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace ov::report {

// Header "id,verdict,precision,time_s,source,title", then one row per claim of the
// document; `source` is the citation "file, §section, equation, lines".
std::string claims_csv(const nlohmann::json& document);

}  // namespace ov::report
