// Inertia (numbers of positive, negative and zero eigenvalues) of a symmetric
// matrix, and its spectral norm.
//
//  - rational: exact, by symmetric elimination (congruence). Sylvester's law of
//    inertia: H and P^T H P have the same inertia for invertible P, so pivoting on
//    a nonzero diagonal entry d (1x1 block, sign of d) or, when the whole diagonal
//    of the remaining matrix is zero, on a 2x2 block [[0, b], [b, 0]] with b != 0
//    (inertia (1, 1, 0)) and recursing on the Schur complement gives the inertia
//    exactly. A zero remaining matrix contributes its size to `zero`.
//  - double, mp50, mp100: eigenvalues from ov::symmetric_eigenvalues
//    (decompositions.hpp, Eigen::SelfAdjointEigenSolver) after a symmetry check; an
//    eigenvalue with |lambda| <= zero_tolerance counts as zero. The caller states
//    the tolerance (it depends on how H was computed). Instantiated in
//    inertia.cpp only.
#pragma once

#include <string>

#include "analysis/numeric/decompositions.hpp"  // symmetric_eigenvalues (instantiated there)
#include "analysis/numeric/linear_algebra.hpp"
#include "analysis/numeric/scalars.hpp"

namespace ov {

struct Inertia {
  int positive = 0;
  int negative = 0;
  int zero = 0;

  int size() const { return positive + negative + zero; }
  bool operator==(const Inertia& o) const {
    return positive == o.positive && negative == o.negative && zero == o.zero;
  }
  bool operator!=(const Inertia& o) const { return !(*this == o); }
};

// "(+2, -1, 0: 0)" style: "(positive P, negative N, zero Z)".
std::string to_string(const Inertia& i);

// Exact inertia of a symmetric rational matrix. Throws std::invalid_argument if
// H is not square or not exactly symmetric (naming the first offending entry).
Inertia inertia(const Mat<rational>& H);

// Inertia of a symmetric floating matrix (T = double, mp50, mp100) with the
// given zero tolerance (>= 0). Throws std::invalid_argument if H is not square,
// not symmetric to 1000 eps max|H|, or the tolerance is negative or NaN.
template <class T>
Inertia inertia(const Mat<T>& H, const T& zero_tolerance);

// ||H||_2 = max |lambda_i| of a symmetric matrix (T = double, mp50, mp100).
template <class T>
T spectral_norm_symmetric(const Mat<T>& H);

}  // namespace ov
