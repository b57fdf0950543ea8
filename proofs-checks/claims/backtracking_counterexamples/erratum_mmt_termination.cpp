#include "proofs-checks/claims/backtracking_counterexamples/erratum_mmt_termination.hpp"

#include <fmt/core.h>

#include "analysis/problems/problem.hpp"
#include "analysis/problems/problem_objective.hpp"
#include "optim/core/oracle.hpp"
#include "optim/rules/backtracking_momentum.hpp"
#include "proofs-checks/claims/backtracking_counterexamples/common.hpp"

namespace ov::claims::erratum_mmt {

using bt_cex::str;

std::vector<Scenario> paper_gap_scenarios() {
  const rational half(1, 2);
  return {{"(a) grad f(z_n) = 0 (saddle of nesterov_example), v_{n-1} = (1, 1/2)", "nesterov_example",
           {rational(0), rational(0)}, {rational(1), half}, half, rational(2), rational(1), rational(9, 10), half, half},
          {"(b) delta0 = 4 > A2 = 2, v_{n-1} = 0, z_n = (1, 1) on nesterov_example", "nesterov_example",
           {rational(1), rational(1)}, {rational(0), rational(0)}, half, rational(2), rational(4), rational(9, 10), half,
           half}};
}

namespace {

// Condition i): (4)-(5) without square roots, exact.
bool condition_i(const Vec<rational>& g, const Vec<rational>& w, const Scenario& s) {
  const rational gg = g.squaredNorm(), ww = w.squaredNorm(), gw = g.dot(w);
  return s.A1 * s.A1 * gg <= ww && ww <= s.A2 * s.A2 * gg && gw >= 0 && gw * gw >= s.mu * s.mu * gg * ww;
}

}  // namespace

Finding check_mmt_termination(const std::vector<Scenario>& scenarios, const RunContext& ctx) {
  Finding out;
  out.precision = "rational";
  const int K = ctx.quick ? 200 : 2000;
  int nonterminating = 0, terminated = 0;
  nlohmann::json cases = nlohmann::json::array(), counterexample = nullptr;
  for (const auto& s : scenarios) {
    const problems::Problem p = problems::make_problem(s.problem);
    const auto& e = p.in<rational>();
    Vec<rational> z(p.dim()), v(p.dim());
    for (int i = 0; i < p.dim(); ++i) z[i] = s.z[i], v[i] = s.v_prev[i];
    const Vec<rational> g = e.gradient(z);
    // Literal stage 1 (L219): gamma' = gamma0, delta' = delta0, w = gamma' v + delta' g; while not i): gamma' *= beta.
    rational gp = s.gamma0;
    int k = 0;
    bool ok = false;
    for (; k < K; ++k, gp *= s.beta) {
      const Vec<rational> w = gp * v + s.delta0 * g;
      if (condition_i(g, w, s)) {
        ok = true;
        break;
      }
    }
    // Exact argument that no k can succeed.
    std::string argument;
    const bool g_zero = g.squaredNorm() == 0, v_zero = v.squaredNorm() == 0;
    if (!ok && g_zero && !v_zero && s.gamma0 > 0 && s.beta > 0)
      argument = "g = 0, so (4) needs ||w||^2 <= A2^2 ||g||^2 = 0, but ||w||^2 = (gamma0 beta^k)^2 ||v||^2 > 0 for "
                 "every k";
    else if (!ok && v_zero && !g_zero)
      argument = "v_{n-1} = 0, so w = delta0 g for every k and condition i) is the same test at every k, which fails "
                 "(delta0 = " + str(s.delta0) + " outside [A1, A2] = [" + str(s.A1) + ", " + str(s.A2) + "])";
    // What the library does (evidence).
    std::string library;
    try {
      optim::BacktrackingMomentumParameters<rational> bp;
      bp.A1 = s.A1, bp.A2 = s.A2, bp.delta0 = s.delta0, bp.gamma0 = s.gamma0, bp.mu = s.mu, bp.beta = s.beta;
      bp.alpha = rational(1, 2);
      optim::BacktrackingMomentum<rational> rule(bp);
      rule.set_velocity(v);
      problems::ProblemObjective<rational> obj(p);
      optim::Oracle<rational> oracle(obj);
      Vec<rational> x = z;
      const auto rep = rule.step(oracle, x);
      library = std::string("BacktrackingMomentum step: ") + optim::to_string(rep.status) +
                (rule.velocity().squaredNorm() == 0 ? ", v_n = 0" : "") + " (" + rep.message + ")";
    } catch (const std::exception& ex) {
      library = std::string("BacktrackingMomentum refuses the constants: ") + ex.what();
    }
    nlohmann::json c = {{"scenario", s.label}, {"terminated", ok}, {"trials", ok ? k + 1 : K}, {"library", library}};
    if (ok) {
      ++terminated;
    } else if (!argument.empty()) {
      ++nonterminating;
      c["argument"] = argument;
      if (counterexample.is_null()) {
        nlohmann::json zj = nlohmann::json::array(), vj = nlohmann::json::array();
        for (int i = 0; i < p.dim(); ++i) zj.push_back(str(z[i])), vj.push_back(str(v[i]));
        counterexample = {{"scenario", s.label}, {"problem", s.problem}, {"z_n", zj}, {"v_prev", vj},
                          {"A1", str(s.A1)}, {"A2", str(s.A2)}, {"delta0", str(s.delta0)}, {"gamma0", str(s.gamma0)},
                          {"mu", str(s.mu)}, {"beta", str(s.beta)}, {"bounded_search_trials", K},
                          {"argument", argument}};
      }
    } else {
      c["note"] = "no success within the bounded search and no exact argument: undecided";
    }
    cases.push_back(c);
  }
  out.parameters = {{"max_trials", K}, {"scenarios", scenarios.size()}};
  out.evidence.figures = {{"scenarios", scenarios.size()}, {"terminated", terminated},
                          {"never_terminates_proved", nonterminating}, {"cases", cases}};
  std::string libs;
  for (const auto& c : cases) libs += (libs.empty() ? "" : "; ") + c["library"].get<std::string>();
  if (nonterminating > 0) {
    out.verdict = Verdict::refuted;
    out.evidence.counterexample = counterexample;
    out.evidence.summary = fmt::format("stage 1 of Backtracking MMT as written never terminates in {}/{} scenarios "
                                       "(bounded search of {} trials, plus an exact argument for every k); library: {}",
                                       nonterminating, scenarios.size(), K, libs);
  } else if (terminated == static_cast<int>(scenarios.size())) {
    out.verdict = Verdict::holds;
    out.evidence.summary = fmt::format("stage 1 terminated in all {} scenarios (exact)", terminated);
  } else {
    out.verdict = Verdict::inconclusive;
    out.evidence.summary = "some scenario neither terminated nor was proved non-terminating";
  }
  out.evidence.figures = flatten_figures(out.evidence.figures);
  return out;
}

Claim mmt_termination_claim() {
  Claim c;
  c.id = "backtracking.erratum-mmt-stage1-termination";
  c.title = "Backtracking MMT (erratum): stage 1 does not terminate when grad f(z_n) = 0 != v_{n-1}, or when "
            "delta0 is outside [A1, A2]";
  c.source = {"000_47ba9189a2c8a171.txt", "2.3, Backtracking MMT", "conditions i), ii) of Inexact Backtracking GD",
              "L215-L221"};
  c.hypotheses = "0 < A1 < 1 < A2, delta0, gamma0 > 0, 0 < mu <= 1, 0 < alpha, beta < 1, any z_0, v_{-1} (L215)";
  c.statement = "while condition i) fails, gamma' <- gamma' beta; 'it can be easily checked that after a finite "
                "number of such steps, condition i) ... will be satisfied' (L219)";
  c.check = "the literal stage 1 in exact rationals for K trials (bounded search, flagged) in the two gap scenarios, "
            "with the exact argument that no k satisfies (4); the library's BacktrackingMomentum run on the same "
            "scenarios (evidence: it guards both)";
  c.precision = {"rational", {"rational"}, "exact; nothing to escalate"};
  c.erratum = true;
  c.run = [](const RunContext& ctx) { return check_mmt_termination(paper_gap_scenarios(), ctx); };
  return c;
}

}  // namespace ov::claims::erratum_mmt
