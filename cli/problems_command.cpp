#include "cli/problems_command.hpp"

#include <fmt/core.h>

#include <chrono>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "analysis/numeric/scalars.hpp"
#include "analysis/problems/problem.hpp"
#include "analysis/problems/verification.hpp"
#include "analysis/report/provenance.hpp"
#include "cli/comma_list.hpp"
#include "cli/scalar_dispatch.hpp"

namespace ov::cli {

namespace {

using problems::CheckStatus;
using problems::Params;
using problems::Problem;
using problems::ProblemInfo;
using nlohmann::json;

Params parse_params(const std::vector<std::string>& kv) {
  Params p;
  for (const auto& s : kv) {
    auto eq = s.find('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == s.size()) {
      throw std::invalid_argument("--param \"" + s + "\": expected KEY=VALUE, e.g. --param gamma=1/2");
    }
    p.set(s.substr(0, eq), s.substr(eq + 1));
  }
  return p;
}

std::vector<std::string> split_point(const std::string& s, int dim) {
  const std::vector<std::string> coords = split_top_level_commas(s);
  for (const auto& c : coords) {
    if (c.find_first_not_of(" \t") == std::string::npos) {
      throw std::invalid_argument("--at \"" + s + "\": empty coordinate; expected " + std::to_string(dim) +
                                  " comma-separated numbers or constant expressions (e.g. 1/3, sqrt(2))");
    }
  }
  if (static_cast<int>(coords.size()) != dim) {
    throw std::invalid_argument("--at \"" + s + "\": " + std::to_string(coords.size()) +
                                " coordinate(s) given, the problem has dimension " + std::to_string(dim));
  }
  return coords;
}

std::string join(const std::vector<std::string>& v, const char* sep = ", ") {
  std::string out;
  for (const auto& x : v) out += (out.empty() ? "" : sep) + x;
  return out;
}

json info_json(const ProblemInfo& i) {
  json cps = json::array();
  for (const auto& c : i.critical_points) {
    cps.push_back({{"x", c.x}, {"kind", problems::to_string(c.kind)}, {"exact", c.exact}, {"note", c.note}});
  }
  json params = json::object();
  for (const auto& [k, v] : i.params.values()) params[k] = v;
  json j = {{"name", i.name},
            {"title", i.title},
            {"formula", i.formula},
            {"dim", i.dim},
            {"domain", i.domain},
            {"critical_points", cps},
            {"critical_points_note", i.critical_points_note},
            {"f_star", i.f_star ? json(*i.f_star) : json(nullptr)},
            {"lipschitz", i.lipschitz ? json(*i.lipschitz) : json(nullptr)},
            {"mu", i.mu ? json(*i.mu) : json(nullptr)},
            {"smoothness", problems::to_string(i.smoothness)},
            {"nonsmooth_set", i.nonsmooth_set},
            {"citation", i.citation},
            {"box_lo", i.box_lo},
            {"box_hi", i.box_hi},
            {"params", params},
            {"rational_exact", i.rational_exact},
            {"analytic_gradient", i.analytic_gradient},
            {"analytic_hessian", i.analytic_hessian},
            {"finite_sum", i.finite_sum},
            {"num_samples", i.num_samples}};
  if (i.local_lipschitz) {
    j["local_lipschitz"] = {{"value", i.local_lipschitz->value},
                            {"center", i.local_lipschitz->center},
                            {"radius", i.local_lipschitz->radius}};
  } else {
    j["local_lipschitz"] = nullptr;
  }
  return j;
}

json envelope(const std::string& command) {
  return {{"command", command}, {"provenance", report::to_json(report::provenance())}};
}

// ---------------------------------------------------------------- list
void run_list(CommandContext& ctx, bool as_json) {
  const auto& reg = problems::Registry::instance();
  if (as_json) {
    json j = envelope("problems list");
    j["problems"] = json::array();
    for (const auto& name : reg.names()) j["problems"].push_back(info_json(problems::make_problem(name).info()));
    ctx.out << j.dump(2) << "\n";
    return;
  }
  ctx.out << fmt::format("{:<22} {:>4}  {:<10} {:>5}  {:<10} {}\n", "NAME", "DIM", "SMOOTHNESS", "CRIT", "L",
                         "TITLE");
  for (const auto& name : reg.names()) {
    const Problem p = problems::make_problem(name);
    const auto& i = p.info();
    ctx.out << fmt::format("{:<22} {:>4}  {:<10} {:>5}  {:<10} {}\n", i.name, i.dim,
                           problems::to_string(i.smoothness), i.critical_points.size(),
                           i.lipschitz ? *i.lipschitz : (i.local_lipschitz ? "local" : "-"), i.title);
  }
  ctx.out << reg.names().size() << " problems. `optverify problems show NAME` for details.\n";
}

// ---------------------------------------------------------------- show
template <class T>
json evaluate_at(const Problem& p, const std::vector<std::string>& coords) {
  const auto& e = p.in<T>();
  Vec<T> x = p.point<T>(coords);
  json j;
  j["precision"] = std::string(scalar_name<T>());
  j["x"] = scalars_to_strings(x);
  j["value"] = scalar_to_string(e.value(x));
  j["gradient"] = scalars_to_strings(e.gradient(x));
  Mat<T> h = e.hessian(x);
  json rows = json::array();
  for (Eigen::Index r = 0; r < h.rows(); ++r) rows.push_back(scalars_to_strings(Vec<T>(h.row(r).transpose())));
  j["hessian"] = rows;
  return j;
}

void run_show(CommandContext& ctx, const std::string& name, const Params& params, const std::string& at,
              const std::string& precision, bool as_json) {
  Problem p = problems::make_problem(name, params);
  json j = envelope("problems show");
  j["problem"] = info_json(p.info());
  if (!at.empty()) {
    auto coords = split_point(at, p.dim());
    j["evaluation"] = dispatch_scalar(precision, [&](auto tag) {
      using T = typename decltype(tag)::type;
      return evaluate_at<T>(p, coords);
    });
  }
  if (as_json) {
    ctx.out << j.dump(2) << "\n";
    return;
  }
  const auto& i = p.info();
  ctx.out << i.title << " (" << i.name << ")\n";
  ctx.out << "  formula     " << i.formula << "\n";
  ctx.out << "  dimension   " << i.dim << " on " << i.domain << "\n";
  ctx.out << "  smoothness  " << problems::to_string(i.smoothness)
          << (i.nonsmooth_set.empty() ? "" : " (not differentiable enough at " + i.nonsmooth_set + ")") << "\n";
  if (!i.params.values().empty()) {
    std::vector<std::string> kv;
    for (const auto& [k, v] : i.params.values()) kv.push_back(k + "=" + v);
    ctx.out << "  parameters  " << join(kv) << "\n";
  }
  ctx.out << "  f*          " << (i.f_star ? *i.f_star : "unknown or none") << "\n";
  ctx.out << "  L (grad f)  "
          << (i.lipschitz ? *i.lipschitz
                          : i.local_lipschitz ? i.local_lipschitz->value + " on the ball of radius " +
                                                    i.local_lipschitz->radius + " around (" +
                                                    join(i.local_lipschitz->center) + ")"
                                              : "none (no global Lipschitz gradient)")
          << "\n";
  if (i.mu) ctx.out << "  mu          " << *i.mu << "\n";
  ctx.out << "  critical points" << (i.critical_points_note.empty() ? "" : " (" + i.critical_points_note + ")")
          << ":\n";
  for (const auto& c : i.critical_points) {
    ctx.out << "    (" << join(c.x) << ")  " << problems::to_string(c.kind) << (c.exact ? "" : ", approximate")
            << (c.note.empty() ? "" : "  -- " + c.note) << "\n";
  }
  if (i.critical_points.empty()) ctx.out << "    none known\n";
  if (i.finite_sum) ctx.out << "  finite sum  " << i.num_samples << " samples (mean convention)\n";
  ctx.out << "  exact in rational arithmetic: " << (i.rational_exact ? "yes" : "no") << "\n";
  ctx.out << "  source      " << i.citation << "\n";
  if (j.contains("evaluation")) {
    const auto& e = j["evaluation"];
    ctx.out << "  at x = (" << join(e["x"].get<std::vector<std::string>>()) << ") in "
            << e["precision"].get<std::string>() << ":\n";
    ctx.out << "    f(x)      " << e["value"].get<std::string>() << "\n";
    ctx.out << "    grad f(x) (" << join(e["gradient"].get<std::vector<std::string>>()) << ")\n";
    ctx.out << "    Hessian   ";
    bool first = true;
    for (const auto& row : e["hessian"]) {
      ctx.out << (first ? "" : "\n              ") << "[" << join(row.get<std::vector<std::string>>()) << "]";
      first = false;
    }
    ctx.out << "\n";
  }
}

// ---------------------------------------------------------------- check
json report_json(const problems::ProblemCheckReport& r) {
  json items = json::array();
  for (const auto& it : r.items) {
    items.push_back({{"check", it.name},
                     {"status", problems::to_string(it.status)},
                     {"detail", it.detail},
                     {"measured", std::isfinite(it.measured) ? json(it.measured) : json(nullptr)},
                     {"tolerance", std::isfinite(it.tolerance) ? json(it.tolerance) : json(nullptr)}});
  }
  return {{"problem", r.problem}, {"passed", r.passed()}, {"seconds", r.seconds}, {"checks", items}};
}

void run_check(CommandContext& ctx, std::vector<std::string> names, bool all, const Params& params,
               const problems::CheckOptions& opts, bool verbose, bool as_json) {
  const auto& reg = problems::Registry::instance();
  if (all && !names.empty()) throw std::invalid_argument("give problem NAMEs or --all, not both");
  if (!all && names.empty()) throw std::invalid_argument("give at least one problem NAME, or --all");
  if (all) names = reg.names();
  if (!params.values().empty() && names.size() != 1) {
    throw std::invalid_argument("--param applies to a single problem; give exactly one NAME");
  }
  for (const auto& n : names) reg.get(n);  // unknown names fail before any work
  if (names.size() == 1) verbose = true;

  json j = envelope("problems check");
  j["options"] = {{"samples", opts.samples}, {"seed", opts.seed}, {"reference_precision", "mp100"}};
  j["results"] = json::array();
  int failed = 0, checks = 0, check_failures = 0, skipped = 0;
  const auto start = std::chrono::steady_clock::now();
  if (!as_json) {
    ctx.out << fmt::format("{:<22} {:>6} {:>6} {:>7} {:>8}  {}\n", "PROBLEM", "PASS", "FAIL", "SKIP", "TIME",
                           "VERDICT");
  }
  for (const auto& n : names) {
    Problem p = problems::make_problem(n, names.size() == 1 ? params : Params{});
    auto r = problems::verify_problem(p, opts);
    int np = 0, nf = 0, ns = 0;
    for (const auto& it : r.items) {
      (it.status == CheckStatus::pass ? np : it.status == CheckStatus::fail ? nf : ns)++;
    }
    checks += np + nf + ns;
    check_failures += nf;
    skipped += ns;
    if (!r.passed()) ++failed;
    j["results"].push_back(report_json(r));
    if (as_json) continue;
    ctx.out << fmt::format("{:<22} {:>6} {:>6} {:>7} {:>7.2f}s  {}\n", n, np, nf, ns, r.seconds,
                           r.passed() ? "ok" : "FAILED");
    if (verbose || !r.passed()) {
      for (const auto& it : r.items) {
        if (!verbose && it.status != CheckStatus::fail) continue;
        ctx.out << fmt::format("    {:<8} {:<34} {}\n", problems::to_string(it.status), it.name, it.detail);
      }
    }
  }
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  j["summary"] = {{"problems", names.size()},   {"problems_failed", failed}, {"checks", checks},
                  {"checks_failed", check_failures}, {"checks_skipped", skipped}, {"seconds", secs}};
  if (as_json) {
    ctx.out << j.dump(2) << "\n";
  } else {
    ctx.out << fmt::format("{} problem(s), {} check(s): {} failed, {} skipped; {} problem(s) failed ({:.1f} s)\n",
                           names.size(), checks, check_failures, skipped, failed, secs);
  }
  if (failed > 0) ctx.exit_code = kCheckFailed;
}

}  // namespace

void add_problems_command(CLI::App& app, CommandContext& ctx) {
  auto* problems_cmd = app.add_subcommand("problems", "The test-problem library: list, show, check");
  problems_cmd->require_subcommand(1);

  struct Options {
    bool json = false;
    std::string name;
    std::vector<std::string> names;
    std::vector<std::string> params;
    std::string at;
    std::string precision = "double";
    bool all = false;
    bool verbose = false;
    problems::CheckOptions check;
  };
  auto o = std::make_shared<Options>();

  auto* list = problems_cmd->add_subcommand("list", "List every problem with its dimension and constants");
  list->add_flag("--json", o->json, "Write one JSON document to stdout");
  list->callback([&ctx, o] { run_list(ctx, o->json); });

  auto* show = problems_cmd->add_subcommand("show", "Show one problem's metadata; evaluate it at a point");
  show->add_option("NAME", o->name, "Problem name (see `problems list`)")->required();
  show->add_option("--param", o->params, "Override a parameter: KEY=VALUE (repeatable)");
  show->add_option("--at", o->at, "Evaluate f, grad f and the Hessian at x1,x2,... (numbers or expressions)");
  show->add_option("--precision", o->precision, "Scalar for --at")
      ->check(CLI::IsMember({"float", "double", "float128", "mp50", "mp100", "interval", "rational"}))
      ->default_str("double");
  show->add_flag("--json", o->json, "Write one JSON document to stdout");
  show->callback([&ctx, o] { run_show(ctx, o->name, parse_params(o->params), o->at, o->precision, o->json); });

  auto* check = problems_cmd->add_subcommand(
      "check", "Verify problems: derivatives against autodiff and mp100 finite differences, critical points, "
               "Lipschitz constants, f*, agreement across precisions");
  check->add_option("NAME", o->names, "Problem names");
  check->add_flag("--all", o->all, "Check every registered problem");
  check->add_option("--param", o->params, "Override a parameter of the single problem: KEY=VALUE");
  check->add_option("--samples", o->check.samples, "Random points per problem (>= 1)")
      ->check(CLI::Range(1, 100000))
      ->default_str("8");
  check->add_option("--seed", o->check.seed, "Seed of the sample points")->default_str("1");
  check->add_flag("--verbose,-v", o->verbose, "Print every check, not only failures");
  check->add_flag("--json", o->json, "Write one JSON document to stdout");
  check->callback([&ctx, o] {
    run_check(ctx, o->names, o->all, parse_params(o->params), o->check, o->verbose, o->json);
  });
}

}  // namespace ov::cli
