// The fixed-point suite (docs/conformance-line-search-fixed-point-stochastic.md): the iteration
// map linearised at critical points by trajectories started at small perturbations: a
// contraction at minima with Hessian eigenvalues in (0, safe_L], an unstable mode at strict
// saddles, and Monte-Carlo saddle avoidance with a Clopper-Pearson interval.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "analysis/problems/problem.hpp"
#include "analysis/problems/problem_objective.hpp"
#include "analysis/rates/error_sequence.hpp"
#include "analysis/rates/rate_fit.hpp"
#include "analysis/stats/binomial_interval.hpp"
#include "optim/core/oracle.hpp"
#include "optim/core/random.hpp"
#include "proofs-checks/conformance/core_properties.hpp"
#include "proofs-checks/conformance/double_rounding.hpp"
#include "proofs-checks/conformance/property_text.hpp"
#include "proofs-checks/conformance/test_problems.hpp"

namespace ov::conformance {

namespace fixed_point_properties_detail {

constexpr double kPi = 3.141592653589793;

// A seeded uniform in [0, 1) of stream `stream` of the case.
double case_uniform(const Case& c, std::uint64_t stream) {
  optim::SplitMix64 rng(c.seed ^ (0x9e3779b97f4a7c15ULL * (stream + 101)));
  rng.next();
  return rng.uniform();
}

// saddle_cos = x^2/2 + cos y (analysis/problems; Hessian diag(1, -cos y), L = 1) scaled by
// c: Hessian eigenvalues +-c at its critical points (0, k pi).
struct ScaledSaddleCos {
  problems::ProblemObjective<double> base{problems::make_problem("saddle_cos")};
  ScaledObjective f;
  explicit ScaledSaddleCos(double c) : f(base, c) {}
};

// The result of following one perturbed trajectory near a fixed point.
struct Return {
  std::vector<double> err;  // err_0 = the perturbation's size, err_k after k steps
  bool diverged = false;    // non-finite or 1e6 times the start
  bool refused = false;
  std::string refusal;
};

// Runs a fresh instance from x_star + r0 v until err < floor, up to max_steps.
Return follow(const Subject& s, const optim::Objective<double>& f, const Vec& x_star, const Vec& v, double r0,
              double floor, int max_steps) {
  Return r;
  auto opt = s.make();
  optim::Oracle<double> oracle(f);
  Vec x = x_star + r0 * v;
  r.err.push_back((x - x_star).norm());
  for (int k = 0; k < max_steps; ++k) {
    const optim::StepReport<double> rep = opt->step(oracle, x);
    if (rep.refused()) {
      r.refused = true;
      r.refusal = optim::to_string(rep.status);
      break;
    }
    const double e = (x - x_star).norm();
    r.err.push_back(e);
    if (!std::isfinite(e) || e > 1e6 * r0) {
      r.diverged = true;
      break;
    }
    if (e < floor || rep.status == optim::StepStatus::stationary) break;
  }
  return r;
}

struct RateVerdict {
  Status status = Status::undecided;
  std::string text;
  nlohmann::json fig;
};

// The geometric rate of err_k over the last three quarters of the trajectory (the first
// quarter is the transient of the slower modes' mixing), with its 95% t-interval
// (analysis/rates fit_geometric). Pass: the upper end < 1 (a contraction: spectral radius
// < 1), or the error fell below the rounding floor within the run. Fail: divergence, or the
// lower end > 1, or no decrease at all after max_steps.
RateVerdict contraction_verdict(const std::string& where, const Return& r, double floor, int max_steps) {
  RateVerdict v;
  const double first = r.err.front(), last = r.err.back();
  const int steps = static_cast<int>(r.err.size()) - 1;
  v.fig = {{"steps", steps}, {"initial_distance", first}, {"final_distance", last}};
  if (r.refused) {
    v.status = Status::failed;
    v.text = where + ": the step was refused (" + r.refusal + ") near the minimum";
    return v;
  }
  if (r.diverged) {
    v.status = Status::failed;
    v.text = where + ": the perturbation grew from " + str(first) + " to " + str(last) + " in " + std::to_string(steps) +
             " steps (spectral radius > 1)";
    return v;
  }
  std::vector<std::int64_t> ks;
  std::vector<double> es;
  const std::size_t k0 = r.err.size() / 4;
  for (std::size_t k = k0; k < r.err.size(); ++k) {
    ks.push_back(static_cast<std::int64_t>(k));
    es.push_back(r.err[k]);
  }
  const auto seq = rates::make_sequence(ks, es, "||x_k - x*||");
  const auto fit = rates::fit_geometric(seq, rates::full_window(seq), 0.95);
  if (fit.ok) v.fig["rate"] = {{"estimate", fit.estimate}, {"lo", fit.lo}, {"hi", fit.hi}, {"k0", fit.used.k0}, {"k1", fit.used.k1}};
  const bool reached_floor = last < floor;
  if (fit.ok && fit.hi < 1) {
    v.status = Status::passed;
    v.text = where + ": contraction, fitted rate " + str(fit.estimate) + " (95% CI [" + str(fit.lo) + ", " + str(fit.hi) +
             "] < 1) over steps " + std::to_string(fit.used.k0) + ".." + std::to_string(fit.used.k1) + ", distance " +
             str(first) + " -> " + str(last);
    return v;
  }
  if (reached_floor && last < 1e-3 * first) {
    v.status = Status::passed;
    v.text = where + ": returned to the rounding floor " + str(floor) + " in " + std::to_string(steps) + " steps (distance " +
             str(first) + " -> " + str(last) + ")" + (fit.ok ? ", fitted rate " + str(fit.estimate) : std::string());
    return v;
  }
  if ((fit.ok && fit.lo > 1) || (steps >= max_steps && last >= first)) {
    v.status = Status::failed;
    v.text = where + ": no return to the minimum: distance " + str(first) + " -> " + str(last) + " in " + std::to_string(steps) +
             " steps" + (fit.ok ? ", fitted rate " + str(fit.estimate) + " (CI [" + str(fit.lo) + ", " + str(fit.hi) + "])" : std::string());
    return v;
  }
  v.status = Status::undecided;
  v.text = where + ": the rate could not be decided: distance " + str(first) + " -> " + str(last) + " in " + std::to_string(steps) +
           " steps" + (fit.ok ? ", fitted rate " + str(fit.estimate) + " (CI [" + str(fit.lo) + ", " + str(fit.hi) + "])" : ", " + fit.reason);
  return v;
}

constexpr int kMaxReturnSteps = 4000;

Outcome stable_at_minima(const Subject& s, const Case& c) {
  if (!s.declared.fixed_point) return Outcome::skip("no fixed-point declaration");
  const double safe_L = s.declared.fixed_point->safe_L;
  nlohmann::json fig;
  std::vector<std::string> texts;
  bool undecided = false;
  // (1) the quadratic of the case, eigenvalues in [safe_L / condition, safe_L].
  {
    const QuadraticObjective q = make_quadratic(c, safe_L);
    const Vec v = random_unit_vector(c.seed ^ 0x51ULL, q.dim());
    const double r0 = 1e-3 * std::max(1.0, q.minimizer().norm());
    const double floor = 1e3 * kEps * std::max(1.0, q.minimizer().norm());
    const Return r = follow(s, q, q.minimizer(), v, r0, floor, kMaxReturnSteps);
    const RateVerdict rv = contraction_verdict("quadratic (eigenvalues in [" + str(q.mu()) + ", " + str(q.L()) + "])", r, floor,
                                               kMaxReturnSteps);
    fig["quadratic"] = rv.fig;
    fig["quadratic"]["mu"] = q.mu();
    fig["quadratic"]["L"] = q.L();
    if (rv.status == Status::failed) return Outcome::fail(rv.text, fig);
    undecided = undecided || rv.status == Status::undecided;
    texts.push_back(rv.text);
  }
  // (2) saddle_cos's minimum (0, pi) scaled so that its Hessian is c I, c in [safe_L/4, safe_L].
  {
    const double scale = safe_L * (0.25 + 0.75 * case_uniform(c, 1));
    const ScaledSaddleCos p(scale);
    Vec x_star(2);
    x_star << 0.0, kPi;
    const double th = kPi / 6 + (2 * kPi / 3) * case_uniform(c, 2);
    Vec v(2);
    v << std::cos(th), std::sin(th);
    const double r0 = 1e-4, floor = 1e3 * kEps * kPi;
    const Return r = follow(s, p.f, x_star, v, r0, floor, kMaxReturnSteps);
    const RateVerdict rv =
        contraction_verdict("saddle_cos x " + str(scale) + " at its minimum (0, pi) (Hessian " + str(scale) + " I)", r, floor, kMaxReturnSteps);
    fig["saddle_cos_minimum"] = rv.fig;
    fig["saddle_cos_minimum"]["hessian_eigenvalue"] = scale;
    if (rv.status == Status::failed) return Outcome::fail(rv.text, fig);
    undecided = undecided || rv.status == Status::undecided;
    texts.push_back(rv.text);
  }
  const std::string text = texts[0] + "; " + texts[1];
  return undecided ? Outcome::undecided(text, fig) : Outcome::pass(text, fig);
}

constexpr double kGrowth = 100;
constexpr int kMaxEscapeSteps = 20000;

Outcome unstable_at_saddles(const Subject& s, const Case& c) {
  if (!s.declared.fixed_point) return Outcome::skip("no fixed-point declaration");
  const double safe_L = s.declared.fixed_point->safe_L;
  const double scale = safe_L * (0.25 + 0.75 * case_uniform(c, 3));
  const ScaledSaddleCos p(scale);
  const Vec x_star = Vec::Zero(2);
  const double th = kPi / 6 + (2 * kPi / 3) * case_uniform(c, 4);
  Vec v(2);
  v << std::cos(th), std::sin(th);
  const double r0 = 1e-6;
  auto opt = s.make();
  optim::Oracle<double> oracle(p.f);
  Vec x = r0 * v;
  double dist = x.norm(), max_dist = dist;
  int k = 0;
  for (; k < kMaxEscapeSteps && dist < kGrowth * r0; ++k) {
    const optim::StepReport<double> rep = opt->step(oracle, x);
    if (rep.refused()) {
      return Outcome::fail("saddle_cos x " + str(scale) + " near its strict saddle (0, 0): step " + std::to_string(k) + " was refused (" +
                           optim::to_string(rep.status) + ")");
    }
    dist = x.norm();
    if (!std::isfinite(dist)) break;
    max_dist = std::max(max_dist, dist);
  }
  nlohmann::json fig = {{"hessian_eigenvalues", {scale, -scale}}, {"initial_distance", r0}, {"final_distance", dist},
                        {"largest_distance", max_dist}, {"steps", k}, {"growth_required", kGrowth}, {"step_bound", kMaxEscapeSteps}};
  const std::string where = "saddle_cos x " + str(scale) + " (Hessian eigenvalues +-" + str(scale) + ") started at distance " + str(r0) +
                            " from its strict saddle (0, 0)";
  if (dist >= kGrowth * r0 || !std::isfinite(dist)) {
    fig["per_step_growth"] = std::pow(dist / r0, 1.0 / std::max(k, 1));
    return Outcome::pass(where + ": the distance grew by " + str(dist / r0) + " (>= " + str(kGrowth) + ") in " + std::to_string(k) +
                             " steps (mean growth per step " + str(std::pow(dist / r0, 1.0 / std::max(k, 1))) + ")",
                         fig);
  }
  return Outcome::fail(where + ": after " + std::to_string(k) + " steps the distance is " + str(dist) + " (largest " + str(max_dist) +
                           "), not " + str(kGrowth) + " times the start: no unstable mode",
                       fig);
}

constexpr int kStarts = 100;
constexpr int kMaxRunSteps = 3000;

// A landscape of the Monte-Carlo: a library problem scaled so that its Hessian is bounded
// by safe_L on the sampling box, its critical points, and the box.
struct Landscape {
  std::string name;
  problems::ProblemObjective<double> base;
  ScaledObjective f;
  std::vector<double> lo, hi;
  double scale;
  Landscape(const std::string& problem, double c)
      : name(problem), base(problems::make_problem(problem)), f(base, c),
        lo(base.problem().info().box_lo), hi(base.problem().info().box_hi), scale(c) {}
};

// The nearest critical point's kind: +1 minimum, -1 strict saddle, 0 none within 1e-4.
// saddle_cos: (0, k pi), saddles for even k. double_well: (0, 0) saddle, (0, +-1) minima.
int classify(const std::string& name, const Vec& x, double& dist) {
  if (name == "saddle_cos") {
    const long k = std::lround(x[1] / kPi);
    Vec cp(2);
    cp << 0.0, static_cast<double>(k) * kPi;
    dist = (x - cp).norm();
    return dist < 1e-4 ? (k % 2 == 0 ? -1 : 1) : 0;
  }
  const double y = x[1] > 0.5 ? 1.0 : (x[1] < -0.5 ? -1.0 : 0.0);
  Vec cp(2);
  cp << 0.0, y;
  dist = (x - cp).norm();
  return dist < 1e-4 ? (y == 0.0 ? -1 : 1) : 0;
}

struct MonteCarloCount {
  int to_saddle = 0, to_minimum = 0, other = 0;
  std::vector<std::vector<double>> saddle_starts;
};

MonteCarloCount monte_carlo(const Subject& s, const Landscape& land, std::uint64_t seed) {
  MonteCarloCount m;
  optim::SplitMix64 rng(seed);
  for (int i = 0; i < kStarts; ++i) {
    Vec x(2);
    x << land.lo[0] + (land.hi[0] - land.lo[0]) * rng.uniform(), land.lo[1] + (land.hi[1] - land.lo[1]) * rng.uniform();
    const Vec x0 = x;
    auto opt = s.make();
    optim::Oracle<double> oracle(land.f);
    double dist = 0;
    int kind = 0;
    for (int k = 0; k < kMaxRunSteps; ++k) {
      const optim::StepReport<double> rep = opt->step(oracle, x);
      if (rep.refused() || !x.allFinite()) break;
      kind = classify(land.name, x, dist);
      if (dist < 1e-8) break;
    }
    if (!x.allFinite() || kind == 0) {
      ++m.other;
    } else if (kind < 0) {
      ++m.to_saddle;
      if (m.saddle_starts.size() < 5) m.saddle_starts.push_back({x0[0], x0[1]});
    } else {
      ++m.to_minimum;
    }
  }
  return m;
}

Outcome saddle_avoidance(const Subject& s, const Case& c) {
  if (!s.declared.fixed_point) return Outcome::skip("no fixed-point declaration");
  const double safe_L = s.declared.fixed_point->safe_L;
  // saddle_cos: Hessian diag(1, -cos y), |.| <= 1 everywhere; double_well: Hessian
  // diag(2, 3y^2 - 1), <= 11 on its box [-2, 2]^2 (its local_lipschitz).
  const Landscape lands[] = {Landscape("saddle_cos", safe_L), Landscape("double_well", safe_L / 11)};
  nlohmann::json fig = nlohmann::json::object();
  std::string text;
  int saddles = 0;
  bool mostly_unconverged = false;
  std::uint64_t stream = 0;
  for (const Landscape& land : lands) {
    const MonteCarloCount m = monte_carlo(s, land, c.seed ^ (0xa5a5a5a5ULL + 0x1000 * ++stream));
    const auto ci = stats::clopper_pearson_interval(static_cast<std::uint64_t>(m.to_saddle), kStarts, 0.95);
    fig[land.name] = {{"starts", kStarts},          {"to_saddle", m.to_saddle},  {"to_minimum", m.to_minimum},
                      {"not_converged", m.other},   {"saddle_fraction_ci95", {ci.lo, ci.hi}}, {"objective_scale", land.scale},
                      {"max_steps", kMaxRunSteps}, {"box", {land.lo[0], land.hi[0], land.lo[1], land.hi[1]}}};
    if (!m.saddle_starts.empty()) fig[land.name]["saddle_starts"] = m.saddle_starts;
    if (!text.empty()) text += "; ";
    text += std::to_string(kStarts) + " uniform starts in [" + str(land.lo[0]) + ", " + str(land.hi[0]) + "] x [" + str(land.lo[1]) +
            ", " + str(land.hi[1]) + "] on " + land.name + " x " + str(land.scale) + ": " + std::to_string(m.to_saddle) +
            " converged to a strict saddle (fraction 95% Clopper-Pearson [" + str(ci.lo) + ", " + str(ci.hi) + "]), " +
            std::to_string(m.to_minimum) + " to a minimum, " + std::to_string(m.other) + " not within 1e-4 of a critical point after " +
            std::to_string(kMaxRunSteps) + " steps";
    saddles += m.to_saddle;
    mostly_unconverged = mostly_unconverged || 2 * m.other > kStarts;
  }
  if (saddles > 0) return Outcome::fail(text + " (the set of such starts has measure zero: none may converge to a saddle)", fig);
  if (mostly_unconverged) return Outcome::undecided(text + " (most runs did not converge: too few steps for this method)", fig);
  return Outcome::pass(text, fig);
}

}  // namespace fixed_point_properties_detail

std::vector<Property> fixed_point_properties() {
  namespace d = fixed_point_properties_detail;
  std::vector<Property> v;
  CaseRanges r;
  r.dim_min = 1;
  r.dim_max = 8;
  r.condition_min = 1;
  r.condition_max = 100;
  r.scale_min = 0.1;
  r.scale_max = 10;
  {
    Property p;
    p.id = "conformance.fixed-point.stable-at-minima";
    p.suite = "fixed_point";
    p.title = "Linearly stable at minima with Hessian eigenvalues in (0, safe_L]";
    p.source = {"002_dc929347c6f8ce02.txt", "3.3.1.3", "proof of Theorem 3.2 (eigenvalues of Jac_G at stationary points)",
                "L1665-L1741"};
    p.statement = "At a minimum whose Hessian eigenvalues lie in (0, safe_L] the iteration map is a local contraction "
                  "(spectral radius of its linearisation < 1): trajectories started at small perturbations return geometrically "
                  "(for GD: |1 - step lambda| < 1, seed-003-004-sgd-survey.md §2.4 item 3(a); 003 (4.11)).";
    p.check = "Two minima: the case's quadratic (eigenvalues [safe_L/condition, safe_L]) perturbed by 1e-3 max(1, ||x*||) in a "
              "seeded direction, and saddle_cos (analysis/problems) scaled so its Hessian at (0, pi) is c I with c seeded in "
              "[safe_L/4, safe_L], perturbed by 1e-4. Up to 4000 steps of a fresh instance, stopping below the rounding floor "
              "1e3 eps max(1, ||x*||). Geometric rate of ||x_k - x*|| fitted on the last 3/4 (analysis/rates fit_geometric, 95% "
              "t-interval): passes when the interval's upper end is < 1 or the floor is reached (1e-3 of the start); fails on "
              "divergence (1e6 x), lower end > 1, or no decrease after 4000 steps; otherwise undecided.";
    p.ranges = r;
    p.run = d::stable_at_minima;
    v.push_back(p);
  }
  {
    Property p;
    p.id = "conformance.fixed-point.unstable-at-saddles";
    p.suite = "fixed_point";
    p.title = "An unstable mode at strict saddles";
    p.source = {"002_dc929347c6f8ce02.txt", "3.4.1", "Theorem 3.9", "L1820-L1840"};
    p.statement = "At a strict saddle with |negative eigenvalue| <= safe_L the iteration map has an unstable mode: a small "
                  "perturbation grows (for GD the eigenvalue 1 - step lambda_min > 1, seed-003-004-sgd-survey.md §2.4 item 3(b)).";
    p.check = "saddle_cos scaled by c seeded in [safe_L/4, safe_L] (Hessian diag(c, -c) at (0, 0)); start at distance 1e-6 in a "
              "seeded direction at angle in [pi/6, 5pi/6] (both modes excited); passes when the distance reaches 100 x the start "
              "within 20000 steps (still in the linear regime: 1e-4), fails otherwise or on a refused step. The factor 100 is far "
              "above any transient of a stable map and the step bound covers growth factors per step down to 1 + 2.3e-4.";
    p.randomized = true;
    p.ranges = r;
    p.run = d::unstable_at_saddles;
    v.push_back(p);
  }
  {
    Property p;
    p.id = "conformance.fixed-point.saddle-avoidance";
    p.suite = "fixed_point";
    p.title = "Monte-Carlo saddle avoidance on saddle_cos";
    p.source = {"003_61d556b637c4f269.txt", "4", "Theorem 4.4 (Lee et al. Theorem 4.1)", "L674-L678"};
    p.statement = "From random starts the method converges to a strict saddle with probability 0 (the set of such starts has "
                  "measure zero, 003 Theorem 4.4 for GD with 0 < alpha < 1/L; 002 Theorem 3.9 for INNA).";
    p.check = "Two library landscapes, 100 uniform starts each in their boxes: saddle_cos ([-3, 3] x [-7, 7], saddles "
              "(0, 0), (0, +-2 pi)) scaled by safe_L, and double_well x^2 + y^4/4 - y^2/2 ([-2, 2]^2, saddle (0, 0), minima "
              "(0, +-1); Hessian <= 11 on the box) scaled by safe_L/11. Up to 3000 steps each, stopping within 1e-8 of a "
              "critical point; a run ends at a saddle when within 1e-4 of one. Holds when none does (any is a counterexample: hitting a measure-zero set by chance "
              "has probability ~1e-16 in double); the count's 95% Clopper-Pearson interval is in the figures; undecided when "
              "more than half of the runs did not converge.";
    p.ranges = r;
    p.run = d::saddle_avoidance;
    v.push_back(p);
  }
  return v;
}

}  // namespace ov::conformance
