// How a problem family is declared. A family is a struct:
//
//   struct RosenbrockFamily {
//     static constexpr const char* kName = "rosenbrock";
//     static constexpr const char* kTitle = "Rosenbrock function";
//     static constexpr bool kRationalExact = true;   // value is a rational function
//     static Params defaults();
//     static ProblemInfo describe(const Params& p);  // metadata for these parameters
//     template <class S> struct Functor;             // see evaluator_model.hpp
//   };
//
// and is listed in one of the catalog_*.hpp family lists.
#pragma once

#include <tuple>
#include <type_traits>

#include "analysis/numeric/scalars.hpp"

namespace ov::problems {

template <class... Families>
struct FamilyList {};

template <class... A, class... B>
constexpr FamilyList<A..., B...> concat(FamilyList<A...>, FamilyList<B...>) {
  return {};
}

template <class Family, class S>
inline constexpr bool family_supports_v = !std::is_same_v<S, rational> || Family::kRationalExact;

}  // namespace ov::problems
