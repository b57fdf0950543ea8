// Critical-point search, refinement and classification (nets/landscape).
// Reference values are independent of the code under test: the problem library's
// ProblemInfo critical points (listed to >= 35 digits, or exact), closed forms
// (sqrt(2) in mp100), exact rational points and exact rational inertia.
#include <gtest/gtest.h>

#include "tests/support/error_message.hpp"
#include <rapidcheck/gtest.h>

#include <iostream>
#include <memory>
#include <string>

#include "analysis/numeric/exact_constant.hpp"
#include "analysis/problems/problem.hpp"
#include "nets/landscape/cost_index.hpp"
#include "nets/landscape/multistart.hpp"
#include "test_functions.hpp"

namespace ov::nets::landscape {
namespace {

using testing::Part;

bool kind_matches(problems::PointKind expected, const Classification& c) {
  switch (expected) {
    case problems::PointKind::minimum: return c.kind == PointClass::minimum;
    case problems::PointKind::maximum: return c.kind == PointClass::maximum;
    case problems::PointKind::strict_saddle: return c.kind == PointClass::saddle;
    case problems::PointKind::degenerate_minimum:
    case problems::PointKind::degenerate_saddle: return c.kind == PointClass::degenerate;
    default: return false;
  }
}

// Every listed critical point of `name` is found (within 1e-30 relative: the
// listed coordinates carry >= 35 digits) with the listed class.
void expect_matches_catalog(const problems::Problem& p, const LandscapeReport& rep) {
  const auto& cps = p.info().critical_points;
  ASSERT_EQ(rep.points.size(), cps.size()) << to_text(rep);
  for (const auto& cp : cps) {
    const Vec<mp100> ref = p.point<mp100>(cp.x);
    const FoundPoint* hit = nullptr;
    for (const auto& fp : rep.points) {
      const mp100 scale = std::max(mp100(1), mp100(ref.cwiseAbs().maxCoeff()));
      if ((fp.x - ref).cwiseAbs().maxCoeff() <= mp100("1e-30") * scale) hit = &fp;
    }
    ASSERT_NE(hit, nullptr) << "listed point (" << cp.x[0] << ", ...) not found\n" << to_text(rep);
    EXPECT_TRUE(kind_matches(cp.kind, hit->classification))
        << "at (" << cp.x[0] << ", ...): listed " << problems::to_string(cp.kind) << ", found "
        << hit->classification.label;
  }
}

// Figures quoted in docs/landscape.md.
void report(const std::string& what, const CriticalPointResult& r) {
  const Classification& c = *r.classification;
  std::cout << what << ": LM " << r.lm_iterations << " its (|g| " << r.lm_gradient_norm << "), Newton "
            << r.newton_iterations << " its, |g| = " << r.gradient_norm.str(3) << ", step " << r.final_step.str(3)
            << ", x0 = " << r.x[0].str(3) << ", tau = " << c.zero_tolerance.str(3) << ", min|lambda| = "
            << c.min_abs_eigenvalue.str(3) << ", " << c.label << "\n";
}

TEST(LandscapeMultistart, HimmelblauAllNineCriticalPointsWithTheirClasses) {
  const auto p = problems::make_problem("himmelblau");
  MultiStartOptions o;
  o.num_starts = 40;
  o.seed = 7;
  const LandscapeReport rep = multistart(p, o);
  expect_matches_catalog(p, rep);
  EXPECT_EQ(rep.count(PointClass::minimum), 4);
  EXPECT_EQ(rep.count(PointClass::saddle), 4);
  EXPECT_EQ(rep.count_index(1), 4);
  EXPECT_EQ(rep.count(PointClass::maximum), 1);
  EXPECT_EQ(rep.count_index(2), 1);
  for (const auto& fp : rep.points) EXPECT_LE(fp.gradient_norm, mp100("1e-60")) << fp.classification.label;
  // (3, 2) is rational: its gradient is exactly zero and its inertia exact.
  const auto exact_min = std::find_if(rep.points.begin(), rep.points.end(),
                                      [](const FoundPoint& f) { return f.classification.exact; });
  ASSERT_NE(exact_min, rep.points.end());
  EXPECT_EQ(*exact_min->classification.exact_point, (Vec<rational>(2) << 3, 2).finished());
  EXPECT_EQ(exact_min->classification.kind, PointClass::minimum);
  // The derivative self-check passed (central differences, h = 1e-30).
  EXPECT_LT(rep.max_gradient_error, 1e-50);
  EXPECT_LT(rep.max_hessian_error, 1e-50);
}

TEST(LandscapeMultistart, CasteraQuarticMinimaAtSqrtTwoToMp100Accuracy) {
  const auto p = problems::make_problem("castera_quartic");
  MultiStartOptions o;
  o.num_starts = 12;
  const LandscapeReport rep = multistart(p, o);
  expect_matches_catalog(p, rep);
  const mp100 s2 = sqrt(mp100(2));
  int near_sqrt2 = 0;
  for (const auto& fp : rep.points) {
    if (fp.classification.kind != PointClass::minimum) continue;
    EXPECT_LT(abs(abs(fp.x[0]) - s2), mp100("1e-55"));
    EXPECT_LT(abs(fp.value + 4), mp100("1e-55"));  // f(+-sqrt 2, 0) = 4 - 8 = -4
    ++near_sqrt2;
  }
  EXPECT_EQ(near_sqrt2, 2);
}

TEST(LandscapeMultistart, ThreeHumpCamelAndDoubleWell) {
  for (const char* name : {"three_hump_camel", "double_well"}) {
    const auto p = problems::make_problem(name);
    MultiStartOptions o;
    o.num_starts = 60;
    o.seed = 3;
    expect_matches_catalog(p, multistart(p, o));
  }
}

// A quadratic 1/2 x^T A x + b^T x with A = L D L^T (Sylvester: inertia of D =
// (+2, -2, 0)) through the optim::Objective adapter; its critical point c is rational.
template <class S>
class Quadratic : public optim::Objective<S> {
 public:
  Quadratic(Mat<S> a, Vec<S> b) : a_(std::move(a)), b_(std::move(b)) {}
  int dim() const override { return static_cast<int>(a_.rows()); }
  S value(const optim::Vector<S>& x) const override { return S(x.dot(a_ * x)) / S(2) + b_.dot(x); }
  optim::Vector<S> gradient(const optim::Vector<S>& x) const override { return a_ * x + b_; }
  const Mat<S>& a() const { return a_; }

