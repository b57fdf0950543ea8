#include "proofs-checks/claims/fleischmann_gd/efficiency.hpp"

#include <fmt/core.h>

#include <optional>

#include "nets/core/architecture.hpp"
#include "nets/core/network_objective.hpp"
#include "proofs-checks/claims/fleischmann_gd/common.hpp"

namespace ov::claims::fgd {

Finding check_redundant_data(int copies, const rational& perturbation, const RunContext& ctx) {
  Finding out;
  out.precision = "rational";
  optim::SplitMix64 rng(ctx.seed);
  // 003 §4.2's illustration (L619-L623): no hidden layer, one output, no bias, identity, square loss;
  // x in [0, 4]^2, y = x1 + x2 + e (e on a rational grid in [-1, 1] standing in for N(0, 1)).
  const auto a = nets::Architecture::fully_connected(2, {}, nets::Activation::parse("identity"), 1,
                                                     nets::Activation::parse("identity"), nets::Loss::parse("square"), false);
  const int n = 10;
  Mat<rational> X(2, n), Y(1, n);
  for (int s = 0; s < n; ++s) {
    X(0, s) = rational(static_cast<long>(rng.below(17)), 4);
    X(1, s) = rational(static_cast<long>(rng.below(17)), 4);
    Y(0, s) = X(0, s) + X(1, s) + draw(rng, 1, 8);
  }
  Mat<rational> XS(2, n * copies), YS(1, n * copies);
  for (int c = 0; c < copies; ++c) {
    XS.middleCols(c * n, n) = X;
    YS.middleCols(c * n, n) = Y;
  }
  YS(0, n * (copies - 1)) += perturbation;
  const nets::NetworkObjective<rational> sub(a, X, Y), full(a, XS, YS);
  std::optional<nlohmann::json> cex;
  const int points = ctx.quick ? 10 : 100;
  long compared = 0;
  for (int p = 0; p < points && !cex; ++p) {
    const Vec<rational> th = draw_vec(rng, 2, 3, 8);
    ++compared;
    if (sub.gradient(th) != full.gradient(th) || sub.value(th) != full.value(th))
      cex = nlohmann::json{{"theta", vec_json(th)}, {"grad_sub", vec_json(sub.gradient(th))},
                           {"grad_full", vec_json(full.gradient(th))}, {"copies", copies},
                           {"perturbation", ov::to_string(perturbation)}};
  }
  // GD with alpha = 1/32 (< 2/L: L = lambda_max(2 X X'/n) < 64) on both sets for the same number of processed
  // observations (per-sample gradients): identical iterates step for step, so S needs ten times the work.
  const rational alpha(1, 32);
  const int budget_steps_sub = ctx.quick ? 30 : 60;
  Vec<rational> ts = Vec<rational>::Zero(2), tf = Vec<rational>::Zero(2);
  nlohmann::json xs_sub = nlohmann::json::array(), ys_sub = nlohmann::json::array(), xs_full = nlohmann::json::array(),
                 ys_full = nlohmann::json::array();
  bool trajectories_identical = true;
  std::vector<rational> f_sub_path;
  for (int k = 0; k <= budget_steps_sub; ++k) {
    f_sub_path.push_back(sub.value(ts));
    xs_sub.push_back(static_cast<long>(k) * n);
    ys_sub.push_back(dbl(f_sub_path.back()));
    if (k < budget_steps_sub) ts -= alpha * sub.gradient(ts);
  }
  for (int k = 0; k * copies <= budget_steps_sub; ++k) {
    const rational ff = full.value(tf);
    if (ff != f_sub_path[static_cast<std::size_t>(k)]) trajectories_identical = false;
    xs_full.push_back(static_cast<long>(k) * n * copies);
    ys_full.push_back(dbl(ff));
    tf -= alpha * full.gradient(tf);
  }
  const std::string plot = "003 §4.2: GD on S_sub and on S = 10 copies, cost f against processed observations";
  out.evidence.series.push_back(series("GD on S_sub (n = 10)", plot, "measured", xs_sub, ys_sub,
                                       "processed observations (per-sample gradients)", "f", true));
  out.evidence.series.push_back(series("GD on S (10 copies, n = 100)", plot, "measured", xs_full, ys_full,
                                       "processed observations (per-sample gradients)", "f", true));
  const double f_sub_end = ys_sub.back().get<double>(), f_full_end = ys_full.back().get<double>();
  out.parameters = {{"copies", copies}, {"perturbation", ov::to_string(perturbation)}, {"alpha", "1/32"},
                    {"model", "2 -> 1 identity, no bias, square loss (003 §4.2)"}};
  out.evidence.figures = {{"points_compared", compared},
                          {"per_sample_gradients_per_step_sub", n},
                          {"per_sample_gradients_per_step_full", n * copies},
                          {"trajectories_identical", trajectories_identical},
                          {"f_after_budget_sub", f_sub_end},
                          {"f_after_budget_full", f_full_end}};
  if (cex || !trajectories_identical) {
    out.verdict = Verdict::refuted;
    out.evidence.counterexample = cex ? *cex : nlohmann::json{{"trajectories_identical", false}};
    out.evidence.summary = "the gradient over S differs from the gradient over S_sub (exact)";
  } else {
    out.verdict = Verdict::holds;
    out.evidence.summary = fmt::format(
        "grad f_S = grad f_Ssub and f_S = f_Ssub exactly at {} points and along GD (identical iterates), at {} times "
        "the per-sample gradients per step; after {} processed observations GD on S_sub reaches f = {:.4g}, GD on S "
        "f = {:.4g} (evidence for the inefficiency, 003 L695)",
        compared, copies, budget_steps_sub * n, f_sub_end, f_full_end);
  }
  return out;
}

Claim redundant_data_claim() {
  Claim c;
  c.id = "fleischmann.gd-redundant-data";
  c.title = "003 §4.2: on ten copies of S_sub, the full gradient costs ten times as much and gives the same result";
  c.source = {"003_61d556b637c4f269.txt", "4.2", "", "L695"};
  c.hypotheses = "S = 10 copies of S_sub; f = mean loss (003 (2.6)); 003 §4.2's linear model 2 -> 1, square loss; "
                 "rational data";
  c.statement = "computing grad f over S is ten times as expensive as over S_sub while both computations yield the same "
                "result, so gradient descent processes (redundant) training data inefficiently";
  c.check = "gradients and values over S and S_sub compared exactly in rational at seeded parameters; GD (alpha = 1/32) "
            "on both from 0 compared step by step (identical iterates), and the cost against the number of processed "
            "observations plotted (evidence for the qualitative inefficiency, guide C20)";
  c.precision = {"rational", {"rational"}, "exact arithmetic throughout"};
  c.run = [](const RunContext& ctx) { return check_redundant_data(10, rational(0), ctx); };
  return c;
}

}  // namespace ov::claims::fgd
