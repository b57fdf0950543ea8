// Forward-mode automatic differentiation of any generic functor through
// ceres::Jet, in any base scalar S (double, float128, mp50, mp100, interval,
// rational for rational functions).
//
// A functor f is called as f(x) with x a Vec<T>, T being S or a (nested) Jet over
// S, and returns T. Jet's number of partials is a compile-time constant, so:
//  - the *_chunked<K> forms take K partials per pass (K = n: one exact pass);
//  - the runtime forms dispatch n = 1 and n = 2 to exact sizes and evaluate larger
//    dimensions in chunks of kChunk directions (the last chunk zero-padded).
// Gradients cost ceil(n/K) evaluations on Jet<S,K>; Hessians use nested
// Jet<Jet<S,K>,K> over the upper block triangle; Hessian-vector products use
// Jet<Jet<S,1>,K> with the inner partial seeded along v. Directional derivatives
// use Jet<S,1>. Jacobians of vector maps g(x) -> Vec<T> (m outputs) use the same
// chunking as gradients: one pass per K columns.
//
// Sizes are checked and mismatches throw std::invalid_argument naming the
// argument (direction v, output of a vector map changing size between passes).
// See docs/autodiff.md for which scalars S work and why.
#pragma once

#include <ceres/jet.h>

#include <algorithm>
#include <stdexcept>
#include <string>

#include "analysis/numeric/lift.hpp"
#include "analysis/numeric/linear_algebra.hpp"

