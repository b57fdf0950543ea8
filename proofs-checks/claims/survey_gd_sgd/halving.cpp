#include "proofs-checks/claims/survey_gd_sgd/halving.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "analysis/numeric/exact_constant.hpp"
#include "analysis/numeric/rounding.hpp"
#include "analysis/numeric/string_io.hpp"
#include "analysis/problems/problem.hpp"
#include "analysis/problems/problem_objective.hpp"
#include "optim/core/random.hpp"
#include "optim/line_search/halving.hpp"
#include "proofs-checks/claims/survey_gd_sgd/to_double.hpp"

namespace ov::claims::survey {

namespace {

constexpr const char* kSource004 = "004_3d3d1f2b4537bb54.txt";

template <class S>
nlohmann::json vec_json(const optim::Vector<S>& v) {
  nlohmann::json a = nlohmann::json::array();
  for (Eigen::Index i = 0; i < v.size(); ++i) a.push_back(ov::to_string(v[i]));
  return a;
}


// Forwards to an objective and keeps every value it returned (the line search's trial values).
template <class S>
class Recording : public optim::Objective<S> {
 public:
  explicit Recording(const optim::Objective<S>& f) : f_(f) {}
  int dim() const override { return f_.dim(); }
  S value(const optim::Vector<S>& x) const override {
    S v = f_.value(x);
    values.push_back(v);
    return v;
  }
  optim::Vector<S> gradient(const optim::Vector<S>& x) const override { return f_.gradient(x); }
  mutable std::vector<S> values;

 private:
  const optim::Objective<S>& f_;
};

// f_s(w) = f(s w): logistic regression with features scaled by s; L(grad f_s) = s^2 L(grad f).
class ScaledObjective : public optim::Objective<mp100> {
 public:
  ScaledObjective(const problems::Problem& p, long s) : e_(p.in<mp100>()), s_(s), dim_(p.dim()) {}
  int dim() const override { return dim_; }
  mp100 value(const optim::Vector<mp100>& x) const override { return e_.value(optim::Vector<mp100>(s_ * x)); }
  optim::Vector<mp100> gradient(const optim::Vector<mp100>& x) const override {
    return optim::Vector<mp100>(s_ * e_.gradient(optim::Vector<mp100>(s_ * x)));
  }

