// Autodiff in the exact and the enclosing scalars:
//  - rational: gradients, Hessians and HVPs of polynomial functors equal the
//    analytic ones exactly (no tolerance);
//  - interval: the enclosure computed through Jets over MPFI contains the exact
//    (rational) derivative.
// Plus: chunked and exact-size forms agree bit for bit (each partial is computed
// by the same operations whatever the number of partials carried along).
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <vector>

#include "analysis/autodiff/forward_mode.hpp"
#include "analysis/numeric/scalars.hpp"
#include "tests/autodiff/test_functors.hpp"
#include "tests/support/generators.hpp"

namespace {

using namespace ov;
using ov::testing::Chain9;
using ov::testing::Polynomial3;

template <class F>
std::vector<double> box_point() {
  return *gen::point_in_box(std::vector<double>(F::kDim, -2.0), std::vector<double>(F::kDim, 2.0));
}

template <class F>
void rational_exact_property(const F& f) {
  const auto xd = box_point<F>();
  const auto vd = *gen::point_in_box(std::vector<double>(F::kDim, -1.0), std::vector<double>(F::kDim, 1.0));
  const Vec<rational> x = gen::to_vec<rational>(xd), v = gen::to_vec<rational>(vd);
  RC_ASSERT(ad::gradient(f, x) == f.gradient(x));
  const Mat<rational> h = f.hessian(x);
  RC_ASSERT(ad::hessian(f, x) == h);
  RC_ASSERT(ad::hessian_vector_product(f, x, v) == Vec<rational>(h * v));
  RC_ASSERT(ad::directional_derivative(f, x, v) == f.gradient(x).dot(v));
}

// q lies in the interval e: with bounds at the same precision, q in e iff the
// tight enclosure of q lies in e.
bool contains(const interval& e, const rational& q) {
  const interval qi(q);
  return lower(e) <= lower(qi) && upper(qi) <= upper(e);
}

template <class F>
void interval_enclosure_property(const F& f) {
  const auto xd = box_point<F>();
  const Vec<interval> xi = gen::to_vec<interval>(xd);
  const Vec<rational> xq = gen::to_vec<rational>(xd);
  const Vec<interval> g = ad::gradient(f, xi);
  const Vec<rational> gq = f.gradient(xq);
  for (int i = 0; i < F::kDim; ++i) RC_ASSERT(contains(g[i], gq[i]));
  const Mat<interval> h = ad::hessian(f, xi);
  const Mat<rational> hq = f.hessian(xq);
  for (int i = 0; i < F::kDim; ++i)
    for (int j = 0; j < F::kDim; ++j) RC_ASSERT(contains(h(i, j), hq(i, j)));
}

RC_GTEST_PROP(JetInRational, PolynomialDerivativesAreExact, ()) { rational_exact_property(Polynomial3{}); }
RC_GTEST_PROP(JetInRational, Chain9DerivativesAreExact, ()) { rational_exact_property(Chain9<false>{}); }
RC_GTEST_PROP(JetInInterval, PolynomialEnclosureContainsExactDerivatives, ()) {
  interval_enclosure_property(Polynomial3{});
}
RC_GTEST_PROP(JetInInterval, Chain9EnclosureContainsExactDerivatives, ()) {
  interval_enclosure_property(Chain9<false>{});
}

// The containment test itself fails on a wrong value (guards against a vacuous check).
TEST(JetInInterval, ContainmentRejectsAWrongValue) {
  const Vec<interval> x = gen::to_vec<interval>({0.5, -1.25, 1.5});
  const Vec<rational> xq = gen::to_vec<rational>({0.5, -1.25, 1.5});
  const Vec<interval> g = ad::gradient(Polynomial3{}, x);
  EXPECT_TRUE(contains(g[0], Polynomial3{}.gradient(xq)[0]));
  EXPECT_FALSE(contains(g[0], Polynomial3{}.gradient(xq)[0] + rational(1, 1000000)));
}

template <class S>
void chunks_agree_property() {
  using F = Chain9<true>;
  const F f;
  const Vec<S> x = gen::to_vec<S>(box_point<F>());
  Vec<S> g1, g2, g4, g9;
  const S v1 = ad::value_and_gradient_chunked<1>(f, x, g1);
  const S v2 = ad::value_and_gradient_chunked<2>(f, x, g2);
  const S v4 = ad::value_and_gradient_chunked<4>(f, x, g4);
  const S v9 = ad::value_and_gradient_chunked<9>(f, x, g9);  // one exact-size pass
  RC_ASSERT(v1 == v9);
  RC_ASSERT(v2 == v9);
  RC_ASSERT(v4 == v9);
  RC_ASSERT(g1 == g9);
  RC_ASSERT(g2 == g9);
  RC_ASSERT(g4 == g9);
  RC_ASSERT(ad::gradient(f, x) == g9);
  const Mat<S> h9 = ad::hessian_chunked<9>(f, x);
  RC_ASSERT(ad::hessian_chunked<3>(f, x) == h9);
  RC_ASSERT(ad::hessian(f, x) == h9);
  const Vec<S> v = Vec<S>::Ones(9);
  RC_ASSERT(ad::hessian_vector_product_chunked<9>(f, x, v) == ad::hessian_vector_product(f, x, v));
  Mat<S> j1, j9;
  auto grad = [&f](const auto& y) { return f.gradient(y); };
  ad::value_and_jacobian_chunked<1>(grad, x, j1);
  ad::value_and_jacobian_chunked<9>(grad, x, j9);
  RC_ASSERT(j1 == j9);
  RC_ASSERT(ad::jacobian(grad, x) == j9);
}

RC_GTEST_PROP(JetChunks, ChunkedAndExactSizeAgreeInDouble, ()) { chunks_agree_property<double>(); }
RC_GTEST_PROP(JetChunks, ChunkedAndExactSizeAgreeInMp100, ()) { chunks_agree_property<mp100>(); }

}  // namespace
