#include "analysis/stats/problem_experiment.hpp"

namespace ov::stats {

std::pair<std::vector<std::string>, std::string> default_centre(const problems::ProblemInfo& info) {
  for (const auto& c : info.critical_points) {
    if (c.kind == problems::PointKind::strict_saddle || c.kind == problems::PointKind::degenerate_saddle) {
      std::string coords;
      for (const auto& s : c.x) coords += (coords.empty() ? "" : ", ") + s;
      return {c.x, std::string(problems::to_string(c.kind)) + " (" + coords + ") of the problem"};
    }
  }
  return {std::vector<std::string>(static_cast<std::size_t>(info.dim), "0"), "origin (the problem lists no saddle)"};
}

}  // namespace ov::stats
