#include "analysis/stats/monte_carlo_json.hpp"

namespace ov::stats {

nlohmann::json to_json(const MonteCarloSummary& s) {
  nlohmann::json outcomes = nlohmann::json::array();
  nlohmann::json xs = nlohmann::json::array(), ys = nlohmann::json::array(), lo = nlohmann::json::array(),
                 hi = nlohmann::json::array(), labels = nlohmann::json::array();
  for (std::size_t i = 0; i < s.outcomes.size(); ++i) {
    const auto& o = s.outcomes[i];
    outcomes.push_back({{"label", o.label},
                        {"count", o.count},
                        {"proportion", o.proportion},
                        {"wilson", {o.wilson.lo, o.wilson.hi}},
                        {"clopper_pearson", {o.clopper_pearson.lo, o.clopper_pearson.hi}}});
    xs.push_back(i);
    ys.push_back(o.proportion);
    lo.push_back(o.clopper_pearson.lo);
    hi.push_back(o.clopper_pearson.hi);
    labels.push_back(o.label);
  }
  const std::string plot = s.name + ": outcome proportions (Clopper-Pearson " +
                           std::to_string(static_cast<int>(s.confidence * 100 + 0.5)) + "% intervals)";
  nlohmann::json series = nlohmann::json::array();
  series.push_back({{"name", "outcome proportions"},
                    {"kind", "proportion"},
                    {"plot", plot},
                    {"x", xs},
                    {"y", ys},
                    {"lo", lo},
                    {"hi", hi},
                    {"labels", labels},
                    {"role", "measured"},
                    {"x_label", "outcome"},
                    {"y_label", "proportion of runs"},
                    {"log_x", false},
                    {"log_y", false}});
  return {{"name", s.name},         {"problem", s.problem},      {"optimizer", s.optimizer},
          {"runs", s.runs},         {"seed", s.seed},            {"confidence", s.confidence},
          {"parameters", s.parameters}, {"outcomes", outcomes},  {"series", series},
          {"escape",
           {{"escaped", s.escape.escaped},
            {"mean_iterations", s.escape.escaped ? nlohmann::json(s.escape.mean_iterations) : nlohmann::json(nullptr)},
            {"min_iterations", s.escape.escaped ? nlohmann::json(s.escape.min_iterations) : nlohmann::json(nullptr)},
            {"max_iterations", s.escape.escaped ? nlohmann::json(s.escape.max_iterations) : nlohmann::json(nullptr)}}}};
}

}  // namespace ov::stats