 private:
  Mat<S> a_;
  Vec<S> b_;
};

template <class S>
SmoothFunction<S> quadratic_in(const Mat<rational>& A, const Vec<rational>& b) {
  Mat<S> a(A.rows(), A.cols());
  Vec<S> bb(b.size());
  for (Eigen::Index i = 0; i < A.rows(); ++i) {
    bb[i] = constant<S>(b[i].str());
    for (Eigen::Index j = 0; j < A.cols(); ++j) a(i, j) = constant<S>(A(i, j).str());
  }
  auto q = std::make_shared<const Quadratic<S>>(a, bb);
  return from_objective<S>(q, [q](const Vec<S>&) { return q->a(); });
}

struct KnownQuadratic {
  Landscape f;
  Vec<rational> c;
};
KnownQuadratic known_quadratic() {
  Mat<rational> L = Mat<rational>::Identity(4, 4);
  L(1, 0) = rational(1, 2);
  L(2, 0) = -1;
  L(2, 1) = rational(1, 3);
  L(3, 0) = 2;
  L(3, 2) = rational(-1, 2);
  Vec<rational> d(4);
  d << 3, -2, rational(1, 2), -5;
  const Mat<rational> A = L * d.asDiagonal() * L.transpose();
  Vec<rational> c(4);
  c << rational(1, 2), rational(-1, 3), 2, rational(1, 5);
  const Vec<rational> b = -(A * c);
  KnownQuadratic k;
  k.f.name = "quadratic LDL^T";
  k.f.fast = quadratic_in<double>(A, b);
  k.f.precise = quadratic_in<mp100>(A, b);
  k.f.exact = quadratic_in<rational>(A, b);
  k.c = c;
  return k;
}

TEST(LandscapeSearch, QuadraticWithKnownInertiaExactAndMp100Agree) {
  const KnownQuadratic k = known_quadratic();
  Vec<double> start(4);
  start << 3, -1, 2.5, 0.25;
  const CriticalPointResult r = find_critical_point(k.f, start);
  ASSERT_TRUE(r.converged()) << to_string(r.status);
  const Classification& c = *r.classification;
  EXPECT_TRUE(c.exact);
  EXPECT_EQ(*c.exact_point, k.c);
  EXPECT_EQ(c.inertia, (Inertia{2, 2, 0}));
  EXPECT_EQ(c.label, "saddle (index 2)");
  SearchOptions no_exact;
  no_exact.try_exact = false;
  const CriticalPointResult r2 = find_critical_point(k.f, start, no_exact);
  ASSERT_TRUE(r2.converged());
  EXPECT_FALSE(r2.classification->exact);
  EXPECT_EQ(r2.classification->inertia, (Inertia{2, 2, 0}));
  EXPECT_GT(r2.classification->min_abs_eigenvalue, 1e10 * r2.classification->zero_tolerance);
}

// Property: f = 1/2 sum d_i (x_i - c_i)^2 with random nonzero integers d_i and
// rational c_i (denominators <= 9): from a random start the search lands on c
// exactly, with inertia (#d > 0, #d < 0, 0), exactly and in mp100.
RC_GTEST_PROP(LandscapeProperties, DiagonalQuadraticInertiaIsTheSignCount, ()) {
  const int n = *rc::gen::inRange(1, 5);
  std::vector<int> d(n), num(n), den(n);
  Inertia expected;
  for (int i = 0; i < n; ++i) {
    d[i] = *rc::gen::suchThat(rc::gen::inRange(-6, 7), [](int v) { return v != 0; });
    num[i] = *rc::gen::inRange(-20, 21);
    den[i] = *rc::gen::inRange(1, 10);
    (d[i] > 0 ? expected.positive : expected.negative) += 1;
  }
  Mat<rational> A = Mat<rational>::Zero(n, n);
  Vec<rational> c(n);
  for (int i = 0; i < n; ++i) {
    A(i, i) = d[i];
    c[i] = rational(num[i], den[i]);
  }
  const Vec<rational> b = -(A * c);
  Landscape f;
  f.name = "diagonal quadratic";
  f.fast = quadratic_in<double>(A, b);
  f.precise = quadratic_in<mp100>(A, b);
  f.exact = quadratic_in<rational>(A, b);
  Vec<double> start(n);
  for (int i = 0; i < n; ++i) start[i] = *rc::gen::inRange(-100, 101) / 10.0;
  const CriticalPointResult r = find_critical_point(f, start);
  RC_ASSERT(r.converged());
  RC_ASSERT(r.classification->exact);
  RC_ASSERT(*r.classification->exact_point == c);
  RC_ASSERT(r.classification->inertia == expected);
  SearchOptions o;
  o.try_exact = false;
  RC_ASSERT(find_critical_point(f, start, o).classification->inertia == expected);
  // Mutant: the Hessian's sign flipped swaps the counts (caught unless balanced).
  Landscape m = f;
  testing::mutate(m, Part::hessian, -1, 1);
  const Classification cm = classify(m, r.x, r.gradient_norm);
  if (expected.positive != expected.negative) RC_ASSERT(cm.inertia != expected);
}

TEST(LandscapeSearch, RefinementReachesTheMp100ToleranceQuadratically) {
  const auto f = from_problem(problems::make_problem("himmelblau"));
  Vec<double> start(2);
  start << -0.2, -0.8;  // near the maximum
  const CriticalPointResult r = find_critical_point(f, start);
  ASSERT_TRUE(r.converged());
  EXPECT_LE(r.gradient_norm, mp100("1e-60"));
  EXPECT_LE(r.newton_iterations, 8);  // quadratic convergence from ||g|| <= 1e-8
  report("himmelblau maximum", r);
  EXPECT_EQ(r.classification->kind, PointClass::maximum);
  EXPECT_LT(abs(r.value - constant<mp100>("181.61652152258270404416638825097479")), mp100("1e-30"));
}

TEST(LandscapeDegenerate, CubicPlusSquareIsDegenerateExactlyAndInMp100) {
  const Landscape f = testing::power_plus_square_landscape(3);
  Vec<double> start(2);
  start << 0.7, -0.4;
  const CriticalPointResult r = find_critical_point(f, start);
  ASSERT_TRUE(r.converged()) << to_string(r.status);
  EXPECT_TRUE(r.classification->exact);  // rounds to (0, 0), where grad f == 0 exactly
  EXPECT_EQ(r.classification->kind, PointClass::degenerate);
  EXPECT_EQ(r.classification->inertia, (Inertia{1, 0, 1}));
  SearchOptions o;
  o.try_exact = false;
  const CriticalPointResult m = find_critical_point(f, start, o);
  ASSERT_TRUE(m.converged());
  EXPECT_EQ(m.classification->kind, PointClass::degenerate);
  EXPECT_EQ(m.classification->inertia, (Inertia{1, 0, 1}));
  report("x^3 + y^2, mp100 path", m);
  // Mutant tolerance: without the sqrt(||g||) allowance the tiny eigenvalue 6x
  // (x ~ 1e-31) counts as positive and the point passes for a minimum: caught.
  SearchOptions tight = o;
  tight.zero_tolerance_factor = 1e-40;
  const CriticalPointResult t = find_critical_point(f, start, tight);
  ASSERT_TRUE(t.converged());
  EXPECT_NE(t.classification->kind, PointClass::degenerate);
}

TEST(LandscapeDegenerate, QuarticPlusSquareAndLibraryCube) {
  const Landscape f = testing::power_plus_square_landscape(4);
  Vec<double> start(2);
  start << -0.9, 0.3;
  SearchOptions o;
  o.try_exact = false;  // exercise the mp100 tolerance (x ~ 6e-21, eigenvalue 12 x^2 ~ 5e-40)
  const CriticalPointResult r = find_critical_point(f, start, o);
  ASSERT_TRUE(r.converged()) << to_string(r.status);
  EXPECT_EQ(r.classification->kind, PointClass::degenerate);
  EXPECT_EQ(r.classification->inertia, (Inertia{1, 0, 1}));
  report("x^4 + y^2, mp100 path", r);
  const auto cube = problems::make_problem("cube");
  MultiStartOptions m;
  m.num_starts = 5;
  expect_matches_catalog(cube, multistart(cube, m));
}

TEST(LandscapeDegenerate, RingCircleOfMinimaIsDegenerate) {
  const auto p = problems::make_problem("ring");
  MultiStartOptions o;
  o.num_starts = 10;
  const LandscapeReport rep = multistart(p, o);
  int on_circle = 0;
  for (const auto& fp : rep.points) {
    if (abs(fp.x.squaredNorm() - 1) < mp100("1e-25")) {
      ++on_circle;
      EXPECT_EQ(fp.classification.kind, PointClass::degenerate) << fp.classification.label;
      EXPECT_EQ(fp.classification.inertia, (Inertia{1, 0, 1}));
    }
  }
  EXPECT_GE(on_circle, 2);  // a non-isolated set: distinct starts land on distinct points
}

TEST(LandscapeLimits, IterationLimitIsFlaggedNotConverged) {
  const auto f = from_problem(problems::make_problem("himmelblau"));
  Vec<double> start(2);
  start << 1, 1;
  SearchOptions o;
  o.lm_max_iterations = 1;
  o.newton_max_iterations = 1;
  const CriticalPointResult r = find_critical_point(f, start, o);
  EXPECT_EQ(r.status, SearchStatus::iteration_limit);
  EXPECT_FALSE(r.converged());
  EXPECT_FALSE(r.classification.has_value());
  EXPECT_EQ(r.newton_iterations, 1);
  // x^4: linear convergence (rate 2/3) cannot reach 1e-60 in 20 Newton steps.
  SearchOptions q;
  q.newton_max_iterations = 20;
  Vec<double> s2(2);
  s2 << 0.5, 0.5;
  EXPECT_EQ(find_critical_point(testing::power_plus_square_landscape(4), s2, q).status,
            SearchStatus::iteration_limit);
}

TEST(LandscapeLimits, NoCriticalPointNoneReported) {
  const auto p = problems::make_problem("exp");
  MultiStartOptions o;
  o.num_starts = 4;
  o.box_lo = {-2};
  o.box_hi = {2};
  const LandscapeReport rep = multistart(p, o);
  EXPECT_TRUE(rep.points.empty()) << to_text(rep);
  EXPECT_EQ(rep.converged_starts, 0);
  int failed = 0;
  for (const auto& [s, n] : rep.failed_starts) failed += n;
  EXPECT_EQ(failed, 4);
  // The gradient does get below 1e-60 (e^t, t < -138.2): the Newton-step check rejects it.
  EXPECT_EQ(rep.failed_starts.count("no_root"), 1u) << to_text(rep);
}

TEST(LandscapeMutants, FlippedHessianIsCaught) {
  const auto p = problems::make_problem("himmelblau");
  Landscape f = from_problem(p);
  testing::mutate(f, Part::hessian, -1, 1);
  // The exact minimum (3, 2) now reads as a maximum.
  const Classification c = classify(f, p.point<mp100>({"3", "2"}), mp100(0));
  EXPECT_EQ(c.kind, PointClass::maximum);
  MultiStartOptions o;
  o.num_starts = 40;
  o.seed = 7;
  o.box_lo = p.info().box_lo;
  o.box_hi = p.info().box_hi;
  EXPECT_THROW(multistart(f, o), inconsistent_derivatives);
  o.derivative_checks = 0;  // without the self-check, the classes come out wrong
  const LandscapeReport rep = multistart(f, o);
  EXPECT_FALSE(rep.count(PointClass::minimum) == 4 && rep.count(PointClass::saddle) == 4 &&
               rep.count(PointClass::maximum) == 1)
      << to_text(rep);
}

TEST(LandscapeMutants, GradientOffByAFactorIsCaught) {
  const auto p = problems::make_problem("himmelblau");
  Landscape f = from_problem(p);
  testing::mutate(f, Part::gradient, 3, 2);
  MultiStartOptions o;
  o.num_starts = 3;
  o.box_lo = p.info().box_lo;
  o.box_hi = p.info().box_hi;
  try {
    multistart(f, o);
    ADD_FAILURE() << "the scaled gradient was not caught";
  } catch (const inconsistent_derivatives& e) {
    EXPECT_NE(std::string(e.what()).find("gradient"), std::string::npos) << e.what();
  }
  // Its zeros are the same, but Newton with the true Hessian converges only
  // linearly (error * 1/2 per step): the bounded refinement runs out.
  Vec<double> start(2);
  start << 3.2, 1.9;
  SearchOptions s;
  s.newton_max_iterations = 40;
  EXPECT_EQ(find_critical_point(f, start, s).status, SearchStatus::iteration_limit);
  EXPECT_TRUE(find_critical_point(from_problem(p), start, s).converged());
}

TEST(LandscapeInput, BadInputIsRejectedWithItsName) {
  const auto f = from_problem(problems::make_problem("himmelblau"));
  const auto message = [](auto&& fn) { return ov::testing::invalid_argument_message(fn); };
  EXPECT_NE(message([&] { find_critical_point(f, Vec<double>::Zero(3)); }).find("start has 3"), std::string::npos);
  Vec<double> nan_start(2);
  nan_start << 0, std::nan("");
  EXPECT_NE(message([&] { find_critical_point(f, nan_start); }).find("start[1]"), std::string::npos);
  SearchOptions s;
  s.gradient_tolerance = 0;
  EXPECT_NE(message([&] { find_critical_point(f, Vec<double>::Zero(2), s); }).find("gradient_tolerance"),
            std::string::npos);
  MultiStartOptions o;
  o.box_lo = {1, 0};
  o.box_hi = {-1, 1};
  EXPECT_NE(message([&] { multistart(f, o); }).find("box[0]"), std::string::npos);
  o.box_lo = {0, 0};
  o.num_starts = 0;
  EXPECT_NE(message([&] { multistart(f, o); }).find("num_starts"), std::string::npos);
  Landscape broken = f;
  broken.precise.hessian = nullptr;
  EXPECT_NE(message([&] { broken.validate(); }).find("hessian"), std::string::npos);
}

TEST(LandscapeRationalize, ContinuedFractions) {
  EXPECT_EQ(*rationalize(mp100(1) / 3, 1000, mp100("1e-40")), rational(1, 3));
  EXPECT_EQ(*rationalize(mp100(-22) / 7, 1000, mp100("1e-40")), rational(-22, 7));
  EXPECT_FALSE(rationalize(sqrt(mp100(2)), 1000000, mp100("1e-15")).has_value());
  EXPECT_EQ(*rationalize(mp100("1e-31"), 1000000, mp100("1e-15")), rational(0));
}

TEST(LandscapeOutput, ReproducibleJsonAndText) {
  const auto p = problems::make_problem("castera_quartic");
  MultiStartOptions o;
  o.num_starts = 6;
  o.seed = 11;
  const LandscapeReport a = multistart(p, o), b = multistart(p, o);
  const CostIndexStudy st = cost_against_index(a);
  const auto ja = to_json(a, &st), jb = to_json(b, &st);
  EXPECT_EQ(ja.dump(), jb.dump());
  EXPECT_EQ(ja["points"].size(), 3u);
  EXPECT_EQ(ja["points"][0]["class"], "minimum");
  EXPECT_EQ(ja["points"][2]["label"], "saddle (index 1)");
  EXPECT_TRUE(ja["points"][2]["inertia_exact"].get<bool>());
  const std::string text = to_text(a, &st);
  EXPECT_NE(text.find("saddle (index 1) *"), std::string::npos) << text;
  EXPECT_NE(text.find("Spearman rho"), std::string::npos) << text;
}

}  // namespace
}  // namespace ov::nets::landscape
