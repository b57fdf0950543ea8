// The verification report: one JSON document (schema "optverify-report/1", see
// docs/report-schema.md) and the directory of files rendered from it.
#pragma once

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace ov::report {

// The schema identifier written in every document.
inline constexpr const char* kReportSchema = "optverify-report/1";

// A fresh document: {"schema": "optverify-report/1", "provenance": {...}, "claims": [],
// "rate_studies": [], "spectra": [], "monte_carlo": [], "benchmarks": []}.
// The provenance carries versions, git commit, build type, host and UTC time.
nlohmann::json new_report_document();

// What write_report_directory produced (the extended form of the call below).
struct ReportOutput {
  std::filesystem::path html;             // index.html
  std::vector<std::filesystem::path> files;  // every file written
  int plots_rendered = 0;                 // figures drawn as inline SVG
  int plots_missing = 0;                  // figures replaced by a note (gnuplot missing or failed)
  std::vector<std::string> notes;         // why plots are missing, one line each
};

// Options of the extended call.
struct ReportOptions {
  std::string gnuplot_program = "gnuplot";  // name (PATH search) or path of gnuplot
};

// Writes, atomically (temporary file in the same directory, then rename), into dir
// (created if missing):
//   report.json (the whole document), claims.csv (one row per claim: id, verdict,
//   precision, time_s, source), report.md (Markdown summary), index.html
//   (self-contained page: tables + plots as inline SVG made by gnuplot).
// The document is validated first (std::invalid_argument listing the wrong fields).
// Throws std::runtime_error naming the file on I/O errors.
ReportOutput write_report_directory_detailed(const nlohmann::json& document, const std::filesystem::path& dir,
                                             const ReportOptions& options = {});

// Same, returning the path of index.html. When figures could not be drawn (gnuplot
// missing or failing) the page shows a note in their place and one line per problem
// is written to std::cerr ("optverify: note: ...").
std::filesystem::path write_report_directory(const nlohmann::json& document, const std::filesystem::path& dir);

}  // namespace ov::report
