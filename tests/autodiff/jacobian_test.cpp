// Jacobians of vector maps, directional derivatives and size errors.
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <stdexcept>
#include <string>

#include "analysis/autodiff/finite_difference.hpp"
#include "analysis/autodiff/forward_mode.hpp"
#include "tests/autodiff/test_functors.hpp"
#include "tests/support/generators.hpp"

namespace {

using namespace ov;
using ov::testing::Chain9;
using ov::testing::Polynomial3;

// One gradient-descent step G(x) = x - eta grad f(x) on the polynomial: its
// Jacobian is I - eta H(x) (the object later issues need for step-map spectra).
struct GdStep {
  template <class T>
  Vec<T> operator()(const Vec<T>& x) const {
    const Vec<T> g = Polynomial3{}.gradient(x);
    Vec<T> y(x.size());
    for (Eigen::Index i = 0; i < x.size(); ++i) y[i] = x[i] - g[i] / integer<T>(8);
    return y;
  }
};

RC_GTEST_PROP(Jacobian, OfGradientStepIsIdentityMinusEtaHessianExactly, ()) {
  const auto xd = *gen::point_in_box({-2, -2, -2}, {2, 2, 2});
  const Vec<rational> x = gen::to_vec<rational>(xd);
  Mat<rational> j;
  const Vec<rational> y = ad::value_and_jacobian(GdStep{}, x, j);
  RC_ASSERT(y == GdStep{}(x));
  const Mat<rational> expected = Mat<rational>::Identity(3, 3) - Polynomial3{}.hessian(x) / rational(8);
  RC_ASSERT(j == expected);
  const Vec<rational> v = gen::to_vec<rational>(*gen::point_in_box({-1, -1, -1}, {1, 1, 1}));
  RC_ASSERT(ad::jacobian_vector_product(GdStep{}, x, v) == Vec<rational>(expected * v));
}

// A non-square map R^9 -> R^2 (m < n, chunked columns), against mp100 finite differences.
struct TwoOutputs {
  template <class T>
  Vec<T> operator()(const Vec<T>& x) const {
    using std::sin;
    Vec<T> y(2);
    y[0] = Chain9<true>{}(x);
    y[1] = sin(x[0] * x[8]) + x[4] * x[5];
    return y;
  }
};

RC_GTEST_PROP(Jacobian, NonSquareMapAgreesWithFiniteDifferencesInMp100, ()) {
  const auto xd = *gen::point_in_box(std::vector<double>(9, -1.0), std::vector<double>(9, 1.0));
  const Vec<mp100> x = gen::to_vec<mp100>(xd);
  const Mat<mp100> j = ad::jacobian(TwoOutputs{}, x);
  RC_ASSERT(j.rows() == 2);
  RC_ASSERT(j.cols() == 9);
  RC_ASSERT(fd::check_jacobian(TwoOutputs{}, j, x).passed);
}

TEST(Jacobian, MapChangingItsOutputSizeIsRejected) {
  auto bad = [](const auto& x) {
    using T = typename std::decay_t<decltype(x)>::Scalar;
    // One output on the first pass, two afterwards.
    bool first_chunk = false;
    if constexpr (is_jet_v<T>) first_chunk = x[0].v[0] == 1;
    Vec<T> y(first_chunk ? 1 : 2);
    for (Eigen::Index i = 0; i < y.size(); ++i) y[i] = x[0];
    return y;
  };
  const Vec<double> x = Vec<double>::Ones(6);
  try {
    ad::jacobian(bad, x);
    FAIL() << "expected std::invalid_argument";
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("output of the vector map"), std::string::npos) << e.what();
  }
}

TEST(Jacobian, DirectionOfWrongSizeIsRejected) {
  const Vec<double> x = Vec<double>::Ones(3), v = Vec<double>::Ones(2);
  EXPECT_THROW(ad::jacobian_vector_product(GdStep{}, x, v), std::invalid_argument);
  EXPECT_THROW(ad::directional_derivative(Polynomial3{}, x, v), std::invalid_argument);
  try {
    ad::hessian_vector_product(Polynomial3{}, x, v);
    FAIL() << "expected std::invalid_argument";
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("direction v"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("size 2, expected 3"), std::string::npos) << e.what();
  }
}

TEST(Jacobian, EmptyPointGivesEmptyDerivatives) {
  auto two = [](const auto& x) {
    using T = typename std::decay_t<decltype(x)>::Scalar;
    Vec<T> y(2);
    y[0] = integer<T>(1);
    y[1] = integer<T>(2);
    return y;
  };
  Mat<double> j;
  const Vec<double> y = ad::value_and_jacobian(two, Vec<double>(0), j);
  EXPECT_EQ(y.size(), 2);
  EXPECT_EQ(j.rows(), 2);
  EXPECT_EQ(j.cols(), 0);
}

}  // namespace
