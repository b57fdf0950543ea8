#include "proofs-checks/claims/castera_step_tuned/clip_factor.hpp"

#include <fmt/core.h>

#include <optional>
#include <string>
#include <vector>

#include "analysis/problems/problem.hpp"
#include "analysis/problems/problem_objective.hpp"
#include "optim/core/batch_sampler.hpp"
#include "optim/core/oracle.hpp"
#include "optim/core/random.hpp"
#include "proofs-checks/claims/castera_step_tuned/common.hpp"

namespace ov::claims::castera_step_tuned {

StepTunedDoubleFactory library_step_tuned_double() {
  return [](const optim::StepTunedSgdOptions<double>& o) { return std::make_unique<optim::StepTunedSgd<double>>(o); };
}

Finding check_clip_factor(const StepTunedDoubleFactory& rule, const RunContext& ctx) {
  Finding out;
  out.precision = "double";
  const int runs = ctx.quick ? 2 : 6;
  const int iters = ctx.quick ? 150 : 1000;
  optim::SplitMix64 rng(ctx.seed);
  const problems::ProblemFiniteSum<double> regression(problems::make_problem("nonconvex_regression"));
  // Curvatures up to ~10 (inverse ~0.1 < m) and indefinite samples (the nu branch).
  const QuadraticSum<double> quad = make_quadratic_sum_double(20, 4, ctx.seed ^ 0x5eedULL, -8, 80);
  struct Case {
    const char* name;
    const optim::FiniteSumObjective<double>* f;
    std::size_t batch;
    double lr;
  };
  const Case cases[] = {{"nonconvex_regression", &regression, 50, 0.5}, {"quadratic_sum", &quad, 4, 0.05}};
  std::optional<nlohmann::json> cex;
  long checked = 0, low = 0, high = 0, interior = 0, concave = 0;
  double fmin = 1e300, fmax = -1e300;
  for (const Case& cs : cases) {
    for (int r = 0; r < runs && !cex; ++r) {
      optim::StepTunedSgdOptions<double> o;  // the footnote-2 defaults
      o.lr = cs.lr;
      auto opt = rule(o);
      const std::uint64_t bseed = rng.next();
      optim::BatchSampler sampler(cs.f->num_samples(), cs.batch, optim::Sampling::with_replacement, bseed);
      optim::Oracle<double> oracle(*cs.f, sampler);
      optim::Vector<double> x(cs.f->dim());
      for (int i = 0; i < x.size(); ++i) x[i] = 2 * rng.uniform() - 1;
      std::vector<double> ks, factors;
      for (int k = 0; k < iters; ++k) {
        oracle.next_batch();
        const auto rep = opt->step(oracle, x);
        if (rep.refused()) throw std::runtime_error(std::string("the rule refused a step: ") + rep.message);
        const auto& st = opt->state();
        const double gamma = st.gamma;  // gamma_{k+1}: the factor of the next step
        ++checked;
        fmin = std::min(fmin, gamma);
        fmax = std::max(fmax, gamma);
        if (st.last_branch == optim::StepTunedBranch::concave_nu) ++concave;
        if (gamma == o.m) ++low;
        else if (gamma == o.M) ++high;
        else ++interior;
        if (cs.f == &regression && r == 0) {
          ks.push_back(k + 1);
          factors.push_back(gamma);
        }
        // Exact comparisons: m = 1/2 and M = 2 are binary64 numbers.
        if (!(gamma >= o.m && gamma <= o.M)) {
          cex = nlohmann::json{{"problem", cs.name}, {"run", r},        {"batch_seed", bseed}, {"k_plus_1", k + 1},
                               {"gamma", gamma},     {"m", o.m},        {"M", o.M},            {"lr", cs.lr},
                               {"seed", ctx.seed}};
          break;
        }
      }
      if (!ks.empty()) {
        const std::string plot = "Step-Tuned SGD on nonconvex_regression: step factor gamma_k = eta_k (k+1)^(1/2+delta) / alpha";
        out.evidence.series.push_back(series("gamma_k (run 0)", plot, "measured", ks, factors, "k", "gamma_k", false, false));
        out.evidence.series.push_back(series("M = 2", plot, "bound", {ks.front(), ks.back()}, {o.M, o.M}, "k", "gamma_k", false, false));
        out.evidence.series.push_back(series("m = 1/2", plot, "bound", {ks.front(), ks.back()}, {o.m, o.m}, "k", "gamma_k", false, false));
      }
    }
  }
  out.parameters = {{"problems", {"nonconvex_regression (batch 50, alpha 1/2)", "quadratic_sum 20x4, curvatures up to ~10 (batch 4, alpha 1/20)"}},
                    {"runs_per_problem", runs}, {"iterations", iters},
                    {"defaults", "(nu, beta, m, M, delta) = (2, 0.9, 0.5, 2, 0.001)"}};
  out.evidence.figures = {{"iterations_checked", checked}, {"at_lower_clip", low}, {"at_upper_clip", high},
                          {"interior", interior}, {"concave_branch", concave}, {"min_factor", fmin},
                          {"max_factor", fmax}};
  if (cex) {
    out.verdict = Verdict::refuted;
    out.evidence.counterexample = *cex;
    out.evidence.summary = fmt::format("gamma = {} outside [1/2, 2] on {} at k+1 = {} (exact comparison)",
                                       (*cex)["gamma"].get<double>(), (*cex)["problem"].get<std::string>(),
                                       (*cex)["k_plus_1"].get<int>());
  } else {
    out.verdict = Verdict::holds;
    out.evidence.summary = fmt::format(
        "gamma_k in [1/2, 2] at all {} iterations (exact comparisons): {} at the lower clip, {} at the upper clip "
        "({} from the concave branch nu = 2 = M), {} interior; observed factor range [{:.4g}, {:.4g}]",
        checked, low, high, concave, interior, fmin, fmax);
  }
  return out;
}

Claim clip_factor_claim() {
  Claim c;
  c.id = "castera.step-tuned.clip-factor";
  c.title = "Step-Tuned SGD: the clip [m, M] keeps the step within a factor 1/2..2 of alpha/(k+1)^(1/2+delta)";
  c.source = {"002_dc929347c6f8ce02.txt", "4.3.2 (Algorithm 3 line 17); 4.3.3 (parameters, footnote 2); 4.8.2", "Algorithm 3 line 17", "L2244, L2338, L2348, L2592"};
  c.hypotheses = "Algorithm 3 with the suggested defaults (nu, beta, m, M, delta) = (2, 0.9, 0.5, 2, 0.001) (L2348)";
  c.statement = "gamma_k in [m, M] = [1/2, 2] for all k (\"we enforce gamma_k in [m, M]\", L2338), hence "
                "eta_k in [alpha m, alpha M] / (k+1)^(1/2+delta) (L2592): the tuning rescales the base step by a "
                "factor in [1/2, 2]; since nu = 2 = M the concave branch gives exactly the upper clip";
  c.check = "optim::StepTunedSgd<double> (defaults) on nonconvex_regression (batch 50) and a seeded indefinite "
            "quadratic sum with curvatures up to ~10 (batch 4), seeded starts and batches; after every iteration "
            "gamma_{k+1} is compared exactly with 1/2 and 2 (binary64 numbers); counts of lower/upper clips and "
            "concave branches are reported";
  c.precision = {"double", {"double"}, "the comparisons gamma >= 1/2 and gamma <= 2 are exact in binary64"};
  c.run = [](const RunContext& ctx) { return check_clip_factor(library_step_tuned_double(), ctx); };
  return c;
}

}  // namespace ov::claims::castera_step_tuned
