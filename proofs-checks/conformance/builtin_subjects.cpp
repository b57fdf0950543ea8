// The registry's rules as conformance subjects (builtin_subjects.hpp). Each declaration
// below cites where the claim comes from; docs/conformance.md tabulates them.
#include "proofs-checks/conformance/builtin_subjects.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <memory>
#include <stdexcept>

#include "analysis/numeric/exact_constant.hpp"
#include "optim/registry/all_entries.hpp"
#include "proofs-checks/conformance/broken_optimizers.hpp"
#include "proofs-checks/conformance/property_text.hpp"

namespace ov::conformance {

namespace builtin_subjects_detail {

const optim::Registry<double>& registry() {
  static const optim::Registry<double> r = optim::make_registry<double>();
  return r;
}

double parse_scalar(const std::string& t) { return constant<double>(t); }

std::string spec_with_step(const optim::OptimizerSpec& s, const std::string& key, double step) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.17g", step);
  std::string out = s.name + ":" + key + "=" + buf;
  for (const auto& [k, v] : s.params)
    if (k != key) out += "," + k + "=" + v;
  return out;
}

// Spectral radius of the 2x2 linear recurrence z^2 - p z + q = 0.
double root_modulus(double p, double q) {
  const double disc = p * p - 4 * q;
  if (disc < 0) return std::sqrt(std::max(q, 0.0));
  const double s = std::sqrt(disc);
  return std::max(std::abs(p + s), std::abs(p - s)) / 2;
}

// Nesterov's method (000 §2.3 L207-210, paper form; the PyTorch and Sutskever forms have
// the same iterates up to the look-ahead shift, optim/rules/momentum_form.hpp) on an
// eigenvalue lambda of a quadratic: with a = 1 - lr lambda, z_{n+1} = a (1 + g) z_n - a g z_{n-1},
// characteristic polynomial z^2 - a (1 + g) z + a g (derivation in docs/conformance.md).
double nesterov_rate_at(double lr, double g, double lambda) {
  const double a = 1 - lr * lambda;
  return root_modulus(a * (1 + g), a * g);
}

// The worst modulus over [mu, L]: both ends and 256 geometric points (the complex-root
// modulus sqrt(a g) varies inside the interval, so the ends alone do not suffice).
double nesterov_rate(double lr, double g, double mu, double L) {
  double worst = std::max(nesterov_rate_at(lr, g, mu), nesterov_rate_at(lr, g, L));
  if (mu > 0 && L > mu) {
    for (int i = 1; i < 256; ++i) {
      const double lambda = mu * std::pow(L / mu, i / 256.0);
      worst = std::max(worst, nesterov_rate_at(lr, g, lambda));
    }
  }
  return worst;
}

// Deterministic fixed-step INNA on an eigenvalue lambda: the modulus of the roots of the
// characteristic polynomial (3.25) of 002 Ch. 3,
//   X^2 - (2 - gamma (alpha + beta lambda)) X + 1 - gamma (alpha + beta lambda) + gamma^2 lambda.
double inna_rate_at(double alpha, double beta, double gamma, double lambda) {
  return root_modulus(2 - gamma * (alpha + beta * lambda), 1 - gamma * (alpha + beta * lambda) + gamma * gamma * lambda);
}

// The declared safe L of fixed-step INNA: 9/10 of the first lambda > 0 at which the
// modulus reaches 1 (002 (3.26)-(3.31): the complex case is stable iff gamma < beta +
// alpha/lambda (3.31), the real case iff gamma [alpha + beta lambda + sqrt(Delta)] < 4),
// found by a geometric scan of [1e-6, 1e6] and bisection; the 10% margin keeps the declared
// range away from the boundary, where the linearisation's rate tends to 1 and no finite
// trajectory can decide. 0 when small lambda > 0 is already unstable (gamma alpha >= 2);
// capped at 1e6 when no instability is found.
double inna_safe_L(double alpha, double beta, double gamma) {
  if (!(inna_rate_at(alpha, beta, gamma, 1e-6) < 1)) return 0;
  double lo = 1e-6, hi = 0;
  for (int i = 1; i <= 1200; ++i) {
    const double lambda = 1e-6 * std::pow(10.0, i / 100.0);
    if (!(inna_rate_at(alpha, beta, gamma, lambda) < 1)) {
      hi = lambda;
      break;
    }
    lo = lambda;
  }
  if (hi == 0) return 1e6;
  for (int i = 0; i < 60; ++i) {
    const double mid = 0.5 * (lo + hi);
    (inna_rate_at(alpha, beta, gamma, mid) < 1 ? lo : hi) = mid;
  }
  return 0.9 * lo;
}

StochasticDeclaration stochastic_with_step(double step) {
  StochasticDeclaration s;
  s.batch_size = 1;
  s.step = step;
  return s;
}

// The declarations of one registry rule from its parsed hyper-parameters.
Declarations declarations_of(const optim::RegistryEntry<double>& e, const optim::ParamReader<double>& r) {
  Declarations d;
  const std::string& n = e.name;
  if (n == "backtracking_gd") {
    // Armijo's rule: the LARGEST delta0 beta^k with f(x - t g) <= f(x) - alpha t ||g||^2
    // (000 §2.1 (7)-(8)); a decrease at every accepted step, whatever L (step 0 = own rule).
    d.descent = DescentDeclaration{0, 2, true, {}};
    LineSearchDeclaration l;
    l.armijo_alpha = r.scalar("alpha");
    l.delta0 = r.scalar("delta0");
    l.beta = r.scalar("beta");
    l.maximal = true;
    l.max_trials = static_cast<int>(r.integer("max_trials"));
    d.line_search = l;
  } else if (n == "two_way_backtracking_gd") {
    // 000 §2.5 L241: start from the previous step, shrink by beta or grow by 1/beta while
    // Armijo holds, not above delta0 (cap = paper). The step is on the lattice delta0 beta^k
    // only with the paper's cap; it is NOT the largest one (the growth stops at the first
    // failure), so maximality is not declared.
    d.descent = DescentDeclaration{0, 2, true, {}};
    LineSearchDeclaration l;
    l.armijo_alpha = r.scalar("alpha");
    l.max_trials = static_cast<int>(r.integer("max_trials"));
    if (r.text("cap") == "paper") {
      l.delta0 = r.scalar("delta0");
      l.beta = r.scalar("beta");
    }
    d.line_search = l;
  } else if (n == "inexact_backtracking_gd" || n == "backtracking_momentum" || n == "backtracking_nesterov") {
    // Armijo along a direction v with g^T v > 0 ((4)-(5) of 000 §2.2-2.3): a decrease at
    // every accepted step; the direction is not -g, so no line-search declaration (which
    // is about d = -g).
    d.descent = DescentDeclaration{0, 2, true, {}};
  } else if (n == "momentum" || n == "heavy_ball") {
    // Heavy ball (000 §2.3 L203-206; 004 (8)): the three written forms have the same
    // iterates (optim/rules/momentum_form.hpp).
    d.momentum = MomentumDeclaration{r.scalar("lr"), r.scalar("momentum")};
  } else if (n == "nesterov") {
    const double lr = r.scalar("lr"), g = r.scalar("momentum");
    d.momentum = MomentumDeclaration{lr, g};
    // Its own rate (not the heavy ball's): the spectral radius of the NAG recurrence, stable
    // iff lr L < 2 (1 + g) / (1 + 2 g) (Jury's conditions on z^2 - a(1+g) z + a g).
    d.descent = DescentDeclaration{lr, 2 * (1 + g) / (1 + 2 * g), false,
                                   [lr, g](double mu, double L) { return nesterov_rate(lr, g, mu, L); }};
  } else if (e.needs_finite_sum || n == "step_tuned_sgd" || n == "stochastic_gv_sgd" || n == "exact_gv_sgd" ||
             n == "expected_gv_sgd") {
    // Mini-batch methods (MBT: 000 §4.1; Step-Tuned SGD and its variants: 002 Ch. 4,
    // Algorithm 3). Their step is not a constant learning rate (a finder, a decaying
    // alpha/(k+1)^(1/2+delta)), so step = 0: no plateau-vs-step claim.
    d.stochastic = stochastic_with_step(0);
  } else if (n == "inna" || n == "inna_fixed_step") {
    // Deterministic fixed-step INNA is a fixed-point map of (theta, psi) (002 Ch. 3 (3.21));
    // with a decaying step (inna, decay_power > 0) it is not.
    const double gamma = n == "inna" ? r.scalar("lr") : r.scalar("gamma");
    const bool fixed = n == "inna_fixed_step" || r.scalar("decay_power") == 0;
    const double safe = fixed ? inna_safe_L(r.scalar("alpha"), r.scalar("beta"), gamma) : 0;
    if (safe > 0) d.fixed_point = FixedPointDeclaration{safe};
  } else if (n == "sgd") {
    const double lr = r.scalar("lr");
    if (r.scalar("weight_decay") == 0) {
      // Descent lemma: monotone decrease for lr L < 2 (003 Lemma 4.2, Thm 4.3 (4.11); 002 (1.25)-(1.27)).
      d.descent = DescentDeclaration{lr, 2, true, {}};
      // Saddle avoidance for lr < 1/L (003 Thm 4.4, Lee et al.): safe L = 9/10 of 1/lr.
      d.fixed_point = FixedPointDeclaration{0.9 / lr};
    }
    d.stochastic = stochastic_with_step(lr);
  } else if (n == "adam") {
    if (r.scalar("weight_decay") == 0) {
      AdaptiveDeclaration a;
      a.lr = r.scalar("lr");
      a.eps = r.scalar("eps");
      // Kingma & Ba's bias correction makes the first update lr per coordinate; the
      // as-printed 004 (45)-(46) variant claims the same correction (its exponent is the
      // erratum). A single global second moment (004 (44) as printed) does not.
      a.bias_corrected = r.text("second_moment") == "per_coordinate";
      d.adaptive = a;
    }
  } else if (n == "adagrad" || n == "adamax") {
    // First update lr per coordinate: Adagrad's v_1 = g_1^2 (004 (39)-(40)); AdaMax's
    // u_1 = |g_1| with m_1 / (1 - beta1) = g_1 (Kingma & Ba §7.1).
    d.adaptive = AdaptiveDeclaration{r.scalar("lr"), true, r.scalar("eps")};
  } else if (n == "rmsprop" || n == "rmsprop_global" || n == "adadelta" || n == "nadam") {
    // Adaptive (scale of f cancels up to eps) without an lr-sized first step: RMSprop's
    // v_1 = (1 - gamma) g^2 (004 (41)-(42)); Adadelta's step starts at sqrt(eps)-scale
    // (Zeiler §3.2); NAdam's first step mixes g and m with mu_1, mu_2 (Dozat 2016).
    d.adaptive = AdaptiveDeclaration{r.scalar("lr"), false, r.scalar("eps")};
  }
  // sam, esam, asam, step_tuned_full_batch: the documents make no descent, rate or
  // stability claim about them (004 §3.8; 002 Ch. 4 Algorithm 2): the universal suite only.
  return d;
}

}  // namespace builtin_subjects_detail

