#include "analysis/report/report_markdown.hpp"

#include <fmt/core.h>

#include <map>

#include "analysis/report/report_schema.hpp"
#include "analysis/report/text_escaping.hpp"

namespace ov::report {

namespace {

using nlohmann::json;

std::string str(const json& o, const char* key) {
  return o.contains(key) && o[key].is_string() ? o[key].get<std::string>() : "";
}
std::string cell(const json& o, const char* key) {
  return o.contains(key) ? markdown_cell(display_value(o[key])) : "—";
}
std::string interval_text(const json& v) {
  if (v.is_array() && v.size() == 2) return "[" + display_value(v[0]) + ", " + display_value(v[1]) + "]";
  return "—";
}

}  // namespace

std::string report_markdown(const nlohmann::json& d) {
  std::string md = "# OptVerify verification report\n\n";
  const json prov = d.value("provenance", json::object());
  md += fmt::format("Schema `{}`; generated {} on {}; OptVerify {} (git {}{}), {} build.\n\n",
                    markdown_cell(str(d, "schema")), markdown_cell(str(prov, "time_utc")),
                    markdown_cell(str(prov, "host")), markdown_cell(str(prov, "optverify_version")),
                    markdown_cell(str(prov, "git_commit")), prov.value("git_dirty", false) ? ", dirty" : "",
                    markdown_cell(str(prov, "build_type")));

  const json claims = d.value("claims", json::array());
  std::map<std::string, int> counts;
  for (const auto& c : claims) counts[str(c, "verdict")]++;
  md += "## Verdicts\n\n| verdict | claims |\n| --- | ---: |\n";
  for (const auto& v : verdict_values()) md += fmt::format("| {} | {} |\n", v, counts[v]);
  md += fmt::format("| **total** | **{}** |\n\n", claims.size());

  if (!claims.empty()) {
    md += "## Claims\n\n| id | title | verdict | precision | time (s) | source |\n| --- | --- | --- | --- | ---: | --- |\n";
    for (const auto& c : claims) {
      const bool erratum = c.contains("erratum") && c["erratum"].is_boolean() && c["erratum"].get<bool>();
      md += "| " + markdown_cell(str(c, "id")) + " | " + markdown_cell(str(c, "title")) + " | **" +
            markdown_cell(str(c, "verdict")) + "**" + (erratum ? " (erratum)" : "") + " | " + markdown_cell(str(c, "precision")) + " | " +
            cell(c, "time_s") + " | " + markdown_cell(citation_text(c.value("source", json()))) + " |\n";
    }
    md += "\n";
    for (const auto& c : claims) {
      const json ev = c.value("evidence", json::object());
      md += "### " + markdown_cell(str(c, "id")) + "\n\n";
      md += "- **statement**: " + markdown_cell(str(c, "statement")) + "\n";
      if (!str(c, "hypotheses").empty()) md += "- **hypotheses**: " + markdown_cell(str(c, "hypotheses")) + "\n";
      md += "- **check**: " + markdown_cell(str(c, "check")) + "\n";
      md += "- **verdict**: " + markdown_cell(str(c, "verdict")) + " in " + markdown_cell(str(c, "precision")) + "\n";
      if (c.contains("escalations") && c["escalations"].is_array()) {
        for (const auto& e : c["escalations"]) {
          md += "- escalated to " + markdown_cell(str(e, "precision")) + ": " + markdown_cell(str(e, "reason")) + "\n";
        }
      }
      if (!str(ev, "summary").empty()) md += "- **evidence**: " + markdown_cell(str(ev, "summary")) + "\n";
      if (ev.contains("figures") && ev["figures"].is_object()) {
        for (auto it = ev["figures"].begin(); it != ev["figures"].end(); ++it) {
          md += "  - " + markdown_cell(it.key()) + " = " + markdown_cell(display_value(it.value())) + "\n";
        }
      }
      if (ev.contains("counterexample") && !ev["counterexample"].is_null()) {
        md += "- **counterexample**: `" + markdown_cell(ev["counterexample"].dump()) + "`\n";
      }
      md += "\n";
    }
  }

  const json rates = d.value("rate_studies", json::array());
  if (!rates.empty()) {
    md += "## Rate studies\n\n| name | problem | optimizer | precision | order | CI | window | bound respected pointwise | max err/bound |\n"
          "| --- | --- | --- | --- | ---: | --- | --- | --- | ---: |\n";
    for (const auto& r : rates) {
      const json o = r.value("order", json());
      const json b = r.value("bound_check", json());
      md += "| " + markdown_cell(str(r, "name")) + " | " + markdown_cell(str(r, "problem")) + " | " +
            markdown_cell(str(r, "optimizer")) + " | " + markdown_cell(str(r, "precision")) + " | " +
            (o.is_object() ? cell(o, "estimate") : "—") + " | " +
            (o.is_object() ? interval_text(o.value("ci", json())) : "—") + " | " +
            (o.is_object() ? interval_text(o.value("window", json())) : "—") + " | " +
            (b.is_object() ? cell(b, "pointwise") : "—") + " | " + (b.is_object() ? cell(b, "max_ratio") : "—") +
            " |\n";
    }
    md += "\n";
  }

  const json spectra = d.value("spectra", json::array());
  if (!spectra.empty()) {
    md += "## Spectra\n\n";
    for (const auto& s : spectra) {
      md += "### " + markdown_cell(str(s, "name")) + " (" + markdown_cell(str(s, "method")) + ", " +
            (s.value("certified", false) ? "certified" : "not certified") + ")\n\n";
      md += "| re | im | modulus |\n| ---: | ---: | ---: |\n";
      for (const auto& e : s.value("eigenvalues", json::array())) {
        md += "| " + cell(e, "re") + " | " + cell(e, "im") + " | " + cell(e, "modulus") + " |\n";
      }
      md += "\n";
    }
  }

  const json mcs = d.value("monte_carlo", json::array());
  if (!mcs.empty()) {
    md += "## Monte-Carlo\n\n";
    for (const auto& m : mcs) {
      md += "### " + markdown_cell(str(m, "name")) + "\n\n" + markdown_cell(str(m, "optimizer")) + " on " +
            markdown_cell(str(m, "problem")) + ", " + cell(m, "runs") + " runs, seed " + cell(m, "seed") + ".\n\n";
      md += "| outcome | count | proportion | Wilson | Clopper-Pearson |\n| --- | ---: | ---: | --- | --- |\n";
      for (const auto& o : m.value("outcomes", json::array())) {
        md += "| " + markdown_cell(str(o, "label")) + " | " + cell(o, "count") + " | " + cell(o, "proportion") +
              " | " + interval_text(o.value("wilson", json())) + " | " +
              interval_text(o.value("clopper_pearson", json())) + " |\n";
      }
      md += "\n";
    }
  }

  const json benches = d.value("benchmarks", json::array());
  if (!benches.empty()) {
    md += "## Benchmarks\n\n";
    for (const auto& b : benches) {
      md += "- **" + markdown_cell(str(b, "name")) + "**";
      for (auto it = b.begin(); it != b.end(); ++it) {
        if (it.key() == "name" || it.key() == "series" || it.value().is_structured()) continue;
        md += "; " + markdown_cell(it.key()) + " = " + markdown_cell(display_value(it.value()));
      }
      md += "\n";
    }
    md += "\n";
  }
  md += "Plots are in `index.html`; the full data is in `report.json`.\n";
  return md;
}

}  // namespace ov::report
