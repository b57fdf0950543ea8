// The line-search suite (docs/conformance-line-search-fixed-point-stochastic.md): Armijo (and
// Wolfe) on every accepted step, termination at stationary points, bounded refusal where no
// step is acceptable, the lattice {delta0 beta^k} and maximality on it (000 §2.1 (7)-(8)).
#include <algorithm>
#include <cmath>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "analysis/numeric/scalars.hpp"
#include "analysis/problems/problem.hpp"
#include "analysis/problems/problem_objective.hpp"
#include "optim/core/oracle.hpp"
#include "proofs-checks/conformance/core_properties.hpp"
#include "proofs-checks/conformance/double_rounding.hpp"
#include "proofs-checks/conformance/property_text.hpp"
#include "proofs-checks/conformance/test_problems.hpp"

namespace ov::conformance {

namespace line_search_properties_detail {

// The source of every statement of the suite.
claims::Source armijo_source(const std::string& equation, const std::string& lines) {
  return {"000_47ba9189a2c8a171.txt", "2.1", equation, lines};
}

// An objective of the suite with an optional exact (mp50) re-evaluation for near-ties.
struct TestObjective {
  std::string name;
  std::unique_ptr<optim::Objective<double>> f;
  Vec start;
  // A bound on the rounding error of one double evaluation of f at x (absolute), used by the
  // slack; see rounding_bound().
  std::function<double(const Vec&)> rounding_bound;
  // f(x) in mp50 from the double coordinates of x (exact data of the objective).
  std::function<mp50(const Vec&)> exact_value;
};

// Quadratic: f = 1/2 e^T A e + f*, e = x - x*. A double evaluation errs by at most about
// (n + 3) eps sum_ij |e_i| |A_ij| |e_j| / 2 + eps |f*| (dot products of length n, Higham
// §3.1), and sum |e_i||A_ij||e_j| <= ||e||^2 || |A| ||_2 <= sqrt(n) L ||e||^2.
TestObjective quadratic_objective(const Case& c) {
  auto q = std::make_unique<QuadraticObjective>(make_quadratic(c, 100.0 * c.scale));
  TestObjective t;
  t.name = "quadratic(L = " + std::to_string(q->L()) + ", condition " + std::to_string(c.condition) + ")";
  t.start = start_point(c, q->minimizer(), 1.0, 11);
  const QuadraticObjective* qp = q.get();
  t.rounding_bound = [qp](const Vec& x) {
    const double n = static_cast<double>(x.size());
    const Vec e = x - qp->minimizer();
    return (n + 3) * kEps * (std::sqrt(n) * qp->L() * e.squaredNorm() / 2 + std::abs(qp->min_value()));
  };
  t.exact_value = [qp](const Vec& x) {
    const int n = static_cast<int>(x.size());
    std::vector<mp50> e(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) e[static_cast<std::size_t>(i)] = mp50(x[i]) - mp50(qp->minimizer()[i]);
    mp50 s = 0;
    for (int i = 0; i < n; ++i)
      for (int j = 0; j < n; ++j) s += e[static_cast<std::size_t>(i)] * mp50(qp->A()(i, j)) * e[static_cast<std::size_t>(j)];
    return s / 2 + mp50(qp->min_value());
  };
  t.f = std::move(q);
  return t;
}

// Rosenbrock (the library's problem, analysis/problems): f = (a - x)^2 + b (y - x^2)^2 is a
// sum of two nonnegative terms, each computed with a few roundings: the error is below
// 16 eps f (generous). Exact re-evaluation: Problem::value<mp50>.
TestObjective rosenbrock_objective(const Case& c) {
  auto p = std::make_unique<problems::ProblemObjective<double>>(problems::make_problem("rosenbrock"));
  TestObjective t;
  t.name = "rosenbrock (analysis/problems)";
  Vec center(2);
  center << -1.2, 1.0;
  t.start = start_point(c, center, 0.5, 12);
  const problems::ProblemObjective<double>* pp = p.get();
  t.rounding_bound = [pp](const Vec& x) { return 16 * kEps * std::abs(pp->value(x)); };
  t.exact_value = [pp](const Vec& x) {
    ::ov::Vec<mp50> xm(x.size());
    for (Eigen::Index i = 0; i < x.size(); ++i) xm[i] = mp50(x[i]);
    return pp->problem().value<mp50>(xm);
  };
  t.f = std::move(p);
  return t;
}

// One accepted (or refused) step of a trajectory.
struct StepRecord {
  Vec x0, x1, g;
  double f0 = 0, f1 = 0;
  optim::StepReport<double> report;
};

// Runs a fresh instance for `steps` steps from t.start; stops at the first step that is not
// `taken`. g and f are recomputed by the check (deterministic objective).
std::vector<StepRecord> run_trajectory(const Subject& s, const TestObjective& t, int steps) {
  auto opt = s.make();
  optim::Oracle<double> oracle(*t.f);
  Vec x = t.start;
  std::vector<StepRecord> out;
  for (int k = 0; k < steps; ++k) {
    StepRecord r;
    r.x0 = x;
    r.f0 = t.f->value(x);
    r.g = t.f->gradient(x);
    r.report = opt->step(oracle, x);
    r.x1 = x;
    r.f1 = t.f->value(x);
    const bool go_on = r.report.status == optim::StepStatus::taken;
    out.push_back(std::move(r));
    if (!go_on) break;
  }
  return out;
}

enum class Decision { holds, violated, undecided };

struct ArmijoCheck {
  Decision decision = Decision::undecided;
  Decision exact = Decision::undecided;  // the mp50 decision, when escalated
  double margin = 0;  // f(x+) - f(x) + alpha t ||g||^2 in double (<= 0: holds)
  double slack = 0;
  bool escalated = false;
  double exact_margin = 0;  // the mp50 margin (rounded to double), when escalated
};

// Armijo at step t from x0 along -g, the new point x1 given (the rule's own point, or the
// check's x0 - t g). Slack: the rounding of the two evaluations (rounding_bound), of
// alpha t ||g||^2 ((n + 3) eps relative), of the difference (eps), doubled. Inside the slack
// the three terms are recomputed in mp50 from the same double data; only an mp50 margin
// beyond 1e-40 (relative to the magnitudes) decides, else undecided-within-rounding.
ArmijoCheck armijo(const TestObjective& t, const Vec& x0, double f0, const Vec& g, double step, const Vec& x1,
                   double f1, double alpha) {
  ArmijoCheck a;
  const double n = static_cast<double>(g.size());
  const double decrease = alpha * step * g.squaredNorm();
  a.margin = f1 - f0 + decrease;
  a.slack = 2 * (t.rounding_bound(x0) + t.rounding_bound(x1) + (n + 3) * kEps * decrease +
                 kEps * (std::abs(f0) + std::abs(f1)));
  if (a.margin <= -a.slack) {
    a.decision = Decision::holds;
    return a;
  }
  if (a.margin > a.slack) {
    a.decision = Decision::violated;
    return a;
  }
  a.escalated = true;
  mp50 gg = 0;
  for (Eigen::Index i = 0; i < g.size(); ++i) gg += mp50(g[i]) * mp50(g[i]);
  const mp50 exact = t.exact_value(x1) - t.exact_value(x0) + mp50(alpha) * mp50(step) * gg;
  const double size = std::abs(f0) + std::abs(f1) + decrease;
  const double threshold = 1e-40 * (size > 0 ? size : 1.0);
  if (exact <= mp50(-threshold)) a.exact = Decision::holds;
  else if (exact > mp50(threshold)) a.exact = Decision::violated;
  else a.exact = Decision::undecided;
  a.exact_margin = static_cast<double>(exact);
  a.decision = a.exact;
  // A violation in exact arithmetic that double rounding could hide is not the rule's fault:
  // only a violation beyond the double slack is a counterexample.
  if (a.decision == Decision::violated) a.decision = Decision::undecided;
  return a;
}

// Test objectives of a case: the quadratic and Rosenbrock.
std::vector<TestObjective> objectives_of(const Case& c) {
  std::vector<TestObjective> v;
  v.push_back(quadratic_objective(c));
  v.push_back(rosenbrock_objective(c));
  return v;
}

constexpr int kSteps = 30;

Outcome armijo_every_step(const Subject& s, const Case& c) {
  if (!s.declared.line_search) return Outcome::skip("no line-search declaration");
  const LineSearchDeclaration& d = *s.declared.line_search;
  int accepted = 0, escalated = 0, undecided = 0, wolfe_checked = 0;
  int exact_holds = 0, exact_violated = 0, exact_tie = 0;
  double largest_exact_violation = 0;
  double worst_ratio = -std::numeric_limits<double>::infinity();  // margin / slack
  double worst_disp = 0;
  for (const TestObjective& t : objectives_of(c)) {
    for (const StepRecord& r : run_trajectory(s, t, kSteps)) {
      if (r.report.status != optim::StepStatus::taken) continue;
      if (!r.report.step_size) {
        return Outcome::fail("on " + t.name + " an accepted step reports no step_size (a declared line search must)");
      }
      const double step = *r.report.step_size;
      ++accepted;
      // Displacement x+ - x = -t g, coordinatewise: computing x_i - t g_i rounds twice
      // (<= 2 eps (|x_i| + t |g_i|)); the rule may evaluate g by another path of the same
      // objective (value_and_gradient), allowed 1e-10 relative: tolerance
      // 4 eps (|x_i| + t |g_i|) + 1e-10 t ||g||_inf.
      const double ginf = r.g.lpNorm<Eigen::Infinity>();
      for (Eigen::Index i = 0; i < r.g.size(); ++i) {
        const double dev = std::abs(r.x1[i] - r.x0[i] + step * r.g[i]);
        const double tol = 4 * kEps * (std::abs(r.x0[i]) + step * std::abs(r.g[i])) + 1e-10 * step * ginf;
        worst_disp = std::max(worst_disp, dev / (tol > 0 ? tol : 1.0));
        if (dev > tol) {
          return Outcome::fail("on " + t.name + " the accepted step t = " + str(step) + " moved coordinate " +
                                   std::to_string(i) + " by " + str(r.x1[i] - r.x0[i]) + " instead of -t g_i = " +
                                   str(-step * r.g[i]) + " (|deviation| " + str(dev) + " > tolerance " + str(tol) + ")",
                               {{"step", step}, {"deviation", dev}, {"tolerance", tol}});
        }
      }
      const ArmijoCheck a = armijo(t, r.x0, r.f0, r.g, step, r.x1, r.f1, d.armijo_alpha);
      if (a.escalated) {
        ++escalated;
        if (a.exact == Decision::holds) ++exact_holds;
        if (a.exact == Decision::violated) {
          ++exact_violated;
          largest_exact_violation = std::max(largest_exact_violation, a.exact_margin);
        }
        if (a.exact == Decision::undecided) ++exact_tie;
      }
      worst_ratio = std::max(worst_ratio, a.margin / a.slack);
      if (a.decision == Decision::violated) {
        return Outcome::fail("on " + t.name + " the accepted step t = " + str(step) + " violates Armijo: f(x+) - f(x) + alpha t ||g||^2 = " +
                                 str(a.margin) + " > slack " + str(a.slack) + " (alpha = " + str(d.armijo_alpha) + ", f(x) = " +
                                 str(r.f0) + ", f(x+) = " + str(r.f1) + ", ||g|| = " + str(r.g.norm()) + ")",
                             {{"step", step}, {"margin", a.margin}, {"slack", a.slack}, {"f0", r.f0}, {"f1", r.f1}});
      }
      if (a.decision == Decision::undecided) ++undecided;
      if (d.wolfe_c2) {
        // Curvature: g(x+)^T d >= c2 g^T d with d = -g, i.e. g(x+)^T g <= c2 ||g||^2. Slack:
        // the two dot products, (n + 3) eps (||g+|| ||g|| + c2 ||g||^2), doubled.
        ++wolfe_checked;
        const Vec g1 = t.f->gradient(r.x1);
        const double lhs = g1.dot(r.g), rhs = *d.wolfe_c2 * r.g.squaredNorm();
        const double n = static_cast<double>(r.g.size());
        const double slack = 2 * (n + 3) * kEps * (g1.norm() * r.g.norm() + rhs);
        if (lhs - rhs > slack) {
          return Outcome::fail("on " + t.name + " the accepted step t = " + str(step) + " violates the Wolfe curvature condition: g(x+)^T g = " +
                                   str(lhs) + " > c2 ||g||^2 = " + str(rhs) + " + slack " + str(slack),
                               {{"step", step}, {"lhs", lhs}, {"rhs", rhs}, {"slack", slack}});
        }
        if (lhs - rhs > -slack) ++undecided;
      }
    }
  }
  nlohmann::json fig = {{"accepted_steps", accepted},         {"escalated_to_mp50", escalated},
                        {"undecided_within_rounding", undecided}, {"worst_margin_over_slack", worst_ratio},
                        {"worst_displacement_over_tolerance", worst_disp}, {"wolfe_checked", wolfe_checked},
                        {"mp50_holds", exact_holds}, {"mp50_violated_within_double_slack", exact_violated},
                        {"mp50_ties", exact_tie}, {"largest_mp50_violation", largest_exact_violation}};
  if (accepted == 0) return Outcome::undecided("no step was accepted on the quadratic or on Rosenbrock: nothing to check", fig);
  const std::string summary = std::to_string(accepted) + " accepted steps (quadratic and Rosenbrock, " + std::to_string(kSteps) +
                              " steps each): no Armijo violation beyond the rounding slack (largest margin/slack " + str(worst_ratio) + "; " +
                              (escalated == 0 ? std::string("no near-tie within the slack")
                                              : std::to_string(escalated) + " near-ties within the slack recomputed in mp50: " +
                                                    std::to_string(exact_holds) + " hold exactly, " + std::to_string(exact_violated) +
                                                    " violated exactly by at most " + str(largest_exact_violation) +
                                                    " (less than double's rounding of the rule's own test), " + std::to_string(exact_tie) +
                                                    " exact ties") +
                              "), displacement -t g within tolerance (worst " +
                              str(worst_disp) + " of it)" + (wolfe_checked ? ", Wolfe curvature checked on " + std::to_string(wolfe_checked) : "");
  if (undecided > 0) {
    return Outcome::undecided(summary + ": " + std::to_string(undecided) +
                                  " step(s) undecided within rounding (double cannot decide them; not counterexamples)",
                              fig);
  }
  return Outcome::pass(summary, fig);
}

Outcome stationary_start(const Subject& s, const Case& c) {
  if (!s.declared.line_search) return Outcome::skip("no line-search declaration");
  const LineSearchDeclaration& d = *s.declared.line_search;
  const QuadraticObjective q = make_quadratic(c, 100.0 * c.scale);
  optim::Oracle<double> oracle(q);
  Vec x = q.minimizer();
  const Vec g = q.gradient(x);
  if (!g.isZero(0)) return Outcome::undecided("the quadratic's gradient at x* is not exactly 0 in double (||g|| = " + str(g.norm()) + ")");
  auto opt = s.make();
  const optim::StepReport<double> r = opt->step(oracle, x);
  const bool unchanged = (x.array() == q.minimizer().array()).all();
  nlohmann::json fig = {{"status", optim::to_string(r.status)}, {"trials", r.trials}, {"max_trials", d.max_trials},
                        {"value_evaluations", oracle.evaluations().values}, {"x_unchanged", unchanged}};
  const std::string what = "started at the exact minimizer (gradient exactly 0) of a " + std::to_string(q.dim()) +
                           "-dimensional quadratic: status '" + optim::to_string(r.status) + "', " + std::to_string(r.trials) +
                           " trials (declared max_trials " + std::to_string(d.max_trials) + "), " +
                           std::to_string(oracle.evaluations().values) + " value evaluations, x " +
                           (unchanged ? "bitwise unchanged" : "moved");
  const bool status_ok = r.status == optim::StepStatus::stationary || (r.status == optim::StepStatus::taken && unchanged);
  if (!status_ok) return Outcome::fail(what + " (expected 'stationary', or 'taken' with x unchanged)", fig);
  if (!unchanged) return Outcome::fail(what + " (x must not move at a stationary point)", fig);
  if (r.trials > d.max_trials || oracle.evaluations().values > d.max_trials + 1) {
    return Outcome::fail(what + " (more than max_trials trials)", fig);
  }
  return Outcome::pass(what, fig);
}

// No step is acceptable, even in double: the oracle returns the NEGATED gradient of a convex
// quadratic q (so -g is an ascent direction: q(x + t grad q) >= q(x) + t ||grad q||^2), and
// the value is q(y) + 1 at every y other than the start x0 (bitwise). Without the jump, steps
// so short that x0 + t grad q differs from x0 in a few last bits make q's rounding noise
// (~eps q) look like a decrease, and a correct search may accept them; with it, any y != x0
// costs +1 and y == x0 gives 0 > -alpha t ||g||^2.
class NoAcceptableStepObjective : public optim::Objective<double> {
 public:
  NoAcceptableStepObjective(const optim::Objective<double>& inner, Vec start) : inner_(&inner), start_(std::move(start)) {}
  int dim() const override { return inner_->dim(); }
  double value(const Vec& x) const override {
    const bool at_start = (x.array() == start_.array()).all();
    return inner_->value(x) + (at_start ? 0.0 : 1.0);
  }
  Vec gradient(const Vec& x) const override { return -inner_->gradient(x); }

