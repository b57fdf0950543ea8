#include "analysis/report/report_csv.hpp"

#include <fmt/core.h>

#include "analysis/report/text_escaping.hpp"

namespace ov::report {

std::string claims_csv(const nlohmann::json& document) {
  std::string out = "id,verdict,precision,time_s,source,title\r\n";  // RFC 4180 line ends
  if (!document.contains("claims") || !document["claims"].is_array()) return out;
  for (const auto& c : document["claims"]) {
    auto s = [&](const char* key) { return c.contains(key) && c[key].is_string() ? c[key].get<std::string>() : ""; };
    std::string time;
    if (c.contains("time_s") && c["time_s"].is_number()) time = fmt::format("{:.6g}", c["time_s"].get<double>());
    else if (c.contains("time_s") && c["time_s"].is_string()) time = c["time_s"].get<std::string>();
    out += csv_field(s("id")) + "," + csv_field(s("verdict")) + "," + csv_field(s("precision")) + "," +
           csv_field(time) + "," + csv_field(citation_text(c.value("source", nlohmann::json()))) + "," +
           csv_field(s("title")) + "\r\n";
  }
  return out;
}

}  // namespace ov::report
