#include "proofs-checks/claims/castera_dynamics/e_lambda_endpoint_erratum.hpp"

#include <fmt/core.h>

#include <optional>

#include "analysis/numeric/string_io.hpp"
#include "proofs-checks/claims/castera_dynamics/din_common.hpp"

namespace ov::claims::castera_dyn {

Finding check_e_lambda_coefficient(bool closed, const RunContext& ctx) {
  (void)ctx;  // a fixed exhaustive grid: nothing random
  Finding out;
  out.precision = "rational";
  std::optional<nlohmann::json> cex;
  int tested = 0;
  for (long i = 1; i <= 8 && !cex; ++i) {
    for (long j = 1; j <= 8 && !cex; ++j) {
      const rational alpha = ratio(i * i, 16), beta = ratio(j * j, 16), s = ratio(i * j, 16);
      const rational lo = (rational(1) - s) * (rational(1) - s), hi = (rational(1) + s) * (rational(1) + s);
      const rational d = (hi - lo) / 64;
      for (const rational& lambda : closed ? std::vector<rational>{lo, (lo + hi) / 2, hi}
                                           : std::vector<rational>{lo + d, (lo + hi) / 2, hi - d}) {
        const rational u = alpha * beta + rational(1) - lambda;
        const rational coeff = beta - u * u / (rational(4) * alpha);
        ++tested;
        if (!(coeff > 0)) {
          cex = nlohmann::json{{"alpha", ov::to_string(alpha)}, {"beta", ov::to_string(beta)},
                               {"lambda", ov::to_string(lambda)}, {"interval", {ov::to_string(lo), ov::to_string(hi)}},
                               {"coefficient", ov::to_string(coeff)},
                               {"meaning", "beta - (alpha beta + 1 - lambda)^2/(4 alpha) must be > 0"}};
          break;
        }
      }
    }
  }
  out.parameters = {{"grid", "alpha = (i/4)^2, beta = (j/4)^2, i, j = 1..8"}, {"closed_interval", closed}};
  out.evidence.figures = {{"lambdas_tested", tested}};
  if (cex) {
    out.verdict = Verdict::refuted;
    out.evidence.counterexample = *cex;
    out.evidence.summary =
        fmt::format("the coefficient beta - (alpha beta + 1 - lambda)^2/(4 alpha) is {} (not > 0) at lambda = {}, an "
                    "endpoint of [{}, {}] (alpha = {}, beta = {}); exact",
                    (*cex)["coefficient"].get<std::string>(), (*cex)["lambda"].get<std::string>(),
                    (*cex)["interval"][0].get<std::string>(), (*cex)["interval"][1].get<std::string>(),
                    (*cex)["alpha"].get<std::string>(), (*cex)["beta"].get<std::string>());
  } else {
    out.verdict = Verdict::holds;
    out.evidence.summary = fmt::format("the coefficient is > 0 at all {} (alpha, beta, lambda) tested ({} interval)",
                                       tested, closed ? "closed" : "open");
  }
  return out;
}

Claim e_lambda_endpoint_erratum_claim() {
  Claim c;
  c.id = "castera.lyapunov.e-lambda-strict-at-endpoints";
  c.title = "Erratum: beta - (alpha beta + 1 - lambda)^2/(4 alpha) > 0 fails at the endpoints of the lambda interval";
  c.source = {"002_dc929347c6f8ce02.txt", "2.4.4, proof of Lemma 2.5", "(2.20)", "L1222-L1224"};
  c.hypotheses = "alpha > 0, beta > 0";
  c.statement = "(as printed) (beta - (alpha beta + 1 - lambda)^2/(4 alpha)) > 0 holds whenever lambda in "
                "[(1 - sqrt(alpha beta))^2, (1 + sqrt(alpha beta))^2]";
  c.check = "exhaustive 8 x 8 grid alpha = (i/4)^2, beta = (j/4)^2 (sqrt(alpha beta) rational), lambda at both ends "
            "and the middle of the closed interval, coefficient computed exactly; the test checks that the open "
            "interval (the corrected statement) passes";
  c.precision = {"rational", {"rational"}, "exact arithmetic throughout"};
  c.erratum = true;
  c.run = [](const RunContext& ctx) { return check_e_lambda_coefficient(true, ctx); };
  return c;
}

}  // namespace ov::claims::castera_dyn
