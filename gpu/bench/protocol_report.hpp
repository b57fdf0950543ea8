// Report-schema entries (docs/report-schema.md) made by the protocols: a qualitative check as
// a ClaimResult, a curve as a Series. Shared by every protocol runner.
#pragma once

#include <cmath>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace ov::gpu::bench {

// A qualitative claim of a document, checked on a protocol's measurements. to_claim_json gives
// its ClaimResult; a refuted one carries its counterexample (measurements, parameters, seed).
struct QualitativeCheck {
  std::string id;          // stable, e.g. "bench.mbt.table1.finder-independent-of-start"
  std::string title;       // one line
  nlohmann::json source;   // {"file": "000_47ba9189a2c8a171.txt", "section": "4.4", "lines": "L588-L609"}
  std::string hypotheses;  // the setting that was run (scale, stand-in data set, seeds, epochs)
  std::string statement;   // what the document claims
  std::string check;       // how the measurements decide it (with the threshold and why)
  std::string verdict;     // holds | refuted | inconclusive (never holds-certified: these are measurements)
  std::string summary;     // the deciding numbers in one line
  nlohmann::json figures = nlohmann::json::object();  // the deciding numbers by name
  nlohmann::json series = nlohmann::json::array();    // curves (make_series)
  nlohmann::json parameters = nlohmann::json::object();
  std::optional<std::uint64_t> seed;
  double seconds = 0;
};

inline nlohmann::json to_claim_json(const QualitativeCheck& c) {
  nlohmann::json j = {{"id", c.id},
                      {"title", c.title},
                      {"source", c.source},
                      {"hypotheses", c.hypotheses},
                      {"statement", c.statement},
                      {"check", c.check},
                      {"verdict", c.verdict},
                      {"precision", "float32"},
                      {"parameters", c.parameters},
                      {"time_s", c.seconds},
                      {"evidence", {{"summary", c.summary}, {"figures", c.figures}, {"series", c.series},
                                    {"counterexample", nullptr}}}};
  if (c.seed) j["seed"] = *c.seed;
  if (c.verdict == "refuted") {
    // The schema requires what reproduces a refutation: here the deciding measurements, the
    // parameters and the seed (callers may add the protocol file and scale).
    nlohmann::json counterexample = {{"measurements", c.figures}, {"parameters", c.parameters}};
    if (c.seed) counterexample["seed"] = *c.seed;
    j["evidence"]["counterexample"] = counterexample;
  }
  return j;
}

// One curve of a plot (kind "convergence": x against y). Non-finite points are dropped (the
// schema refuses them, and so are points <= 0 on a logarithmic y axis). When no point is left
// the result is null: do not add it.
inline nlohmann::json make_series(const std::string& name, const std::string& plot, const std::vector<double>& x,
                                  const std::vector<double>& y, const std::string& x_label,
                                  const std::string& y_label, bool log_y = false,
                                  const std::string& role = "measured") {
  nlohmann::json xs = nlohmann::json::array(), ys = nlohmann::json::array();
  for (std::size_t i = 0; i < x.size() && i < y.size(); ++i) {
    if (std::isfinite(x[i]) && std::isfinite(y[i]) && (!log_y || y[i] > 0)) {
      xs.push_back(x[i]);
      ys.push_back(y[i]);
    }
  }
  if (xs.empty()) return nlohmann::json();
  return {{"name", name}, {"plot", plot}, {"kind", "convergence"}, {"role", role}, {"x", xs}, {"y", ys},
          {"x_label", x_label}, {"y_label", y_label}, {"log_y", log_y}};
}

}  // namespace ov::gpu::bench
