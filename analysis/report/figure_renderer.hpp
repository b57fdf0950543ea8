// Turns report figures into inline SVG by running gnuplot, and keeps count of what
// could not be drawn (gnuplot missing or failing, no plottable points) so the page
// can show a note in its place and the caller can report it.
#pragma once

#include <string>
#include <vector>

#include "analysis/report/report_figures.hpp"

namespace ov::report {

struct RenderedFigure {
  std::string title;
  std::string svg;    // inline <svg> element; empty when not drawn
  std::string note;   // why it was not drawn, or remarks (dropped points)
};

class FigureRenderer {
 public:
  explicit FigureRenderer(std::string gnuplot_program = "gnuplot") : program_(std::move(gnuplot_program)) {}

  RenderedFigure render(const Figure& figure);

  int rendered() const { return rendered_; }
  int missing() const { return missing_; }
  const std::vector<std::string>& notes() const { return notes_; }

 private:
  std::string program_;
  bool gnuplot_missing_ = false;
  int rendered_ = 0;
  int missing_ = 0;
  int counter_ = 0;
  std::vector<std::string> notes_;
};

}  // namespace ov::report
