#include "cli/landscape_command.hpp"

#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "analysis/problems/problem.hpp"
#include "analysis/report/provenance.hpp"
#include "cli/comma_list.hpp"
#include "cli/dataset_by_name.hpp"
#include "cli/number_text.hpp"
#include "nets/landscape/cost_index.hpp"
#include "nets/landscape/multistart.hpp"
#include "nets/landscape/network_landscape.hpp"

namespace ov::cli {

namespace {

struct LandscapeRequest {
  std::string problem;
  std::vector<std::string> params;
  std::string network, data, loss;
  int starts = 50;
  std::uint64_t seed = 1;
  std::string box;
  bool json = false;
};

std::pair<double, double> parse_box(const std::string& text) {
  const auto parts = split_top_level_commas(text);
  auto number = [&](const std::string& s) {
    const auto v = whole_double(s);
    if (!v) throw std::invalid_argument("--box \"" + text + "\": '" + s + "' is not a number");
    return *v;
  };
  if (parts.size() != 2) throw std::invalid_argument("--box \"" + text + "\": expected LO,HI");
  const double lo = number(parts[0]), hi = number(parts[1]);
  if (!(lo < hi)) throw std::invalid_argument("--box \"" + text + "\": LO must be below HI");
  return {lo, hi};
}

void run(const LandscapeRequest& q, CommandContext& ctx) {
  using namespace nets::landscape;
  if (q.starts < 1) throw std::invalid_argument("--starts " + std::to_string(q.starts) + ": must be >= 1");
  MultiStartOptions o;
  o.num_starts = q.starts;
  o.seed = q.seed;
  LandscapeReport r;
  if (!q.network.empty()) {
    if (q.data.empty()) throw std::invalid_argument("--network needs --data NAME");
    const nets::Architecture a = nets::parse_architecture(q.network, q.loss);
    const Landscape l = network_landscape(a, dataset_by_name(q.data));
    const auto [lo, hi] = parse_box(q.box.empty() ? "-3,3" : q.box);
    o.box_lo.assign(static_cast<std::size_t>(l.dim()), lo);
    o.box_hi.assign(static_cast<std::size_t>(l.dim()), hi);
    r = multistart(l, o);
  } else if (!q.problem.empty()) {
    problems::Params params;
    for (const auto& kv : q.params) {
      const auto eq = kv.find('=');
      if (eq == std::string::npos || eq == 0) throw std::invalid_argument("--param \"" + kv + "\": expected KEY=VALUE");
      params.set(kv.substr(0, eq), kv.substr(eq + 1));
    }
    const problems::Problem p = problems::make_problem(q.problem, params);
    if (!q.box.empty()) {
      const auto [lo, hi] = parse_box(q.box);
      o.box_lo.assign(static_cast<std::size_t>(p.dim()), lo);
      o.box_hi.assign(static_cast<std::size_t>(p.dim()), hi);
    }
    r = multistart(p, o);
  } else {
    throw std::invalid_argument("landscape: give --problem NAME, or --network SPEC with --data NAME");
  }
  const CostIndexStudy study = cost_against_index(r);
  if (q.json) {
    nlohmann::json j = to_json(r, &study);
    j["command"] = "landscape";
    j["provenance"] = report::to_json(report::provenance());
    ctx.out << j.dump(2) << "\n";
  } else {
    ctx.out << to_text(r, &study);
  }
}

}  // namespace

void add_landscape_command(CLI::App& app, CommandContext& ctx) {
  auto q = std::make_shared<LandscapeRequest>();
  auto* cmd = app.add_subcommand(
      "landscape", "Critical points by multi-start (mp100 Newton), their Hessian inertia, cost against index");
  auto* problem = cmd->add_option("--problem", q->problem, "Problem name (optverify problems list)");
  cmd->add_option("--param", q->params, "Problem parameter KEY=VALUE (repeatable)");
  auto* network = cmd->add_option("--network", q->network, "Or a network D0-W1[:ACT]-...-WL[:ACT] (docs/networks.md)");
  problem->excludes(network);
  cmd->add_option("--data", q->data, "The network's data set (docs/data.md)");
  cmd->add_option("--loss", q->loss, "The network's loss (default from the output activation)");
  cmd->add_option("--starts", q->starts, "Number of seeded starts")->capture_default_str();
  cmd->add_option("--seed", q->seed, "Seed of the starts")->capture_default_str();
  cmd->add_option("--box", q->box, "Sampling box LO,HI for every coordinate (networks: -3,3; problems: their box)");
  cmd->add_flag("--json", q->json, "One JSON document on stdout");
  cmd->callback([&ctx, q] { run(*q, ctx); });
}

}  // namespace ov::cli
