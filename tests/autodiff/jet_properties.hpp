// RapidCheck properties of the forward-mode autodiff (analysis/autodiff/
// forward_mode.hpp) against the hand-written derivatives of test_functors.hpp,
// for one floating scalar T per translation unit (OV_JET_FLOATING_PROPERTIES).
//
// Reference: the analytic formulas evaluated in MPFR with 150 digits (more than
// any T under test), rounded once to T. Tolerance for T:
//   256 eps_T (1 + |f| + |grad f|_inf + max|H|)   (HVP: times n)
// Autodiff and the analytic formula both round each elementary operation
// (relative error eps_T); the functors have < 50 operations per derivative entry
// whose terms are bounded by the scale in the box [-2, 2]^n, so 256 eps_T scale
// bounds the accumulated error with margin; a wrong derivative is off by O(1).
#pragma once

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <boost/multiprecision/mpfr.hpp>
#include <limits>
#include <type_traits>
#include <vector>

#include "analysis/autodiff/forward_mode.hpp"
#include "analysis/numeric/scalars.hpp"
#include "tests/autodiff/test_functors.hpp"
#include "tests/support/generators.hpp"

namespace ov::testing {

using ref150 = bmp::number<bmp::mpfr_float_backend<150>, bmp::et_off>;

template <class T>
T narrow(const ref150& r) {
  if constexpr (std::is_arithmetic_v<T> || std::is_same_v<T, float128>) {
    return static_cast<T>(r);
  } else {
    return T(r);
  }
}

template <class T>
T max_abs(const Mat<T>& a) {
  using std::abs;
  T m(0);
  for (Eigen::Index i = 0; i < a.size(); ++i) m = abs(a.data()[i]) > m ? T(abs(a.data()[i])) : m;
  return m;
}

template <class T>
Vec<T> vec_from(const std::vector<double>& x) {
  return gen::to_vec<T>(x);
}

template <class T, class F>
struct FloatingCase {
  F f;
  std::vector<double> xd;
  Vec<T> x = vec_from<T>(xd);
  Vec<ref150> xr = vec_from<ref150>(xd);
  T tol() const {
    using std::abs;
    const ref150 scale = ref150(1) + abs(f(xr)) + max_abs<ref150>(f.gradient(xr)) + max_abs<ref150>(f.hessian(xr));
    return T(256) * std::numeric_limits<T>::epsilon() * narrow<T>(scale);
  }
};

// The predicates (also used on a mutated functor to show they can fail).
template <class T, class F>
bool gradient_agrees(const F& f, const std::vector<double>& xd) {
  using std::abs;
  FloatingCase<T, F> c{f, xd};
  Vec<T> g;
  const T value = ad::value_and_gradient(f, c.x, g);
  if (!(value == f(c.x))) return false;  // the Jet's value part is the plain evaluation, bit for bit
  const Vec<ref150> gr = f.gradient(c.xr);
  const T tol = c.tol();
  for (int i = 0; i < F::kDim; ++i)
    if (!(abs(g[i] - narrow<T>(gr[i])) <= tol)) return false;
  return true;
}

template <class T, class F>
bool hessian_agrees(const F& f, const std::vector<double>& xd) {
  using std::abs;
  FloatingCase<T, F> c{f, xd};
  const Mat<T> h = ad::hessian(f, c.x);
  const Mat<ref150> hr = f.hessian(c.xr);
  const T tol = c.tol();
  for (int i = 0; i < F::kDim; ++i)
    for (int j = 0; j < F::kDim; ++j)
      if (!(h(i, j) == h(j, i)) || !(abs(h(i, j) - narrow<T>(hr(i, j))) <= tol)) return false;
  return true;
}

template <class T, class F>
bool hvp_agrees(const F& f, const std::vector<double>& xd, const std::vector<double>& vd) {
  using std::abs;
  FloatingCase<T, F> c{f, xd};
  const Vec<T> v = vec_from<T>(vd);
  const Vec<T> hv = ad::hessian_vector_product(f, c.x, v);
  const Vec<ref150> hvr = f.hessian(c.xr) * vec_from<ref150>(vd);
  const T tol = T(F::kDim) * c.tol();
  // Against the reference H v, and against H v with H from nested Jets (same precision).
  const Vec<T> hv2 = ad::hessian(f, c.x) * v;
  for (int i = 0; i < F::kDim; ++i)
    if (!(abs(hv[i] - narrow<T>(hvr[i])) <= tol) || !(abs(hv[i] - hv2[i]) <= tol)) return false;
  return true;
}

template <int N>
std::vector<double> box_point(double r) {
  return *gen::point_in_box(std::vector<double>(N, -r), std::vector<double>(N, r));
}

template <class T, class F>
void gradient_property(const F& f) {
  RC_ASSERT(gradient_agrees<T>(f, box_point<F::kDim>(2)));
}
template <class T, class F>
void hessian_property(const F& f) {
  RC_ASSERT(hessian_agrees<T>(f, box_point<F::kDim>(2)));
}
template <class T, class F>
void hvp_property(const F& f) {
  const auto xd = box_point<F::kDim>(2);
  RC_ASSERT(hvp_agrees<T>(f, xd, box_point<F::kDim>(1)));
}

// Polynomial3 with analytic derivatives off by 2^-20 x0 (gradient) and 2^-20 (Hessian):
// small, but far above every tolerance here.
struct MutatedPolynomial3 : Polynomial3 {
  template <class T>
  Vec<T> gradient(const Vec<T>& x) const {
    Vec<T> g = Polynomial3::gradient(x);
    g[1] += x[0] / T(1 << 20);
    return g;
  }
  template <class T>
  Mat<T> hessian(const Vec<T>& x) const {
    Mat<T> h = Polynomial3::hessian(x);
    h(1, 1) += T(1) / T(1 << 20);
    return h;
  }
};

}  // namespace ov::testing

