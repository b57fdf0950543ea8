// Definitions behind eigensystem.hpp; include only from eigensystem_<scalar>.cpp.
#pragma once

#include <Eigen/Eigenvalues>
#include <Eigen/LU>
#include <algorithm>
#include <numeric>
#include <stdexcept>
#include <vector>

#include "analysis/spectra/eigensystem.hpp"

namespace ov::spectra {

template <class T>
Eigensystem<T> eigensystem(const Mat<T>& A) {
  if (A.rows() != A.cols() || A.rows() == 0) throw std::invalid_argument("eigensystem: A must be square and non-empty");
  Eigen::EigenSolver<Mat<T>> es(A, /*computeEigenvectors=*/true);
  if (es.info() != Eigen::Success) throw std::runtime_error("eigensystem: real Schur iteration did not converge");
  const Vec<std::complex<T>> ev = es.eigenvalues();
  const Mat<std::complex<T>> V = es.eigenvectors();
  std::vector<Eigen::Index> order(ev.size());
  std::iota(order.begin(), order.end(), Eigen::Index(0));
  std::stable_sort(order.begin(), order.end(), [&](Eigen::Index a, Eigen::Index b) {
    if (ev[a].real() != ev[b].real()) return ev[a].real() > ev[b].real();
    return ev[a].imag() > ev[b].imag();
  });
  Eigensystem<T> r;
  r.values.resize(ev.size());
  r.vectors.resize(V.rows(), V.cols());
  for (Eigen::Index k = 0; k < ev.size(); ++k) {
    r.values[k] = ev[order[k]];
    r.vectors.col(k) = V.col(order[k]);
  }
  r.inverse = r.vectors.partialPivLu().inverse();
  return r;
}

}  // namespace ov::spectra

#define OPTVERIFY_INSTANTIATE_EIGENSYSTEM(T) \
  template ov::spectra::Eigensystem<T> ov::spectra::eigensystem<T>(const ov::Mat<T>&);