 private:
  const problems::Evaluator<mp100>& e_;
  mp100 s_;
  int dim_;
};

template <class S>
bool squared_norm_is_zero(const optim::Vector<S>& g) {
  for (Eigen::Index i = 0; i < g.size(); ++i)
    if (g[i] != S(0)) return false;
  return true;
}

rational to_rat(const rational& q) { return q; }
rational to_rat(const mp100& x) { return rational(x); }  // exact (a binary float)

struct StepBoundState {
  long searches = 0, max_halvings_seen = 0;
  double min_step_over_bound = 1e300;  // min over accepted steps of eta / min_step(L)
  double min_rel_trial_gap = 1e300;  // mp100: min |f(trial) - f(w)| / max(1, |f(w)|)
  std::optional<nlohmann::json> counterexample;
  nlohmann::json plot_x = nlohmann::json::array(), plot_y = nlohmann::json::array(),
                 plot_bound = nlohmann::json::array();
};

// Algorithm 1 (outer loop) for K iterations; the inner search is `search`.
template <class S>
void run_algorithm_1(const optim::Objective<S>& f, const HalvingSearch<S>& search, const HalvingBounds& bounds,
                     const rational& L, optim::Vector<S> x, int K, const nlohmann::json& where, bool plot,
                     StepBoundState& st) {
  Recording<S> rec(f);
  optim::Oracle<S> oracle(rec);
  const rational min_step = bounds.min_step(L);
  const long max_h = bounds.max_halvings(L);
  for (int k = 0; k < K && !st.counterexample; ++k) {
    const optim::Vector<S> g = f.gradient(x);
    if (squared_norm_is_zero(g)) break;
    const S fx = f.value(x);
    rec.values.clear();
    const auto r = search(oracle, x, fx, g);
    ++st.searches;
    for (const S& v : rec.values) {
      using std::abs;
      const S den = std::max(S(1), S(abs(fx)));
      st.min_rel_trial_gap = std::min(st.min_rel_trial_gap, to_d(S(abs(v - fx) / den)));
    }
    const long halvings = r.trials - 1;
    const rational step = to_rat(r.step);  // a power of 2 (or of 1/4 for a mutant): exact in either scalar
    auto fail = [&](const std::string& what) {
      nlohmann::json c = where;
      c["iteration"] = k;
      c["w"] = vec_json(x);
      c["status"] = optim::to_string(r.status);
      c["accepted_step"] = ov::to_string(step);
      c["halvings"] = halvings;
      c["L"] = ov::to_string(L);
      c["bound_min_step"] = ov::to_string(min_step);
      c["bound_max_halvings"] = max_h;
      c["violated"] = what;
      st.counterexample = c;
    };
    if (!r.accepted()) {
      fail("no accepted step although grad f != 0 (contradicts (7))");
      break;
    }
    st.max_halvings_seen = std::max(st.max_halvings_seen, halvings);
    st.min_step_over_bound = std::min(st.min_step_over_bound, to_d(step / min_step));
    if (plot) {
      st.plot_x.push_back(k);
      st.plot_y.push_back(to_d(step));
      st.plot_bound.push_back(to_d(min_step));
    }
    if (step < min_step) {
      fail("accepted step < " + bounds.name + " step bound");
      break;
    }
    if (halvings > max_h) {
      fail("halvings > " + bounds.name + " halving bound");
      break;
    }
    x = x - r.step * g;
  }
}

rational random_rational_coordinate(optim::SplitMix64& rng) {
  const long k = static_cast<long>(rng.below(16)) + 1;  // +-k/4, k in [1, 16]
  return rational(rng.below(2) ? k : -k) / rational(4);
}

}  // namespace

long floor_log2(const rational& q) {
  if (!(q > 0)) throw std::invalid_argument("floor_log2: need q > 0");
  long k = 0;
  rational p = 1;
  if (q >= 1) {
    while (p * 2 <= q) { p *= 2; ++k; }
  } else {
    while (p > q) { p /= 2; --k; }
  }
  return k;
}

HalvingSearches library_halving() {
  HalvingSearches s;
  s.exact = [](optim::Oracle<rational>& f, const optim::Vector<rational>& x, const rational& fx,
               const optim::Vector<rational>& g) { return optim::halving_search(f, x, fx, g, g, optim::HalvingParameters<rational>{}); };
  s.mp = [](optim::Oracle<mp100>& f, const optim::Vector<mp100>& x, const mp100& fx, const optim::Vector<mp100>& g) {
    return optim::halving_search(f, x, fx, g, g, optim::HalvingParameters<mp100>{});
  };
  return s;
}

HalvingBounds derived_halving_bounds() {
  HalvingBounds b;
  b.name = "min(1, 1/L) / max(0, floor(log2(L/2)) + 1)";
  b.min_step = [](const rational& L) { return L <= 1 ? rational(1) : rational(1) / L; };
  b.max_halvings = [](const rational& L) { return std::max(0L, floor_log2(L / 2) + 1); };
  return b;
}

Finding check_halving_step_bound(const HalvingSearches& search, const HalvingBounds& bounds, const RunContext& ctx) {
  Finding out;
  optim::SplitMix64 rng(ctx.seed);
  StepBoundState st;
  const int quadratics = ctx.quick ? 4 : 10, starts = ctx.quick ? 2 : 3, K = ctx.quick ? 6 : 12;
  // L values: below 2 (no halving), powers of 2 (the bounds' equality cases) and others.
  const std::vector<std::string> Ls{"3/2", "4", "10", "33/2", "8", "100", "5", "64", "7/3", "40"};
  nlohmann::json used = nlohmann::json::array();
  long quad_runs = 0, logistic_runs = 0;
  for (int q = 0; q < quadratics && !st.counterexample; ++q) {
    const rational L = constant<rational>(Ls[q % Ls.size()]);
    const long ratio = static_cast<long>(rng.below(19)) + 2;  // condition number in [2, 20]
    const rational mu = L / rational(ratio), mid = L * rational(9) / rational(10);
    const std::string ev = ov::to_string(mu) + "," + ov::to_string(mid) + "," + ov::to_string(L);
    const problems::Params params{{"n", "3"}, {"seed", std::to_string(rng.below(1000) + 1)}, {"spectrum", "list"},
                                  {"eigenvalues", ev}};
    const problems::Problem p = problems::make_problem("quadratic", params);
    problems::ProblemObjective<rational> f(p);
    used.push_back({{"problem", "quadratic"}, {"params", params.values()}, {"L", ov::to_string(L)}});
    for (int s = 0; s < starts && !st.counterexample; ++s) {
      optim::Vector<rational> x(3);
      for (int i = 0; i < 3; ++i) x[i] = random_rational_coordinate(rng);
      ++quad_runs;
      run_algorithm_1<rational>(f, search.exact, bounds, L, x, K,
                                {{"problem", "quadratic"}, {"params", params.values()}, {"w_0", vec_json(x)}},
                                q == 0 && s == 0, st);
    }
  }
  // Logistic regression (l2-regularised, seeded data; not rational): f_s(w) = f(s w), in mp100.
  const problems::Problem logreg = problems::make_problem("logistic_regression");
  const rational L_meta = constant<rational>(*logreg.info().lipschitz);
  for (long s : ctx.quick ? std::vector<long>{8} : std::vector<long>{1, 4, 8, 16}) {
    if (st.counterexample) break;
    ScaledObjective f(logreg, s);
    const rational L = rational(s * s) * L_meta;
    used.push_back({{"problem", "logistic_regression"}, {"scale", s}, {"L", ov::to_string(L)}});
    for (int k = 0; k < starts && !st.counterexample; ++k) {
      optim::Vector<mp100> x(logreg.dim());
      optim::Vector<rational> xr(logreg.dim());
      for (int i = 0; i < logreg.dim(); ++i) {
        xr[i] = random_rational_coordinate(rng) / rational(s);
        x[i] = mp100(xr[i]);
      }
      ++logistic_runs;
      run_algorithm_1<mp100>(f, search.mp, bounds, L, x, K,
                             {{"problem", "logistic_regression"}, {"scale", s}, {"w_0", vec_json(xr)}}, false, st);
    }
  }
  out.precision = "mp100";
  out.parameters = {{"instances", used}, {"starts", starts}, {"iterations", K}, {"bounds", bounds.name}};
  out.evidence.figures = {{"quadratic_runs", quad_runs},
                          {"logistic_runs", logistic_runs},
                          {"searches", st.searches},
                          {"min_accepted_step_over_bound", st.min_step_over_bound},
                          {"max_halvings_seen", st.max_halvings_seen},
                          {"mp100_min_relative_trial_gap", st.min_rel_trial_gap}};
  if (!st.plot_x.empty()) {
    const std::string plot = "Algorithm 1 on a rational quadratic: accepted step vs min(1, 1/L)";
    out.evidence.series.push_back({{"name", "accepted step"}, {"plot", plot}, {"kind", "convergence"},
                                   {"role", "measured"}, {"x", st.plot_x}, {"y", st.plot_y},
                                   {"x_label", "iteration k"}, {"y_label", "eta"}, {"log_y", true}});
    out.evidence.series.push_back({{"name", "min(1, 1/L)"}, {"plot", plot}, {"kind", "convergence"},
                                   {"role", "bound"}, {"x", st.plot_x}, {"y", st.plot_bound},
                                   {"log_y", true}});
  }
  if (st.counterexample) {
    out.verdict = Verdict::refuted;
    out.precision = (*st.counterexample)["problem"] == "quadratic" ? "rational" : "mp100";
    out.evidence.counterexample = *st.counterexample;
    out.evidence.summary = fmt::format("{} on {} at iteration {}", (*st.counterexample)["violated"].get<std::string>(),
                                       (*st.counterexample)["problem"].get<std::string>(),
                                       (*st.counterexample)["iteration"].get<int>());
  } else if (st.min_rel_trial_gap < 1e-80) {
    out.verdict = Verdict::inconclusive;
    out.evidence.summary = "a trial value was within mp100 rounding of f(w): the strict test (6) was not decided";
  } else {
    out.verdict = Verdict::holds;
    out.evidence.summary = fmt::format(
        "all {} halving searches ({} quadratic runs exact in rational, {} logistic-regression runs in mp100) accepted "
        "a step >= min(1, 1/L) after <= max(0, floor(log2(L/2)) + 1) halvings; min eta/min(1, 1/L) = {:.4g}, max "
        "halvings {}",
        st.searches, quad_runs, logistic_runs, st.min_step_over_bound, st.max_halvings_seen);
  }
  return out;
}

Finding check_halving_stationary(const HalvingSearch<rational>& library, bool stationary, const RunContext& ctx) {
  Finding out;
  out.precision = "rational";
  optim::SplitMix64 rng(ctx.seed);
  const int cap = ctx.quick ? 64 : 400;  // iterations of the printed inner loop we actually run
  struct Case {
    std::string name;
    problems::Params params;
  };
  const std::vector<Case> cases{{"castera_quadratic", {}},
                                {"castera_quartic", {}},
                                {"quadratic", {{"n", "3"}, {"spectrum", "list"}, {"eigenvalues", "1,5,10"}}}};
  nlohmann::json points = nlohmann::json::array();
  std::optional<nlohmann::json> counterexample;
  int terminated = 0, never = 0, library_flagged = 0;
  for (const auto& cs : cases) {
    const problems::Problem p = problems::make_problem(cs.name, cs.params);
    problems::ProblemObjective<rational> f(p);
    optim::Vector<rational> w(p.dim());
    if (stationary) {
      bool found = false;  // the first exact stationary point with rational coordinates
      for (const auto& cp : p.info().critical_points) {
        if (!cp.exact || found) continue;
        try {
          w = p.point<rational>(cp.x);
          found = true;
        } catch (const std::exception&) {
        }
      }
      if (!found) throw std::logic_error("problem " + cs.name + " lists no rational stationary point");
    } else {
      for (int i = 0; i < p.dim(); ++i) w[i] = random_rational_coordinate(rng);
    }
    const optim::Vector<rational> g = f.gradient(w);
    const rational fw = f.value(w);
    // The inner loop of Algorithm 1 as printed (lines 3-10): eta := 1; test (6); halve.
    rational eta = 1;
    int tau = 1;
    bool accepted = false;
    for (; tau <= cap; ++tau) {
      if (f.value(optim::Vector<rational>(w - eta * g)) < fw) {
        accepted = true;
        break;
      }
      eta /= 2;
    }
    const bool g_zero = squared_norm_is_zero(g);
    optim::Oracle<rational> oracle(f);
    const auto r = library(oracle, w, fw, g);
    const bool flagged = r.status == optim::LineSearchStatus::zero_gradient && r.trials == 0;
    library_flagged += flagged ? 1 : 0;
    nlohmann::json pt{{"problem", cs.name}, {"params", cs.params.values()}, {"w", vec_json(w)},
                      {"grad", vec_json(g)}, {"f_w", ov::to_string(fw)}, {"printed_loop_accepted", accepted},
                      {"printed_loop_iterations", accepted ? tau : cap}, {"library_status", optim::to_string(r.status)},
                      {"library_trials", r.trials}};
    points.push_back(pt);
    if (accepted) {
      ++terminated;
    } else {
      ++never;
      // A proof, not only the cap: with grad f(w) = 0 exactly, w - eta grad f(w) = w for every eta, so (6) reads
      // f(w) < f(w), false for every eta: the loop never exits.
      if (g_zero && !counterexample) counterexample = pt;
    }
  }
  out.parameters = {{"points", stationary ? "exact stationary points" : "seeded non-stationary points"},
                    {"printed_loop_cap", cap}};
  out.evidence.figures = {{"points", static_cast<int>(cases.size())},
                          {"printed_loop_terminated", terminated},
                          {"printed_loop_never_terminates", never},
                          {"library_flagged_zero_gradient", library_flagged}};
  out.parameters["cases"] = points;
  if (counterexample) {
    out.verdict = Verdict::refuted;
    out.evidence.counterexample = *counterexample;
    out.evidence.summary = fmt::format(
        "at the exact stationary point w = {} of {} (grad f(w) = 0) every trial point w - eta grad f(w) equals w, so "
        "(6) f(w) < f(w) fails for every eta and the printed loop never exits ({} of {} points; ran {} halvings "
        "exactly); the library's halving_search returns zero_gradient after 0 trials at {} of them",
        (*counterexample)["w"].dump(), (*counterexample)["problem"].get<std::string>(), never, cases.size(), cap,
        library_flagged);
  } else if (never > 0) {
    out.verdict = Verdict::inconclusive;
    out.evidence.summary = fmt::format("the printed loop did not accept within {} halvings at a point with grad f != 0", cap);
  } else {
    out.verdict = Verdict::holds;
    out.evidence.summary = fmt::format(
        "at all {} points (grad f != 0) the printed halving loop terminated with a strict decrease", terminated);
  }
  return out;
}

Claim halving_step_bound_claim() {
  Claim c;
  c.id = "survey.halving-line-search-step-bound";
  c.title = "Halving line search (Algorithm 1): decrease once eta < 1/L, so the accepted step is >= min(1, 1/L)";
  c.source = {kSource004, "2.3, Algorithm 1", "(6)-(7)", "L116-L146"};
  c.hypotheses = "f with L-Lipschitz gradient, grad f(w) != 0; Algorithm 1's inner loop from eta = 1, halving until "
                 "f(w - eta grad f(w)) < f(w) (6)";
  c.statement = "the strict decrease (6) holds once eta < 1/L (7); hence (guide C21, [DERIVED] from 003 (4.13): any "
                "eta < 2/L decreases) the accepted step is >= min(1, 1/L) and the number of halvings is <= "
                "max(0, floor(log2(L/2)) + 1)";
  c.check = "Algorithm 1 with the library's optim::halving_search as its inner loop: on seeded `quadratic` instances "
            "(n = 3, spectra {L/c, 9L/10, L}, L in {3/2, 4, 8, 10, 33/2, ...}) exactly in rational, and on "
            "logistic_regression with features scaled by s (L = s^2 L_meta, s in {1, 4, 8, 16}) in mp100; every "
            "accepted step and halving count compared (exactly) with the bounds";
  c.precision = {"rational", {"rational", "mp100"},
                 "quadratics exact; logistic regression in mp100 (the smallest |f(trial) - f(w)| relative to |f(w)| "
                 "is reported and must exceed 1e-80 for the strict test (6) to count as decided)"};
  c.run = [](const RunContext& ctx) { return check_halving_step_bound(library_halving(), derived_halving_bounds(), ctx); };
  return c;
}

Claim halving_stationary_erratum_claim() {
  Claim c;
  c.id = "survey.halving-stationary-erratum";
  c.title = "Erratum: Algorithm 1's halving loop is said to end with a decrease; at a stationary point it never ends";
  c.source = {kSource004, "2.3, Algorithm 1", "(6)-(7)", "L118-L146"};
  c.hypotheses = "any differentiable f; any iterate w^(k) of Algorithm 1 (no exclusion of stationary points)";
  c.statement = "\"This halving step size is repeated until this equation [(6)] is satisfied, i.e., until there is a "
                "decrease in the objective function. Note that this decrease will happen when the step size becomes "
                "small enough\" (L144): the inner loop of Algorithm 1 terminates at every w^(k)";
  c.check = "the printed inner loop (eta := 1; test (6); eta <- eta/2) run exactly in rational at the exact stationary "
            "points of castera_quadratic (minimum 0), castera_quartic (saddle 0) and a 3-D `quadratic` (A^-1 b): "
            "grad f(w) = 0 exactly, so w - eta grad f(w) = w and (6) is f(w) < f(w) for every eta (a proof of "
            "non-termination; the run is capped only to show it). The library's halving_search is run at the same "
            "points: it returns zero_gradient after 0 trials (the guard 004 lacks)";
  c.precision = {"rational", {"rational"}, "exact: grad f(w) = 0 is decided exactly"};
  c.erratum = true;
  c.run = [](const RunContext& ctx) { return check_halving_stationary(library_halving().exact, true, ctx); };
  return c;
}

}  // namespace ov::claims::survey