// The property set for one floating scalar T.
#define OV_JET_FLOATING_PROPERTIES(Suite, T)                                                                      \
  RC_GTEST_PROP(Suite, GradientOfPolynomialMatchesAnalytic, ()) {                                                 \
    ov::testing::gradient_property<T>(ov::testing::Polynomial3{});                                                \
  }                                                                                                               \
  RC_GTEST_PROP(Suite, GradientOfTranscendentalMixMatchesAnalytic, ()) {                                          \
    ov::testing::gradient_property<T>(ov::testing::TranscendentalMix{});                                          \
  }                                                                                                               \
  RC_GTEST_PROP(Suite, GradientOfChain9MatchesAnalytic, ()) {                                                     \
    ov::testing::gradient_property<T>(ov::testing::Chain9<true>{});                                               \
  }                                                                                                               \
  RC_GTEST_PROP(Suite, HessianOfPolynomialMatchesAnalytic, ()) {                                                  \
    ov::testing::hessian_property<T>(ov::testing::Polynomial3{});                                                 \
  }                                                                                                               \
  RC_GTEST_PROP(Suite, HessianOfTranscendentalMixMatchesAnalytic, ()) {                                           \
    ov::testing::hessian_property<T>(ov::testing::TranscendentalMix{});                                           \
  }                                                                                                               \
  RC_GTEST_PROP(Suite, HessianOfChain9MatchesAnalytic, ()) {                                                      \
    ov::testing::hessian_property<T>(ov::testing::Chain9<true>{});                                                \
  }                                                                                                               \
  RC_GTEST_PROP(Suite, HessianVectorProductIsHv, ()) {                                                            \
    ov::testing::hvp_property<T>(ov::testing::TranscendentalMix{});                                               \
    ov::testing::hvp_property<T>(ov::testing::Chain9<true>{});                                                    \
  }                                                                                                               \
  TEST(Suite, MutatedAnalyticDerivativesAreRejected) {                                                            \
    const std::vector<double> x{0.75, -1.5, 1.25}, v{0.5, 1, -0.25};                                              \
    EXPECT_TRUE(ov::testing::gradient_agrees<T>(ov::testing::Polynomial3{}, x));                                  \
    EXPECT_TRUE(ov::testing::hessian_agrees<T>(ov::testing::Polynomial3{}, x));                                   \
    EXPECT_TRUE(ov::testing::hvp_agrees<T>(ov::testing::Polynomial3{}, x, v));                                    \
    EXPECT_FALSE(ov::testing::gradient_agrees<T>(ov::testing::MutatedPolynomial3{}, x));                          \
    EXPECT_FALSE(ov::testing::hessian_agrees<T>(ov::testing::MutatedPolynomial3{}, x));                           \
    EXPECT_FALSE(ov::testing::hvp_agrees<T>(ov::testing::MutatedPolynomial3{}, x, v));                            \
  }
