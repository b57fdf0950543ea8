#include "proofs-checks/claims/backtracking_counterexamples/thm216_gd_jacobian.hpp"

#include <fmt/core.h>

#include "analysis/numeric/decompositions.hpp"
#include "analysis/numeric/exact_constant.hpp"
#include "analysis/numeric/inertia.hpp"
#include "analysis/numeric/predicates.hpp"
#include "analysis/numeric/rounding.hpp"
#include "analysis/numeric/string_io.hpp"
#include "analysis/problems/problem.hpp"
#include "proofs-checks/claims/backtracking_counterexamples/common.hpp"

namespace ov::claims::thm216 {

using bt_cex::make_series;
using bt_cex::str;
using bt_cex::to_double;

StepRule paper_steps() {
  return [](const rational& L) { return std::vector<rational>{rational(99, 100) / L, rational(1) / (2 * L)}; };
}

namespace {

interval hull(const rational& lo, const rational& hi) {
  const interval a = round_to<interval>(lo), b = round_to<interval>(hi);
  return interval(lower(a), upper(b));
}

template <class T>
T det_j(const Mat<T>& H, const T& d) {
  const T a = T(1) - d * H(0, 0), b = -d * H(0, 1), c = -d * H(1, 0), e = T(1) - d * H(1, 1);
  return a * e - b * c;
}

}  // namespace

Finding check_thm216(const StepRule& steps, const RunContext& ctx) {
  Finding out;
  out.precision = "interval";
  const int N = ctx.quick ? 12 : 48;  // grid N x N on [-2, 2]^2
  const std::vector<std::string> names{"nesterov_example", "castera_quartic"};
  long boxes = 0, certified_boxes = 0, bisected = 0, undecided = 0;
  int saddles = 0, saddles_unstable = 0;
  nlohmann::json counterexample = nullptr, instances = nlohmann::json::array();
  for (const auto& name : names) {
    const problems::Problem prob = problems::make_problem(name);
    const auto& info = prob.info();
    if (!info.local_lipschitz || prob.dim() != 2) throw std::logic_error(name + ": no local L or not 2-D");
    const rational L = constant<rational>(info.local_lipschitz->value);
    const rational R = constant<rational>(info.local_lipschitz->radius);
    const auto& hi = prob.in<interval>();
    const auto& hr = prob.in<rational>();
    for (const rational& delta : steps(L)) {
      nlohmann::json inst = {{"problem", name}, {"L", str(L)}, {"delta", str(delta)}, {"delta_times_L", to_double(delta * L)}};
      const interval di = round_to<interval>(delta);
      long inst_cert = 0, inst_undecided = 0;
      // Boxes, with one level of 2x2 bisection for a box whose enclosure contains 0.
      std::vector<std::array<rational, 4>> work;
      for (int i = 0; i < N; ++i)
        for (int j = 0; j < N; ++j)
          work.push_back({-R + 2 * R * rational(i, N), -R + 2 * R * rational(i + 1, N), -R + 2 * R * rational(j, N),
                          -R + 2 * R * rational(j + 1, N)});
      std::vector<int> depth(work.size(), 0);
      for (std::size_t w = 0; w < work.size() && counterexample.is_null(); ++w) {
        const auto b = work[w];
        ++boxes;
        Vec<interval> X(2);
        X[0] = hull(b[0], b[1]);
        X[1] = hull(b[2], b[3]);
        const interval D = det_j<interval>(hi.hessian(X), di);
        if (certainly_zero(D) == Tribool::no) {
          ++certified_boxes, ++inst_cert;
          continue;
        }
        Vec<rational> c(2);
        c[0] = (b[0] + b[1]) / 2;
        c[1] = (b[2] + b[3]) / 2;
        const rational Dc = det_j<rational>(hr.hessian(c), delta);
        if (Dc == 0) {
          counterexample = {{"problem", name}, {"delta", str(delta)}, {"L", str(L)}, {"x", {str(c[0]), str(c[1])}},
                            {"det_exact", "0"}, {"argument", "det(I - delta Hess f(x)) = 0 exactly: the GD map is "
                                                             "not a local diffeomorphism at x"}};
          break;
        }
        if (depth[w] < 4) {
          ++bisected;
          const rational mx = c[0], my = c[1];
          for (const auto& nb : {std::array<rational, 4>{b[0], mx, b[2], my}, std::array<rational, 4>{mx, b[1], b[2], my},
                                 std::array<rational, 4>{b[0], mx, my, b[3]}, std::array<rational, 4>{mx, b[1], my, b[3]}}) {
            work.push_back(nb);
            depth.push_back(depth[w] + 1);
          }
        } else {
          ++undecided, ++inst_undecided;
        }
      }
      inst["certified_boxes"] = inst_cert;
      inst["undecided_boxes"] = inst_undecided;
      // Saddles: exact inertia.
      nlohmann::json sad = nlohmann::json::array();
      for (const auto& cp : info.critical_points) {
        if (cp.kind != problems::PointKind::strict_saddle || !cp.exact) continue;
        ++saddles;
        const Vec<rational> x = prob.point<rational>(cp.x);
        const Mat<rational> H = hr.hessian(x);
        const Inertia in = inertia(H);
        Mat<double> Jd(2, 2);
        for (int r = 0; r < 2; ++r)
          for (int s = 0; s < 2; ++s) Jd(r, s) = (r == s ? 1.0 : 0.0) - to_double(delta * H(r, s));
        const Vec<double> ev = symmetric_eigenvalues<double>(Jd);
        if (in.negative >= 1) ++saddles_unstable;
        else if (counterexample.is_null())
          counterexample = {{"problem", name}, {"saddle", cp.x}, {"inertia", to_string(in)},
                            {"argument", "no negative Hessian eigenvalue: no eigenvalue of J above 1"}};
        sad.push_back({{"x", cp.x}, {"inertia", to_string(in)}, {"J_eigenvalues_double", {ev[0], ev[1]}}});
        if (delta == steps(L).front()) {
          const std::string plot = "Thm 2.16: eigenvalues of J = I - delta Hess f at the saddles (delta = 0.99/L)";
          out.evidence.series.push_back(make_series(name + " saddle (" + cp.x[0] + ", " + cp.x[1] + ")", plot,
                                                    "spectrum", "measured", {ev[0], ev[1]}, {0.0, 0.0}, "Re", "Im",
                                                    false, false));
        }
      }
      inst["saddles"] = sad;
      instances.push_back(inst);
      if (!counterexample.is_null()) break;
    }
    if (!counterexample.is_null()) break;
  }
  out.parameters = {{"grid", fmt::format("{} x {} boxes on [-R, R]^2, R = the library's ball radius", N, N)},
                    {"bisection_depth", 4}};
  out.evidence.figures = {{"boxes", boxes},       {"certified_boxes", certified_boxes}, {"bisected", bisected},
                          {"undecided_boxes", undecided}, {"saddles", saddles}, {"saddles_unstable", saddles_unstable},
                          {"instances", instances}};
  if (!counterexample.is_null()) {
    out.verdict = Verdict::refuted;
    out.evidence.counterexample = counterexample;
    out.evidence.summary = "refuted: " + counterexample["argument"].get<std::string>() + " (" +
                           counterexample["problem"].get<std::string>() + ")";
  } else if (undecided > 0) {
    out.verdict = Verdict::inconclusive;
    out.evidence.summary = fmt::format("{} boxes undecided after bisection", undecided);
  } else {
    out.verdict = Verdict::holds;
    out.evidence.summary = fmt::format(
        "det(I - delta Hess f) != 0 certified (interval) on all {} boxes covering [-2, 2]^2 for nesterov_example "
        "(L = 46) and castera_quartic (L = 40), delta in {{0.99/L, 1/(2L)}}; {}/{} saddles have an exact negative "
        "Hessian eigenvalue, so J has an eigenvalue 1 - delta lambda > 1 (each instance certified; not a proof of "
        "the theorem)",
        certified_boxes, saddles_unstable, saddles);
  }
  out.evidence.figures = flatten_figures(out.evidence.figures);
  return out;
}

Claim thm216_claim() {
  Claim c;
  c.id = "backtracking.thm-2-16-gd-map-jacobian";
  c.title = "Theorem 2.16 (mechanism): for delta < 1/L the GD map has invertible Jacobian I - delta Hess f, "
            "with an unstable eigenvalue > 1 at saddles";
  c.source = {"000_47ba9189a2c8a171.txt", "2.6, Theorem 2.16", "x -> x - delta grad f(x)", "L302-L306"};
  c.also_in = {{"001_ca0824e53e7404e9.txt", "Lee et al. / Panageas-Piliouras", "", "S-L337-S-L363"}};
  c.hypotheses = "f in C^{1,1}_L on the region (nesterov_example, L = 46, and castera_quartic, L = 40, on the ball "
                 "of radius 2; the square [-2, 2]^2 is checked), delta < 1/L (99/(100L) and 1/(2L))";
  c.statement = "the Standard GD map x -> x - delta grad f(x) is a local diffeomorphism (det(I - delta Hess f) != 0) "
                "and at each strict saddle J = I - delta Hess f has an eigenvalue > 1 (the ingredients of [26, 35] "
                "quoted at L304)";
  c.check = "interval enclosures of det(I - delta H(X)) with the library's interval Hessian over a grid of boxes "
            "(bisected where 0 is not excluded; an exact rational centre with det = 0 refutes); exact inertia of "
            "the rational Hessian at each strict saddle";
  c.precision = {"interval", {"interval", "rational"},
                 "interval enclosures (inclusion property) and exact GMP inertia; double eigenvalues for the plot only"};
  c.run = [](const RunContext& ctx) { return check_thm216(paper_steps(), ctx); };
  return c;
}

}  // namespace ov::claims::thm216
