// The CUDA side of cuda_elementwise.hpp: compiled by nvcc (OPTVERIFY_CUDA_KERNELS).
#include "gpu/optim/cuda_elementwise.hpp"

#include <cuda_runtime.h>

#include <map>
#include <mutex>
#include <stdexcept>
#include <string>
#include <utility>

#include "optim/rules/adadelta.hpp"
#include "optim/rules/adagrad.hpp"
#include "optim/rules/adam.hpp"
#include "optim/rules/adamax.hpp"
#include "optim/rules/heavy_ball.hpp"
#include "optim/rules/momentum.hpp"
#include "optim/rules/nadam.hpp"
#include "optim/rules/nesterov.hpp"
#include "optim/rules/rmsprop.hpp"
#include "optim/rules/sgd.hpp"

namespace ov::gpu::cuda {
namespace {

template <class T, std::size_t N>
struct DevicePointers {
  T* p[N];
};

void check(cudaError_t e, const char* what) {
  if (e != cudaSuccess)
    throw std::runtime_error(std::string("CUDA elementwise step: ") + what + ": " + cudaGetErrorString(e));
}

template <class Kernel, class C, class T, std::size_t NI, std::size_t NO, std::size_t... I, std::size_t... J>
__device__ void coordinate(const Kernel& k, const C& c, const DevicePointers<const T, NI>& in,
                           const DevicePointers<T, NO>& out, std::int64_t i, int* nonfinite,
                           std::index_sequence<I...>, std::index_sequence<J...>) {
  k(c, in.p[I][i]..., out.p[J][i]...);
  const bool ok = (true && ... && static_cast<bool>(isfinite(out.p[J][i])));
  if (!ok) *nonfinite = 1;  // every writer stores the same value
}

template <class Kernel, class C, class T, std::size_t NI, std::size_t NO>
__global__ void fused(Kernel k, C c, DevicePointers<const T, NI> in, DevicePointers<T, NO> out, std::int64_t n,
                      int* nonfinite) {
  const std::int64_t stride = static_cast<std::int64_t>(blockDim.x) * gridDim.x;
  for (std::int64_t i = static_cast<std::int64_t>(blockIdx.x) * blockDim.x + threadIdx.x; i < n; i += stride)
    coordinate(k, c, in, out, i, nonfinite, std::make_index_sequence<NI>{}, std::make_index_sequence<NO>{});
}

// One int per device for the flag, allocated on first use.
int* flag_on_current_device() {
  static std::mutex mutex;
  static std::map<int, int*> flags;
  int device = 0;
  check(cudaGetDevice(&device), "cudaGetDevice");
  std::lock_guard<std::mutex> lock(mutex);
  int*& f = flags[device];
  if (!f) check(cudaMalloc(&f, sizeof(int)), "cudaMalloc");
  return f;
}

}  // namespace

template <class Kernel, class C, class T, std::size_t NI, std::size_t NO>
bool fused_elementwise(const Kernel& kernel, const C& consts, const std::array<const T*, NI>& in,
                       const std::array<T*, NO>& out, std::int64_t n) {
  if (n == 0) return true;
  DevicePointers<const T, NI> din;
  DevicePointers<T, NO> dout;
  for (std::size_t i = 0; i < NI; ++i) din.p[i] = in[i];
  for (std::size_t j = 0; j < NO; ++j) dout.p[j] = out[j];
  int* flag = flag_on_current_device();
  check(cudaDeviceSynchronize(), "waiting for the gradients");
  check(cudaMemset(flag, 0, sizeof(int)), "cudaMemset");
  constexpr int kThreads = 256;
  const std::int64_t blocks64 = (n + kThreads - 1) / kThreads;
  const int blocks = static_cast<int>(blocks64 < 65535 ? blocks64 : 65535);
  fused<Kernel, C, T, NI, NO><<<blocks, kThreads>>>(kernel, consts, din, dout, n, flag);
  check(cudaGetLastError(), "kernel launch");
  int host = 0;
  check(cudaMemcpy(&host, flag, sizeof(int), cudaMemcpyDeviceToHost), "reading the finiteness flag");
  return host == 0;
}

#define OV_CUDA_INSTANTIATE_T(K, C, T, NI, NO)                                                     \
  template bool fused_elementwise<K, C<T>, T, NI, NO>(const K&, const C<T>&, const std::array<const T*, NI>&, \
                                                      const std::array<T*, NO>&, std::int64_t);
#define OV_CUDA_INSTANTIATE(K, C, NI, NO) \
  OV_CUDA_INSTANTIATE_T(K, C, float, NI, NO) OV_CUDA_INSTANTIATE_T(K, C, double, NI, NO)
OV_CUDA_ELEMENTWISE_KERNELS(OV_CUDA_INSTANTIATE)

}  // namespace ov::gpu::cuda
