#include "proofs-checks/claims/backtracking_convergence/outcomes.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <cmath>
#include <deque>
#include <limits>
#include <map>

#include "analysis/numeric/elementary.hpp"
#include "analysis/numeric/exact_constant.hpp"
#include "analysis/numeric/string_io.hpp"
#include "analysis/problems/problem.hpp"
#include "analysis/problems/problem_objective.hpp"
#include "analysis/stats/binomial_interval.hpp"
#include "optim/core/oracle.hpp"
#include "optim/core/random.hpp"

namespace ov::claims::btconv {

const char* to_string(Outcome o) {
  switch (o) {
    case Outcome::converged: return "converged";
    case Outcome::diverged: return "diverged";
    case Outcome::other: return "other";
  }
  return "?";
}

nlohmann::json point_json(const DVec& x) {
  nlohmann::json a = nlohmann::json::array();
  for (Eigen::Index i = 0; i < x.size(); ++i) a.push_back(ov::to_string(x[i]));
  return a;
}

namespace {

double norm(const DVec& x) { return std::sqrt(x.squaredNorm()); }

bool all_finite(const DVec& x) {
  for (Eigen::Index i = 0; i < x.size(); ++i)
    if (!std::isfinite(x[i])) return false;
  return true;
}

double distance_to_points(const std::vector<std::vector<double>>& pts, const DVec& x) {
  double best = std::numeric_limits<double>::infinity();
  for (const auto& p : pts) {
    if (static_cast<Eigen::Index>(p.size()) != x.size()) continue;
    double s = 0;
    for (Eigen::Index i = 0; i < x.size(); ++i) s += (x[i] - p[i]) * (x[i] - p[i]);
    best = std::min(best, std::sqrt(s));
  }
  return best;
}

}  // namespace

Target library_target(const std::string& problem_name) {
  auto problem = std::make_shared<problems::Problem>(problems::make_problem(problem_name));
  Target t;
  t.name = problem_name;
  t.f = std::make_shared<problems::ProblemObjective<double>>(*problem);
  t.grad_norm_hi = [problem](const DVec& z) {
    const auto& e = problem->in<mp50>();
    Vec<mp50> x(z.size());
    for (Eigen::Index i = 0; i < z.size(); ++i) x[i] = mp50(z[i]);  // exact embedding of binary64
    const Vec<mp50> g = e.gradient(x);
    mp50 s(0);
    for (Eigen::Index i = 0; i < g.size(); ++i) s += g[i] * g[i];
    return static_cast<double>(num::sqrt(s));
  };
  const auto& info = problem->info();
  std::vector<double> values;
  for (const auto& cp : info.critical_points) {
    const DVec p = problem->point<double>(cp.x);
    t.critical_points.emplace_back(p.data(), p.data() + p.size());
    values.push_back(t.f->value(p));
  }
  // Problems whose critical set is only sampled in the list although the values are all known
  // (ring: {0, 1}) are fine; those with infinitely many unlisted critical values are not.
  if (problem_name != "cubic_oscillation" && problem_name != "mexican_hat") t.critical_values = values;
  t.nonsmooth = info.smoothness == problems::Smoothness::nonsmooth;
  t.box_lo = info.box_lo;
  t.box_hi = info.box_hi;
  return t;
}

DVec uniform_start(const Target& t, std::uint64_t& state) {
  optim::SplitMix64 rng(state);
  DVec x(t.f->dim());
  for (int i = 0; i < t.f->dim(); ++i) x[i] = t.box_lo.at(i) + (t.box_hi.at(i) - t.box_lo.at(i)) * rng.uniform();
  state = rng.next();
  return x;
}

RunResult classify_run(const Target& t, optim::Optimizer<double>& rule, const DVec& x0, const ClassifierOptions& o) {
  RunResult r;
  r.x0 = x0;
  optim::Oracle<double> oracle(*t.f);
  DVec x = x0;
  std::deque<DVec> recent{x};
  std::vector<double> norms{norm(x)}, steps;
  bool diverged = false, refused = false, fixed_point = false;
  int zero_steps = 0;
  for (int n = 0; n < o.max_steps; ++n) {
    r.grad_history.push_back(norm(t.f->gradient(x)));
    const DVec z = x;
    const auto rep = rule.step(oracle, x);
    if (rep.refused()) {
      const bool non_finite = rep.status == optim::StepStatus::refused_non_finite_value ||
                              rep.status == optim::StepStatus::refused_non_finite_gradient ||
                              rep.status == optim::StepStatus::refused_non_finite_update;
      if (non_finite) {
        diverged = true;
      } else {
        // A finite refusal (the bounded search found no Armijo step in double): x cannot move any more
        // in double. Near a critical point this is the floating-point end of a converging run (the
        // decrease alpha sigma ||g||^2 fell below the rounding of f); the classification below decides
        // with the mp50 gradient norm whether it ended at a critical point.
        refused = true;
        fixed_point = true;
        r.search_exhausted = true;
      }
      break;
    }
    ++r.steps;
    if (!all_finite(x)) {
      diverged = true;
      break;
    }
    const double step = norm(x - z);
    steps.push_back(step);
    recent.push_back(x);
    if (static_cast<int>(recent.size()) > o.tail + 1) recent.pop_front();
    norms.push_back(norm(x));
    if (norms.back() > o.divergence_norm) {
      diverged = true;
      break;
    }
    if (rep.status == optim::StepStatus::stationary) {
      fixed_point = true;
      break;
    }
    zero_steps = step == 0 ? zero_steps + 1 : 0;
    if (zero_steps >= 5) {  // x no longer changes in double
      fixed_point = true;
      break;
    }
    // Early stop once the convergence criterion is met with a margin (double): saves time.
    if (r.steps % o.tail == 0 && static_cast<int>(recent.size()) == o.tail + 1 &&
        norm(x - recent.front()) <= o.step_tol && norm(t.f->gradient(x)) <= o.grad_tol / 16)
      break;
  }
  r.x_final = x;
  r.f_final = t.f->value(x);
  r.last_step = steps.empty() ? 0 : steps.back();
  r.tail_move = fixed_point ? 0.0 : norm(x - recent.front());
  if (diverged || !all_finite(x) || !std::isfinite(r.f_final)) {
    r.outcome = Outcome::diverged;
    r.kind = "diverged";
    return r;
  }
  r.grad_norm_double = norm(t.f->gradient(x));
  r.grad_norm_hi = t.grad_norm_hi ? t.grad_norm_hi(x) : r.grad_norm_double;
  // Escaping: below every critical value and moving outward over the last half.
  if (t.critical_values && r.steps >= 2 * o.tail) {
    double min_cv = std::numeric_limits<double>::infinity();
    for (double v : *t.critical_values) min_cv = std::min(min_cv, v);
    const bool below = !std::isfinite(min_cv) || r.f_final < min_cv - 1e-9 * (1 + std::abs(min_cv));
    bool outward = norms.back() > norms[norms.size() / 2];
    for (std::size_t i = norms.size() / 2; i + 1 < norms.size() && outward; ++i) outward = norms[i + 1] >= norms[i];
    if (below && outward) {
      r.outcome = Outcome::diverged;
      r.kind = "escaping";
      return r;
    }
  }
  const double crit = t.nonsmooth ? distance_to_points(t.critical_points, x) : r.grad_norm_hi;
  // A double search resolves a decrease alpha sigma ||g||^2 only above ~eps |f|, so the gradient norm a
  // double run can reach grows like sqrt(|f|): the tolerance is relative to 1 + |f(z_N)| (distances
  // for nonsmooth targets are absolute).
  const double scale = t.nonsmooth ? 1.0 : 1.0 + std::abs(r.f_final);
  r.grad_tolerance = o.grad_tol * scale;
  const bool conv_hi = r.tail_move <= o.step_tol && crit <= r.grad_tolerance;
  const bool conv_double =
      r.tail_move <= o.step_tol && (t.nonsmooth ? crit : r.grad_norm_double) <= r.grad_tolerance;
  r.hi_changed_decision = conv_hi != conv_double;
  if (conv_hi) {
    r.outcome = Outcome::converged;
    r.kind = "converged";
    return r;
  }
  r.outcome = Outcome::other;
  if (refused) {
    r.kind = "refused";
    return r;
  }
  const int k = static_cast<int>(steps.size());
  if (k >= o.tail) {
    double min_tail_step = std::numeric_limits<double>::infinity();
    for (int i = k - o.tail; i < k; ++i) min_tail_step = std::min(min_tail_step, steps[i]);
    if (min_tail_step >= o.step_floor) {
      r.kind = "non-vanishing steps";
      return r;
    }
  }
  if (r.tail_move <= o.step_tol && crit >= o.stall_grad * scale) {
    r.kind = "stalled";
    return r;
  }
  r.kind = "unresolved";
  return r;
}

Finding check_outcomes(const OutcomeStudy& study, const RunContext& ctx) {
  Finding out;
  std::uint64_t state = ctx.seed * 0x9E3779B97F4A7C15ULL + 0x5851F42D4C957F2DULL;
  const auto allowed = [&](Outcome o) {
    return std::find(study.allowed.begin(), study.allowed.end(), o) != study.allowed.end();
  };
  struct Count {
    int converged = 0, diverged = 0, other = 0;
  };
  std::map<std::pair<std::string, std::string>, Count> counts;
  nlohmann::json counterexample = nullptr;
  int runs = 0, violations = 0, unresolved = 0, hi_changed = 0, escaping = 0, exhausted = 0, hi_decisions = 0;
  double max_grad_converged = 0, max_grad_ratio = 0, max_final_step_bounded = 0, ring_max_offset = 0;
  int ring_bounded = 0, ring_on_circle = 0, no_crit_diverged = 0, no_crit_runs = 0;
  std::string first_unresolved;
  for (const auto& rule : study.rules) {
    nlohmann::json grad_series = nlohmann::json::array();
    for (const auto& t : study.targets) {
      Count& c = counts[{rule.name, t.name}];
      for (int s = 0; s < study.starts; ++s) {
        const DVec x0 = uniform_start(t, state);
        const std::uint64_t rule_seed = state ^ 0xA5A5A5A5ULL;
        auto opt = rule.make(rule_seed);
        const RunResult r = classify_run(t, *opt, x0, study.options);
        ++runs;
        hi_changed += r.hi_changed_decision ? 1 : 0;
        hi_decisions += (!t.nonsmooth && t.grad_norm_hi && r.outcome != Outcome::diverged) ? 1 : 0;
        exhausted += r.outcome == Outcome::converged && r.search_exhausted ? 1 : 0;
        (r.outcome == Outcome::converged ? c.converged : r.outcome == Outcome::diverged ? c.diverged : c.other)++;
        if (r.kind == "escaping") ++escaping;
        if (r.outcome == Outcome::converged) {
          max_grad_converged = std::max(max_grad_converged, r.grad_norm_hi);
          max_grad_ratio = std::max(max_grad_ratio, r.grad_norm_hi / r.grad_tolerance);
        }
        if (r.outcome != Outcome::diverged) max_final_step_bounded = std::max(max_final_step_bounded, r.last_step);
        if (t.name == "ring" && r.outcome != Outcome::diverged) {
          ++ring_bounded;
          const double off = std::abs(std::sqrt(r.x_final.squaredNorm()) - 1.0);
          if (r.outcome == Outcome::converged && off <= 1e-6) ++ring_on_circle;
          ring_max_offset = std::max(ring_max_offset, off);
        }
        if (t.critical_values && t.critical_values->empty()) {
          ++no_crit_runs;
          if (r.outcome == Outcome::diverged) ++no_crit_diverged;
        }
        const bool is_unresolved = r.outcome == Outcome::other && r.kind == "unresolved";
        if (!allowed(r.outcome) && is_unresolved) {
          if (unresolved++ == 0)
            first_unresolved = fmt::format("{} on {}, start {}: {} steps, ||grad|| = {:.3g}, tail move {:.3g}",
                                           rule.name, t.name, point_json(x0).dump(), r.steps, r.grad_norm_hi,
                                           r.tail_move);
        } else if (!allowed(r.outcome)) {
          if (violations++ == 0) {
            counterexample = {{"rule", rule.name},         {"target", t.name},
                              {"start", point_json(x0)},   {"outcome", to_string(r.outcome)},
                              {"kind", r.kind},            {"steps", r.steps},
                              {"z_final", point_json(r.x_final)},
                              {"f_final", r.f_final},      {"grad_norm_mp50", r.grad_norm_hi},
                              {"tail_move", r.tail_move},  {"last_step", r.last_step},
                              {"rule_seed", std::to_string(rule_seed)},
                              {"seed", ctx.seed},          {"statement", study.statement_label}};
          }
        }
        if (s == 0 && !r.grad_history.empty()) {
          nlohmann::json xs = nlohmann::json::array(), ys = nlohmann::json::array();
          const std::size_t n = r.grad_history.size(), stride = std::max<std::size_t>(1, n / 300);
          for (std::size_t i = 0; i < n; i += stride) {
            if (!(r.grad_history[i] > 0) || !std::isfinite(r.grad_history[i])) continue;
            xs.push_back(i);
            ys.push_back(r.grad_history[i]);
          }
          if (!xs.empty())
            grad_series.push_back({{"name", t.name},
                                   {"plot", rule.name + ": ||grad f(z_n)|| (first start of each function)"},
                                   {"kind", "convergence"},
                                   {"role", "measured"},
                                   {"x", xs},
                                   {"y", ys},
                                   {"x_label", "n"},
                                   {"y_label", "||grad f(z_n)||"},
                                   {"log_y", true}});
        }
      }
    }
    // Outcome proportions per target, with Clopper-Pearson 95% intervals.
    for (const char* which : {"converged", "diverged", "other"}) {
      nlohmann::json xs = nlohmann::json::array(), ys = nlohmann::json::array(), lo = nlohmann::json::array(),
                     hi = nlohmann::json::array(), labels = nlohmann::json::array();
      int i = 0;
      for (const auto& t : study.targets) {
        const Count& c = counts[{rule.name, t.name}];
        const int k = std::string(which) == "converged" ? c.converged : std::string(which) == "diverged" ? c.diverged : c.other;
        const int n = c.converged + c.diverged + c.other;
        if (n == 0) continue;
        const auto ci = stats::clopper_pearson_interval(static_cast<std::uint64_t>(k), static_cast<std::uint64_t>(n));
        xs.push_back(i++);
        ys.push_back(static_cast<double>(k) / n);
        lo.push_back(std::min(ci.lo, static_cast<double>(k) / n));
        hi.push_back(std::max(ci.hi, static_cast<double>(k) / n));
        labels.push_back(t.name);
      }
      if (!xs.empty())
        out.evidence.series.push_back({{"name", which},
                                       {"plot", rule.name + ": outcome proportions per function (Clopper-Pearson 95%)"},
                                       {"kind", "proportion"},
                                       {"role", "measured"},
                                       {"x", xs},
                                       {"y", ys},
                                       {"lo", lo},
                                       {"hi", hi},
                                       {"labels", labels},
                                       {"x_label", "function"},
                                       {"y_label", "proportion of runs"}});
    }
    for (auto& s : grad_series) out.evidence.series.push_back(s);
  }
  auto& fig = out.evidence.figures;
  int conv = 0, div = 0, oth = 0;
  nlohmann::json table = nlohmann::json::object();
  for (const auto& [key, c] : counts) {
    conv += c.converged;
    div += c.diverged;
    oth += c.other;
    table[key.first + " / " + key.second] = fmt::format("{} converged, {} diverged, {} other", c.converged,
                                                        c.diverged, c.other);
  }
  fig["runs"] = runs;
  fig["converged"] = conv;
  fig["diverged"] = div;
  fig["other"] = oth;
  fig["diverged_by_escaping_criterion"] = escaping;
  fig["violations"] = violations;
  fig["unresolved"] = unresolved;
  fig["decisions_by_mp50_gradient_norm"] = hi_decisions;
  fig["mp50_changed_the_double_decision"] = hi_changed;
  fig["converged_runs_ended_by_an_exhausted_double_search"] = exhausted;
  fig["max_grad_norm_at_converged_limits_mp50"] = max_grad_converged;
  fig["max_grad_norm_over_tolerance_at_converged_limits"] = max_grad_ratio;
  fig["max_last_step_of_bounded_runs"] = max_final_step_bounded;
  if (ring_bounded > 0) {
    fig["ring_bounded_runs"] = ring_bounded;
    fig["ring_limits_on_unit_circle"] = ring_on_circle;
    fig["ring_max_final_offset_from_circle"] = ring_max_offset;
  }
  if (no_crit_runs > 0) {
    fig["no_critical_point_runs"] = no_crit_runs;
    fig["no_critical_point_runs_diverged"] = no_crit_diverged;
  }
  if (unresolved > 0) fig["first_unresolved"] = first_unresolved;
  out.parameters = {{"starts_per_function", study.starts},
                    {"max_steps", study.options.max_steps},
                    {"tail", study.options.tail},
                    {"grad_tol", study.options.grad_tol},
                    {"step_tol", study.options.step_tol},
                    {"step_floor", study.options.step_floor},
                    {"stall_grad", study.options.stall_grad},
                    {"divergence_norm", study.options.divergence_norm},
                    {"counts", table}};
  // The "converged" decision of every smooth target uses the mp50 gradient norm (policy, not a fallback):
  // the precision is mp50 whenever such a decision was made; the escalation says how often double alone
  // would have decided differently.
  out.precision = hi_decisions > 0 ? "mp50" : "double";
  if (hi_decisions > 0)
    out.escalations.push_back(
        {"mp50", fmt::format("{} final-iterate decisions used ||grad f(z_N)|| evaluated in mp50 at the binary64 "
                             "z_N (double cannot tell a small gradient from cancellation); in {} of them the double "
                             "value would have fallen on the other side of the tolerance",
                             hi_decisions, hi_changed)});
  if (violations > 0) {
    out.verdict = Verdict::refuted;
    out.evidence.counterexample = counterexample;
    out.evidence.summary = fmt::format(
        "'{}' FAILS: {} of {} runs violate it; first: {} on {}, outcome {} ({}) after {} steps", study.statement_label,
        violations, runs, counterexample["rule"].get<std::string>(), counterexample["target"].get<std::string>(),
        counterexample["outcome"].get<std::string>(), counterexample["kind"].get<std::string>(),
        counterexample["steps"].get<int>());
  } else if (unresolved > 0) {
    out.verdict = Verdict::inconclusive;
    out.evidence.summary = fmt::format("{} of {} runs unresolved within the budget (first: {})", unresolved, runs,
                                       first_unresolved);
  } else if (runs == 0) {
    out.verdict = Verdict::inconclusive;
    out.evidence.summary = "no run";
  } else {
    out.verdict = Verdict::holds;
    out.evidence.summary = fmt::format(
        "'{}' holds in all {} runs ({} converged, {} diverged, of which {} by the escaping criterion); max "
        "||grad f|| at a limit (mp50) {:.2g}; evidence from a finite sample, not a proof",
        study.statement_label, runs, conv, div, escaping, max_grad_converged);
  }
  return out;
}

}  // namespace ov::claims::btconv
