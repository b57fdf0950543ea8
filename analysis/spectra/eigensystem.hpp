// Approximate eigendecomposition of a general real square matrix in high precision:
// A V ~ V diag(values), with V^{-1} ~ inverse. Eigen::EigenSolver (real Schur, then
// eigenvectors) and a partial-pivoting LU inverse of V, instantiated once per scalar in
// eigensystem_<scalar>.cpp (Eigen's solvers over Boost types are slow to compile).
// These are approximations only; enclosure.hpp turns them into certified enclosures.
#pragma once

#include <complex>

#include "analysis/numeric/linear_algebra.hpp"
#include "analysis/numeric/scalars.hpp"

namespace ov::spectra {

template <class T>
struct Eigensystem {
  Vec<std::complex<T>> values;   // sorted by (re, im), descending
  Mat<std::complex<T>> vectors;  // columns, unit 2-norm
  Mat<std::complex<T>> inverse;  // approximate inverse of `vectors`
};

// Throws std::runtime_error when the Schur iteration does not converge.
template <class T>
Eigensystem<T> eigensystem(const Mat<T>& A);

extern template Eigensystem<double> eigensystem<double>(const Mat<double>&);
extern template Eigensystem<mp50> eigensystem<mp50>(const Mat<mp50>&);
extern template Eigensystem<mp100> eigensystem<mp100>(const Mat<mp100>&);

}  // namespace ov::spectra
