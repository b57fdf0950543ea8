// Metadata of every document family checked against the functions themselves:
// listed critical points are critical (mp100) with the stated kind, f_star is the
// least listed critical value, global/local Lipschitz constants bound sampled
// Hessian norms, analytic derivatives match autodiff. Each check is also shown to
// reject a deliberately wrong piece of metadata.
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "analysis/problems/catalog_documents.hpp"
#include "analysis/problems/problem.hpp"
#include "tests/problems/document_test_support.hpp"
#include "tests/support/generators.hpp"

namespace ov::problems {
namespace {

using testing::kind_matches;
using testing::refine_critical_point;

template <class... F>
std::vector<std::string> names_of(FamilyList<F...>) {
  return {F::kName...};
}
// Built once: describing nonconvex_regression generates and certifies its data.
const std::vector<Problem>& document_problems() {
  static const std::vector<Problem> problems = [] {
    std::vector<Problem> v;
    for (const auto& n : names_of(DocumentFamilies{})) v.push_back(make_problem(n));
    return v;
  }();
  return problems;
}

// ||grad f|| < 1e-80 at the (refined) point and the Hessian agrees with the kind.
// Exact points: the coordinates are correctly rounded in mp100 (~1e-100), the gradient is
// Lipschitz with L <= 50 there, so |grad| <~ 1e-98. Refined points: Newton from 64 digits
// converges quadratically to ~1e-99 in two steps; 8 are taken.
std::string critical_point_problem(const Problem& p, const CriticalPoint& c) {
  const auto& e = p.in<mp100>();
  Vec<mp100> x = p.point<mp100>(c.x);
  if (!c.exact) x = refine_critical_point(e, x);
  const mp100 g = e.gradient(x).norm();
  if (!(g < constant<mp100>("1e-80"))) return "gradient norm " + g.str(5);
  std::string why;
  if (c.kind != PointKind::nonsmooth && !kind_matches(c.kind, e.hessian(x), &why)) return why;
  if (!c.exact) {  // the listed digits are close to the true point
    const mp100 dist = (x - p.point<mp100>(c.x)).norm();
    if (!(dist < constant<mp100>("1e-60"))) return "listed point is " + dist.str(5) + " from the critical point";
  }
  return "";
}

TEST(DocumentMetadata, ListedCriticalPointsAreCriticalWithTheStatedKind) {
  for (const Problem& p : document_problems()) {
    const std::string& name = p.name();
    if (p.dim() > 2) continue;
    for (const auto& c : p.info().critical_points) {
      SCOPED_TRACE(name + " at " + c.x[0] + (c.x.size() > 1 ? ", " + c.x[1] : ""));
      EXPECT_EQ(critical_point_problem(p, c), "");
    }
  }
}

TEST(DocumentMetadata, CriticalPointCheckRejectsWrongMetadata) {
  const Problem n = make_problem("nesterov_example");
  EXPECT_NE(critical_point_problem(n, {{"0", "0"}, PointKind::minimum, true, ""}), "");       // it is a saddle
  EXPECT_NE(critical_point_problem(n, {{"0", "1/2"}, PointKind::minimum, true, ""}), "");     // not critical
  const Problem r = make_problem("ring");
  EXPECT_NE(critical_point_problem(r, {{"1", "0"}, PointKind::minimum, true, ""}), "");       // degenerate
  const Problem h = make_problem("mexican_hat");
  EXPECT_NE(critical_point_problem(h, {{"0", "0"}, PointKind::strict_saddle, true, ""}), ""); // a maximum
  const Problem o = make_problem("cubic_oscillation");
  // Digits off in the 30th place: Newton finds the point but the listed digits are too far.
  EXPECT_NE(critical_point_problem(o, {{"4.5361237503399586267854293092e-1", "2.4520923890995086388696266972e-1"},
                                       PointKind::minimum, false, ""}),
            "");
}

TEST(DocumentMetadata, FStarIsTheLeastListedCriticalValue) {
  for (const Problem& p : document_problems()) {
    const std::string& name = p.name();
    if (!p.info().f_star || p.info().critical_points.empty()) continue;
    SCOPED_TRACE(name);
    const mp100 fs = constant<mp100>(*p.info().f_star);
    bool attained = false;
    for (const auto& c : p.info().critical_points) {
      Vec<mp100> x = p.point<mp100>(c.x);
      if (!c.exact) x = refine_critical_point(p.in<mp100>(), x);
      const mp100 v = p.value<mp100>(x);
      EXPECT_GE(v, fs - constant<mp100>("1e-90"));
      if (abs(v - fs) <= constant<mp100>("1e-90")) attained = true;
    }
    EXPECT_TRUE(attained);
  }
}

// Spectral norm of a 1x1 or 2x2 symmetric matrix (closed form).
double sym_norm(const Mat<double>& h) {
  if (h.rows() == 1) return std::abs(h(0, 0));
  const double m = (h(0, 0) + h(1, 1)) / 2, d = (h(0, 0) - h(1, 1)) / 2;
  const double r = std::sqrt(d * d + h(0, 1) * h(1, 0));
  return std::max(std::abs(m - r), std::abs(m + r));
}
// In double: Hessian entries carry relative error ~1e-15; 1e-12 relative slack.
bool hessian_within(const Problem& p, const std::vector<double>& x, double L) {
  return sym_norm(p.in<double>().hessian(gen::to_vec<double>(x))) <= L * (1 + 1e-12);
}

RC_GTEST_PROP(DocumentMetadata, GlobalLipschitzBoundsSampledHessianNorms, ()) {
  for (const Problem& p : document_problems()) {
    if (!p.info().lipschitz || p.dim() > 2) continue;
    RC_LOG() << p.name() << "\n";
    const double L = static_cast<double>(constant<mp100>(*p.info().lipschitz));
    const auto x = *gen::point_in_box(p.info().box_lo, p.info().box_hi);
    RC_ASSERT(hessian_within(p, x, L));
  }
}

RC_GTEST_PROP(DocumentMetadata, LocalLipschitzBoundsSampledHessianNormsInTheBall, ()) {
  for (const Problem& p : document_problems()) {
    if (!p.info().local_lipschitz) continue;
    RC_LOG() << p.name() << "\n";
    const auto& ll = *p.info().local_lipschitz;
    const double L = static_cast<double>(constant<mp100>(ll.value));
    const double radius = static_cast<double>(constant<mp100>(ll.radius));
    std::vector<double> x(p.dim());
    const auto u = *gen::point_in_box(std::vector<double>(p.dim(), -1.0), std::vector<double>(p.dim(), 1.0));
    double norm = 0;
    for (double v : u) norm += v * v;
    norm = std::sqrt(norm);
    const double scale = norm > 1 ? 1 / norm : 1;  // inside the unit ball
    for (int i = 0; i < p.dim(); ++i)
      x[i] = static_cast<double>(constant<mp100>(ll.center[i])) + radius * u[i] * scale;
    RC_ASSERT(hessian_within(p, x, L));
  }
}

TEST(DocumentMetadata, LipschitzCheckRejectsTooSmallConstants) {
  // The bounds are attained: square (L = 2) everywhere, saddle_cos (L = 1) at y = 0,
  // ring's local 44 at radius 2. Half of each must fail.
  EXPECT_FALSE(hessian_within(make_problem("square"), {0.3}, 1.0));
  EXPECT_FALSE(hessian_within(make_problem("saddle_cos"), {0.0, 0.0}, 0.5));
  EXPECT_FALSE(hessian_within(make_problem("ring"), {2.0, 0.0}, 22.0));
  EXPECT_TRUE(hessian_within(make_problem("ring"), {2.0, 0.0}, 44.0));
}

// Analytic gradient and Hessian against forward-mode autodiff in mp50 at random points
// of the sampling box (both are exact formulas evaluated with ~1e-50 relative rounding;
// the worst conditioning is cos(1/x)/x in cubic_oscillation, |x| >= 2^-53 from the
// generator, so 1e-30 relative to (1 + |entry|) is ample).
RC_GTEST_PROP(DocumentMetadata, AnalyticDerivativesMatchAutodiff, ()) {
  const mp50 tol = constant<mp50>("1e-30");
  for (const Problem& p : document_problems()) {
    if (p.dim() > 2 || p.info().rational_exact) continue;  // rational families: exact test elsewhere
    RC_LOG() << p.name() << "\n";
    const auto x = gen::to_vec<mp50>(*gen::point_in_box(p.info().box_lo, p.info().box_hi));
    const auto& e = p.in<mp50>();
    const Vec<mp50> ga = e.gradient(x), gd = e.autodiff_gradient(x);
    for (int i = 0; i < p.dim(); ++i) RC_ASSERT(abs(ga[i] - gd[i]) <= tol * (1 + abs(gd[i])));
    const Mat<mp50> ha = e.hessian(x), hd = e.autodiff_hessian(x);
    for (int i = 0; i < p.dim(); ++i)
      for (int j = 0; j < p.dim(); ++j) RC_ASSERT(abs(ha(i, j) - hd(i, j)) <= tol * (1 + abs(hd(i, j))));
  }
}

TEST(DocumentMetadata, EveryFamilyIsCitedAndDescribed) {
  for (const Problem& p : document_problems()) {
    SCOPED_TRACE(p.name());
    const auto& i = p.info();
    EXPECT_NE(i.citation.find(".txt"), std::string::npos);  // a source document file
    EXPECT_FALSE(i.formula.empty());
    EXPECT_EQ(static_cast<int>(i.box_lo.size()), i.dim);
    EXPECT_EQ(static_cast<int>(i.box_hi.size()), i.dim);
    if (i.critical_points.empty()) {
      EXPECT_FALSE(i.critical_points_note.empty());
    }
    if (i.smoothness == Smoothness::nonsmooth || i.smoothness == Smoothness::c1) {
      EXPECT_FALSE(i.lipschitz.has_value());
    }
    if (i.smoothness != Smoothness::analytic) {
      EXPECT_FALSE(i.nonsmooth_set.empty());
    }
  }
}

}  // namespace
}  // namespace ov::problems
