// Eigen::NumTraits for the project's multiprecision scalars.
//
// Boost 1.74's boost/multiprecision/eigen.hpp predates Eigen 3.4 and lacks
// infinity()/quiet_NaN()/digits(), so SelfAdjointEigenSolver and BDCSVD do not
// compile with it (anchors-verified-numerics.md §1.2). A full specialisation per
// concrete scalar wins over Boost's partial one; we keep Boost's header for its
// ScalarBinaryOpTraits.
#pragma once

#include <boost/multiprecision/eigen.hpp>
#include <boost/version.hpp>
#include <Eigen/Core>
#include <limits>

#include "analysis/numeric/scalars.hpp"

#define OPTVERIFY_DEFINE_REAL_NUMTRAITS(T)                                                  \
  namespace Eigen {                                                                          \
  template <>                                                                                \
  struct NumTraits<T> : GenericNumTraits<T> {                                                \
    using Real = T;                                                                          \
    using NonInteger = T;                                                                    \
    using Literal = T;                                                                       \
    using Nested = T;                                                                        \
    enum {                                                                                   \
      IsComplex = 0,                                                                         \
      IsInteger = 0,                                                                         \
      IsSigned = 1,                                                                          \
      RequireInitialization = 1,                                                             \
      ReadCost = HugeCost,                                                                   \
      AddCost = HugeCost,                                                                    \
      MulCost = HugeCost                                                                     \
    };                                                                                       \
    static T epsilon() { return std::numeric_limits<T>::epsilon(); }                         \
    static T dummy_precision() { return 1000 * epsilon(); }                                  \
    static T highest() { return (std::numeric_limits<T>::max)(); }                           \
    static T lowest() { return std::numeric_limits<T>::lowest(); }                           \
    static T infinity() { return std::numeric_limits<T>::infinity(); }                       \
    static T quiet_NaN() { return std::numeric_limits<T>::quiet_NaN(); }                     \
    static int digits10() { return std::numeric_limits<T>::digits10; }                       \
    static int digits() { return std::numeric_limits<T>::digits; }                           \
    static int min_exponent() { return std::numeric_limits<T>::min_exponent; }               \
    static int max_exponent() { return std::numeric_limits<T>::max_exponent; }               \
  };                                                                                         \
  }

#if BOOST_VERSION < 107900
OPTVERIFY_DEFINE_REAL_NUMTRAITS(ov::float128)
OPTVERIFY_DEFINE_REAL_NUMTRAITS(ov::mp50)
OPTVERIFY_DEFINE_REAL_NUMTRAITS(ov::mp100)
OPTVERIFY_DEFINE_REAL_NUMTRAITS(ov::interval)
#endif
