#include "analysis/report/report_writer.hpp"

#include <iostream>
#include <stdexcept>
#include <system_error>

#include "analysis/report/atomic_file.hpp"
#include "analysis/report/figure_renderer.hpp"
#include "analysis/report/provenance.hpp"
#include "analysis/report/report_csv.hpp"
#include "analysis/report/report_html.hpp"
#include "analysis/report/report_markdown.hpp"
#include "analysis/report/report_schema.hpp"

namespace ov::report {

namespace fs = std::filesystem;

nlohmann::json new_report_document() {
  return {{"schema", kReportSchema},           {"provenance", run_provenance_json()},
          {"claims", nlohmann::json::array()}, {"rate_studies", nlohmann::json::array()},
          {"spectra", nlohmann::json::array()}, {"monte_carlo", nlohmann::json::array()},
          {"benchmarks", nlohmann::json::array()}};
}

ReportOutput write_report_directory_detailed(const nlohmann::json& document, const fs::path& dir,
                                             const ReportOptions& options) {
  require_valid_report(document, "the report document");
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec || !fs::is_directory(dir)) {
    throw std::runtime_error("cannot create the report directory '" + dir.string() + "': " +
                             (ec ? ec.message() : std::string("not a directory")));
  }
  ReportOutput out;
  auto put = [&](const char* name, const std::string& content) {
    const fs::path p = dir / name;
    write_file_atomically(p, content);
    out.files.push_back(p);
  };
  // Invalid UTF-8 in a string is replaced (U+FFFD) rather than aborting the report.
  put("report.json", document.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n");
  put("claims.csv", claims_csv(document));
  put("report.md", report_markdown(document));
  FigureRenderer renderer(options.gnuplot_program);
  const std::string html = report_html(document, renderer);
  put("index.html", html);
  out.html = dir / "index.html";
  out.plots_rendered = renderer.rendered();
  out.plots_missing = renderer.missing();
  out.notes = renderer.notes();
  return out;
}

fs::path write_report_directory(const nlohmann::json& document, const fs::path& dir) {
  ReportOutput out = write_report_directory_detailed(document, dir);
  for (const auto& n : out.notes) std::cerr << "optverify: note: " << n << "\n";
  return out.html;
}

}  // namespace ov::report
