// report.md: a Markdown summary of a report (provenance, verdict counts, claims
// table, rate studies, spectra, Monte-Carlo outcomes, benchmarks).
#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace ov::report {

std::string report_markdown(const nlohmann::json& document);

}  // namespace ov::report
