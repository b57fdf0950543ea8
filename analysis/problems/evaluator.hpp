// Evaluator<T>: a problem's value and derivatives in one scalar type T. The
// problem library is type-erased per scalar: a Problem holds one Evaluator for
// each scalar of ov::all_scalars that it supports.
#pragma once

#include <cstddef>
#include <vector>

#include "analysis/numeric/linear_algebra.hpp"

namespace ov::problems {

template <class T>
class Evaluator {
 public:
  virtual ~Evaluator() = default;

  virtual T value(const Vec<T>& x) const = 0;
  // The analytic gradient where the problem provides one, autodiff otherwise.
  virtual Vec<T> gradient(const Vec<T>& x) const = 0;
  virtual T value_and_gradient(const Vec<T>& x, Vec<T>& g) const = 0;
  // Always forward-mode autodiff (ceres::Jet over T), whatever the problem provides.
  virtual Vec<T> autodiff_gradient(const Vec<T>& x) const = 0;
  // The analytic Hessian where provided, nested-Jet autodiff otherwise.
  virtual Mat<T> hessian(const Vec<T>& x) const = 0;
  virtual Mat<T> autodiff_hessian(const Vec<T>& x) const = 0;
  virtual Vec<T> hessian_vector_product(const Vec<T>& x, const Vec<T>& v) const = 0;

  // Finite sums f = (1/N) sum_i f_i (mean convention). num_samples() == 0 for a
  // deterministic problem; the sample/batch calls then throw.
  virtual std::size_t num_samples() const = 0;
  virtual T sample_value(std::size_t i, const Vec<T>& x) const = 0;
  virtual Vec<T> sample_gradient(std::size_t i, const Vec<T>& x) const = 0;
  // Hess f_i(x) v by nested-Jet autodiff of the sample.
  virtual Vec<T> sample_hessian_vector_product(std::size_t i, const Vec<T>& x, const Vec<T>& v) const = 0;
  // Means over the given sample indices (repetitions count: sampling with replacement).
  virtual T batch_value(const std::vector<std::size_t>& batch, const Vec<T>& x) const = 0;
  virtual Vec<T> batch_gradient(const std::vector<std::size_t>& batch, const Vec<T>& x) const = 0;
};

}  // namespace ov::problems