 private:
  const optim::Objective<double>* inner_;
  Vec start_;
};

Outcome bounded_refusal(const Subject& s, const Case& c) {
  if (!s.declared.line_search) return Outcome::skip("no line-search declaration");
  const LineSearchDeclaration& d = *s.declared.line_search;
  const QuadraticObjective q = make_quadratic(c, 100.0 * c.scale);
  const Vec start = start_point(c, q.minimizer(), 1.0, 13);
  const NoAcceptableStepObjective f(q, start);
  optim::Oracle<double> oracle(f);
  Vec x = start;
  auto opt = s.make();
  const optim::StepReport<double> r = opt->step(oracle, x);
  const bool unchanged = (x.array() == start.array()).all();
  const auto values = oracle.evaluations().values;
  nlohmann::json fig = {{"status", optim::to_string(r.status)}, {"trials", r.trials}, {"max_trials", d.max_trials},
                        {"value_evaluations", values}, {"x_unchanged", unchanged}};
  const std::string what = "on a quadratic whose oracle returns the negated gradient and whose value jumps by +1 off the start (no step is acceptable): status '" +
                           std::string(optim::to_string(r.status)) + "', " + std::to_string(r.trials) + " trials, " +
                           std::to_string(values) + " value evaluations (bound: max_trials + 1 = " +
                           std::to_string(d.max_trials + 1) + "), x " + (unchanged ? "bitwise unchanged" : "moved");
  if (r.status != optim::StepStatus::refused_search_failed) return Outcome::fail(what + " (expected 'refused: search failed')", fig);
  if (!unchanged) return Outcome::fail(what + " (a refusal must leave x unchanged)", fig);
  if (r.trials > d.max_trials || values > d.max_trials + 1) return Outcome::fail(what + " (beyond the declared bound)", fig);
  return Outcome::pass(what, fig);
}

// Lattice: t = delta0 beta^k with integer k >= 0. k = round(ln(t/delta0)/ln beta); t is
// compared with delta0 * beta^k: a rule that multiplies by beta k times rounds at most k + 1
// times, so the relative tolerance is 4 (k + 2) eps.
Outcome lattice(const Subject& s, const Case& c) {
  if (!s.declared.line_search || !s.declared.line_search->delta0 || !s.declared.line_search->beta)
    return Outcome::skip("no lattice declared (delta0 and beta)");
  const double delta0 = *s.declared.line_search->delta0, beta = *s.declared.line_search->beta;
  int accepted = 0, kmax = 0;
  double worst = 0;
  for (const TestObjective& t : objectives_of(c)) {
    for (const StepRecord& r : run_trajectory(s, t, kSteps)) {
      if (r.report.status != optim::StepStatus::taken) continue;
      if (!r.report.step_size) return Outcome::fail("on " + t.name + " an accepted step reports no step_size");
      const double step = *r.report.step_size;
      ++accepted;
      const double kr = std::log(step / delta0) / std::log(beta);
      const long k = std::lround(kr);
      const double on = delta0 * std::pow(beta, static_cast<double>(k));
      const double rel = std::abs(step / on - 1);
      const double tol = 4 * (static_cast<double>(std::max(k, 0L)) + 2) * kEps;
      if (k < 0 || !(rel <= tol)) {
        return Outcome::fail("on " + t.name + " the accepted step t = " + str(step) + " is not on {delta0 beta^k, k >= 0} (delta0 = " +
                                 str(delta0) + ", beta = " + str(beta) + "): nearest k = " + std::to_string(k) +
                                 ", |t / (delta0 beta^k) - 1| = " + str(rel) + " (tolerance " + str(tol) + ")",
                             {{"step", step}, {"k", k}, {"relative_deviation", rel}, {"tolerance", tol}});
      }
      worst = std::max(worst, rel / tol);
      kmax = std::max(kmax, static_cast<int>(k));
    }
  }
  nlohmann::json fig = {{"accepted_steps", accepted}, {"largest_k", kmax}, {"worst_deviation_over_tolerance", worst}};
  if (accepted == 0) return Outcome::undecided("no step was accepted: nothing to check", fig);
  return Outcome::pass(std::to_string(accepted) + " accepted steps all on the lattice (k up to " + std::to_string(kmax) +
                           ", worst relative deviation " + str(worst) + " of the tolerance 4 (k + 2) eps)",
                       fig);
}

// Maximal: for each accepted t with t / beta <= delta0, the next lattice point t / beta
// violates Armijo (000 (8): delta is the LARGEST lattice step satisfying (7)). The check
// evaluates f at x - (t/beta) g (its own point) with the same slack as armijo(); a t/beta
// that satisfies Armijo beyond the slack is a counterexample, near-ties are escalated to
// mp50 and counted undecided when still tied.
Outcome maximal(const Subject& s, const Case& c) {
  if (!s.declared.line_search || !s.declared.line_search->maximal) return Outcome::skip("maximality not declared");
  const LineSearchDeclaration& d = *s.declared.line_search;
  if (!d.delta0 || !d.beta) return Outcome::skip("maximal declared without delta0 and beta");
  const double delta0 = *d.delta0, beta = *d.beta;
  int checked = 0, undecided = 0, escalated = 0;
  for (const TestObjective& t : objectives_of(c)) {
    for (const StepRecord& r : run_trajectory(s, t, kSteps)) {
      if (r.report.status != optim::StepStatus::taken || !r.report.step_size) continue;
      const double step = *r.report.step_size;
      const double up = step / beta;
      if (up > delta0 * (1 + 4 * kEps)) continue;  // t = delta0: maximal by definition
      ++checked;
      const Vec xu = r.x0 - up * r.g;
      const double fu = t.f->value(xu);
      ArmijoCheck a = armijo(t, r.x0, r.f0, r.g, up, xu, fu, d.armijo_alpha);
      if (a.escalated) ++escalated;
      if (!a.escalated && a.decision == Decision::holds) {
        return Outcome::fail("on " + t.name + " the accepted step t = " + str(step) + " is not maximal: t/beta = " + str(up) +
                                 " <= delta0 also satisfies Armijo (f(x - (t/beta) g) - f(x) + alpha (t/beta) ||g||^2 = " +
                                 str(a.margin) + " < -slack " + str(-a.slack) + ")",
                             {{"step", step}, {"next_step", up}, {"margin", a.margin}, {"slack", a.slack}});
      }
      // violated in double beyond the slack: maximal. Inside the slack: the mp50 margin
      // decided "violated" (armijo() reports it as undecided, see there) or tied.
      if (a.escalated && a.exact != Decision::violated) ++undecided;
    }
  }
  nlohmann::json fig = {{"checked_steps", checked}, {"escalated_to_mp50", escalated}, {"undecided_within_rounding", undecided}};
  if (checked == 0) return Outcome::undecided("every accepted step was delta0 itself: maximality not exercised", fig);
  const std::string summary = std::to_string(checked) + " accepted steps below delta0: t/beta violated Armijo beyond the slack on each";
  if (undecided > 0) return Outcome::undecided(summary + " except " + std::to_string(undecided) + " near-tie(s) within rounding", fig);
  return Outcome::pass(summary, fig);
}

}  // namespace line_search_properties_detail

std::vector<Property> line_search_properties() {
  namespace d = line_search_properties_detail;
  std::vector<Property> v;
  CaseRanges r;
  r.dim_min = 1;
  r.dim_max = 6;
  r.condition_max = 1e3;
  r.scale_min = 1e-2;
  r.scale_max = 1e2;
  {
    Property p;
    p.id = "conformance.line-search.armijo-every-step";
    p.suite = "line_search";
    p.title = "Armijo (and Wolfe, when declared) on every accepted step";
    p.source = d::armijo_source("(7), (8)", "L93-L99");
    p.statement = "Every accepted step moves x to x - t g (t = StepReport::step_size) and satisfies f(x - t g) <= f(x) - alpha t ||g||^2 "
                  "with the declared alpha; when wolfe_c2 is declared also g(x+)^T g <= c2 ||g||^2.";
    p.check = "30 steps on a seeded quadratic (L = 100 scale, the case's condition, start at distance 1 from x*) and 30 on "
              "the library's Rosenbrock (start (-1.2, 1) + 0.5 seeded). Displacement per coordinate within 4 eps (|x_i| + t|g_i|) "
              "+ 1e-10 t ||g||_inf (two roundings; the rule may evaluate g by another path). Armijo margin compared with a "
              "slack of twice the rounding bounds of the two evaluations (quadratic: (n + 3) eps (sqrt(n) L ||x - x*||^2 / 2 + |f*|), "
              "Rosenbrock: 16 eps f) plus (n + 3) eps alpha t ||g||^2; inside the slack the margin is recomputed in mp50 from the "
              "same double data (Problem::value<mp50> for Rosenbrock): holds there = passed, otherwise undecided within rounding, "
              "never failed.";
    p.ranges = r;
    p.run = d::armijo_every_step;
    v.push_back(p);
  }
  {
    Property p;
    p.id = "conformance.line-search.stationary-start";
    p.suite = "line_search";
    p.title = "Termination and status at a stationary point";
    p.source = {"000_47ba9189a2c8a171.txt", "3", "Lemma 3.1 (proof)", "L362"};
    p.statement = "Started exactly at a minimizer (gradient exactly 0), one step returns 'stationary', or 'taken' with x "
                  "bitwise unchanged, within the declared max_trials.";
    p.check = "x = x* of a seeded quadratic (A (x* - x*) = 0 exactly in double); one step of a fresh instance; status, x "
              "compared bitwise, trials <= max_trials and value evaluations <= max_trials + 1 (exact counts, no tolerance).";
    p.ranges = r;
    p.run = d::stationary_start;
    v.push_back(p);
  }
  {
    Property p;
    p.id = "conformance.line-search.bounded-refusal";
    p.suite = "line_search";
    p.title = "Bounded search and refusal where no step is acceptable";
    p.source = {"docs/conformance-line-search-fixed-point-stochastic.md", "", "", ""};
    p.statement = "[EXT] Where no step satisfies Armijo the search gives up within max_trials and refuses the step "
                  "(refused_search_failed) with x bitwise unchanged (000 §2.1's loop is unbounded, Lemma 3.1; the bound is "
                  "the declared engineering guarantee).";
    p.check = "The oracle returns the NEGATED gradient of a seeded convex quadratic q, so -g is an ascent direction "
              "(q(x + t grad q) >= q(x) + t ||grad q||^2), and the value is q + 1 off the start point (bitwise), so that no "
              "step is acceptable in double either (without the jump, steps at the rounding level of x make q's rounding noise "
              "look like a decrease). One step: status must be refused_search_failed, trials <= max_trials, value evaluations "
              "<= max_trials + 1, x bitwise unchanged (exact counts and comparisons, no tolerance).";
    p.ranges = r;
    p.run = d::bounded_refusal;
    v.push_back(p);
  }
  {
    Property p;
    p.id = "conformance.line-search.lattice";
    p.suite = "line_search";
    p.title = "Accepted steps on the lattice {delta0 beta^k}";
    p.source = d::armijo_source("(7)", "L93");
    p.statement = "Every accepted step is delta0 beta^k for an integer k >= 0 (declared delta0, beta).";
    p.check = "Trajectories as armijo-every-step; k = round(ln(t/delta0)/ln beta) must be >= 0 and |t/(delta0 beta^k) - 1| <= "
              "4 (k + 2) eps (k + 1 roundings of repeated multiplication and of pow).";
    p.ranges = r;
    p.run = d::lattice;
    v.push_back(p);
  }
  {
    Property p;
    p.id = "conformance.line-search.maximal";
    p.suite = "line_search";
    p.title = "Accepted step maximal on the lattice";
    p.source = d::armijo_source("(7), (8)", "L93-L99");
    p.statement = "Every accepted t < delta0 is the largest lattice step satisfying Armijo locally: t/beta violates it.";
    p.check = "Trajectories as armijo-every-step; for each accepted t with t/beta <= delta0 (1 + 4 eps), f(x - (t/beta) g) is "
              "evaluated and the Armijo margin must exceed -slack (slack as armijo-every-step); satisfied beyond the slack = "
              "counterexample; near-ties recomputed in mp50 and counted undecided when not clearly violated.";
    p.ranges = r;
    p.run = d::maximal;
    v.push_back(p);
  }
  return v;
}

}  // namespace ov::conformance
