// The universal suite (docs/conformance-universal-descent.md): properties every optimizer in
// the generic form must have, whatever it declares. They are engineering properties ([EXT]:
// docs/conformance.md and the README's standards) and the contract of
// optim/core/optimizer.hpp ("on a refusal x and the rule's internal state are exactly as
// before the call") and optim/core/state_checkpoint.hpp.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <memory>
#include <string>
#include <vector>

#include "optim/core/oracle.hpp"
#include "optim/core/state_checkpoint.hpp"
#include "proofs-checks/conformance/core_properties.hpp"
#include "proofs-checks/conformance/fresh_optimizer.hpp"
#include "proofs-checks/conformance/property_text.hpp"
#include "proofs-checks/conformance/test_problems.hpp"

namespace ov::conformance {

namespace universal_properties_detail {

using Report = optim::StepReport<double>;

constexpr CaseStreams kStreams{0x9e3779b97f4a7c15ULL, 0x632be59bd9b4e019ULL};

// The largest Hessian eigenvalue at which the subject's declarations promise stable steps,
// halved for margin: descent step * L = stable/2 (GD: step L = 1); momentum step * L = 1
// (inside the heavy-ball stability region step L < 2 (1 + momentum)); otherwise L = 1
// (adaptive methods and undeclared ones).
double safe_L(const Subject& s) {
  const Declarations& d = s.declared;
  if (d.descent && d.descent->step > 0) return 0.5 * d.descent->stable_step_times_L / d.descent->step;
  if (d.momentum && d.momentum->step > 0) return 1.0 / d.momentum->step;
  if (d.stochastic && d.stochastic->step > 0) return 1.0 / d.stochastic->step;
  return 1.0;
}

bool bitwise_equal(const Vec& a, const Vec& b) {
  if (a.size() != b.size()) return false;
  return a.size() == 0 || std::memcmp(a.data(), b.data(), sizeof(double) * static_cast<std::size_t>(a.size())) == 0;
}
bool bitwise_equal(const std::optional<double>& a, const std::optional<double>& b) {
  if (a.has_value() != b.has_value()) return false;
  return !a || std::memcmp(&*a, &*b, sizeof(double)) == 0;
}
bool reports_equal(const Report& a, const Report& b) {
  return a.status == b.status && a.trials == b.trials && a.message == b.message &&
         bitwise_equal(a.step_size, b.step_size) && bitwise_equal(a.value, b.value) &&
         bitwise_equal(a.grad_norm, b.grad_norm);
}
bool all_finite(const Vec& x) { return x.allFinite(); }

// A run: the iterates x_0..x_n and the reports of steps 1..n.
struct Trajectory {
  std::vector<Vec> x;
  std::vector<Report> reports;
};
void continue_run(optim::Optimizer<double>& opt, optim::Oracle<double>& oracle, Trajectory& t, int steps) {
  Vec x = t.x.back();
  for (int k = 0; k < steps; ++k) {
    t.reports.push_back(opt.step(oracle, x));
    t.x.push_back(x);
  }
}
Trajectory starting_at(const Vec& x0) {
  Trajectory t;
  t.x.push_back(x0);
  return t;
}
Trajectory run(optim::Optimizer<double>& opt, const optim::Objective<double>& f, const Vec& x0, int steps) {
  optim::Oracle<double> oracle(f);
  Trajectory t = starting_at(x0);
  continue_run(opt, oracle, t, steps);
  return t;
}

// The first step (1-based) where two trajectories differ bitwise (iterate or report), or 0.
int first_difference(const Trajectory& a, const Trajectory& b) {
  const std::size_t n = std::min(a.reports.size(), b.reports.size());
  for (std::size_t k = 0; k < n; ++k) {
    if (!bitwise_equal(a.x[k + 1], b.x[k + 1]) || !reports_equal(a.reports[k], b.reports[k]))
      return static_cast<int>(k + 1);
  }
  return 0;
}
std::string describe_difference(const Trajectory& a, const Trajectory& b, int k) {
  const std::size_t i = static_cast<std::size_t>(k);
  const Vec& xa = a.x[i];
  const Vec& xb = b.x[i];
  std::string s = "first difference at step " + std::to_string(k);
  if (!bitwise_equal(xa, xb)) {
    for (Eigen::Index j = 0; j < xa.size(); ++j) {
      if (std::memcmp(&xa[j], &xb[j], sizeof(double)) != 0) {
        s += ": x[" + std::to_string(j) + "] = " + exact_str(xa[j]) + " vs " + exact_str(xb[j]) +
             " (|diff| = " + str(std::abs(xa[j] - xb[j])) + ")";
        break;
      }
    }
  } else {
    s += ": the step reports differ (" + std::string(optim::to_string(a.reports[i - 1].status)) + " vs " +
         optim::to_string(b.reports[i - 1].status) + ")";
  }
  return s;
}

claims::Source engineering_source(const std::string& section) {
  return {"docs/conformance.md", section, "", "README.md standards; optim/core/optimizer.hpp contract"};
}

// ---------------------------------------------------------------------------------------
Outcome finite_states(const Subject& s, const Case& c) {
  // L from 1/10 to 1000 times the safe one: stable and violently unstable problems, where a
  // diverging iteration must be refused (e.g. refused_non_finite_update) before overflow
  // reaches x. Start at distance scale * 10^u, u in [-2, 2].
  const double L = safe_L(s) * std::pow(10.0, kStreams.uniform(c, 1, -1, 3));
  const QuadraticObjective q = make_quadratic(c, L);
  const double radius = c.scale * std::pow(10.0, kStreams.uniform(c, 2, -2, 2));
  const Vec x0 = start_point(c, q.minimizer(), radius);
  auto opt = fresh_optimizer(s);
  optim::Oracle<double> oracle(q);
  Vec x = x0;
  const int steps = 300;
  int refusals = 0;
  double max_abs = x.cwiseAbs().maxCoeff();
  for (int k = 1; k <= steps; ++k) {
    const Report r = opt->step(oracle, x);
    if (r.refused()) ++refusals;
    if (!all_finite(x)) {
      return Outcome::fail("x is not finite after step " + std::to_string(k) + " (status " +
                               optim::to_string(r.status) + ") on a quadratic with L = " + str(L) +
                               " from a start at distance " + str(radius) + " (" + std::to_string(refusals) +
                               " refusals before)",
                           {{"step", k}, {"L", L}, {"radius", radius}, {"refusals", refusals}});
    }
    max_abs = std::max(max_abs, x.cwiseAbs().maxCoeff());
  }
  return Outcome::pass(std::to_string(steps) + " steps on a quadratic with L = " + str(L) + ", start distance " +
                           str(radius) + ": x finite after every step (" + std::to_string(refusals) +
                           " refusals, max |x_i| = " + str(max_abs) + ")",
                       {{"steps", steps}, {"L", L}, {"radius", radius}, {"refusals", refusals}, {"max_abs_x", max_abs}});
}

// ---------------------------------------------------------------------------------------
Outcome non_finite_refused(const Subject& s, const Case& c) {
  const QuadraticObjective q = make_quadratic(c, safe_L(s));
  const Vec x0 = start_point(c, q.minimizer(), c.scale);
  const int warmup = 3 + static_cast<int>(c.seed % 5);
  const int coordinate = static_cast<int>((c.seed / 7) % static_cast<std::uint64_t>(c.dim));
  const int after = 5;
  struct Variant {
    const char* name;
    double bad;
    int kind;  // 0: gradient only, 1: value and gradient, 2: value only
  };
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const double inf = std::numeric_limits<double>::infinity();
  const Variant variants[] = {{"gradient NaN", nan, 0},           {"gradient +inf", inf, 0},
                              {"value and gradient NaN", nan, 1}, {"value and gradient +inf", inf, 1},
                              {"value NaN", nan, 2},              {"value +inf", inf, 2}};
  nlohmann::json figs = {{"warmup", warmup}, {"coordinate", coordinate}, {"steps_after", after}};
  int value_only_unread = 0;
  for (const Variant& v : variants) {
    const std::string where = std::string(v.name) + (v.kind == 2 ? "" : " in coordinate " + std::to_string(coordinate)) +
                              " after " + std::to_string(warmup) + " warm-up steps";
    PoisonedObjective poisoned(q, v.bad, coordinate,
                               v.kind == 0   ? Poisoned::gradient
                               : v.kind == 1 ? Poisoned::value_and_gradient
                                             : Poisoned::value);
    const auto set_active = [&](bool on) { poisoned.set_active(on); };
    auto a = fresh_optimizer(s);
    auto twin = fresh_optimizer(s);
    optim::Oracle<double> oa(poisoned), ob(q);
    Trajectory ta = starting_at(x0), tb = starting_at(x0);
    continue_run(*a, oa, ta, warmup);
    continue_run(*twin, ob, tb, warmup);
    if (const int k = first_difference(ta, tb)) {
      return Outcome::fail("two fresh instances differ during the warm-up (not deterministic): " +
                               describe_difference(ta, tb, k),
                           figs);
    }
    set_active(true);
    Vec x = ta.x.back();
    const auto values_before = oa.evaluations().values + oa.evaluations().full_values;
    const Report r = a->step(oa, x);
    const bool value_read = oa.evaluations().values + oa.evaluations().full_values > values_before;
    if (v.kind == 2 && !value_read) {
      // The rule never asked for the value: a poisoned value cannot concern it.
      ++value_only_unread;
      figs[std::string(v.name)] = "value not evaluated by the rule";
      continue;
    }
    if (!r.refused()) {
      return Outcome::fail(where + ": the step was not refused (status " + optim::to_string(r.status) + ")", figs);
    }
    if (!bitwise_equal(x, ta.x.back())) {
      return Outcome::fail(where + ": the step was refused (" + optim::to_string(r.status) +
                               ") but x changed (x is finite: " + (all_finite(x) ? "yes" : "no") + ")",
                           figs);
    }
    set_active(false);
    continue_run(*a, oa, ta, after);
    continue_run(*twin, ob, tb, after);
    // The refused step was not recorded: both runs are warm-up + `after` steps from x0.
    if (const int k = first_difference(ta, tb)) {
      return Outcome::fail(where + ": refused with x unchanged, but the next " + std::to_string(after) +
                               " steps differ from a twin that never saw the poison (the internal state changed): " +
                               describe_difference(ta, tb, k),
                           figs);
    }
    figs[std::string(v.name)] = optim::to_string(r.status);
  }
  figs["value_only_variants_not_read"] = value_only_unread;
  return Outcome::pass("NaN and +inf in the gradient, in the value and gradient, and in the value alone, injected after " +
                           std::to_string(warmup) + " steps: each refused with x bitwise unchanged, and the next " +
                           std::to_string(after) + " steps bitwise equal to an unpoisoned twin's" +
                           (value_only_unread ? " (the value-only poison was never read by the rule: " +
                                                    std::to_string(value_only_unread) + " of 2 variants not applicable)"
                                              : std::string()),
                       figs);
}

// ---------------------------------------------------------------------------------------
Outcome deterministic(const Subject& s, const Case& c) {
  const QuadraticObjective q = make_quadratic(c, safe_L(s));
  const Vec x0 = start_point(c, q.minimizer(), c.scale);
  const int steps = 40;
  // Sequential, not interleaved: hidden state shared between instances (a static counter,
  // a global random generator) shows up as a difference.
  auto a = fresh_optimizer(s);
  const Trajectory ta = run(*a, q, x0, steps);
  auto b = fresh_optimizer(s);
  const Trajectory tb = run(*b, q, x0, steps);
  if (const int k = first_difference(ta, tb))
    return Outcome::fail("two fresh instances, same problem and start: " + describe_difference(ta, tb, k),
                         {{"steps", steps}, {"first_difference", k}});
  return Outcome::pass(std::to_string(steps) + " steps of two fresh instances: iterates and step reports bitwise equal",
                       {{"steps", steps}});
}

// ---------------------------------------------------------------------------------------
Outcome checkpoint_round_trip(const Subject& s, const Case& c) {
  auto a = fresh_optimizer(s);
  auto* ca = dynamic_cast<optim::StateCheckpoint*>(a.get());
  if (!ca)
    return Outcome::skip("the optimizer does not implement optim::StateCheckpoint: the round trip cannot be tested "
                         "(this is not a pass; implement save_state/load_state to be checkpointable)");
  const QuadraticObjective q = make_quadratic(c, safe_L(s));
  const Vec x0 = start_point(c, q.minimizer(), c.scale);
  const int k = 3 + static_cast<int>(c.seed % 10);
  const int more = 10;
  optim::Oracle<double> oa(q);
  Trajectory ta = starting_at(x0);
  continue_run(*a, oa, ta, k);
  const std::string saved = ca->save_state();
  auto b = fresh_optimizer(s);
  auto* cb = dynamic_cast<optim::StateCheckpoint*>(b.get());
  if (!cb) return Outcome::fail("the factory's instances do not all implement optim::StateCheckpoint");
  try {
    cb->load_state(saved);
  } catch (const std::exception& e) {
    return Outcome::fail("load_state of the state saved after " + std::to_string(k) +
                         " steps threw: " + e.what());
  }
  continue_run(*a, oa, ta, more);
  optim::Oracle<double> ob(q);
  Trajectory tb = starting_at(ta.x[static_cast<std::size_t>(k)]);
  continue_run(*b, ob, tb, more);
  Trajectory ta_tail;
  ta_tail.x.assign(ta.x.begin() + k, ta.x.end());
  ta_tail.reports.assign(ta.reports.begin() + k, ta.reports.end());
  nlohmann::json figs = {{"saved_after", k}, {"continued", more}, {"state_chars", saved.size()}};
  if (const int d = first_difference(ta_tail, tb))
    return Outcome::fail("saved after " + std::to_string(k) + " steps, loaded into a fresh instance: " +
                             describe_difference(ta_tail, tb, d) + " of the continuation",
                         figs);
  return Outcome::pass("saved after " + std::to_string(k) + " steps (" + std::to_string(saved.size()) +
                           " characters), loaded into a fresh instance: the next " + std::to_string(more) +
                           " steps bitwise equal to the uninterrupted run",
                       figs);
}

// ---------------------------------------------------------------------------------------
Outcome reset_forgets(const Subject& s, const Case& c) {
  const double L = safe_L(s);
  const QuadraticObjective q1 = make_quadratic(c, L);
  Case c2 = c;
  c2.seed = c.seed ^ 0x5bd1e995u;
  const QuadraticObjective q2 = make_quadratic(c2, L);
  const Vec x0 = start_point(c, q1.minimizer(), c.scale);
  const Vec x1 = start_point(c2, q2.minimizer(), c.scale, 1);
  const int before = 5 + static_cast<int>(c.seed % 20);
  const int after = 20;
  auto a = fresh_optimizer(s);
  run(*a, q1, x0, before);
  a->reset();
  const Trajectory ta = run(*a, q2, x1, after);
  auto b = fresh_optimizer(s);
  const Trajectory tb = run(*b, q2, x1, after);
  nlohmann::json figs = {{"steps_before_reset", before}, {"steps_after", after}};
  if (const int k = first_difference(ta, tb))
    return Outcome::fail(std::to_string(before) + " steps, reset(), then a new problem and start: " +
                             describe_difference(ta, tb, k) + " from a fresh instance's run",
                         figs);
  return Outcome::pass(std::to_string(before) + " steps, reset(), then " + std::to_string(after) +
                           " steps on a new problem: bitwise equal to a fresh instance's run",
                       figs);
}

// ---------------------------------------------------------------------------------------
// Tolerance: PermutedObjective's gradient at P x is P grad f(x) bitwise (it evaluates the
// inner gradient at exactly x), so coordinate-wise rules give bitwise equal iterates. Rules
// with reductions (norms, dot products: line searches, global second moments) sum in another
// order: each reduction of n <= 8 terms differs by at most ~n u ~ 1e-15 relative, and a
// stable iteration (safe L) does not amplify such differences beyond their accumulation
// over the steps; we allow 1e-12 relative per step (a factor ~1000 of margin):
//   |y_k - P x_k|_inf <= 1e-12 * k * max(|x_k|_inf, |x*|_inf, 1e-300).
// When the first excess comes with a different line-search decision (trials or step size
// reported differently) at that step, a rounding-level difference flipped a near-tie
// accept/reject decision: double cannot decide, the outcome is undecided.
Outcome permutation_equivariant(const Subject& s, const Case& c) {
  const QuadraticObjective q = make_quadratic(c, safe_L(s));
  const std::vector<int> perm = random_permutation(c.seed, c.dim);
  const PermutedObjective p(q, perm);
  const Vec x0 = start_point(c, q.minimizer(), c.scale);
  const int steps = 40;
  auto a = fresh_optimizer(s);
  const Trajectory ta = run(*a, q, x0, steps);
  auto b = fresh_optimizer(s);
  const Trajectory tb = run(*b, p, p.permute(x0), steps);
  const double ref = q.minimizer().cwiseAbs().maxCoeff();
  // |y_k - P x_k|_inf and its tolerance after step k.
  const auto difference = [&](int k) {
    const auto i = static_cast<std::size_t>(k);
    return (p.permute(ta.x[i]) - tb.x[i]).cwiseAbs().maxCoeff();
  };
  const auto tolerance = [&](int k) {
    return 1e-12 * k * std::max({ta.x[static_cast<std::size_t>(k)].cwiseAbs().maxCoeff(), ref, 1e-300});
  };
  double worst_ratio = 0;
  int bitwise_steps = 0;
  for (int k = 1; k <= steps; ++k) {
    const auto i = static_cast<std::size_t>(k);
    if (bitwise_equal(p.permute(ta.x[i]), tb.x[i])) {
      ++bitwise_steps;
      continue;
    }
    const double diff = difference(k);
    const double tol = tolerance(k);
    const double ratio = diff / tol;
    if (!(ratio <= 1)) {
      const Report& ra = ta.reports[i - 1];
      const Report& rb = tb.reports[i - 1];
      nlohmann::json figs = {{"step", k}, {"diff", diff}, {"tolerance", tol}, {"permutation", perm}};
      if (ra.trials != rb.trials || !bitwise_equal(ra.step_size, rb.step_size)) {
        const double prev = k > 1 ? difference(k - 1) : 0.0;
        if (prev <= tolerance(k - 1))
          return Outcome::undecided("step " + std::to_string(k) + ": |y - P x|_inf = " + str(diff) + " > " + str(tol) +
                                        ", but the two runs took different step decisions there (trials " +
                                        std::to_string(ra.trials) + " vs " + std::to_string(rb.trials) +
                                        ") after agreeing to rounding: a near-tie that double cannot decide",
                                    figs);
      }
      return Outcome::fail("the permuted problem from the permuted start: at step " + std::to_string(k) +
                               " |y_k - P x_k|_inf = " + str(diff) + " exceeds the tolerance " + str(tol) +
                               " (1e-12 relative per step)",
                           figs);
    }
    worst_ratio = std::max(worst_ratio, ratio);
  }
  return Outcome::pass(std::to_string(steps) + " steps: permuted iterates equal the iterates of the permuted problem (" +
                           std::to_string(bitwise_steps) + " steps bitwise, worst difference " + str(worst_ratio) +
                           " of the tolerance 1e-12 k max|x|)",
                       {{"steps", steps}, {"bitwise_steps", bitwise_steps}, {"worst_ratio", worst_ratio}});
}

// ---------------------------------------------------------------------------------------
// Heap in use (glibc's count of allocated bytes) after `warmup` steps and after `total`:
// the difference must stay below `bound` bytes. Per-step scratch that is freed, or resized
// once, does not count; a leak of even the smallest allocation per step (>= 16 bytes of
// payload) over 1950 steps is >= 31200 bytes, far above the bound of 4096 bytes, which only
// leaves room for lazily sized buffers of a few vectors (dim 8).
Outcome no_allocation_growth(const Subject& s, const Case& c) {
  Case k = c;
  k.dim = 8;
  const QuadraticObjective q = make_quadratic(k, safe_L(s));
  Vec x = start_point(k, q.minimizer(), k.scale);
  const int warmup = 50, total = 2000;
  const std::ptrdiff_t bound = 4096;
  auto opt = fresh_optimizer(s);
  optim::Oracle<double> oracle(q);
  int refusals = 0;
  for (int i = 0; i < warmup; ++i) refusals += opt->step(oracle, x).refused() ? 1 : 0;
  const std::size_t h0 = heap_bytes_in_use();
  for (int i = warmup; i < total; ++i) refusals += opt->step(oracle, x).refused() ? 1 : 0;
  const std::size_t h1 = heap_bytes_in_use();
  const std::ptrdiff_t growth = static_cast<std::ptrdiff_t>(h1) - static_cast<std::ptrdiff_t>(h0);
  const double per_step = static_cast<double>(growth) / (total - warmup);
  nlohmann::json figs = {{"warmup", warmup},      {"steps", total},          {"growth_bytes", growth},
                         {"bytes_per_step", per_step}, {"bound_bytes", bound}, {"refusals", refusals}};
  const std::string what = "heap in use after " + std::to_string(total) + " steps minus after " +
                           std::to_string(warmup) + ": " + std::to_string(growth) + " bytes (" + str(per_step) +
                           " per step; bound " + std::to_string(bound) + " bytes)";
  if (growth > bound) return Outcome::fail(what, figs);
  return Outcome::pass(what, figs);
}

}  // namespace universal_properties_detail

std::vector<Property> universal_properties() {
  std::vector<Property> out;
  CaseRanges r;
  r.dim_min = 1;
  r.dim_max = 8;
  r.condition_max = 1e3;

  Property p;
  p.suite = "universal";
  p.ranges = r;

  p.id = "conformance.universal.finite-states";
  p.title = "Finite inputs never produce a non-finite state";
  p.source = universal_properties_detail::engineering_source("universal: finite states");
  p.statement = "[EXT] From a finite start on a finite problem, x is finite after every step; a step that would "
                "overflow is refused (StepReport::refused()) instead.";
  p.check = "300 steps on a seeded quadratic whose largest eigenvalue is 1/10 to 1000 times the declared stable one "
            "(so diverging runs are included), from a start at distance scale * 10^[-2, 2] from the minimizer; "
            "fails at the first step after which some x_i is NaN or infinite. Exact test: no tolerance.";
  p.run = universal_properties_detail::finite_states;
  out.push_back(p);

  p.id = "conformance.universal.non-finite-refused";
  p.title = "A non-finite gradient or value is refused and changes nothing";
  p.source = universal_properties_detail::engineering_source("universal: non-finite input");
  p.statement = "[EXT] A step that sees a NaN or +inf gradient (or value) is refused with x bitwise unchanged and the "
                "internal state unchanged (optim/core/optimizer.hpp: on a refusal x and the state are exactly as "
                "before the call).";
  p.check = "After 3-7 warm-up steps on a seeded quadratic (stable L), one step on the same problem with NaN, then "
            "+inf, in one gradient coordinate, in the value and that coordinate, and in the value alone (the value-only "
            "variant applies only when the rule evaluates f during the step, counted by the oracle): the step must be "
            "refused with x bitwise unchanged; then 5 unpoisoned steps must be bitwise equal (iterates and reports) "
            "to those of a twin that never saw the poison, which proves the state unchanged. Exact (bitwise).";
  p.run = universal_properties_detail::non_finite_refused;
  out.push_back(p);

  p.id = "conformance.universal.deterministic";
  p.title = "Two fresh instances give bitwise the same run";
  p.source = universal_properties_detail::engineering_source("universal: determinism");
  p.statement = "[EXT] Two fresh instances from the factory, on the same problem from the same start, produce bitwise "
                "the same iterates and step reports.";
  p.check = "40 steps of one instance, then 40 of another (sequentially, so that hidden shared state shows), on a "
            "seeded quadratic; iterates and reports (status, step size, trials, value, gradient norm, message) are "
            "compared bitwise. Exact.";
  p.run = universal_properties_detail::deterministic;
  out.push_back(p);

  p.id = "conformance.universal.checkpoint-round-trip";
  p.title = "Checkpoint round trip continues the run bitwise";
  p.source = {"optim/core/state_checkpoint.hpp", "StateCheckpoint", "", "docs/conformance.md universal suite"};
  p.statement = "[EXT] If the optimizer implements optim::StateCheckpoint: saving its state after k steps and loading "
                "it into a fresh instance gives bitwise the same continuation as the uninterrupted run.";
  p.check = "k = 3..12 steps on a seeded quadratic, save_state(), load_state() into a fresh instance, then 10 steps "
            "of both: iterates and reports compared bitwise. Not applicable (never a pass) when the optimizer does not "
            "implement optim::StateCheckpoint.";
  p.run = universal_properties_detail::checkpoint_round_trip;
  out.push_back(p);

  p.id = "conformance.universal.reset-forgets";
  p.title = "reset() forgets the state";
  p.source = universal_properties_detail::engineering_source("universal: reset");
  p.statement = "[EXT] After reset(), the run on a new problem from a new start is bitwise the run of a fresh instance "
                "(optim/core/optimizer.hpp: reset forgets momentum, previous step, iteration counter).";
  p.check = "5..24 steps on one seeded quadratic, reset(), 20 steps on another from another start, compared bitwise "
            "with a fresh instance's 20 steps. Exact.";
  p.run = universal_properties_detail::reset_forgets;
  out.push_back(p);

  p.id = "conformance.universal.permutation-equivariant";
  p.title = "Equivariance to a permutation of the coordinates";
  p.source = universal_properties_detail::engineering_source("universal: parameter split");
  p.statement = "[EXT] The optimizer treats coordinates alike: on the problem with permuted coordinates, from the "
                "permuted start, its iterates are the permuted iterates (the generic form's invariance to how the "
                "parameters are split into tensors or groups).";
  p.check = "40 steps on a seeded quadratic and on its coordinate permutation (seeded). Tolerance |y_k - P x_k|_inf <= "
            "1e-12 k max(|x_k|_inf, |x*|_inf): the permuted gradient is exact, so coordinate-wise rules agree "
            "bitwise; reductions summed in another order differ by ~n u ~ 1e-15 per step, and 1e-12 per step is a "
            "margin of ~1000. An excess that comes with different line-search decisions right after agreement is a "
            "near-tie double cannot decide: undecided.";
  p.ranges.dim_min = 2;
  p.run = universal_properties_detail::permutation_equivariant;
  out.push_back(p);
  p.ranges = r;

  p.id = "conformance.universal.no-allocation-growth";
  p.title = "No heap growth over many steps";
  p.source = universal_properties_detail::engineering_source("universal: allocation");
  p.statement = "[EXT] Memory in use does not grow with the number of steps (no leak, no unbounded history).";
  p.check = "A quadratic of dimension 8: heap bytes in use (glibc mallinfo2) after 2000 steps minus after 50 must be "
            "<= 4096 bytes; a leak of the smallest allocation per step would be >= 31200 bytes. Deterministic (one "
            "case); bytes per step reported.";
  p.randomized = false;
  p.run = universal_properties_detail::no_allocation_growth;
  out.push_back(p);
  return out;
}

}  // namespace ov::conformance
