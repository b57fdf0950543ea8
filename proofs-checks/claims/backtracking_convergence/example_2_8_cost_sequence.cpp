#include "proofs-checks/claims/backtracking_convergence/example_2_8_cost_sequence.hpp"

#include <cmath>

#include "optim/core/oracle.hpp"

namespace ov::claims::btconv {

namespace {

class CostSequenceBacktracking : public optim::Optimizer<double> {
 public:
  explicit CostSequenceBacktracking(Perturbation p) : p_(std::move(p)) {}
  std::string name() const override { return "backtracking_gd on f_n = f + " + p_.name; }
  std::vector<optim::Hyperparameter> hyperparameters() const override {
    return {{"delta0", "1"}, {"alpha", "1/2"}, {"beta", "1/2"}};
  }
  optim::StepReport<double> step(optim::Oracle<double>& f, DVec& x) override {
    const long n = n_ + 1;
    DVec g;
    const double f0 = f.value_and_gradient(x, g) + p_.value(x, n);
    g += p_.gradient(x, n);
    optim::StepReport<double> rep;
    if (!std::isfinite(f0)) return optim::StepReport<double>::refuse(optim::StepStatus::refused_non_finite_value, "f_n(x)");
    const double g2 = g.squaredNorm();
    ++n_;
    if (g2 == 0) {  // critical for f_n only: stay; f_{n+1} differs
      rep.step_size = 1.0;
      return rep;
    }
    double sigma = 1.0;
    for (int t = 0; t < 100; ++t, sigma *= 0.5) {
      const DVec y = x - sigma * g;
      const double fy = f.value(y) + p_.value(y, n);
      if (std::isfinite(fy) && fy - f0 <= -0.5 * sigma * g2) {
        x = y;
        rep.step_size = sigma;
        rep.trials = t + 1;
        return rep;
      }
    }
    --n_;
    return optim::StepReport<double>::refuse(optim::StepStatus::refused_search_failed, "no Armijo step for f_n in double");
  }
  void reset() override { n_ = 0; }

 private:
  Perturbation p_;
  long n_ = 0;
};

}  // namespace

Perturbation vanishing_oscillation() {
  Perturbation p;
  p.name = "n^-4 sin(n <a, x>)";
  p.value = [](const DVec& x, long n) {
    const double k = static_cast<double>(n);
    return std::sin(k * x.sum() / std::sqrt(static_cast<double>(x.size()))) / (k * k * k * k);
  };
  p.gradient = [](const DVec& x, long n) {
    const double k = static_cast<double>(n), s = std::sqrt(static_cast<double>(x.size()));
    return DVec(DVec::Constant(x.size(), std::cos(k * x.sum() / s) / (k * k * k * s)));
  };
  return p;
}

NamedRule cost_sequence_rule(const Perturbation& p) {
  return {"backtracking_gd on f_n = f + " + p.name + " (delta0=1, alpha=beta=1/2)", [p](std::uint64_t) {
            return std::unique_ptr<optim::Optimizer<double>>(std::make_unique<CostSequenceBacktracking>(p));
          }};
}

Finding check_example_2_8(const NamedRule& rule, const RunContext& ctx) {
  OutcomeStudy s;
  const std::vector<std::string> names =
      ctx.quick ? std::vector<std::string>{"double_well", "ring", "exp"}
                : std::vector<std::string>{"double_well", "nesterov_example", "himmelblau", "ring", "abs_power",
                                           "cubic_linear", "exp"};
  for (const auto& n : names) s.targets.push_back(library_target(n));
  s.rules = {rule};
  s.starts = ctx.quick ? 5 : 60;
  s.options.max_steps = ctx.quick ? 3000 : 20000;
  s.statement_label = "every orbit of the f_n-sequence diverges or converges to a critical point of f";
  return check_outcomes(s, ctx);
}

Claim example_2_8_claim() {
  Claim c;
  c.id = "backtracking.example-2-8-cost-sequence";
  c.title = "Example 2.8: Backtracking GD on a sequence f_n -> f (C^1-uniformly on compacts) keeps Theorem 2.1's conclusions";
  c.source = {"000_47ba9189a2c8a171.txt", "2.2, Example 2.8", "(7)-(8)", "L191"};
  c.hypotheses =
      "f_n -> f and grad f_n -> grad f uniformly on compact sets; z_{n+1} = z_n - delta_n grad f_n(z_n), delta_n = "
      "delta(f_n, delta0, z_n); here f_n = f + n^-4 sin(n <a, x>), a = (1, ..., 1)/sqrt(m) (our choice), delta0 = 1, alpha = beta = 1/2";
  c.statement = "all conclusions of Theorem 2.1 hold (divergence, or convergence to a critical point of f)";
  c.check =
      "Seeded uniform starts (60 per function, quick 5) on double_well, nesterov_example, himmelblau, ring, |x|^(3/2), "
      "x^3 - 3x, e^t; each run classified against f by outcomes.hpp (converged: ||grad f(z_N)|| <= 1e-6 (1 + |f|) in "
      "mp50 and tail movement <= 1e-8; diverged; other refutes unless unresolved). The paper gives no proof beyond "
      "the claim; evidence from a finite sample.";
  c.precision = {"double", {"double", "mp50"}, "the classifier confirms the final gradient norm of f in mp50"};
  c.run = [](const RunContext& ctx) { return check_example_2_8(cost_sequence_rule(vanishing_oscillation()), ctx); };
  return c;
}

}  // namespace ov::claims::btconv
