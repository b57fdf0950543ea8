#include "analysis/numeric/inertia.hpp"

#include <limits>
#include <stdexcept>
#include <utility>

namespace ov {

std::string to_string(const Inertia& i) {
  return "(positive " + std::to_string(i.positive) + ", negative " + std::to_string(i.negative) + ", zero " +
         std::to_string(i.zero) + ")";
}

namespace {

void require_square(Eigen::Index rows, Eigen::Index cols, const char* who) {
  if (rows != cols) {
    throw std::invalid_argument(std::string(who) + ": matrix H is " + std::to_string(rows) + "x" +
                                std::to_string(cols) + ", it must be square (and symmetric)");
  }
}

[[noreturn]] void not_symmetric(const char* who, Eigen::Index i, Eigen::Index j) {
  throw std::invalid_argument(std::string(who) + ": matrix H is not symmetric: H(" + std::to_string(i) + "," +
                              std::to_string(j) + ") != H(" + std::to_string(j) + "," + std::to_string(i) + ")");
}

// Symmetric swap of index a and b (rows and columns) in the leading k x k block.
void symmetric_swap(Mat<rational>& a, Eigen::Index i, Eigen::Index j) {
  if (i == j) return;
  a.row(i).swap(a.row(j));
  a.col(i).swap(a.col(j));
}

template <class T>
void check_symmetric_floating(const Mat<T>& h) {
  using std::abs;
  require_square(h.rows(), h.cols(), "inertia");
  T scale(0);
  for (Eigen::Index i = 0; i < h.rows(); ++i)
    for (Eigen::Index j = 0; j < h.cols(); ++j) scale = abs(h(i, j)) > scale ? T(abs(h(i, j))) : scale;
  const T tol = T(1000) * std::numeric_limits<T>::epsilon() * scale;
  for (Eigen::Index i = 0; i < h.rows(); ++i)
    for (Eigen::Index j = i + 1; j < h.cols(); ++j)
      if (!(abs(h(i, j) - h(j, i)) <= tol)) not_symmetric("inertia", i, j);
}

}  // namespace

Inertia inertia(const Mat<rational>& H) {
  require_square(H.rows(), H.cols(), "inertia");
  for (Eigen::Index i = 0; i < H.rows(); ++i)
    for (Eigen::Index j = i + 1; j < H.cols(); ++j)
      if (H(i, j) != H(j, i)) not_symmetric("inertia", i, j);

  Inertia result;
  Mat<rational> a = H;
  while (a.rows() > 0) {
    const Eigen::Index k = a.rows();
    Eigen::Index p = -1;
    for (Eigen::Index i = 0; i < k && p < 0; ++i)
      if (a(i, i) != 0) p = i;
    if (p >= 0) {
      // 1x1 pivot d = a(p,p): H ~ diag(d, S) with S = A22 - c c^T / d.
      symmetric_swap(a, 0, p);
      const rational d = a(0, 0);
      (d > 0 ? result.positive : result.negative) += 1;
      Mat<rational> s(k - 1, k - 1);
      for (Eigen::Index i = 1; i < k; ++i)
        for (Eigen::Index j = i; j < k; ++j) {
          s(i - 1, j - 1) = a(i, j) - a(i, 0) * a(0, j) / d;
          s(j - 1, i - 1) = s(i - 1, j - 1);
        }
      a = std::move(s);
      continue;
    }
    Eigen::Index q = -1;
    for (Eigen::Index i = 0; i < k && q < 0; ++i)
      for (Eigen::Index j = i + 1; j < k; ++j)
        if (a(i, j) != 0) {
          p = i;
          q = j;
          break;
        }
    if (q < 0) {  // the remaining matrix is zero
      result.zero += static_cast<int>(k);
      break;
    }
    // 2x2 pivot E = [[0, b], [b, 0]] (eigenvalues +-b: inertia (1, 1, 0)):
    // S = A22 - C E^{-1} C^T with E^{-1} = [[0, 1/b], [1/b, 0]], i.e.
    // S(i,j) = A(i,j) - (c_i0 c_j1 + c_i1 c_j0) / b.
    symmetric_swap(a, 0, p);
    symmetric_swap(a, 1, q);  // q > p, so the first swap did not move q
    const rational b = a(0, 1);
    result.positive += 1;
    result.negative += 1;
    Mat<rational> s(k - 2, k - 2);
    for (Eigen::Index i = 2; i < k; ++i)
      for (Eigen::Index j = i; j < k; ++j) {
        s(i - 2, j - 2) = a(i, j) - (a(i, 0) * a(j, 1) + a(i, 1) * a(j, 0)) / b;
        s(j - 2, i - 2) = s(i - 2, j - 2);
      }
    a = std::move(s);
  }
  return result;
}

namespace {
template <class T>
Vec<T> checked_eigenvalues(const Mat<T>& H) {
  check_symmetric_floating(H);
  if (H.rows() == 0) return Vec<T>(0);
  return symmetric_eigenvalues(H);
}
}  // namespace

template <class T>
Inertia inertia(const Mat<T>& H, const T& zero_tolerance) {
  using std::abs;
  if (!(zero_tolerance >= T(0))) {
    throw std::invalid_argument("inertia: zero_tolerance must be >= 0 (and not NaN)");
  }
  const Vec<T> ev = checked_eigenvalues(H);
  Inertia r;
  for (Eigen::Index i = 0; i < ev.size(); ++i) {
    if (abs(ev[i]) <= zero_tolerance) ++r.zero;
    else if (ev[i] > T(0)) ++r.positive;
    else ++r.negative;
  }
  return r;
}

template <class T>
T spectral_norm_symmetric(const Mat<T>& H) {
  using std::abs;
  const Vec<T> ev = checked_eigenvalues(H);
  T m(0);
  for (Eigen::Index i = 0; i < ev.size(); ++i) m = abs(ev[i]) > m ? T(abs(ev[i])) : m;
  return m;
}

#define OPTVERIFY_INSTANTIATE_INERTIA(T)                            \
  template Inertia inertia<T>(const Mat<T>&, const T&);             \
  template T spectral_norm_symmetric<T>(const Mat<T>&);

OPTVERIFY_INSTANTIATE_INERTIA(double)
OPTVERIFY_INSTANTIATE_INERTIA(mp50)
OPTVERIFY_INSTANTIATE_INERTIA(mp100)

}  // namespace ov
