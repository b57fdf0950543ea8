#include "analysis/report/report_html.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <map>

#include "analysis/report/report_schema.hpp"
#include "analysis/report/text_escaping.hpp"

namespace ov::report {

namespace {

using nlohmann::json;

constexpr const char* kStyle = R"css(
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; margin: 0; color: #1b1f24; background: #f6f7f9; }
header { background: #1f2937; color: #f9fafb; padding: 18px 32px; }
header h1 { margin: 0 0 4px 0; font-size: 24px; }
header p { margin: 0; font-size: 13px; color: #d1d5db; }
main { padding: 8px 32px 40px 32px; max-width: 1200px; box-sizing: border-box; }
h2 { margin-top: 32px; border-bottom: 2px solid #d0d7de; padding-bottom: 4px; }
h3 { margin-bottom: 6px; }
section.entry { background: #ffffff; border: 1px solid #d0d7de; border-radius: 6px; padding: 8px 18px 14px 18px; margin: 14px 0; }
table { border-collapse: collapse; margin: 8px 0; font-size: 14px; background: #ffffff; max-width: 100%; }
th, td { border: 1px solid #d0d7de; padding: 4px 8px; text-align: left; vertical-align: top; overflow-wrap: break-word; }
table.kv td:last-child { overflow-wrap: anywhere; }
th { background: #eef1f4; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
.verdict { display: inline-block; padding: 1px 8px; border-radius: 10px; font-weight: 600; font-size: 13px; color: #ffffff; white-space: nowrap; }
.v-holds-certified { background: #1a7f37; }
.v-holds { background: #4c9a2a; }
.v-inconclusive { background: #bf8700; }
.v-refuted { background: #cf222e; }
.figure { margin: 10px 0; max-width: 780px; background: #ffffff; }
.figure svg { width: 100%; height: auto; display: block; }
.note { background: #fff8c5; border: 1px solid #d4a72c; padding: 6px 10px; border-radius: 4px; font-size: 14px; max-width: 760px; }
dl { display: grid; grid-template-columns: max-content auto; gap: 2px 14px; margin: 6px 0; font-size: 14px; }
dt { font-weight: 600; } dd { margin: 0; }
pre { background: #f6f8fa; border: 1px solid #d0d7de; padding: 6px; overflow-x: auto; font-size: 13px; }
code { font-size: 13px; }
)css";

std::string str(const json& o, const char* key) {
  return o.is_object() && o.contains(key) && o[key].is_string() ? o[key].get<std::string>() : "";
}
std::string esc(const std::string& s) { return html_escape(s); }
std::string val(const json& o, const char* key) {
  return o.is_object() && o.contains(key) ? esc(display_value(o[key])) : "—";
}
std::string interval_text(const json& v) {
  if (v.is_array() && v.size() == 2) return esc("[" + display_value(v[0]) + ", " + display_value(v[1]) + "]");
  return "—";
}
// Enclosure ends with every digit of the double (or the decimal string as given), so
// that the width of a tight enclosure stays visible.
std::string enclosure_text(const json& v) {
  auto end = [](const json& x) { return x.is_number_float() ? fmt::format("{:.17g}", x.get<double>()) : display_value(x); };
  if (v.is_array() && v.size() == 2) return esc("[" + end(v[0]) + ", " + end(v[1]) + "]");
  return "—";
}
std::string verdict_badge(const std::string& v) {
  const auto& vs = verdict_values();
  const std::string cls = std::find(vs.begin(), vs.end(), v) != vs.end() ? "v-" + v : "v-inconclusive";
  return "<span class=\"verdict " + cls + "\">" + esc(v) + "</span>";
}
// A claim's badge; an erratum (the document's statement believed false) says so.
std::string claim_badge(const json& c) {
  const bool erratum = c.contains("erratum") && c["erratum"].is_boolean() && c["erratum"].get<bool>();
  return verdict_badge(str(c, "verdict")) + (erratum ? " <em>(erratum: the printed statement)</em>" : "");
}

class Page {
 public:
  explicit Page(FigureRenderer& r) : renderer_(r) {}
  std::string html;

  void figure(const Figure& f) {
    const RenderedFigure rf = renderer_.render(f);
    html += "<figure class=\"figure\">\n";
    if (!rf.svg.empty()) html += rf.svg + "\n";
    if (!rf.note.empty()) html += "<p class=\"note\">" + esc(f.title) + ": " + esc(rf.note) + "</p>\n";
    html += "</figure>\n";
  }
  void figures(const json& series) {
    for (const auto& f : figures_from_series(series)) figure(f);
  }
  void key_values(const json& obj) {
    if (!obj.is_object() || obj.empty()) return;
    html += "<table class=\"kv\"><tr><th>name</th><th>value</th></tr>\n";
    for (auto it = obj.begin(); it != obj.end(); ++it) {
      html += "<tr><td>" + esc(it.key()) + "</td><td>" +
              esc(it.value().is_structured() ? it.value().dump() : display_value(it.value())) + "</td></tr>\n";
    }
    html += "</table>\n";
  }

 private:
  FigureRenderer& renderer_;
};

void summary(Page& p, const json& d) {
  const json claims = d.value("claims", json::array());
  std::map<std::string, int> counts;
  for (const auto& c : claims) counts[str(c, "verdict")]++;
  p.html += "<h2 id=\"summary\">Summary</h2>\n<table><tr><th>verdict</th><th>claims</th></tr>\n";
  for (const auto& v : verdict_values()) {
    p.html += "<tr><td>" + verdict_badge(v) + "</td><td class=\"num\">" + std::to_string(counts[v]) + "</td></tr>\n";
  }
  p.html += "<tr><th>total</th><th class=\"num\">" + std::to_string(claims.size()) + "</th></tr></table>\n";
  p.html += fmt::format("<p>{} claim(s), {} rate stud(ies), {} spectr(a), {} Monte-Carlo stud(ies), {} benchmark(s).</p>\n",
                        claims.size(), d.value("rate_studies", json::array()).size(),
                        d.value("spectra", json::array()).size(), d.value("monte_carlo", json::array()).size(),
                        d.value("benchmarks", json::array()).size());
}

void claims_section(Page& p, const json& claims) {
  if (claims.empty()) return;
  p.html += "<h2 id=\"claims\">Claims</h2>\n<table><tr><th>id</th><th>title</th><th>verdict</th><th>precision</th>"
            "<th>time (s)</th><th>source</th></tr>\n";
  for (std::size_t i = 0; i < claims.size(); ++i) {
    const json& c = claims[i];
    const std::size_t esc_n = c.contains("escalations") && c["escalations"].is_array() ? c["escalations"].size() : 0;
    p.html += "<tr><td><a href=\"#claim-" + std::to_string(i) + "\"><code>" + esc(str(c, "id")) + "</code></a></td><td>" +
              esc(str(c, "title")) + "</td><td>" + claim_badge(c) + "</td><td>" +
              esc(str(c, "precision")) + (esc_n ? " (" + std::to_string(esc_n) + " escalation(s))" : "") +
              "</td><td class=\"num\">" + val(c, "time_s") + "</td><td>" +
              esc(citation_text(c.value("source", json()))) + "</td></tr>\n";
  }
  p.html += "</table>\n";
  for (std::size_t i = 0; i < claims.size(); ++i) {
    const json& c = claims[i];
    const json ev = c.value("evidence", json::object());
    p.html += "<section class=\"entry\" id=\"claim-" + std::to_string(i) + "\">\n<h3><code>" + esc(str(c, "id")) +
              "</code> " + claim_badge(c) + "</h3>\n<p><strong>" + esc(str(c, "title")) +
              "</strong></p>\n<dl>\n";
    auto row = [&](const char* name, const std::string& html_value) {
      if (!html_value.empty()) p.html += std::string("<dt>") + name + "</dt><dd>" + html_value + "</dd>\n";
    };
    row("source", esc(citation_text(c.value("source", json()))));
    row("hypotheses", esc(str(c, "hypotheses")));
    row("statement", esc(str(c, "statement")));
    row("check", esc(str(c, "check")));
    row("precision", esc(str(c, "precision")));
    if (c.contains("escalations") && c["escalations"].is_array()) {
      for (const auto& e : c["escalations"]) row("escalation", esc(str(e, "precision") + ": " + str(e, "reason")));
    }
    row("seed", c.contains("seed") ? val(c, "seed") : "");
    row("time (s)", val(c, "time_s"));
    row("evidence", esc(str(ev, "summary")));
    p.html += "</dl>\n";
    if (c.contains("parameters") && c["parameters"].is_object() && !c["parameters"].empty()) {
      p.html += "<p>Parameters</p>\n";
      p.key_values(c["parameters"]);
    }
    if (ev.contains("figures") && ev["figures"].is_object() && !ev["figures"].empty()) {
      p.html += "<p>Evidence figures</p>\n";
      p.key_values(ev["figures"]);
    }
    if (ev.contains("counterexample") && !ev["counterexample"].is_null()) {
      p.html += "<p><strong>Counterexample</strong></p>\n<pre>" + esc(ev["counterexample"].dump(2)) + "</pre>\n";
    }
    p.figures(ev.value("series", json::array()));
    p.html += "</section>\n";
  }
}

void rates_section(Page& p, const json& rates) {
  if (rates.empty()) return;
  p.html += "<h2 id=\"rates\">Rate studies</h2>\n";
  for (const auto& r : rates) {
    const json o = r.value("order", json());
    const json b = r.value("bound_check", json());
    p.html += "<section class=\"entry\">\n<h3>" + esc(str(r, "name")) + "</h3>\n<dl>\n";
    p.html += "<dt>problem</dt><dd>" + esc(str(r, "problem")) + "</dd>\n<dt>optimizer</dt><dd>" +
              esc(str(r, "optimizer")) + "</dd>\n<dt>precision</dt><dd>" + esc(str(r, "precision")) + "</dd>\n";
    if (o.is_object()) {
      p.html += "<dt>empirical order</dt><dd>" + val(o, "estimate") + ", CI " + interval_text(o.value("ci", json())) +
                ", window " + interval_text(o.value("window", json())) + "</dd>\n";
    }
    if (r.contains("geometric_rate") && r["geometric_rate"].is_object()) {
      p.html += "<dt>geometric rate</dt><dd>" + esc(r["geometric_rate"].dump()) + "</dd>\n";
    }
    if (b.is_object()) {
      p.html += "<dt>bound respected pointwise</dt><dd>" + val(b, "pointwise") + " (max err/bound " +
                val(b, "max_ratio") + ", first violation " + val(b, "first_violation") + ")</dd>\n";
    }
    p.html += "</dl>\n";
    p.figures(r.value("series", json::array()));
    p.html += "</section>\n";
  }
}

void spectra_section(Page& p, const json& spectra) {
  if (spectra.empty()) return;
  p.html += "<h2 id=\"spectra\">Spectra</h2>\n";
  for (const auto& s : spectra) {
    const bool certified = s.value("certified", false);
    p.html += "<section class=\"entry\">\n<h3>" + esc(str(s, "name")) + "</h3>\n<p>method <code>" +
              esc(str(s, "method")) + "</code>; " + (certified ? "<strong>certified</strong> (enclosures)" : "not certified") +
              "</p>\n";
    p.key_values(s.value("parameters", json::object()));
    const json enc = s.value("enclosures", json());
    p.html += "<table><tr><th>re</th><th>im</th><th>modulus</th>" +
              std::string(enc.is_array() ? "<th>enclosure re</th><th>enclosure im</th>" : "") + "</tr>\n";
    const json eig = s.value("eigenvalues", json::array());
    for (std::size_t i = 0; i < eig.size(); ++i) {
      p.html += "<tr><td class=\"num\">" + val(eig[i], "re") + "</td><td class=\"num\">" + val(eig[i], "im") +
                "</td><td class=\"num\">" + val(eig[i], "modulus") + "</td>";
      if (enc.is_array()) {
        const json e = i < enc.size() ? enc[i] : json();
        p.html += "<td>" + enclosure_text(e.value("re", json())) + "</td><td>" + enclosure_text(e.value("im", json())) + "</td>";
      }
      p.html += "</tr>\n";
    }
    p.html += "</table>\n";
    const json series = s.value("series", json::array());
    bool has_spectrum_series = false;
    for (const auto& x : series) has_spectrum_series = has_spectrum_series || str(x, "kind") == "spectrum";
    if (!has_spectrum_series && !eig.empty()) p.figure(spectrum_figure_from_eigenvalues(s));
    p.figures(series);
    p.html += "</section>\n";
  }
}

void monte_carlo_section(Page& p, const json& mcs) {
  if (mcs.empty()) return;
  p.html += "<h2 id=\"monte-carlo\">Monte-Carlo</h2>\n";
  for (const auto& m : mcs) {
    p.html += "<section class=\"entry\">\n<h3>" + esc(str(m, "name")) + "</h3>\n<p>" + esc(str(m, "optimizer")) +
              " on " + esc(str(m, "problem")) + ", " + val(m, "runs") + " runs, seed " + val(m, "seed") + "</p>\n";
    p.html += "<table><tr><th>outcome</th><th>count</th><th>proportion</th><th>Wilson</th><th>Clopper-Pearson</th></tr>\n";
    const json outs = m.value("outcomes", json::array());
    for (const auto& o : outs) {
      p.html += "<tr><td>" + esc(str(o, "label")) + "</td><td class=\"num\">" + val(o, "count") +
                "</td><td class=\"num\">" + val(o, "proportion") + "</td><td>" + interval_text(o.value("wilson", json())) +
                "</td><td>" + interval_text(o.value("clopper_pearson", json())) + "</td></tr>\n";
    }
    p.html += "</table>\n";
    const json series = m.value("series", json::array());
    bool has_proportion_series = false;
    for (const auto& x : series) has_proportion_series = has_proportion_series || str(x, "kind") == "proportion";
    if (!has_proportion_series && !outs.empty()) p.figure(proportion_figure_from_outcomes(m));
    p.figures(series);
    p.html += "</section>\n";
  }
}

void benchmarks_section(Page& p, const json& benches) {
  if (benches.empty()) return;
  p.html += "<h2 id=\"benchmarks\">Benchmarks</h2>\n";
  for (const auto& b : benches) {
    p.html += "<section class=\"entry\">\n<h3>" + esc(str(b, "name")) + "</h3>\n";
    json flat = json::object();
    for (auto it = b.begin(); it != b.end(); ++it) {
      if (it.key() != "name" && it.key() != "series") flat[it.key()] = it.value();
    }
    p.key_values(flat);
    p.figures(b.value("series", json::array()));
    p.html += "</section>\n";
  }
}

}  // namespace

std::string report_html(const nlohmann::json& d, FigureRenderer& renderer) {
  Page p(renderer);
  const json prov = d.value("provenance", json::object());
  p.html = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
           "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
           "<title>OptVerify verification report</title>\n<style>" +
           std::string(kStyle) + "</style>\n</head>\n<body>\n<header>\n<h1>OptVerify verification report</h1>\n<p>" +
           esc(fmt::format("schema {} · generated {} on {} · OptVerify {} · git {}{} · {} build", str(d, "schema"),
                           str(prov, "time_utc"), str(prov, "host"), str(prov, "optverify_version"),
                           str(prov, "git_commit"), prov.value("git_dirty", false) ? " (dirty)" : "",
                           str(prov, "build_type"))) +
           "</p>\n</header>\n<main>\n";
  summary(p, d);
  claims_section(p, d.value("claims", json::array()));
  rates_section(p, d.value("rate_studies", json::array()));
  spectra_section(p, d.value("spectra", json::array()));
  monte_carlo_section(p, d.value("monte_carlo", json::array()));
  benchmarks_section(p, d.value("benchmarks", json::array()));
  p.html += "<h2 id=\"provenance\">Provenance</h2>\n";
  p.key_values(prov);
  p.html += "<p>Files next to this page: <code>report.json</code> (the whole document), <code>claims.csv</code>, "
            "<code>report.md</code>.</p>\n</main>\n</body>\n</html>\n";
  return p.html;
}

}  // namespace ov::report
