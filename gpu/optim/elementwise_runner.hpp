// Runs a rule's per-coordinate kernel (optim/rules/*.hpp: SgdKernel, AdamKernel, ...) over
// tensors: the very kernel the rigorous core runs over Eigen vectors (optim/core/
// elementwise.hpp), with the same calling convention
//
//   kernel(consts, in_0[i], ..., in_{NI-1}[i], out_0[i], ..., out_{NO-1}[i])
//
// and the same contract: the outputs are written into separate tensors (double buffering),
// the inputs are untouched, and the return value says whether every output coordinate is
// finite, so the caller can refuse a non-finite update with nothing changed.
//
// Two paths, chosen per call:
//  * fused_cpu: every tensor on the CPU, contiguous, of one dtype (float32 or float64): one
//    pass over memory, the kernel instantiated for the builtin scalar (constants in double,
//    rounded once when stored), blocks of kBlock coordinates vectorised as in the core, the
//    finiteness test folded in per block, blocks spread over threads by at::parallel_for.
//  * fused_cuda (builds with OPTVERIFY_CUDA_KERNELS, i.e. a LibTorch with CUDA and nvcc): every
//    tensor on one CUDA device, contiguous, float32 or float64, and the (kernel, constants) pair
//    instantiated in cuda_elementwise.cu: ONE CUDA kernel per step running the same kernel.
//  * tensor_expressions: anything else (CUDA without those kernels, other dtypes, strided
//    views): the kernel instantiated with T = at::Tensor, so each arithmetic operation of the
//    rule is one LibTorch operation (several device kernels per step on CUDA).
#pragma once

#include <ATen/ATen.h>
#include <ATen/Parallel.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <utility>

#include "gpu/optim/tensor_ops.hpp"

#if defined(OPTVERIFY_CUDA_KERNELS)
#include <optional>

#include "gpu/optim/cuda_elementwise.hpp"
#endif

