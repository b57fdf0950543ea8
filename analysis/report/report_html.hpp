// index.html: one self-contained page (inline CSS, inline SVG plots, no scripts,
// no external resources) rendered from a report document.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "analysis/report/figure_renderer.hpp"

namespace ov::report {

// Every text from the document is HTML-escaped; figures are drawn by `renderer`
// (a note replaces a figure it could not draw).
std::string report_html(const nlohmann::json& document, FigureRenderer& renderer);

}  // namespace ov::report
