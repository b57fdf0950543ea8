// One CUDA kernel per step: a rule's per-coordinate kernel from optim/rules (the very
// operator() the core and the CPU path run, marked OV_HOST_DEVICE) over n coordinates of
// contiguous device arrays, with the finiteness of every output folded in (one flag).
// Defined in cuda_elementwise.cu, compiled by nvcc only when OPTVERIFY_CUDA_KERNELS is on
// (a LibTorch with CUDA: scripts/build-gpu.sh); run_elementwise (elementwise_runner.hpp) calls
// it for CUDA tensors when has_cuda_kernel says the (kernel, constants) pair is instantiated,
// and runs the tensor expressions otherwise.
//
// Streams: the step first waits for all work on the device (cudaDeviceSynchronize: the
// gradients of the backward pass are complete, whatever stream LibTorch used), launches on
// the legacy default stream and reads the flag back synchronously (the refusal decision needs
// it before anything is committed). So a step is ordered with LibTorch's work on every stream.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <type_traits>

namespace ov::optim {
struct SgdKernel;
struct MomentumKernel;
struct NesterovKernel;
struct HeavyBallKernel;
struct AdamKernel;
struct AdagradKernel;
struct RmspropKernel;
struct AdamaxKernel;
struct AdadeltaKernel;
struct NadamKernel;
template <class S> struct SgdConstants;
template <class S> struct MomentumConstants;
template <class S> struct HeavyBallConstants;
template <class S> struct AdamConstants;
template <class S> struct AdagradConstants;
template <class S> struct RmspropConstants;
template <class S> struct AdamaxConstants;
template <class S> struct AdadeltaConstants;
template <class S> struct NadamConstants;
}  // namespace ov::optim

// X(kernel, constants template, number of inputs, number of outputs): every pair with a CUDA
// instantiation (cuda_elementwise.cu instantiates each for float and double).
#define OV_CUDA_ELEMENTWISE_KERNELS(X)                         \
  X(::ov::optim::SgdKernel, ::ov::optim::SgdConstants, 2, 1)        \
  X(::ov::optim::MomentumKernel, ::ov::optim::MomentumConstants, 3, 2) \
  X(::ov::optim::NesterovKernel, ::ov::optim::MomentumConstants, 3, 2) \
  X(::ov::optim::HeavyBallKernel, ::ov::optim::HeavyBallConstants, 3, 2) \
  X(::ov::optim::AdamKernel, ::ov::optim::AdamConstants, 4, 3)      \
  X(::ov::optim::AdagradKernel, ::ov::optim::AdagradConstants, 3, 2) \
  X(::ov::optim::RmspropKernel, ::ov::optim::RmspropConstants, 3, 2) \
  X(::ov::optim::AdamaxKernel, ::ov::optim::AdamaxConstants, 4, 3)  \
  X(::ov::optim::AdadeltaKernel, ::ov::optim::AdadeltaConstants, 4, 3) \
  X(::ov::optim::NadamKernel, ::ov::optim::NadamConstants, 4, 3)

namespace ov::gpu::cuda {

// Whether (Kernel, C) has a CUDA instantiation (C = the constants for float or double).
template <class Kernel, class C>
struct has_cuda_kernel : std::false_type {};

#define OV_CUDA_HAS_KERNEL(K, C, NI, NO)                                  \
  template <>                                                            \
  struct has_cuda_kernel<K, C<float>> : std::true_type {};               \
  template <>                                                            \
  struct has_cuda_kernel<K, C<double>> : std::true_type {};
OV_CUDA_ELEMENTWISE_KERNELS(OV_CUDA_HAS_KERNEL)
#undef OV_CUDA_HAS_KERNEL

// kernel(c, in_0[i], ..., out_0[i], ...) for i < n on the current device; in and out are
// device pointers. Returns whether every output is finite; throws std::runtime_error on a
// CUDA error (naming it).
template <class Kernel, class C, class T, std::size_t NI, std::size_t NO>
bool fused_elementwise(const Kernel& kernel, const C& consts, const std::array<const T*, NI>& in,
                       const std::array<T*, NO>& out, std::int64_t n);

}  // namespace ov::gpu::cuda