namespace ov::ad {

inline constexpr int kChunk = 4;

namespace detail {

// Seed x[offset..offset+K) as the K partial directions of a Jet vector.
template <int K, class S>
Vec<ceres::Jet<S, K>> seed_chunk(const Vec<S>& x, Eigen::Index offset) {
  using J = ceres::Jet<S, K>;
  Vec<J> xj(x.size());
  for (Eigen::Index i = 0; i < x.size(); ++i) {
    xj[i] = J(x[i]);
    Eigen::Index k = i - offset;
    if (k >= 0 && k < K) xj[i].v[k] = S(1);
  }
  return xj;
}

inline void check_size(Eigen::Index n, Eigen::Index expected, const char* what) {
  if (n != expected) {
    throw std::invalid_argument(std::string(what) + ": vector has size " + std::to_string(n) + ", expected " +
                                std::to_string(expected));
  }
}

// The output of a vector map as a Vec<T> (accepts Eigen expressions).
template <class T, class G>
Vec<T> eval_map(const G& g, const Vec<T>& x) {
  return Vec<T>(g(x));
}

}  // namespace detail

// f(x) and its gradient with K partials per pass (chunks when n > K).
template <int K, class S, class F>
S value_and_gradient_chunked(const F& f, const Vec<S>& x, Vec<S>& g) {
  const Eigen::Index n = x.size();
  g.resize(n);
  S value{};
  if (n == 0) return f(x);
  for (Eigen::Index off = 0; off < n; off += K) {
    auto y = f(detail::seed_chunk<K>(x, off));
    if (off == 0) value = y.a;
    for (int k = 0; k < K && off + k < n; ++k) g[off + k] = y.v[k];
  }
  return value;
}

template <class S, class F>
S value_and_gradient(const F& f, const Vec<S>& x, Vec<S>& g) {
  switch (x.size()) {
    case 1: return value_and_gradient_chunked<1>(f, x, g);
    case 2: return value_and_gradient_chunked<2>(f, x, g);
    default: return value_and_gradient_chunked<kChunk>(f, x, g);
  }
}

template <class S, class F>
Vec<S> gradient(const F& f, const Vec<S>& x) {
  Vec<S> g;
  value_and_gradient(f, x, g);
  return g;
}

// Hessian by nested Jets, K x K blocks, upper block triangle mirrored.
template <int K, class S, class F>
Mat<S> hessian_chunked(const F& f, const Vec<S>& x) {
  using Inner = ceres::Jet<S, K>;
  using Outer = ceres::Jet<Inner, K>;
  const Eigen::Index n = x.size();
  Mat<S> h(n, n);
  for (Eigen::Index bi = 0; bi < n; bi += K) {
    for (Eigen::Index bj = bi; bj < n; bj += K) {
      Vec<Outer> xj(n);
      for (Eigen::Index i = 0; i < n; ++i) {
        Inner a(x[i]);
        Eigen::Index kj = i - bj;
        if (kj >= 0 && kj < K) a.v[kj] = S(1);
        xj[i] = Outer(a);
        Eigen::Index ki = i - bi;
        if (ki >= 0 && ki < K) xj[i].v[ki] = Inner(S(1));
      }
      Outer y = f(xj);
      for (int a = 0; a < K && bi + a < n; ++a) {
        for (int b = 0; b < K && bj + b < n; ++b) {
          h(bi + a, bj + b) = y.v[a].v[b];
          h(bj + b, bi + a) = y.v[a].v[b];
        }
      }
    }
  }
  return h;
}

template <class S, class F>
Mat<S> hessian(const F& f, const Vec<S>& x) {
  switch (x.size()) {
    case 1: return hessian_chunked<1>(f, x);
    case 2: return hessian_chunked<2>(f, x);
    default: return hessian_chunked<kChunk>(f, x);
  }
}

// H(x) v without forming H: inner partial along v, outer partials over coordinates.
template <int K, class S, class F>
Vec<S> hessian_vector_product_chunked(const F& f, const Vec<S>& x, const Vec<S>& v) {
  detail::check_size(v.size(), x.size(), "hessian_vector_product: direction v");
  using Inner = ceres::Jet<S, 1>;
  using Outer = ceres::Jet<Inner, K>;
  const Eigen::Index n = x.size();
  Vec<S> hv(n);
  for (Eigen::Index off = 0; off < n; off += K) {
    Vec<Outer> xj(n);
    for (Eigen::Index i = 0; i < n; ++i) {
      Inner a(x[i]);
      a.v[0] = v[i];
      xj[i] = Outer(a);
      Eigen::Index k = i - off;
      if (k >= 0 && k < K) xj[i].v[k] = Inner(S(1));
    }
    Outer y = f(xj);
    for (int k = 0; k < K && off + k < n; ++k) hv[off + k] = y.v[k].v[0];
  }
  return hv;
}

template <class S, class F>
Vec<S> hessian_vector_product(const F& f, const Vec<S>& x, const Vec<S>& v) {
  switch (x.size()) {
    case 1: return hessian_vector_product_chunked<1>(f, x, v);
    case 2: return hessian_vector_product_chunked<2>(f, x, v);
    default: return hessian_vector_product_chunked<kChunk>(f, x, v);
  }
}

// Directional derivative f'(x; v) = grad f(x) . v in one pass of Jet<S,1>.
template <class S, class F>
S directional_derivative(const F& f, const Vec<S>& x, const Vec<S>& v) {
  detail::check_size(v.size(), x.size(), "directional_derivative: direction v");
  using J = ceres::Jet<S, 1>;
  Vec<J> xj(x.size());
  for (Eigen::Index i = 0; i < x.size(); ++i) {
    xj[i] = J(x[i]);
    xj[i].v[0] = v[i];
  }
  return f(xj).v[0];
}

// g(x) and its m x n Jacobian J(i, j) = d g_i / d x_j for a generic vector map
// g: Vec<T> -> Vec<T>, K columns per pass (chunks when n > K).
template <int K, class S, class G>
Vec<S> value_and_jacobian_chunked(const G& g, const Vec<S>& x, Mat<S>& jac) {
  static_assert(K >= 1, "value_and_jacobian_chunked: K must be >= 1");
  const Eigen::Index n = x.size();
  if (n == 0) {
    Vec<S> y = detail::eval_map(g, x);
    jac.resize(y.size(), 0);
    return y;
  }
  Vec<S> value;
  for (Eigen::Index off = 0; off < n; off += K) {
    Vec<ceres::Jet<S, K>> y = detail::eval_map(g, detail::seed_chunk<K>(x, off));
    if (off == 0) {
      value.resize(y.size());
      jac.resize(y.size(), n);
      for (Eigen::Index i = 0; i < y.size(); ++i) value[i] = y[i].a;
    } else {
      detail::check_size(y.size(), value.size(), "jacobian: output of the vector map (it changed between passes)");
    }
    for (Eigen::Index i = 0; i < y.size(); ++i) {
      for (int k = 0; k < K && off + k < n; ++k) jac(i, off + k) = y[i].v[k];
    }
  }
  return value;
}

template <class S, class G>
Vec<S> value_and_jacobian(const G& g, const Vec<S>& x, Mat<S>& jac) {
  switch (x.size()) {
    case 1: return value_and_jacobian_chunked<1>(g, x, jac);
    case 2: return value_and_jacobian_chunked<2>(g, x, jac);
    default: return value_and_jacobian_chunked<kChunk>(g, x, jac);
  }
}

template <class S, class G>
Mat<S> jacobian(const G& g, const Vec<S>& x) {
  Mat<S> jac;
  value_and_jacobian(g, x, jac);
  return jac;
}

// J(x) v in one pass of Jet<S,1>.
template <class S, class G>
Vec<S> jacobian_vector_product(const G& g, const Vec<S>& x, const Vec<S>& v) {
  detail::check_size(v.size(), x.size(), "jacobian_vector_product: direction v");
  using J = ceres::Jet<S, 1>;
  Vec<J> xj(x.size());
  for (Eigen::Index i = 0; i < x.size(); ++i) {
    xj[i] = J(x[i]);
    xj[i].v[0] = v[i];
  }
  Vec<J> y = detail::eval_map(g, xj);
  Vec<S> jv(y.size());
  for (Eigen::Index i = 0; i < y.size(); ++i) jv[i] = y[i].v[0];
  return jv;
}

}  // namespace ov::ad
