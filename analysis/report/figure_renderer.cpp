#include "analysis/report/figure_renderer.hpp"

#include "analysis/report/gnuplot_runner.hpp"

namespace ov::report {

RenderedFigure FigureRenderer::render(const Figure& figure) {
  RenderedFigure out{figure.title, "", ""};
  const int index = counter_++;
  const PlotScript ps = gnuplot_script(figure);
  if (ps.script.empty()) {
    out.note = "no plottable points (" + std::to_string(ps.dropped_points) +
               " non-finite or non-positive values on a logarithmic axis)";
    ++missing_;
    notes_.push_back("figure '" + figure.title + "': " + out.note);
    return out;
  }
  if (ps.dropped_points > 0) {
    out.note = std::to_string(ps.dropped_points) +
               " point(s) not drawn (non-finite, or non-positive on a logarithmic axis)";
  }
  if (gnuplot_missing_) {
    out.note = "plot not drawn: gnuplot is not installed (install Debian's gnuplot-nox)";
    ++missing_;
    return out;
  }
  GnuplotResult r = run_gnuplot_svg(program_, ps.script, ps.data, "ovfig" + std::to_string(index) + "-");
  if (!r.ok) {
    ++missing_;
    if (r.missing) {
      gnuplot_missing_ = true;
      out.note = "plot not drawn: gnuplot is not installed (install Debian's gnuplot-nox)";
      notes_.push_back(r.error + "; plots are replaced by notes");
    } else {
      out.note = "plot not drawn: " + r.error;
      notes_.push_back("figure '" + figure.title + "': " + r.error);
    }
    return out;
  }
  ++rendered_;
  out.svg = std::move(r.svg);
  return out;
}

}  // namespace ov::report
