// Certified enclosures of the eigenvalues of a real square matrix known as an interval
// matrix A (each entry an MPFI enclosure of the true entry), from an approximate
// eigendecomposition (eigensystem.hpp) and a rigorous residual bound in MPFI.
//
// Argument (a Bauer-Fike-type bound made per eigenvalue by Gershgorin's theorem):
//   let V~ be the approximate eigenvector matrix, L~ = diag(l~_i), X ~ V~^{-1}, and
//     E = I - X V~ (interval).  If ||E||_inf < 1, V~ is invertible and
//     ||V~^{-1} - X||_inf <= ||X||_inf ||E||_inf / (1 - ||E||_inf) =: delta
//   (Neumann series), so every entry of V~^{-1} lies in X_ij + [-delta, delta] (re and im).
//   With R = A V~ - V~ L~ (interval), every matrix A in the interval matrix satisfies
//     V~^{-1} A V~ = L~ + F,   F = V~^{-1} R,
//   i.e. A is similar to L~ + F. By Gershgorin's theorem every eigenvalue of A lies in
//   the union of the discs D_i = { |z - (l~_i + F_ii)| <= sum_{j != i} |F_ij| }, and a
//   union of k discs disjoint from the other discs contains exactly k eigenvalues
//   (counted with multiplicity; continuity argument). We enclose each disc in a
//   rectangle (outward rounded); a rectangle disjoint from all others contains exactly
//   one eigenvalue (`isolated`); overlapping rectangles are merged and each member gets
//   the hull of its group (which contains as many eigenvalues as members).
//   For a symmetric A with orthonormal V~ this reduces to the residual bound
//   |l - l~| <= ||A v - l~ v|| / ||v|| up to the Gershgorin form.
// Not certified (reason given) when ||E||_inf >= 1 (V~ numerically singular, e.g. a
// defective matrix such as a double root on the edge of the complex band) or when an
// enclosure is not finite. More digits in the approximation never count as a proof.
#pragma once

#include <complex>
#include <string>
#include <vector>

#include "analysis/numeric/linear_algebra.hpp"
#include "analysis/numeric/scalars.hpp"
#include "analysis/spectra/eigensystem.hpp"

namespace ov::spectra {

struct ComplexBox {
  interval re, im;
};

struct EigenEnclosures {
  bool certified = false;
  std::string reason;              // why not certified
  std::string argument;            // the theorem used
  std::vector<ComplexBox> boxes;   // one per approximate eigenvalue, same order
  std::vector<bool> isolated;      // the box contains exactly one eigenvalue
  std::string inverse_defect;      // ||I - X V~||_inf (upper bound), for the record
};

// The approximate decomposition as thin intervals (any numbers are allowed here: the
// argument holds for every approximation).
struct ApproxEigen {
  Vec<interval> lr, li;       // eigenvalues
  Mat<interval> Vr, Vi;       // eigenvectors (columns)
  Mat<interval> Xr, Xi;       // approximate inverse of V~
};

template <class T>
ApproxEigen to_interval(const Eigensystem<T>& e) {
  const Eigen::Index n = e.values.size();
  ApproxEigen a;
  a.lr.resize(n);
  a.li.resize(n);
  a.Vr.resize(n, n);
  a.Vi.resize(n, n);
  a.Xr.resize(n, n);
  a.Xi.resize(n, n);
  // Rounded to 50 digits (mp50 is exact in `interval`); they remain approximations.
  const auto I = [](const T& x) { return interval(mp50(x)); };
  for (Eigen::Index i = 0; i < n; ++i) {
    a.lr[i] = I(e.values[i].real());
    a.li[i] = I(e.values[i].imag());
    for (Eigen::Index j = 0; j < n; ++j) {
      a.Vr(i, j) = I(e.vectors(i, j).real());
      a.Vi(i, j) = I(e.vectors(i, j).imag());
      a.Xr(i, j) = I(e.inverse(i, j).real());
      a.Xi(i, j) = I(e.inverse(i, j).imag());
    }
  }
  return a;
}

EigenEnclosures enclose_eigenvalues(const Mat<interval>& A, const ApproxEigen& approx);

// The two boxes share a point (exact endpoint comparison).
bool overlaps(const ComplexBox& a, const ComplexBox& b);

}  // namespace ov::spectra
