// The finite-difference checker: accuracy of its stencils in mp100, tightness of
// its derived tolerance, and that it catches mutated derivatives.
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include "analysis/autodiff/finite_difference.hpp"
#include "analysis/autodiff/forward_mode.hpp"
#include "tests/autodiff/limited_check.hpp"
#include "tests/autodiff/test_functors.hpp"
#include "tests/support/generators.hpp"

namespace {

using namespace ov;
using ov::testing::Chain9;
using ov::testing::Polynomial3;
using ov::testing::TranscendentalMix;

template <class F>
Vec<mp100> box_point_mp100() {
  return gen::to_vec<mp100>(
      *gen::point_in_box(std::vector<double>(F::kDim, -2.0), std::vector<double>(F::kDim, 2.0)));
}

// A mutated derivative: the analytic gradient with one term's coefficient changed.
struct WrongGradient {
  template <class T>
  Vec<T> operator()(const Vec<T>& x) const {
    Vec<T> g = TranscendentalMix{}.gradient(x);
    g[1] += x[0] * x[1] / T(1000000);  // relative change ~1e-6: far above FD error in mp100
    return g;
  }
};

RC_GTEST_PROP(FiniteDifference, Mp100GradientAgreesWithAnalyticWithinDerivedTolerance, ()) {
  const auto x = box_point_mp100<TranscendentalMix>();
  const auto f = [](const Vec<mp100>& y) { return TranscendentalMix{}(y); };
  const auto c = fd::check_gradient(f, TranscendentalMix{}.gradient(x), x);
  RC_ASSERT(c.passed);
  // The tolerance is meaningful: ~eps^(2/3) ~ 1e-66, not a loose bound.
  RC_ASSERT(c.worst_tolerance < mp100("1e-55"));
}

RC_GTEST_PROP(FiniteDifference, Mp100HessianOfAnalyticGradientAgrees, ()) {
  const auto x = box_point_mp100<Chain9<true>>();
  const auto grad = [](const Vec<mp100>& y) { return Chain9<true>{}.gradient(y); };
  RC_ASSERT(fd::check_hessian(grad, Chain9<true>{}.hessian(x), x).passed);
  // Hessian by differences of the autodiff gradient, symmetrised, against the analytic one.
  const auto ad_grad = [](const Vec<mp100>& y) { return ad::gradient(Chain9<true>{}, y); };
  const Mat<mp100> h = fd::hessian(ad_grad, x);
  RC_ASSERT((h - Chain9<true>{}.hessian(x)).cwiseAbs().maxCoeff() < mp100("1e-55"));
}

RC_GTEST_PROP(FiniteDifference, RichardsonIsMoreAccurateThanCentral, ()) {
  const auto x = box_point_mp100<TranscendentalMix>();
  const auto f = [](const Vec<mp100>& y) { return TranscendentalMix{}(y); };
  const Vec<mp100> g = TranscendentalMix{}.gradient(x);
  fd::Options rich;
  rich.stencil = fd::Stencil::richardson;
  const mp100 e2 = (fd::gradient(f, x) - g).cwiseAbs().maxCoeff();
  const mp100 e4 = (fd::gradient(f, x, rich) - g).cwiseAbs().maxCoeff();
  // central ~ eps^(2/3) ~ 1e-66, Richardson ~ eps^(4/5) ~ 1e-79 (with margins).
  RC_ASSERT(e2 < mp100("1e-58"));
  RC_ASSERT(e4 < mp100("1e-72"));
  const auto c = fd::check_gradient(f, g, x, rich);
  RC_ASSERT(c.passed);
}

RC_GTEST_PROP(FiniteDifference, DirectionalDerivativeIsGradientDotV, ()) {
  const auto x = box_point_mp100<Chain9<true>>();
  const auto v = gen::to_vec<mp100>(*gen::point_in_box(std::vector<double>(9, -1.0), std::vector<double>(9, 1.0)));
  const auto f = [](const Vec<mp100>& y) { return Chain9<true>{}(y); };
  using std::abs;
  RC_ASSERT(abs(fd::directional_derivative(f, x, v) - Chain9<true>{}.gradient(x).dot(v)) < mp100("1e-55"));
}

// The checker catches a mutated gradient at every point (in mp100, and in double).
RC_GTEST_PROP(FiniteDifference, MutatedGradientIsCaught, ()) {
  const auto xd = *gen::point_in_box({0.25, 0.25}, {2, 2});  // x0 x1 != 0: the mutation is nonzero
  const auto f100 = [](const Vec<mp100>& y) { return TranscendentalMix{}(y); };
  const Vec<mp100> x = gen::to_vec<mp100>(xd);
  const auto c = fd::check_gradient(f100, WrongGradient{}(x), x);
  RC_ASSERT(!c.passed);
  RC_ASSERT(c.worst_col == 1);
  const auto fd64 = [](const Vec<double>& y) { return TranscendentalMix{}(y); };
  const Vec<double> x64 = gen::to_vec<double>(xd);
  // In double the derived tolerance is ~1e-10 relative: a 1e-6 mutation is still caught,
  // and the true gradient passes.
  RC_ASSERT(!fd::check_gradient(fd64, WrongGradient{}(x64), x64).passed);
  RC_ASSERT(fd::check_gradient(fd64, TranscendentalMix{}.gradient(x64), x64).passed);
}

TEST(FiniteDifference, MutatedHessianIsCaughtIncludingAsymmetry) {
  const Vec<mp100> x = gen::to_vec<mp100>({0.5, -1.25, 1.5});
  const auto grad = [](const Vec<mp100>& y) { return Polynomial3{}.gradient(y); };
  Mat<mp100> h = Polynomial3{}.hessian(x);
  EXPECT_TRUE(fd::check_hessian(grad, h, x).passed);
  h(0, 2) += mp100("1e-30");  // asymmetric and slightly wrong
  const auto c = fd::check_hessian(grad, h, x);
  EXPECT_FALSE(c.passed);
  EXPECT_EQ(c.worst_row, 0);
  EXPECT_EQ(c.worst_col, 2);
}

TEST(FiniteDifference, StepsAreExactAndScaleWithTheCoordinate) {
  for (double xi : {0.0, 0.3, -7.5, 1e6}) {
    const mp100 x(xi);
    const mp100 h = fd::step(x, fd::Stencil::central);
    EXPECT_EQ((x + h) - x, h);
    const mp100 expected = exp(log(std::numeric_limits<mp100>::epsilon()) / 3) * (abs(x) > 1 ? abs(x) : mp100(1));
    EXPECT_LT(abs(h / expected - 1), mp100("1e-20"));
  }
  const double h = fd::step(1.0, fd::Stencil::richardson);
  EXPECT_NEAR(h, std::pow(std::numeric_limits<double>::epsilon(), 0.2), 1e-15);
}

TEST(FiniteDifference, SizeMismatchesNameTheArgument) {
  const auto f = [](const Vec<double>& y) { return y.sum(); };
  const Vec<double> x = Vec<double>::Ones(3);
  try {
    fd::check_gradient(f, Vec<double>(Vec<double>::Ones(2)), x);
    FAIL();
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("claimed gradient"), std::string::npos) << e.what();
  }
  EXPECT_THROW(fd::directional_derivative(f, x, Vec<double>(Vec<double>::Ones(4))), std::invalid_argument);
  const auto identity = [](const Vec<double>& y) { return y; };
  EXPECT_THROW(fd::partial(identity, x, 3), std::invalid_argument);
}

}  // namespace
