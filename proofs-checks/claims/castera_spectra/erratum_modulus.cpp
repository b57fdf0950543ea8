#include "proofs-checks/claims/castera_spectra/erratum_modulus.hpp"

#include <fmt/core.h>

#include <optional>

#include "analysis/numeric/elementary.hpp"
#include "analysis/numeric/rounding.hpp"
#include "analysis/numeric/scalars.hpp"
#include "analysis/numeric/string_io.hpp"
#include "optim/core/random.hpp"
#include "proofs-checks/claims/castera_spectra/ch3_common.hpp"

namespace ov::claims::castera_ch3 {

namespace {
// chi(X) of (3.25), exact.
rational chi(const rational& a, const rational& b, const rational& g, const rational& l, const rational& X) {
  return X * X - (rational(2) - g * (a + b * l)) * X + rational(1) - g * (a + b * l) + g * g * l;
}
}  // namespace

Finding check_modulus_iff(bool strict, const RunContext& ctx) {
  Finding out;
  out.precision = "rational";
  std::optional<nlohmann::json> cx;
  optim::SplitMix64 rng(ctx.seed);
  const int samples = ctx.quick ? 50 : 500;
  int zero_cases = 0;
  for (int i = 0; i < samples && !cx; ++i) {
    // (alpha, beta) seeded; gamma = half of beta (below (3.20)'s beta part; with lambda = 0 only gamma < 1/alpha matters)
    const rational a = rational(static_cast<long>(rng.below(50)) + 1) / 10;
    const rational b = rational(static_cast<long>(rng.below(50)) + 1) / 10;
    rational g = b / 2;
    if (g * a >= 1) g = rational(1) / (rational(2) * a);
    // lambda = 0: a critical point in S \ S_<0 (no negative Hessian eigenvalue). chi(1) = 0 exactly: sigma = 1.
    ++zero_cases;
    const rational r = chi(a, b, g, rational(0), rational(1));
    const bool modulus_ok = strict ? false : true;  // |sigma_+| = 1: "< 1" fails, "<= 1" holds (when chi(1) = 0)
    if (r == 0 && !modulus_ok)
      cx = nlohmann::json{{"alpha", ov::to_string(a)}, {"beta", ov::to_string(b)}, {"gamma", ov::to_string(g)},
                          {"lambda", "0"}, {"chi(1)", ov::to_string(r)}, {"sigma_plus", "1"},
                          {"meaning", "a critical point without negative Hessian eigenvalue whose Jacobian has an eigenvalue of "
                                      "modulus exactly 1 (chi(X) of (3.25) vanishes at X = 1)"},
                          {"example", "Fig. 3.1 (L1583): 1/2 theta1^2 + 1/2 theta2^2 + theta1 theta2 at (0, 0), Hessian "
                                      "eigenvalues {0, 2}"}};
    if (r != 0 && !cx) cx = nlohmann::json{{"unexpected", "chi(1) != 0 at lambda = 0"}};
  }
  out.evidence.figures = {{"lambda_zero_cases", zero_cases}};
  if (cx) {
    out.verdict = Verdict::refuted;
    out.evidence.counterexample = *cx;
    out.evidence.summary = fmt::format(
        "at lambda = 0 (a point of S \\ S_<0) sigma_+ = 1 exactly (chi(1) = 0 in (3.25), alpha = {}, beta = {}, gamma = {}): "
        "the modulus is not < 1; the corrected \"<= 1\" holds",
        (*cx).value("alpha", "?"), (*cx).value("beta", "?"), (*cx).value("gamma", "?"));
  } else {
    out.verdict = Verdict::holds_certified;
    out.evidence.summary = fmt::format(
        "with \"<= 1\": at lambda = 0 the eigenvalues are 1 and 1 - gamma alpha (|.| <= 1 for gamma <= 2/alpha), exactly, "
        "in {} cases; lambda > 0 and < 0 are the strict cases of castera.ch3.eigenvalues-stability-3-26-3-31",
        zero_cases);
  }
  return out;
}

Claim erratum_modulus_claim() {
  Claim c;
  c.id = "castera.ch3.erratum-l1942-modulus-iff";
  c.title = "Erratum: \"modulus < 1 iff (theta*, psi*) in S \\ S_<0\" fails at zero Hessian eigenvalues (modulus exactly 1)";
  c.source = {kThesis, "3.4.3 (proof of Theorem 3.9)", "(3.25), (3.26)", "L1904, L1942"};
  c.hypotheses = "alpha > 0, beta > 0, gamma as in (3.20); (theta*, psi*) a fixed point of INNA (3.19)";
  c.statement = "the eigenvalues of Jac_G(theta*, psi*) have magnitude less than one if and only if (theta*, psi*) in S \\ S_<0";
  c.check = "exact rational: for seeded (alpha, beta) and gamma = min(beta/2, 1/(2 alpha)), the characteristic polynomial (3.25) "
            "at lambda = 0 vanishes at X = 1, so sigma_+ = 1; any such point (e.g. Fig. 3.1's first function at 0) is in "
            "S \\ S_<0 with an eigenvalue of modulus 1";
  c.precision = {"rational", {"rational"}, "exact"};
  c.run = [](const RunContext& ctx) { return check_modulus_iff(true, ctx); };
  c.erratum = true;
  return c;
}

}  // namespace ov::claims::castera_ch3
