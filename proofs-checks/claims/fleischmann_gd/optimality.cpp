#include "proofs-checks/claims/fleischmann_gd/optimality.hpp"

#include <fmt/core.h>

#include <memory>
#include <optional>
#include <string>

#include "analysis/numeric/exact_constant.hpp"
#include "analysis/numeric/inertia.hpp"
#include "analysis/problems/problem.hpp"
#include "nets/core/network.hpp"
#include "nets/core/network_objective.hpp"
#include "nets/special/linear_network.hpp"
#include "nets/special/quadratic_network.hpp"
#include "nets/special/symmetries.hpp"
#include "proofs-checks/claims/fleischmann_gd/common.hpp"

namespace ov::claims::fgd {

namespace {


// f(x + t u) < f(x) for some t in {1, 1/2, ..., 2^-40} (exact), or nullopt.
std::optional<rational> descent_step(const DeclaredPoint& p, const Vec<rational>& u) {
  const rational f0 = p.f(p.x);
  rational t = 1;
  for (int i = 0; i <= 40; ++i, t /= 2)
    if (p.f(Vec<rational>(p.x + t * u)) < f0) return t;
  return std::nullopt;
}

// A direction of negative curvature among e_i and e_i +- e_j (exact), or empty.
Vec<rational> negative_curvature(const Mat<rational>& H) {
  const int n = static_cast<int>(H.rows());
  for (int i = 0; i < n; ++i)
    if (H(i, i) < 0) {
      Vec<rational> u = Vec<rational>::Zero(n);
      u[i] = 1;
      return u;
    }
  for (int i = 0; i < n; ++i)
    for (int j = i + 1; j < n; ++j)
      for (int s = -1; s <= 1; s += 2)
        if (H(i, i) + H(j, j) + 2 * s * H(i, j) < 0) {
          Vec<rational> u = Vec<rational>::Zero(n);
          u[i] = 1;
          u[j] = s;
          return u;
        }
  return {};
}

nets::Dataset tiny_dataset(const std::vector<std::vector<double>>& x, const std::vector<double>& y) {
  nets::Dataset d;
  d.inputs.resize(static_cast<Eigen::Index>(x.size()), static_cast<Eigen::Index>(x[0].size()));
  d.targets.resize(static_cast<Eigen::Index>(y.size()), 1);
  for (std::size_t i = 0; i < x.size(); ++i) {
    for (std::size_t k = 0; k < x[i].size(); ++k) d.inputs(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(k)) = x[i][k];
    d.targets(static_cast<Eigen::Index>(i), 0) = y[i];
  }
  return d;
}

}  // namespace

std::vector<DeclaredPoint> known_critical_points() {
  std::vector<DeclaredPoint> out;
  for (const char* name : {"castera_quadratic", "castera_quartic", "double_well", "ring", "nesterov_example", "square"}) {
    const auto problem = std::make_shared<problems::Problem>(problems::make_problem(name));
    for (const auto& cp : problem->info().critical_points) {
      if (!cp.exact) continue;
      Vec<rational> x;
      try {
        x = problem->point<rational>(cp.x);
      } catch (const std::exception&) {
        continue;  // an irrational coordinate (sqrt(2)): not exact in rational
      }
      std::string kind;
      switch (cp.kind) {
        case problems::PointKind::minimum:
        case problems::PointKind::degenerate_minimum: kind = "minimum"; break;
        case problems::PointKind::strict_saddle: kind = "saddle"; break;
        case problems::PointKind::maximum: kind = "maximum"; break;
        default: continue;
      }
      DeclaredPoint p;
      std::string coords;
      for (std::size_t i = 0; i < cp.x.size(); ++i) coords += (i ? ", " : "") + cp.x[i];
      p.where = std::string(name) + " at (" + coords + ")";
      p.f = [problem](const Vec<rational>& z) { return problem->value<rational>(z); };
      p.grad = [problem](const Vec<rational>& z) { return problem->gradient<rational>(z); };
      p.hess = [problem](const Vec<rational>& z) { return problem->hessian<rational>(z); };
      p.x = x;
      p.declared = kind;
      out.push_back(std::move(p));
    }
  }
  // 004 Prop 4's quadratic network, d = 2, k = 4, at W = 0 with negative targets: a strict saddle when v has both
  // signs (the hypothesis), the minimum when v is one-signed (v'sigma(Wx) >= 0 > y).
  const nets::Dataset qd = tiny_dataset({{1, 0}, {0, 1}, {1, 1}}, {-1, -2, -1});
  for (int one_signed = 0; one_signed < 2; ++one_signed) {
    Vec<double> v(4);
    if (one_signed) v << 1, 1, 1, 1;
    else v << 1, 1, -1, -1;
    auto obj = std::make_shared<nets::special::QuadraticNetworkObjective<rational>>(qd, v);
    DeclaredPoint p;
    p.where = std::string("quadratic network (004 Prop 4) d = 2, k = 4, W = 0, v = ") +
              (one_signed ? "(1, 1, 1, 1)" : "(1, 1, -1, -1)");
    p.f = [obj](const Vec<rational>& z) { return obj->value(z); };
    p.grad = [obj](const Vec<rational>& z) { return obj->gradient(z); };
    p.hess = [obj](const Vec<rational>& z) { return obj->hessian(z); };
    p.x = Vec<rational>::Zero(8);
    p.declared = one_signed ? "minimum" : "saddle";
    out.push_back(std::move(p));
  }
  // A linear network 3 -> 1 -> 3 (003 Theorem 3.5 / Baldi-Hornik): I = {1} the global minimum, {2}, {3} saddles.
  const auto bh = nets::special::baldi_hornik_data({3, 2, 1}, 1, 11);
  const auto moments = nets::special::linear_moments(bh.data);
  auto lin = std::make_shared<nets::NetworkObjective<rational>>(nets::special::linear_network(3, 1, 3), bh.data);
  for (int i = 0; i < 3; ++i) {
    DeclaredPoint p;
    p.where = fmt::format("linear network 3 -> 1 -> 3 (Baldi-Hornik), I = {{{}}}", i + 1);
    p.f = [lin](const Vec<rational>& z) { return lin->value(z); };
    p.grad = [lin](const Vec<rational>& z) { return lin->gradient(z); };
    p.hess = [lin](const Vec<rational>& z) { return lin->hessian(z); };
    p.x = nets::special::baldi_hornik_point(moments, bh.U, {i}, Mat<rational>::Identity(1, 1));
    p.declared = i == 0 ? "minimum" : "saddle";
    out.push_back(std::move(p));
  }
  return out;
}

Finding check_stationary_points(const std::vector<DeclaredPoint>& points, const RunContext& ctx) {
  Finding out;
  out.precision = "rational";
  optim::SplitMix64 rng(ctx.seed);
  const int probes = ctx.quick ? 6 : 40;
  std::optional<nlohmann::json> cex;
  long minima = 0, saddles = 0, maxima = 0, pd_minima = 0, probes_done = 0;
  nlohmann::json table = nlohmann::json::array();
  for (const auto& p : points) {
    if (cex) break;
    const Vec<rational> g = p.grad(p.x);
    const Mat<rational> H = p.hess(p.x);
    const Inertia in = inertia(H);
    table.push_back({{"point", p.where}, {"declared", p.declared}, {"grad_zero", g.squaredNorm() == 0},
                     {"inertia", to_string(in)}});
    auto fail = [&](const std::string& why, const nlohmann::json& extra) {
      cex = nlohmann::json{{"point", p.where}, {"x", vec_json(p.x)}, {"declared", p.declared}, {"inertia", to_string(in)},
                           {"violated", why}};
      cex->update(extra);
    };
    if (g.squaredNorm() != 0) {  // Theorem 3.1: every declared critical point, in particular every minimum
      const auto t = descent_step(p, -g);
      fail("Theorem 3.1: grad f(x*) = 0", {{"grad", vec_json(g)}, {"descent_step_along_minus_grad", t ? ov::to_string(*t) : "none"}});
      break;
    }
    if (p.declared == "minimum") {
      ++minima;
      if (in.negative > 0) {  // Theorem 3.2 (ii): a minimum has a PSD Hessian; exhibit the lower point
        const Vec<rational> u = negative_curvature(H);
        nlohmann::json extra{{"negative_eigenvalues", in.negative}};
        if (u.size() > 0) {
          const auto t = descent_step(p, u);
          if (t) {
            extra["lower_point"] = vec_json(Vec<rational>(p.x + *t * u));
            extra["f_lower"] = ov::to_string(p.f(Vec<rational>(p.x + *t * u)));
            extra["f_x"] = ov::to_string(p.f(p.x));
          }
        }
        fail("Theorem 3.2 (ii): the Hessian of a local minimum is positive semi-definite", extra);
        break;
      }
      if (in.positive == in.size()) ++pd_minima;
      // Theorem 3.3 (PD) and the declared minimality (PSD): f(x + r u) >= f(x) on seeded probes (evidence).
      const rational f0 = p.f(p.x);
      for (int k = 0; k < probes && !cex; ++k) {
        Vec<rational> u = draw_vec(rng, static_cast<int>(p.x.size()), 1, 8);
        const rational r = rational(1, 10 * (1 + k % 3) * (1 + k % 3));
        ++probes_done;
        if (p.f(Vec<rational>(p.x + r * u)) < f0)
          fail(in.positive == in.size() ? "Theorem 3.3: PD Hessian at a stationary point gives a local minimum"
                                        : "declared local minimum",
               {{"probe", vec_json(Vec<rational>(p.x + r * u))}});
      }
    } else if (p.declared == "saddle") {
      ++saddles;
      // Lee et al.'s strict saddle (003 L333): a negative eigenvalue, and not a maximum.
      if (in.negative == 0 || in.positive == 0) fail("strict saddle: inertia with both signs", {});
    } else if (p.declared == "maximum") {
      ++maxima;
      if (in.positive > 0) fail("maximum: negative semi-definite Hessian", {});
    }
  }
  out.parameters = {{"points", table}, {"probes_per_minimum", probes}};
  out.evidence.figures = {{"points", static_cast<long>(table.size())}, {"minima", minima}, {"pd_minima", pd_minima},
                          {"saddles", saddles}, {"maxima", maxima}, {"local_probes", probes_done}};
  if (cex) {
    out.verdict = Verdict::refuted;
    out.evidence.counterexample = *cex;
    out.evidence.summary = "refuted at " + (*cex)["point"].get<std::string>() + ": " + (*cex)["violated"].get<std::string>();
  } else {
    out.verdict = Verdict::holds;
    out.evidence.summary = fmt::format(
        "{} exactly known critical points: grad f = 0 exactly at all; the {} minima have PSD Hessians ({} PD; exact "
        "inertia, Sylvester) and no probe f(x + r u) < f(x) among {}; the {} saddles have inertia of both signs, the "
        "{} maxima NSD",
        table.size(), minima, pd_minima, probes_done, saddles, maxima);
  }
  return out;
}

Claim stationary_points_claim() {
  Claim c;
  c.id = "fleischmann.stationary-point-classification";
  c.title = "Theorems 3.1-3.3: stationary points of exactly known polynomial problems classified by exact Hessian inertia";
  c.source = {kThesis, "3.1, Theorems 3.1-3.3", "(3.1)", "L309-L339"};
  c.also_in = {{"004_3d3d1f2b4537bb54.txt", "2.2", "", "L100"}};
  c.hypotheses = "f twice differentiable; polynomial objectives with exactly known rational critical points: library "
                 "problems (castera_quadratic, castera_quartic, double_well, ring, nesterov_example, square), 004 Prop 4's "
                 "quadratic network at W = 0, a 3 -> 1 -> 3 linear network at its Baldi-Hornik points";
  c.statement = "a local minimum x* has grad f(x*) = 0 (3.1) and a PSD Hessian (Thm 3.2); grad f(x*) = 0 with a PD "
                "Hessian makes x* a local minimum (Thm 3.3)";
  c.check = "at every listed point: grad f = 0 exactly; exact inertia (rational congruence, Sylvester); a declared "
            "minimum must be PSD (else an exact lower point along a negative-curvature direction is exhibited) and no "
            "seeded probe x + r u (r in {1/10, 1/40, 1/90}) may be lower; a declared saddle needs both signs, a maximum "
            "an NSD Hessian";
  c.precision = {"rational", {"rational"}, "exact arithmetic throughout"};
  c.run = [](const RunContext& ctx) { return check_stationary_points(known_critical_points(), ctx); };
  return c;
}

// ---------------------------------------------------------------------------------------------
// Symmetries (003 §3.3)
// ---------------------------------------------------------------------------------------------

namespace {

template <class S>
bool same(const S& a, const S& b) {
  if constexpr (std::is_same_v<S, rational>) {
    return a == b;
  } else {
    using std::abs;
    return abs(a - b) <= constant<S>("1e-80") * (1 + abs(a) + abs(b));
  }
}

template <class S>
Vec<S> conv(const Vec<rational>& q) {
  Vec<S> v(q.size());
  for (Eigen::Index i = 0; i < q.size(); ++i) v[i] = round_to<S>(q[i]);
  return v;
}
template <class S>
Mat<S> conv(const Mat<rational>& q) {
  Mat<S> v(q.rows(), q.cols());
  for (Eigen::Index i = 0; i < q.rows(); ++i)
    for (Eigen::Index j = 0; j < q.cols(); ++j) v(i, j) = round_to<S>(q(i, j));
  return v;
}

// 003 L406 applied without the homogeneity check (for the false variants).
template <class S>
Vec<S> raw_rescale(const nets::Architecture& a, Vec<S> th, int l, int j, const S& c) {
  const long w = a.weight_offset(l), w2 = a.weight_offset(l + 1);
  const int dprev = a.width(l - 1), dl = a.width(l), dnext = a.width(l + 1);
  for (int k = 0; k < dprev; ++k) th[w + j * dprev + k] *= c;
  if (a.biases) th[a.bias_offset(l) + j] *= c;
  for (int r = 0; r < dnext; ++r) th[w2 + r * dl + j] /= c;
  return th;
}

struct Trial {
  bool prediction_same = true, loss_same = true, gradient_law = true;
  double grad_norm_ratio = 1;
  std::string max_prediction_change;
};

template <class S>
Trial rescale_trial(const nets::Architecture& a, const Vec<rational>& thq, const Mat<rational>& Xq,
                    const Mat<rational>& Yq, int l, int j, const rational& cq, bool library) {
  const Vec<S> th = conv<S>(thq);
  const Mat<S> X = conv<S>(Xq), Y = conv<S>(Yq);
  const S c = round_to<S>(cq);
  nets::NetworkObjective<S> obj(a, X, Y);
  const Vec<S> th2 = library ? nets::special::rescale_neuron(a, th, l, j, c) : raw_rescale(a, th, l, j, c);
  const Mat<S> P = nets::forward(a, th, X), P2 = nets::forward(a, th2, X);
  Trial t;
  S maxd = 0;
  for (Eigen::Index i = 0; i < P.size(); ++i) {
    using std::abs;
    if (!same(P(i), P2(i))) t.prediction_same = false;
    if (abs(P(i) - P2(i)) > maxd) maxd = abs(P(i) - P2(i));
  }
  t.max_prediction_change = ov::to_string(maxd);
  Vec<S> g, g2;
  const S f = obj.value_and_gradient(th, g), f2 = obj.value_and_gradient(th2, g2);
  t.loss_same = same(f, f2);
  if (library) {
    const Vec<S> law = nets::special::rescale_neuron_gradient(a, g, l, j, c);
    for (Eigen::Index i = 0; i < g.size(); ++i)
      if (!same(law[i], g2[i])) t.gradient_law = false;
  }
  const S n1 = g.squaredNorm(), n2 = g2.squaredNorm();
  if constexpr (std::is_same_v<S, rational>) {
    t.grad_norm_ratio = n1 == 0 ? 1 : std::sqrt(dbl(rational(n2 / n1)));
  } else {
    t.grad_norm_ratio = n1 == 0 ? 1 : std::sqrt(static_cast<double>(n2 / n1));
  }
  return t;
}

nets::Activation act(const std::string& s) { return nets::Activation::parse(s); }

}  // namespace

Finding check_symmetries(const std::vector<std::string>& rescale_activations, int sign, const RunContext& ctx) {
  Finding out;
  optim::SplitMix64 rng(ctx.seed);
  const int nets_count = ctx.quick ? 6 : 40;
  std::optional<nlohmann::json> cex;
  long perms = 0, rescales = 0, gls = 0, norm_changed = 0;
  double min_ratio = 1e300, max_ratio = 0;  // ov-lint: double-literal-ok (running extremes)
  bool used_mp100 = false;
  const int n = 4;
  for (int t = 0; t < nets_count && !cex; ++t) {
    const int d0 = 2 + static_cast<int>(rng.below(2)), depth = 1 + static_cast<int>(rng.below(2));
    const int outputs = 1 + static_cast<int>(rng.below(2));
    std::vector<int> hidden;
    for (int h = 0; h < depth; ++h) hidden.push_back(2 + static_cast<int>(rng.below(3)));
    const Mat<rational> X = [&] {
      Mat<rational> m(d0, n);
      for (int i = 0; i < d0; ++i)
        for (int s = 0; s < n; ++s) m(i, s) = draw(rng, 2, 4);
      return m;
    }();
    const Mat<rational> Y = [&] {
      Mat<rational> m(outputs, n);
      for (int i = 0; i < outputs; ++i)
        for (int s = 0; s < n; ++s) m(i, s) = draw(rng, 2, 4);
      return m;
    }();
    // (a) permutation, relu / leaky relu alternating, exact.
    {
      const auto a = nets::Architecture::fully_connected(d0, hidden, act(t % 2 ? "leaky_relu:1/10" : "relu"), outputs,
                                                         act("identity"), nets::Loss::parse("square"), true);
      const Vec<rational> th = draw_vec(rng, static_cast<int>(a.num_parameters()), 2, 8);
      const int l = 1 + static_cast<int>(rng.below(static_cast<std::uint64_t>(depth)));
      std::vector<int> perm(static_cast<std::size_t>(a.width(l)));
      for (std::size_t i = 0; i < perm.size(); ++i) perm[i] = static_cast<int>(i);
      while (true) {
        rng.shuffle(perm);
        bool id = true;
        for (std::size_t i = 0; i < perm.size(); ++i) id = id && perm[i] == static_cast<int>(i);
        if (!id) break;
      }
      nets::NetworkObjective<rational> obj(a, X, Y);
      const Vec<rational> th2 = nets::special::permute_hidden(a, th, l, perm);
      Vec<rational> g, g2;
      const rational f = obj.value_and_gradient(th, g), f2 = obj.value_and_gradient(th2, g2);
      ++perms;
      const bool ok = nets::forward(a, th, X) == nets::forward(a, th2, X) && f == f2 &&
                      nets::special::permute_hidden_gradient(a, g, l, perm) == g2 && th2 != th;
      if (!ok) cex = nlohmann::json{{"operation", "permutation"}, {"network", a.describe()}, {"layer", l}, {"theta", vec_json(th)}};
    }
    // (b) GL(p) on a linear network m -> p -> m (003 L418-L420), exact.
    if (!cex) {
      const int p = 2;
      const auto a = nets::special::linear_network(d0, p, outputs);
      const Vec<rational> th = draw_vec(rng, static_cast<int>(a.num_parameters()), 2, 8);
      Mat<rational> C(p, p);
      for (int i = 0; i < p; ++i)
        for (int k = 0; k < p; ++k) C(i, k) = i == k ? rational(3) + draw(rng, 1, 4) : draw(rng, 1, 4);
      nets::NetworkObjective<rational> obj(a, X, Y);
      const Vec<rational> th2 = nets::special::gl_transform(a, th, C);
      Vec<rational> g, g2;
      const rational f = obj.value_and_gradient(th, g), f2 = obj.value_and_gradient(th2, g2);
      ++gls;
      const bool ok = nets::forward(a, th, X) == nets::forward(a, th2, X) && f == f2 &&
                      nets::special::gl_transform_gradient(a, g, C) == g2;
      if (!ok) cex = nlohmann::json{{"operation", "GL(p)"}, {"network", a.describe()}, {"theta", vec_json(th)}};
    }
    // (c) rescaling one hidden neuron by c = sign * p/q.
    if (!cex) {
      const std::string an = rescale_activations[static_cast<std::size_t>(t) % rescale_activations.size()];
      const auto a = nets::Architecture::fully_connected(d0, hidden, act(an), outputs, act("identity"),
                                                         nets::Loss::parse("square"), true);
      const Vec<rational> th = draw_vec(rng, static_cast<int>(a.num_parameters()), 2, 8);
      const int l = 1 + static_cast<int>(rng.below(static_cast<std::uint64_t>(depth)));
      const int j = static_cast<int>(rng.below(static_cast<std::uint64_t>(a.width(l))));
      long pn = 1 + static_cast<long>(rng.below(5)), qd = 1 + static_cast<long>(rng.below(5));
      if (pn == qd) ++pn;
      const rational c = rational(sign * pn, qd);
      const bool homogeneous = (a.activation(l).kind == nets::ActivationKind::relu ||
                                a.activation(l).kind == nets::ActivationKind::leaky_relu);
      const bool library = homogeneous && c > 0;
      Trial tr;
      if (a.rational_exact()) {
        tr = rescale_trial<rational>(a, th, X, Y, l, j, c, library);
      } else {
        used_mp100 = true;
        tr = rescale_trial<mp100>(a, th, X, Y, l, j, c, library);
      }
      ++rescales;
      if (std::abs(tr.grad_norm_ratio - 1) > 1e-12) ++norm_changed;  // ov-lint: double-literal-ok (figure only)
      min_ratio = std::min(min_ratio, tr.grad_norm_ratio);
      max_ratio = std::max(max_ratio, tr.grad_norm_ratio);
      if (!tr.prediction_same || !tr.loss_same || !tr.gradient_law)
        cex = nlohmann::json{{"operation", "rescaling"},
                             {"network", a.describe()},
                             {"layer", l},
                             {"neuron", j},
                             {"c", ov::to_string(c)},
                             {"theta", vec_json(th)},
                             {"prediction_same", tr.prediction_same},
                             {"loss_same", tr.loss_same},
                             {"gradient_law", tr.gradient_law},
                             {"max_prediction_change", tr.max_prediction_change},
                             {"arithmetic", a.rational_exact() ? "rational (exact)" : "mp100"}};
    }
  }
  // The plot: |grad f| and f under rescaling a ReLU neuron by c (003 L406; guide C4: flatness is not invariant).
  {
    const auto a = nets::Architecture::fully_connected(2, {3}, act("relu"), 1, act("identity"), nets::Loss::parse("square"), true);
    optim::SplitMix64 r2(ctx.seed + 7);
    const Vec<rational> th = draw_vec(r2, static_cast<int>(a.num_parameters()), 2, 8);
    Mat<rational> X(2, n), Y(1, n);
    for (int s = 0; s < n; ++s) {
      X(0, s) = draw(r2, 2, 4);
      X(1, s) = draw(r2, 2, 4);
      Y(0, s) = draw(r2, 2, 4);
    }
    nets::NetworkObjective<rational> obj(a, X, Y);
    nlohmann::json cs = nlohmann::json::array(), gn = nlohmann::json::array(), fs = nlohmann::json::array();
    for (int e = -4; e <= 4; ++e) {
      const rational c = e >= 0 ? rational(1L << e) : rational(1, 1L << -e);
      Vec<rational> thc = th;
      for (int j = 0; j < 3; ++j) thc = nets::special::rescale_neuron(a, thc, 1, j, c);
      Vec<rational> g;
      const rational f = obj.value_and_gradient(thc, g);
      cs.push_back(dbl(c));
      gn.push_back(dbl(g.squaredNorm()));
      fs.push_back(dbl(f));
    }
    const std::string plot = "003 §3.3 rescaling every hidden ReLU neuron by c: f unchanged, |grad f|^2 not";
    auto s1 = series("|grad f(theta_c)|^2", plot, "measured", cs, gn, "c", "value", true);
    auto s2 = series("f(theta_c)", plot, "measured", cs, fs, "c", "value", true);
    s1["log_x"] = true;
    s2["log_x"] = true;
    out.evidence.series.push_back(s1);
    out.evidence.series.push_back(s2);
  }
  nlohmann::json acts = rescale_activations;
  out.parameters = {{"rescale_activations", acts}, {"factor_sign", sign}, {"networks", nets_count}, {"samples", n}};
  out.evidence.figures = {{"permutations", perms},
                          {"rescalings", rescales},
                          {"gl_transforms", gls},
                          {"rescalings_changing_grad_norm", norm_changed},
                          {"min_grad_norm_ratio", min_ratio},
                          {"max_grad_norm_ratio", max_ratio}};
  out.precision = used_mp100 ? "mp100" : "rational";
  if (cex) {
    out.verdict = Verdict::refuted;
    out.evidence.counterexample = *cex;
    out.evidence.summary = "the " + (*cex)["operation"].get<std::string>() + " changes the network: " + (*cex).dump();
  } else {
    out.verdict = Verdict::holds;
    out.evidence.summary = fmt::format(
        "{} permutations, {} positive rescalings of (leaky) ReLU neurons and {} GL(2) transforms of linear networks "
        "leave predictions and loss bit-identical (rational) and transform the gradient by T^-T exactly; {} of the {} "
        "rescalings change |grad f| (ratio {:.3g} to {:.3g}), so gradient-based flatness is not invariant",
        perms, rescales, gls, norm_changed, rescales, min_ratio, max_ratio);
  }
  return out;
}

Claim symmetries_claim() {
  Claim c;
  c.id = "fleischmann.symmetries-non-identifiability";
  c.title = "003 §3.3: hidden-neuron permutations, positive (leaky) ReLU rescalings and GL(p) leave the network unchanged";
  c.source = {kThesis, "3.3", "", "L393-L406, L418-L420"};
  c.hypotheses = "fully connected networks with biases (relu, leaky_relu:1/10 hidden, identity output, square loss) and "
                 "linear networks m -> 2 -> m'; rational parameters and data";
  c.statement = "permuting hidden neurons with their weights and biases, multiplying a (leaky) ReLU neuron's incoming "
                "weights and bias by alpha > 0 and its outgoing weights by 1/alpha, and W1 -> C W1, W2 -> W2 C^-1 "
                "(C invertible) leave the prediction function (hence the loss) unchanged";
  c.check = "seeded random networks (1-2 hidden layers of width 2-4, 4 samples): predictions (forward pass) and loss "
            "compared exactly in rational before and after each operation (nets/special/symmetries.hpp); the gradient "
            "law grad f(T theta) = T^-T grad f(theta) checked exactly; the change of |grad f| under rescaling reported "
            "(guide C4: flatness measures are not invariant); a non-homogeneous activation or alpha <= 0 (the false "
            "variants) is evaluated in mp100 with a 1e-80 relative tolerance (mp100 rounding ~1e-100)";
  c.precision = {"rational", {"rational", "mp100"}, "exact for the statement; mp100 only for tanh/logistic variants"};
  c.run = [](const RunContext& ctx) { return check_symmetries({"relu", "leaky_relu:1/10"}, 1, ctx); };
  return c;
}

}  // namespace ov::claims::fgd
