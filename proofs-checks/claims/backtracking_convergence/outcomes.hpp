// Shared helpers of the backtracking_convergence claims (000_47ba9189a2c8a171.txt Theorems 2.1, 2.7,
// 2.11, Examples 2.8-2.9, Remark 2.4): an outcome classifier for one run of an update rule, and the
// generic "every run ends diverged or converged to a critical point" check built on it.
//
// Classification of a run z_0, ..., z_N (N <= max_steps; the run stops early when the rule reports
// a zero gradient, when x no longer changes in double, or when ||z_n|| > divergence_norm), in order:
//  1. diverged   ||z_n|| > divergence_norm (1e6) or a non-finite iterate/value; or "escaping": the
//                target's critical values are all known (complete list), f(z_N) is below every one of
//                them, and ||z_n|| increased over the last half of the run. Since every rule here is a
//                descent method, a cluster point z* would have f(z*) <= f(z_N) < every critical value,
//                while cluster points are critical (C3, Bertsekas Prop. 1.2.1): so no cluster point,
//                ||z_n|| -> infinity (000 L119). This is how e^t (no critical point) is classified.
//  2. converged  to a critical point: the tail movement ||z_N - z_{N-K}|| <= step_tol (K = tail) and
//                ||grad f(z_N)|| <= grad_tol (1 + |f(z_N)|) (a double search resolves decreases only above
//                ~eps |f|), the gradient norm evaluated at the binary64 z_N in mp50
//                (double cannot tell a small gradient from cancellation, e.g. 4(r^2 - 1) on the ring);
//                for a nonsmooth target (|x|): distance to the nearest known (Clarke) critical point
//                <= grad_tol instead of the gradient norm.
//  3. other      anything else, with a sub-kind:
//                 - "non-vanishing steps": bounded over the tail and every step of the tail longer than
//                   step_floor (e.g. an exact period-2 cycle): contradicts part 1 (steps -> 0) -> refutes;
//                 - "stalled away from the critical set": tail movement <= step_tol while
//                   ||grad f(z_N)|| (mp50) >= stall_grad (1 + |f(z_N)|): contradicts part 2 -> refutes;
//                 - "refused": the rule refused a step with finite data (the bounded search found no
//                   Armijo step in double) at a point that is NOT critical by the mp50 test -> refutes
//                   (Lemma 3.1: the search terminates away from critical points). At a point passing
//                   the test it is the floating-point end of a converged run (the decrease
//                   alpha sigma ||g||^2 fell below the rounding of f): counted as converged, and the
//                   number of such runs is reported;
//                 - "unresolved": still moving slowly at the end of the budget -> inconclusive.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "optim/core/objective.hpp"
#include "optim/core/optimizer.hpp"
#include "proofs-checks/claim.hpp"

namespace ov::claims::btconv {

using DVec = optim::Vector<double>;

// A rule under test; `seed` seeds any random choice the rule makes (e.g. inexact directions).
using RuleFactory = std::function<std::unique_ptr<optim::Optimizer<double>>(std::uint64_t seed)>;
struct NamedRule {
  std::string name;
  RuleFactory make;
};

enum class Outcome { converged, diverged, other };
const char* to_string(Outcome o);

struct ClassifierOptions {
  int max_steps = 4000;
  int tail = 50;                   // K
  double grad_tol = 1e-6;          // ||grad f(z_N)|| (mp50) for "converged"
  double step_tol = 1e-8;          // ||z_N - z_{N-K}|| for "converged"
  double step_floor = 1e-6;        // every tail step longer: "non-vanishing steps"
  double stall_grad = 1e-3;        // ||grad f|| (mp50) still above this while stalled: "stalled"
  double divergence_norm = 1e6;
};

// A function the classifier runs on.
struct Target {
  std::string name;
  std::shared_ptr<const optim::Objective<double>> f;
  // ||grad f(z)|| at the binary64 point z, evaluated in mp50 (the higher-precision confirmation).
  std::function<double(const DVec&)> grad_norm_hi;
  // The complete list of critical values when known (empty list: no critical point at all, e^t);
  // nullopt: not known (then "escaping" is never used).
  std::optional<std::vector<double>> critical_values;
  std::vector<std::vector<double>> critical_points;  // known ones (nonsmooth targets, reports)
  bool nonsmooth = false;
  std::vector<double> box_lo, box_hi;  // where starts are drawn
};

// A problem of the library (analysis/problems): double evaluator, mp50 gradient norm, its listed
// critical points; the critical values are "complete" unless the problem's note says otherwise
// (ring: values {0, 1} are complete although only sample points of the circle are listed).
Target library_target(const std::string& problem_name);

struct RunResult {
  Outcome outcome = Outcome::other;
  std::string kind;  // "converged", "diverged", "escaping", "non-vanishing steps", "stalled", "refused", "unresolved"
  DVec x0, x_final;
  int steps = 0;
  double f_final = 0, grad_norm_double = 0, grad_norm_hi = 0, tail_move = 0, last_step = 0;
  bool hi_changed_decision = false;  // mp50 and double disagree on grad <= grad_tol
  double grad_tolerance = 0;         // grad_tol (1 + |f(z_N)|) (smooth targets), grad_tol (nonsmooth)
  bool search_exhausted = false;     // the run ended with a finite refusal (no Armijo step found in double)
  std::vector<double> grad_history;  // ||grad f(z_n)|| (double) per step
  bool refutes() const { return outcome == Outcome::other && kind != "unresolved"; }
};

RunResult classify_run(const Target& t, optim::Optimizer<double>& rule, const DVec& x0, const ClassifierOptions& o);

// Seeded uniform start in the target's box.
DVec uniform_start(const Target& t, std::uint64_t& state);

// JSON of a binary64 vector (shortest round-trip decimals).
nlohmann::json point_json(const DVec& x);

// The generic check: every rule from `starts` seeded starts on every target; a run whose outcome
// is not in `allowed` refutes (the default statement: diverged or converged; a false variant may
// allow only "converged"); an "other/unresolved" run makes the verdict inconclusive.
struct OutcomeStudy {
  std::vector<Target> targets;
  std::vector<NamedRule> rules;
  int starts = 10;
  ClassifierOptions options;
  std::vector<Outcome> allowed = {Outcome::converged, Outcome::diverged};
  std::string statement_label = "every run diverges or converges to a critical point";
};
Finding check_outcomes(const OutcomeStudy& study, const RunContext& ctx);

}  // namespace ov::claims::btconv
