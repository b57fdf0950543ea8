// The figures of a report: series grouped by their "plot" key (one figure each),
// and the gnuplot script that draws a figure of each kind (convergence with the
// bound overlaid, spectrum in the complex plane with the unit circle, proportions
// with interval error bars).
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

namespace ov::report {

struct Figure {
  std::string title;                     // the shared "plot" key
  std::string kind;                      // convergence | spectrum | proportion
  std::vector<nlohmann::json> series;    // its Series, in document order
};

// Groups an array of Series by "plot" (first-appearance order).
std::vector<Figure> figures_from_series(const nlohmann::json& series_array);

// A spectrum figure made from a Spectrum's eigenvalues (used when it carries no
// spectrum series of its own).
Figure spectrum_figure_from_eigenvalues(const nlohmann::json& spectrum);

// A proportion figure made from a MonteCarlo's outcomes with Wilson intervals
// (used when it carries no proportion series of its own).
Figure proportion_figure_from_outcomes(const nlohmann::json& monte_carlo);

struct PlotScript {
  std::string script;                                        // gnuplot commands (no terminal/output)
  std::vector<std::pair<std::string, std::string>> data;     // (file name, content)
  int plotted_points = 0;
  int dropped_points = 0;   // non-finite values, or <= 0 on a logarithmic axis
};

// The gnuplot script for one figure; every string from the document is escaped.
PlotScript gnuplot_script(const Figure& figure);

}  // namespace ov::report