namespace ov::gpu {

enum class KernelPath { fused_cpu, fused_cuda, tensor_expressions };

inline const char* to_string(KernelPath p) {
  switch (p) {
    case KernelPath::fused_cpu: return "fused_cpu";
    case KernelPath::fused_cuda: return "fused_cuda";
    case KernelPath::tensor_expressions: return "tensor_expressions";
  }
  return "?";
}

namespace detail {

inline constexpr std::int64_t kBlock = 512;
// Coordinates per task of at::parallel_for: below this a step runs on one thread (a
// thread hand-off costs more than the arithmetic of a small tensor).
inline constexpr std::int64_t kGrain = 1 << 15;

// Whether n values are all finite, from their bit patterns (exponent all ones: Inf or NaN).
// An OR of integer comparisons vectorises (SSE2: pand, pcmpeqd, por); a boolean chain of
// std::isfinite does not (it ran as scalar ucomiss/setb, ~40 % of an Adam step's time, perf
// 2026-11-30, bench/optimizer_step_bench.cpp).
template <class T>
struct FloatBits;
template <>
struct FloatBits<float> {
  using U = std::uint32_t;
  static constexpr U exponent = 0x7f800000u;
};
template <>
struct FloatBits<double> {
  using U = std::uint64_t;
  static constexpr U exponent = 0x7ff0000000000000ull;
};

template <class T>
bool all_finite(const T* p, std::int64_t n) {
  using U = typename FloatBits<T>::U;
  constexpr U e = FloatBits<T>::exponent;
  U bad = 0;
  for (std::int64_t i = 0; i < n; ++i) {
    U b;
    std::memcpy(&b, p + i, sizeof b);
    bad |= static_cast<U>((b & e) == e);
  }
  return bad == 0;
}

template <class T, class Kernel, class C, std::size_t NI, std::size_t NO, std::size_t... I, std::size_t... J>
bool fused_loop(const Kernel& k, const C& c, const std::array<const T*, NI>& ip, const std::array<T*, NO>& op,
                std::int64_t n, std::index_sequence<I...>, std::index_sequence<J...>) {
  std::atomic<bool> finite{true};
  at::parallel_for(0, n, kGrain, [&](std::int64_t begin, std::int64_t end) {
    // Local copies: the outputs' stores cannot alias them, so the constants and pointers stay
    // in registers (through the references they were reloaded at every coordinate).
    const C cl = c;
    const std::array<const T*, NI> in = ip;
    const std::array<T*, NO> out = op;
    bool ok = true;
    for (std::int64_t b = begin; b < end; b += kBlock) {
      const std::int64_t e = std::min(b + kBlock, end);
#pragma GCC ivdep
      for (std::int64_t i = b; i < e; ++i) k(cl, in[I][i]..., out[J][i]...);
      // Re-reads the block from L1 (folded into the loop above, the test blocked vectorisation).
      ok = (ok & ... & all_finite(out[J] + b, e - b));
    }
    if (!ok) finite.store(false, std::memory_order_relaxed);
  });
  return finite.load();
}

template <class Kernel, class C, std::size_t NI, std::size_t NO, std::size_t... I, std::size_t... J>
void tensor_call(const Kernel& k, const C& c, const std::array<at::Tensor, NI>& in, std::array<at::Tensor, NO>& out,
                 std::index_sequence<I...>, std::index_sequence<J...>) {
  k(c, in[I]..., out[J]...);
}

// Every tensor defined, on ref's device (which must be a CPU or a CUDA one, as asked), of
// ref's dtype, contiguous, of ref's size.
template <std::size_t N>
bool all_fusable(const std::array<at::Tensor, N>& ts, const at::Tensor& ref, bool cuda = false) {
  if (cuda ? !ref.device().is_cuda() : !ref.device().is_cpu()) return false;
  for (const auto& t : ts) {
    if (!t.defined() || t.device() != ref.device() || t.scalar_type() != ref.scalar_type() || !t.is_contiguous() ||
        t.numel() != ref.numel())
      return false;
  }
  return true;
}

}  // namespace detail

// Constants for each element type: make(double{}) and make(float{}) return the rule's
// constants in that scalar (e.g. optim::Adam<S>::constants(...)), so that a float32 step
// computes in float as torch does (twice the SIMD width of double; measured in
// bench/gpu_optimizers_bench.cpp); the tensor-expression path uses the double constants.
template <class Make>
struct TypedConstants {
  Make make;
};
template <class Make>
TypedConstants<Make> typed_constants(Make make) {
  return {std::move(make)};
}

namespace detail {
template <class C>
struct is_typed_constants : std::false_type {};
template <class Make>
struct is_typed_constants<TypedConstants<Make>> : std::true_type {};

// The constants the kernel sees for element type T.
template <class T, class C>
auto constants_for(const C& c) {
  if constexpr (is_typed_constants<C>::value) {
    return c.make(T{});
  } else {
    return c;
  }
}
}  // namespace detail

// in: the kernel's inputs (x, g, state...), out: its outputs (x1, state1...). An output that
// is undefined or of the wrong shape, dtype or device is (re)allocated like in[0]; callers
// keep their outputs between steps so that a step allocates nothing.
template <class Kernel, class C, std::size_t NI, std::size_t NO>
bool run_elementwise(const Kernel& kernel, const C& consts, const std::array<at::Tensor, NI>& in,
                     std::array<at::Tensor, NO>& out, KernelPath* path = nullptr) {
  static_assert(NI >= 1 && NO >= 1, "run_elementwise: at least one input and one output");
  const at::Tensor& ref = in[0];
  for (std::size_t i = 1; i < NI; ++i) {
    if (!in[i].sizes().equals(ref.sizes()))
      throw std::invalid_argument("run_elementwise: input " + std::to_string(i) + " has shape " +
                                  c10::str(in[i].sizes()) + ", expected " + c10::str(ref.sizes()));
  }
  for (auto& o : out) {
    if (!o.defined() || !o.sizes().equals(ref.sizes()) || o.scalar_type() != ref.scalar_type() ||
        o.device() != ref.device() || !o.is_contiguous())
      o = at::empty_like(ref, at::MemoryFormat::Contiguous);
  }
  const auto is = std::make_index_sequence<NI>{};
  const auto os = std::make_index_sequence<NO>{};
  const auto st = ref.scalar_type();
  if ((st == at::kDouble || st == at::kFloat) && detail::all_fusable(in, ref) &&
      detail::all_fusable(out, ref)) {
    if (path) *path = KernelPath::fused_cpu;
    auto fused = [&](auto tag) {
      using T = decltype(tag);
      std::array<const T*, NI> ip;
      std::array<T*, NO> op;
      for (std::size_t i = 0; i < NI; ++i) ip[i] = in[i].template data_ptr<T>();
      for (std::size_t j = 0; j < NO; ++j) op[j] = out[j].template data_ptr<T>();
      const auto c = detail::constants_for<T>(consts);
      return detail::fused_loop<T>(kernel, c, ip, op, ref.numel(), is, os);
    };
    return st == at::kDouble ? fused(double{}) : fused(float{});
  }
#if defined(OPTVERIFY_CUDA_KERNELS)
  if ((st == at::kDouble || st == at::kFloat) && detail::all_fusable(in, ref, true) &&
      detail::all_fusable(out, ref, true)) {
    auto cuda = [&](auto tag) -> std::optional<bool> {
      using T = decltype(tag);
      const auto c = detail::constants_for<T>(consts);
      using CT = std::decay_t<decltype(c)>;
      if constexpr (cuda::has_cuda_kernel<Kernel, CT>::value) {
        std::array<const T*, NI> ip;
        std::array<T*, NO> op;
        for (std::size_t i = 0; i < NI; ++i) ip[i] = in[i].template data_ptr<T>();
        for (std::size_t j = 0; j < NO; ++j) op[j] = out[j].template data_ptr<T>();
        const c10::DeviceGuard on_device(ref.device());
        return cuda::fused_elementwise<Kernel, CT, T, NI, NO>(kernel, c, ip, op, ref.numel());
      } else {
        return std::nullopt;
      }
    };
    const std::optional<bool> finite = st == at::kDouble ? cuda(double{}) : cuda(float{});
    if (finite) {
      if (path) *path = KernelPath::fused_cuda;
      return *finite;
    }
  }
#endif
  if (path) *path = KernelPath::tensor_expressions;
  const auto c = detail::constants_for<double>(consts);
  detail::tensor_call(kernel, c, in, out, is, os);
  bool finite = true;
  for (const auto& o : out) finite = finite && at::isfinite(o).all().template item<bool>();
  return finite;
}

}  // namespace ov::gpu
