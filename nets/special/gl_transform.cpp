// gl_transform and its gradient law (symmetries.hpp; 003 §3.3 L418-L420), and small_inverse.
#include <sstream>
#include <stdexcept>
#include <string>

#include "nets/core/network.hpp"
#include "nets/special/symmetries.hpp"
#include "nets/special/symmetries_detail.hpp"

namespace ov::nets::special {

template <class S>
Mat<S> small_inverse(const Mat<S>& C, const char* what) {
  if (C.rows() != C.cols())
    throw std::invalid_argument(std::string(what) + " must be square, got " + std::to_string(C.rows()) + " x " +
                                std::to_string(C.cols()));
  using std::abs;
  const Eigen::Index k = C.rows();
  Mat<S> M = C;
  Mat<S> R = Mat<S>::Identity(k, k);
  for (Eigen::Index c = 0; c < k; ++c) {
    Eigen::Index piv = c;
    for (Eigen::Index r = c + 1; r < k; ++r)
      if (abs(M(r, c)) > abs(M(piv, c))) piv = r;  // partial pivoting (any nonzero pivot is exact in rational)
    if (M(piv, c) == 0)
      throw std::invalid_argument(std::string(what) + " is singular (zero pivot in column " + std::to_string(c) +
                                  "); an invertible matrix is required");
    if (piv != c) {
      M.row(piv).swap(M.row(c));
      R.row(piv).swap(R.row(c));
    }
    const S inv = S(1) / M(c, c);
    M.row(c) *= inv;
    R.row(c) *= inv;
    for (Eigen::Index r = 0; r < k; ++r) {
      if (r == c || M(r, c) == 0) continue;
      const S factor = M(r, c);
      M.row(r) -= factor * M.row(c);
      R.row(r) -= factor * R.row(c);
    }
  }
  return R;
}

namespace {
// A B by plain loops (Eigen's GEMM kernels for multiprecision scalars cost compile time, and
// these matrices are tiny).
template <class S, class A, class B>
Mat<S> times(const A& a, const B& b) {
  Mat<S> r(a.rows(), b.cols());
  for (Eigen::Index i = 0; i < a.rows(); ++i)
    for (Eigen::Index j = 0; j < b.cols(); ++j) {
      S s = S(0);
      for (Eigen::Index k = 0; k < a.cols(); ++k) s += a(i, k) * b(k, j);
      r(i, j) = s;
    }
  return r;
}
template <class S>
void check(const char* op, const Architecture& a, Eigen::Index size, const Mat<S>& C, int layer) {
  detail::require_hidden_layer(op, a, layer);
  check_parameter_size(a, size);
  if (a.activation(layer).kind != ActivationKind::identity)
    throw std::invalid_argument(std::string(op) + ": layer " + std::to_string(layer) + " has the activation '" +
                                a.activation(layer).name() +
                                "'; the GL(p) symmetry needs the identity (a linear hidden layer, 003 §3.3)");
  const int p = a.width(layer);
  if (C.rows() != p || C.cols() != p)
    throw std::invalid_argument(std::string(op) + ": C must be " + std::to_string(p) + " x " + std::to_string(p) +
                                " (the width of layer " + std::to_string(layer) + "), got " +
                                std::to_string(C.rows()) + " x " + std::to_string(C.cols()));
}
}  // namespace

template <class S>
Vec<S> gl_transform(const Architecture& a, const Vec<S>& theta, const Mat<S>& C, int layer) {
  check<S>("gl_transform", a, theta.size(), C, layer);
  const Mat<S> Cinv = small_inverse<S>(C, "gl_transform: C");
  Vec<S> r = theta;
  weights(a, r, layer) = times<S>(C, weights(a, theta, layer));
  if (a.biases) bias(a, r, layer) = times<S>(C, bias(a, theta, layer));
  weights(a, r, layer + 1) = times<S>(weights(a, theta, layer + 1), Cinv);
  return r;
}

template <class S>
Vec<S> gl_transform_gradient(const Architecture& a, const Vec<S>& g, const Mat<S>& C, int layer) {
  check<S>("gl_transform_gradient", a, g.size(), C, layer);
  const Mat<S> CinvT = small_inverse<S>(C, "gl_transform_gradient: C").transpose();
  Vec<S> r = g;
  weights(a, r, layer) = times<S>(CinvT, weights(a, g, layer));
  if (a.biases) bias(a, r, layer) = times<S>(CinvT, bias(a, g, layer));
  weights(a, r, layer + 1) = times<S>(weights(a, g, layer + 1), C.transpose());
  return r;
}

#define OV_INSTANTIATE(S)                                                                              \
  template Mat<S> small_inverse<S>(const Mat<S>&, const char*);                                       \
  template Vec<S> gl_transform<S>(const Architecture&, const Vec<S>&, const Mat<S>&, int);            \
  template Vec<S> gl_transform_gradient<S>(const Architecture&, const Vec<S>&, const Mat<S>&, int);
OV_INSTANTIATE(double)
OV_INSTANTIATE(mp100)
OV_INSTANTIATE(rational)
#undef OV_INSTANTIATE

}  // namespace ov::nets::special