Subject builtin_subject(const std::string& spec) {
  using namespace builtin_subjects_detail;
  if (spec.rfind("broken:", 0) == 0) return broken_subject(spec.substr(7));
  if (spec.rfind("reference:", 0) == 0) return reference_subject(spec.substr(10));
  const optim::OptimizerSpec parsed = optim::parse_optimizer_spec(spec);
  const optim::RegistryEntry<double>& e = registry().find(parsed.name);
  const optim::ParamReader<double> reader(e.name, parsed.params, parse_scalar, e.parameters);
  Subject s;
  s.name = spec;
  s.origin = "builtin:" + spec;
  s.declared = declarations_of(e, reader);
  // The factory re-parses the spec (a fresh, identically configured instance each call);
  // validate() below builds one, so a bad hyper-parameter fails here, naming it.
  s.make = [spec] { return registry().make(spec, parse_scalar); };
  const std::string step_key = e.name == "inna_fixed_step" ? "gamma" : "lr";
  const bool has_step = std::any_of(e.parameters.begin(), e.parameters.end(),
                                    [&](const optim::ParameterSpec& p) { return p.name == step_key; });
  if (has_step) {
    s.make_with_step = [parsed, step_key](double step) {
      if (!(std::isfinite(step) && step > 0))
        throw std::invalid_argument(parsed.name + ": make_with_step: step = " + std::to_string(step) +
                                    " is outside (0, inf)");
      return registry().make(spec_with_step(parsed, step_key, step), parse_scalar);
    };
  }
  validate(s);
  return s;
}

