#include "proofs-checks/claims/castera_spectra/erratum_gamma_minus.hpp"

#include <fmt/core.h>

#include <cmath>
#include <optional>

#include "analysis/numeric/elementary.hpp"
#include "analysis/numeric/rounding.hpp"
#include "analysis/numeric/scalars.hpp"
#include "analysis/numeric/string_io.hpp"
#include "optim/core/random.hpp"
#include "proofs-checks/claims/castera_spectra/ch3_common.hpp"

namespace ov::claims::castera_ch3 {

Finding check_gamma_minus_bound(int direction, const RunContext& ctx) {
  Finding out;
  out.precision = "interval";
  std::optional<nlohmann::json> cx;
  optim::SplitMix64 rng(ctx.seed);
  const int samples = ctx.quick ? 30 : 300;
  int decided = 0;
  auto gm = [](const interval& a, const interval& b, const interval& x) {
    const interval s = a + b * x;
    return interval(interval(2) / (s + ov::num::sqrt(interval(s * s - interval(4) * x))));  // = (3.40)'s gamma_- for x > 0
  };
  for (int i = 0; i < samples && !cx; ++i) {
    // alpha beta <= 1 with L > x+ and lambda in (x+, L): the case of L2068.
    const rational a = i == 0 ? rational(1) / 2 : rational(static_cast<long>(rng.below(10)) + 1) / 10;
    const rational b = i == 0 ? rational(1) / 10 : rational(static_cast<long>(rng.below(10)) + 1) / 10;
    const double xp = (2 - to_double(a * b) + 2 * std::sqrt(1 - to_double(a * b))) / std::pow(to_double(b), 2);
    const rational L = i == 0 ? rational(1000) : rational(static_cast<long>(std::ceil(4 * xp)) + 1);
    const rational lam = i == 0 ? rational(500) : rational(static_cast<long>(std::ceil(2 * xp)) + 1);
    const interval ia = round_to<interval>(a), ib = round_to<interval>(b);
    const interval at_lam = gm(ia, ib, round_to<interval>(lam)), at_L = gm(ia, ib, round_to<interval>(L));
    const interval diff = at_lam - at_L;  // printed: <= 0; corrected: >= 0
    if (lower(diff) > 0 || upper(diff) < 0) ++decided;
    const bool violates = direction < 0 ? lower(diff) > 0 : upper(diff) < 0;
    if (violates)
      cx = nlohmann::json{{"alpha", ov::to_string(a)}, {"beta", ov::to_string(b)}, {"L", ov::to_string(L)},
                          {"lambda", ov::to_string(lam)}, {"gamma_minus(lambda)", ov::to_string(at_lam)},
                          {"gamma_minus(L)", ov::to_string(at_L)}};
  }
  out.evidence.figures = {{"samples", samples}, {"decided_by_interval", decided}};
  if (cx) {
    out.verdict = Verdict::refuted;
    out.evidence.counterexample = *cx;
    out.evidence.summary = fmt::format("gamma_-({}) {} gamma_-(L = {}) (certified by MPFI) at (alpha, beta) = ({}, {})",
                                       (*cx)["lambda"].get<std::string>(), direction < 0 ? ">" : "<",
                                       (*cx)["L"].get<std::string>(), (*cx)["alpha"].get<std::string>(),
                                       (*cx)["beta"].get<std::string>());
  } else {
    out.verdict = Verdict::holds;
    out.evidence.summary = fmt::format("gamma_-(lambda) {} gamma_-(L) at all {} sampled (alpha, beta, lambda, L) ({} decided "
                                       "by interval)",
                                       direction < 0 ? "<=" : ">=", samples, decided);
  }
  return out;
}

Claim erratum_gamma_minus_claim() {
  Claim c;
  c.id = "castera.ch3.erratum-l2068-gamma-minus-bound";
  c.title = "Erratum (proof of Theorem 3.12): on (x+, L] gamma_- is >= its value at L, not <=";
  c.source = {kThesis, "3.7 (proof of Theorem 3.12)", "(3.40), Lemma 3.15", "L2066-L2068"};
  c.hypotheses = "alpha > 0, beta > 0, alpha beta <= 1, L > x+, lambda in (x+, L]";
  c.statement = "gamma_-(lambda) <= beta/2 + alpha/(2L) - sqrt((alpha + beta L)^2 - 4L)/(2L) for lambda in (x+, L] (as printed)";
  c.check = "MPFI enclosures of gamma_-(lambda) - gamma_-(L) (written 2/((a + b x) + sqrt(Delta)), equal to (3.40) for x > 0) at "
            "(1/2, 1/10, lambda = 500, L = 1000) and 300 seeded (alpha, beta) with lambda ~ 2 x+, L ~ 4 x+ (quick 30); a "
            "certainly positive difference refutes the printed inequality";
  c.precision = {"interval", {"interval"}, "the sign is decided by the enclosure"};
  c.run = [](const RunContext& ctx) { return check_gamma_minus_bound(-1, ctx); };
  c.erratum = true;
  return c;
}

}  // namespace ov::claims::castera_ch3
