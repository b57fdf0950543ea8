// The vector type of the rigorous core: a dynamic Eigen column of any scalar S.
// (Eigen's NumTraits for the multiprecision scalars come from
// analysis/numeric/linear_algebra.hpp, included by whoever instantiates a rule.)
#pragma once

#include <Eigen/Core>

namespace ov::optim {

template <class S>
using Vector = Eigen::Matrix<S, Eigen::Dynamic, 1>;

}  // namespace ov::optim
