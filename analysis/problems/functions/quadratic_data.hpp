// Exact data of the generated quadratics f(x) = (1/2) x^T A x - b^T x with a prescribed
// spectrum and a seeded rotation (families `quadratic` and `quadratic_deep`).
//
// Rotation: the Cayley transform Q = (I - K)(I + K)^{-1} of a seeded skew-symmetric
// dyadic K is exactly orthogonal and rational (det Q = +1; a seeded rotation, not a
// Haar-distributed one). With K = M / D (M integer skew, D a power of two) and
// B = D I + M, Q = B^{-1} B^T; we compute the integer matrix X = det(B) Q by fraction-free
// (Bareiss) elimination, then A = X diag(lambda) X^T / det(B)^2 and
// x* = A^{-1} b = X diag(1/lambda) X^T b / det(B)^2, all in exact rational arithmetic.
// Data are cached per parameter set (the first construction at n = 100 takes about a
// second, later ones are free).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "analysis/numeric/scalars.hpp"
#include "analysis/problems/functions/classic_support.hpp"
#include "analysis/problems/params.hpp"

namespace ov::problems::generated {

struct QuadraticData {
  int n = 0;
  std::vector<rational> eigenvalues;       // lambda_k, the diagonal of diag(lambda) (ascending |lambda|)
  std::vector<bmp::mpz_int> rotation_num;  // X, row-major n x n: Q = X / rotation_den
  bmp::mpz_int rotation_den;               // det(B) > 0
  std::vector<rational> A;                 // row-major n x n, symmetric
  std::vector<rational> b;                 // linear term (zero or seeded)
  std::vector<rational> xstar;             // the unique critical point A^{-1} b
  rational fstar;                          // f(x*) = -b^T x* / 2
};

// The data for dimension n, rotation/b seed, eigenvalues (nonzero, any order: they are
// sorted by magnitude) and whether b is seeded (otherwise b = 0). Cached.
std::shared_ptr<const QuadraticData> quadratic_data(int n, std::uint64_t seed, std::vector<rational> eigenvalues,
                                                    bool seeded_b);

// The eigenvalues described by the `quadratic` family's parameters (validated; errors
// name the parameter and its valid range).
std::vector<rational> quadratic_spectrum(const Params& p, const std::string& family);

// The DeepOBS-like spectrum of `quadratic_deep`: 90 values from U(0, 1] and 10 from
// U(30, 60], dyadic with 20 bits, from SeededStream(~seed).
std::vector<rational> deep_spectrum(std::uint64_t seed);

}  // namespace ov::problems::generated
