// Runs a per-coordinate kernel over vectors in one fused loop, double-buffered:
//
//   bool finite = elementwise(kernel, consts, in(x, g, m), out(x1, m1));
//   if (!finite) refuse;            // x, g, m untouched
//   x.swap(x1); m.swap(m1);         // O(1) commit
//
// The kernel is called as kernel(consts, x[i], g[i], m[i], x1[i], m1[i]) with
// inputs by const reference and outputs by reference. It is a template over the
// element type, so the LibTorch layer can call the very same kernel on whole
// tensors. Outputs are resized to the inputs' length; every input must have it.
// The return value says whether every output coordinate is finite: the check is
// folded into the loop, so refusing a non-finite update costs no extra pass.
#pragma once

#include <algorithm>
#include <cstddef>
#include <stdexcept>
#include <string>
#include <tuple>
#include <type_traits>
#include <utility>

#include "optim/core/scalar_ops.hpp"
#include "optim/core/vector.hpp"

namespace ov::optim {

template <class... V>
std::tuple<const V&...> in(const V&... v) {
  return std::tuple<const V&...>(v...);
}
template <class... V>
std::tuple<V&...> out(V&... v) {
  return std::tuple<V&...>(v...);
}

namespace detail {

// Builtin floating point (float, double): the kernel runs over blocks of kBlock
// coordinates in a loop the compiler vectorises (`#pragma GCC ivdep`: iteration i reads
// and writes index i only, so there is no loop-carried dependence; outputs may be the
// very arrays of the inputs but must not PARTIALLY overlap them), and the finiteness
// test then reads the block's outputs back from L1 cache. Keeping that test out of the
// kernel loop is what lets it vectorise (a boolean reduction mixed with double lanes
// does not, GCC 12); -fno-math-errno (cmake/ProjectOptions.cmake) turns sqrt into one
// instruction. Other scalars (multiprecision) run the plain fused loop.
inline constexpr Eigen::Index kBlock = 512;

template <class Kernel, class C, class InPtrs, class OutPtrs, std::size_t... I, std::size_t... J>
bool elementwise_loop(const Kernel& k, const C& c, const InPtrs& ip, const OutPtrs& op, Eigen::Index n,
                      std::index_sequence<I...>, std::index_sequence<J...>) {
  bool finite = true;
  constexpr bool builtin =
      (std::is_floating_point_v<std::remove_cv_t<std::remove_pointer_t<std::tuple_element_t<J, OutPtrs>>>> && ...);
  if constexpr (builtin) {
    for (Eigen::Index b = 0; b < n; b += kBlock) {
      const Eigen::Index e = std::min(b + kBlock, n);
#pragma GCC ivdep
      for (Eigen::Index i = b; i < e; ++i) k(c, std::get<I>(ip)[i]..., std::get<J>(op)[i]...);
      for (Eigen::Index i = b; i < e; ++i) finite = (finite & ... & ops::is_finite(std::get<J>(op)[i]));
    }
  } else {
    for (Eigen::Index i = 0; i < n; ++i) {
      k(c, std::get<I>(ip)[i]..., std::get<J>(op)[i]...);
      finite = (finite & ... & ops::is_finite(std::get<J>(op)[i]));
    }
  }
  return finite;
}

}  // namespace detail

template <class Kernel, class C, class... In, class... Out>
bool elementwise(const Kernel& kernel, const C& consts, const std::tuple<const In&...>& ins,
                 const std::tuple<Out&...>& outs) {
  static_assert(sizeof...(In) >= 1, "elementwise: at least one input");
  const Eigen::Index n = std::get<0>(ins).size();
  std::apply(
      [n](const auto&... v) {
        ((v.size() == n ? void()
                        : throw std::invalid_argument("elementwise: input of size " + std::to_string(v.size()) +
                                                      ", expected " + std::to_string(n))),
         ...);
      },
      ins);
  std::apply([n](auto&... v) { (v.resize(n), ...); }, outs);
  auto in_ptrs = std::apply([](const auto&... v) { return std::make_tuple(v.data()...); }, ins);
  auto out_ptrs = std::apply([](auto&... v) { return std::make_tuple(v.data()...); }, outs);
  return detail::elementwise_loop(kernel, consts, in_ptrs, out_ptrs, n, std::index_sequence_for<In...>{},
                                  std::index_sequence_for<Out...>{});
}

}  // namespace ov::optim