std::vector<std::string> builtin_subject_names() {
  std::vector<std::string> out;
  for (const auto& e : builtin_subjects_detail::registry().entries()) out.push_back(e.name);
  return out;
}

std::string describe_declarations(const Declarations& d) {
  std::string out;
  auto add = [&out](const std::string& s) { out += (out.empty() ? "" : " ") + s; };
  if (d.descent)
    add("descent{step=" + str(d.descent->step) + ", bound=" + str(d.descent->stable_step_times_L) +
        (d.descent->monotone ? "" : ", not monotone") + (d.descent->claimed_rate ? ", own rate" : "") + "}");
  if (d.line_search) {
    const auto& l = *d.line_search;
    std::string t = "line_search{alpha=" + str(l.armijo_alpha);
    if (l.delta0) t += ", delta0=" + str(*l.delta0);
    if (l.beta) t += ", beta=" + str(*l.beta);
    if (l.maximal) t += ", maximal";
    add(t + ", max_trials=" + std::to_string(l.max_trials) + "}");
  }
  if (d.momentum) add("momentum{step=" + str(d.momentum->step) + ", momentum=" + str(d.momentum->momentum) + "}");
  if (d.adaptive)
    add("adaptive{lr=" + str(d.adaptive->lr) + (d.adaptive->bias_corrected ? ", bias_corrected" : "") +
        ", eps=" + str(d.adaptive->eps) + "}");
  if (d.fixed_point) add("fixed_point{safe_L=" + str(d.fixed_point->safe_L) + "}");
  if (d.stochastic)
    add("stochastic{batch=" + std::to_string(d.stochastic->batch_size) + ", step=" + str(d.stochastic->step) +
        (d.stochastic->draw_batch ? ", own sampling" : "") + "}");
  return out.empty() ? "(universal only)" : out;
}

std::vector<std::string> builtin_declaration_summary() {
  std::vector<std::string> out;
  for (const auto& n : builtin_subject_names()) out.push_back(n + ": " + describe_declarations(builtin_subject(n).declared));
  return out;
}

}  // namespace ov::conformance
