#include "analysis/report/report_figures.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <cmath>

#include "analysis/report/report_schema.hpp"
#include "analysis/report/text_escaping.hpp"

namespace ov::report {

namespace {

using nlohmann::json;

std::string str_or(const json& obj, const char* key, const std::string& fallback) {
  return obj.contains(key) && obj[key].is_string() ? obj[key].get<std::string>() : fallback;
}
bool bool_or(const json& obj, const char* key, bool fallback) {
  return obj.contains(key) && obj[key].is_boolean() ? obj[key].get<bool>() : fallback;
}
double value_at(const json& arr, std::size_t i) {
  return (arr.is_array() && i < arr.size() && is_real_value(arr[i])) ? real_value(arr[i]) : std::nan("");
}

// A palette readable on white and by most colour-blind readers (Okabe-Ito).
const char* kColours[] = {"#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#000000"};
constexpr const char* kBoundColour = "#D55E00";

std::string num(double v) { return fmt::format("{:.17g}", v); }

std::string common_labels(const Figure& f, const char* x_default, const char* y_default) {
  std::string x = x_default, y = y_default;
  for (const auto& s : f.series) {
    if (s.contains("x_label") && s["x_label"].is_string()) { x = s["x_label"]; break; }
  }
  for (const auto& s : f.series) {
    if (s.contains("y_label") && s["y_label"].is_string()) { y = s["y_label"]; break; }
  }
  return "set xlabel " + gnuplot_string(x) + "\nset ylabel " + gnuplot_string(y) + "\n";
}

PlotScript convergence_script(const Figure& f) {
  PlotScript ps;
  bool log_x = false, log_y = false;
  for (const auto& s : f.series) {
    log_x = log_x || bool_or(s, "log_x", false);
    log_y = log_y || bool_or(s, "log_y", false);
  }
  std::string sc = "set title " + gnuplot_string(f.title) + "\n" + common_labels(f, "iteration", "error");
  sc += "set grid\nset key top right box opaque\nset border lw 1\n";
  if (log_x) sc += "set logscale x\n";
  if (log_y) sc += "set logscale y\nset format y '%.0e'\n";
  std::vector<std::string> items;
  int colour = 0;
  for (std::size_t k = 0; k < f.series.size(); ++k) {
    const json& s = f.series[k];
    std::string data;
    int n = 0;
    const std::size_t m = s.contains("x") && s["x"].is_array() ? s["x"].size() : 0;
    for (std::size_t i = 0; i < m; ++i) {
      const double x = value_at(s["x"], i), y = value_at(s["y"], i);
      if (!std::isfinite(x) || !std::isfinite(y) || (log_x && x <= 0) || (log_y && y <= 0)) {
        ++ps.dropped_points;
        continue;
      }
      data += num(x) + " " + num(y) + "\n";
      ++n;
    }
    if (n == 0) continue;
    ps.plotted_points += n;
    const std::string file = "series" + std::to_string(k) + ".dat";
    ps.data.emplace_back(file, data);
    const std::string role = str_or(s, "role", "measured");
    std::string title = str_or(s, "name", "series");
    std::string style;
    if (role == "bound") {
      style = "with lines lw 2 dt 2 lc rgb '" + std::string(kBoundColour) + "'";
      title += " (bound)";
    } else if (role == "fit") {
      style = "with lines lw 2 dt 3 lc rgb '#009E73'";
      title += " (fit)";
    } else {
      const char* c = kColours[colour++ % 4];
      style = n <= 40 ? "with linespoints lw 2 pt 7 ps 0.6 lc rgb '" + std::string(c) + "'"
                      : "with lines lw 2 lc rgb '" + std::string(c) + "'";
    }
    items.push_back("'" + file + "' using 1:2 " + style + " title " + gnuplot_string(title));
  }
  if (items.empty()) return ps;
  sc += "plot ";
  for (std::size_t i = 0; i < items.size(); ++i) sc += (i ? ", \\\n     " : "") + items[i];
  ps.script = sc + "\n";
  return ps;
}

PlotScript spectrum_script(const Figure& f) {
  PlotScript ps;
  double extent = 1.0;
  std::vector<std::string> items;
  int colour = 0;
  for (std::size_t k = 0; k < f.series.size(); ++k) {
    const json& s = f.series[k];
    std::string data;
    int n = 0;
    const std::size_t m = s.contains("x") && s["x"].is_array() ? s["x"].size() : 0;
    for (std::size_t i = 0; i < m; ++i) {
      const double re = value_at(s["x"], i), im = value_at(s["y"], i);
      if (!std::isfinite(re) || !std::isfinite(im)) {
        ++ps.dropped_points;
        continue;
      }
      extent = std::max({extent, std::abs(re), std::abs(im)});
      data += num(re) + " " + num(im) + "\n";
      ++n;
    }
    if (n == 0) continue;
    ps.plotted_points += n;
    const std::string file = "series" + std::to_string(k) + ".dat";
    ps.data.emplace_back(file, data);
    const std::string role = str_or(s, "role", "measured");
    const char* c = role == "bound" ? kBoundColour : kColours[colour++ % 4];
    items.push_back("'" + file + "' using 1:2 with points pt " + std::string(role == "bound" ? "6" : "7") +
                    " ps 1.2 lc rgb '" + c + "' title " + gnuplot_string(str_or(s, "name", "eigenvalues")));
  }
  if (items.empty()) return ps;
  // The unit circle (stability boundary of a discrete iteration), 360 segments.
  std::string circle;
  for (int i = 0; i <= 360; ++i) {
    const double t = 2 * M_PI * i / 360.0;
    circle += num(std::cos(t)) + " " + num(std::sin(t)) + "\n";
  }
  ps.data.emplace_back("unit_circle.dat", circle);
  const double r = 1.08 * extent;  // 8% margin around the data and the circle
  std::string sc = "set title " + gnuplot_string(f.title) + "\n" + common_labels(f, "Re", "Im");
  sc += "set grid\nset key top right box opaque\nset size ratio -1\n";
  sc += "set xrange [" + num(-r) + ":" + num(r) + "]\nset yrange [" + num(-r) + ":" + num(r) + "]\n";
  sc += "set xzeroaxis lt 1 lc rgb '#999999'\nset yzeroaxis lt 1 lc rgb '#999999'\n";
  sc += "plot 'unit_circle.dat' using 1:2 with lines lw 1.5 dt 2 lc rgb '#666666' title 'unit circle'";
  for (const auto& it : items) sc += ", \\\n     " + it;
  ps.script = sc + "\n";
  return ps;
}

PlotScript proportion_script(const Figure& f) {
  PlotScript ps;
  std::vector<std::string> items;
  std::vector<std::pair<double, std::string>> tics;
  double xmin = 0, xmax = 0;
  bool any = false;
  const std::size_t ns = f.series.size();
  for (std::size_t k = 0; k < ns; ++k) {
    const json& s = f.series[k];
    // Several series side by side: shift each by a small offset around the category index.
    const double offset = ns > 1 ? (static_cast<double>(k) - (ns - 1) / 2.0) * 0.12 : 0.0;
    std::string data;
    int n = 0;
    const std::size_t m = s.contains("x") && s["x"].is_array() ? s["x"].size() : 0;
    for (std::size_t i = 0; i < m; ++i) {
      const double x = value_at(s["x"], i), y = value_at(s["y"], i);
      const double lo = value_at(s.value("lo", json()), i), hi = value_at(s.value("hi", json()), i);
      if (!std::isfinite(x) || !std::isfinite(y) || !std::isfinite(lo) || !std::isfinite(hi)) {
        ++ps.dropped_points;
        continue;
      }
      if (!any) xmin = xmax = x;
      any = true;
      xmin = std::min(xmin, x);
      xmax = std::max(xmax, x);
      data += num(x + offset) + " " + num(y) + " " + num(lo) + " " + num(hi) + "\n";
      ++n;
      if (s.contains("labels") && s["labels"].is_array() && i < s["labels"].size() && s["labels"][i].is_string() &&
          std::none_of(tics.begin(), tics.end(), [&](const auto& t) { return t.first == x; })) {
        tics.emplace_back(x, s["labels"][i].get<std::string>());
      }
    }
    if (n == 0) continue;
    ps.plotted_points += n;
    const std::string file = "series" + std::to_string(k) + ".dat";
    ps.data.emplace_back(file, data);
    const char* c = kColours[k % 4];
    items.push_back("'" + file + "' using 1:2:3:4 with yerrorbars lw 2 pt 7 ps 1.2 lc rgb '" + std::string(c) +
                    "' title " + gnuplot_string(str_or(s, "name", "proportion")));
  }
  if (items.empty()) return ps;
  std::string sc = "set title " + gnuplot_string(f.title) + "\n" + common_labels(f, "outcome", "proportion");
  sc += "set grid ytics\nset key below\nset yrange [0:1.05]\nset bars 2\n";
  sc += "set xrange [" + num(xmin - 0.6) + ":" + num(xmax + 0.6) + "]\n";
  if (!tics.empty()) {
    sc += "set xtics (";
    for (std::size_t i = 0; i < tics.size(); ++i) {
      sc += (i ? ", " : "") + gnuplot_string(tics[i].second) + " " + num(tics[i].first);
    }
    sc += ")\n";
  } else {
    sc += "set xtics 1\n";
  }
  sc += "plot ";
  for (std::size_t i = 0; i < items.size(); ++i) sc += (i ? ", \\\n     " : "") + items[i];
  ps.script = sc + "\n";
  return ps;
}

}  // namespace

std::vector<Figure> figures_from_series(const nlohmann::json& series_array) {
  std::vector<Figure> out;
  if (!series_array.is_array()) return out;
  for (const auto& s : series_array) {
    if (!s.is_object()) continue;
    const std::string plot = str_or(s, "plot", str_or(s, "name", "figure"));
    auto it = std::find_if(out.begin(), out.end(), [&](const Figure& f) { return f.title == plot; });
    if (it == out.end()) {
      out.push_back({plot, str_or(s, "kind", "convergence"), {}});
      it = out.end() - 1;
    }
    it->series.push_back(s);
  }
  return out;
}

Figure spectrum_figure_from_eigenvalues(const nlohmann::json& spectrum) {
  json xs = json::array(), ys = json::array();
  if (spectrum.contains("eigenvalues") && spectrum["eigenvalues"].is_array()) {
    for (const auto& e : spectrum["eigenvalues"]) {
      xs.push_back(e.value("re", json()));
      ys.push_back(e.value("im", json()));
    }
  }
  const std::string title = "spectrum: " + str_or(spectrum, "name", "?");
  return {title, "spectrum",
          {json{{"name", "eigenvalues (" + str_or(spectrum, "method", "?") + ")"}, {"kind", "spectrum"}, {"plot", title},
                {"role", "measured"}, {"x", xs}, {"y", ys}, {"x_label", "Re"}, {"y_label", "Im"}}}};
}

Figure proportion_figure_from_outcomes(const nlohmann::json& mc) {
  json xs = json::array(), ys = json::array(), lo = json::array(), hi = json::array(), labels = json::array();
  if (mc.contains("outcomes") && mc["outcomes"].is_array()) {
    int i = 0;
    for (const auto& o : mc["outcomes"]) {
      xs.push_back(i++);
      ys.push_back(o.value("proportion", json()));
      const json w = o.value("wilson", json::array());
      lo.push_back(w.is_array() && w.size() == 2 ? w[0] : json());
      hi.push_back(w.is_array() && w.size() == 2 ? w[1] : json());
      labels.push_back(o.value("label", std::string("?")));
    }
  }
  const std::string title = "outcomes: " + str_or(mc, "name", "?");
  return {title, "proportion",
          {json{{"name", "proportion with Wilson interval"}, {"kind", "proportion"}, {"plot", title},
                {"role", "measured"}, {"x", xs}, {"y", ys}, {"lo", lo}, {"hi", hi}, {"labels", labels},
                {"x_label", "outcome"}, {"y_label", "proportion of runs"}}}};
}

PlotScript gnuplot_script(const Figure& figure) {
  if (figure.kind == "spectrum") return spectrum_script(figure);
  if (figure.kind == "proportion") return proportion_script(figure);
  return convergence_script(figure);
}

}  // namespace ov::report
