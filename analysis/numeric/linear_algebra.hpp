// Eigen vector and matrix aliases over any OptVerify scalar, with the project's
// own Eigen::NumTraits for the multiprecision scalars (see eigen_traits.hpp).
#pragma once

#include <Eigen/Core>

#include "analysis/numeric/eigen_traits.hpp"

namespace ov {

template <class T>
using Vec = Eigen::Matrix<T, Eigen::Dynamic, 1>;
template <class T>
using Mat = Eigen::Matrix<T, Eigen::Dynamic, Eigen::Dynamic>;

}  // namespace ov
