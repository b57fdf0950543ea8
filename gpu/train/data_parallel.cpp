// Data-parallel training through LibTorch's c10d (data_parallel.hpp): a TCP store for the
// rendezvous (rank 0 hosts it) and a c10d process group for the collectives: Gloo for CPU
// tensors, NCCL for CUDA tensors when LibTorch was built with it. All c10d/Gloo headers stay in
// this file (pimpl): they need -DUSE_C10D_GLOO / -DUSE_C10D_NCCL, which data_parallel.cmake
// defines for this file only when the headers (libgloo-dev, nccl.h) are present.
//
// LibTorch versions: written against 1.13 (Debian 12) and the 2.x headers. What differs and why
// it still compiles with both:
// - 1.13: ProcessGroupGloo/ProcessGroupNCCL derive from c10d::ProcessGroup; 2.x: from
//   c10d::Backend (ProcessGroup became a dispatcher over backends). Both keep the constructor
//   (store, rank, size, Options), Options::create(timeout), Options::devices/timeout,
//   createDeviceFor{Hostname,Interface}/createDefaultDevice and allreduce/broadcast/barrier
//   returning c10::intrusive_ptr<c10d::Work>; the concrete classes are used directly here and
//   never through the base class, so the split does not matter.
// - TCPStoreOptions keeps port/isServer/numWorkers/waitWorkers/timeout in both (2.x adds
//   fields with defaults: multiTenant, masterListenFd, useLibUV). numWorkers is
//   c10::optional<size_t> in 1.13 and std::optional<size_t> in 2.x: assigned from a size_t.
// - A failed rendezvous throws c10::Error (1.13) or c10::DistStoreError/DistNetworkError (2.x,
//   derived from c10::Error): both are std::exceptions, caught as such.
#include "gpu/train/data_parallel.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <exception>
#include <stdexcept>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include <ATen/ATen.h>
#include <ATen/core/grad_mode.h>

#if defined(USE_C10D_GLOO) || defined(USE_C10D_NCCL)
#include <torch/csrc/distributed/c10d/TCPStore.hpp>
#endif
#ifdef USE_C10D_GLOO
#include <torch/csrc/distributed/c10d/ProcessGroupGloo.hpp>
#endif
#ifdef USE_C10D_NCCL
#include <torch/csrc/distributed/c10d/ProcessGroupNCCL.hpp>
#endif

namespace ov::gpu::train {

namespace data_parallel_detail {

struct MasterAddress {
  std::string host;  // without IPv6 brackets
  int port = 0;
};

// "ADDR:PORT" (IPv6: "[ADDR]:PORT"), PORT decimal in [1, 65535].
inline MasterAddress parse_master(const std::string& master) {
  const std::string expected = " (expected \"ADDR:PORT\" with PORT in [1, 65535], e.g. \"127.0.0.1:29500\")";
  const auto colon = master.rfind(':');
  if (colon == std::string::npos || colon == 0 || colon + 1 == master.size())
    throw std::invalid_argument("parallel.master = \"" + master + "\" is not ADDR:PORT" + expected);
  MasterAddress out;
  out.host = master.substr(0, colon);
  if (out.host.size() >= 2 && out.host.front() == '[' && out.host.back() == ']')
    out.host = out.host.substr(1, out.host.size() - 2);
  if (out.host.empty() || out.host.find_first_of(" \t[]") != std::string::npos)
    throw std::invalid_argument("parallel.master = \"" + master + "\" has an invalid address" + expected);
  const std::string port = master.substr(colon + 1);
  long value = 0;
  for (char c : port) {
    if (c < '0' || c > '9' || value > 65535)
      throw std::invalid_argument("parallel.master = \"" + master + "\": port \"" + port + "\" is not a number in [1, 65535]" + expected);
    value = value * 10 + (c - '0');
  }
  if (value < 1 || value > 65535)
    throw std::invalid_argument("parallel.master = \"" + master + "\": port " + port + " is outside [1, 65535]" + expected);
  out.port = static_cast<int>(value);
  return out;
}

inline void validate(const DataParallelConfig& config, double timeout_seconds) {
  if (config.world_size < 1)
    throw std::invalid_argument("parallel.world_size = " + std::to_string(config.world_size) + " is invalid (must be >= 1)");
  if (config.rank < 0 || config.rank >= config.world_size)
    throw std::invalid_argument("parallel.rank = " + std::to_string(config.rank) + " is outside [0, world_size - 1] = [0, " +
                                std::to_string(config.world_size - 1) + "]");
  if (!(timeout_seconds > 0) || !std::isfinite(timeout_seconds))
    throw std::invalid_argument("data-parallel rendezvous timeout = " + std::to_string(timeout_seconds) +
                                " s is invalid (must be finite and > 0)");
  parse_master(config.master);
}

// Tensors with one dtype on one device, flattened into one buffer (one message per group).
struct TensorGroup {
  at::ScalarType dtype;
  at::Device device;
  std::vector<at::Tensor> tensors;
};

inline std::vector<TensorGroup> group_by_dtype_and_device(const std::vector<at::Tensor>& tensors) {
  std::vector<TensorGroup> groups;  // in order of first appearance: the same on every rank
  for (const auto& t : tensors) {
    TensorGroup* group = nullptr;
    for (auto& g : groups)
      if (g.dtype == t.scalar_type() && g.device == t.device()) group = &g;
    if (group == nullptr) {
      groups.push_back(TensorGroup{t.scalar_type(), t.device(), {}});
      group = &groups.back();
    }
    group->tensors.push_back(t);
  }
  return groups;
}

inline at::Tensor flatten(const std::vector<at::Tensor>& tensors) {
  std::vector<at::Tensor> flat;
  flat.reserve(tensors.size());
  for (const auto& t : tensors) flat.push_back(t.reshape({-1}));
  return at::cat(flat);
}

inline void unflatten_into(const at::Tensor& buffer, const std::vector<at::Tensor>& tensors) {
  std::int64_t offset = 0;
  for (const auto& t : tensors) {
    const auto n = t.numel();
    t.copy_(buffer.narrow(0, offset, n).view(t.sizes()));
    offset += n;
  }
}

inline std::chrono::milliseconds to_milliseconds(double seconds) {
  return std::chrono::milliseconds(static_cast<std::int64_t>(std::ceil(seconds * 1000.0)));
}

// Collectives wait this long for the slowest rank (rank 0 validates and writes checkpoints
// while the others may already wait in the next all-reduce): at least 30 minutes.
constexpr double kMinimumCollectiveTimeoutSeconds = 1800;

}  // namespace data_parallel_detail

struct DataParallelGroup::Impl {
  int world_size = 1;
  int rank = 0;
  bool cuda = false;
  std::string master;
#if defined(USE_C10D_GLOO) || defined(USE_C10D_NCCL)
  c10::intrusive_ptr<c10d::TCPStore> store;
#endif
#ifdef USE_C10D_GLOO
  c10::intrusive_ptr<c10d::ProcessGroupGloo> gloo;
#endif
#ifdef USE_C10D_NCCL
  c10::intrusive_ptr<c10d::ProcessGroupNCCL> nccl;
#endif

  // Calls f(process group) with the group of this build and device (only for world_size > 1).
  template <class F>
  void with_process_group(F&& f) {
#ifdef USE_C10D_NCCL
    if (nccl) {
      f(*nccl);
      return;
    }
#endif
#ifdef USE_C10D_GLOO
    if (gloo) {
      f(*gloo);
      return;
    }
#endif
    (void)f;
    throw std::logic_error("DataParallelGroup: no process group (world_size " + std::to_string(world_size) + ")");
  }

  // The CUDA device of the tensors last seen (NCCL reduces tensors of the rank's device only);
  // before any: the current device.
  at::Device cuda_device = at::Device(at::kCUDA);
  void note_device(const std::vector<at::Tensor>& tensors) {
    for (const auto& t : tensors)
      if (t.defined() && t.is_cuda()) {
        cuda_device = t.device();
        return;
      }
  }
  // Where the small buffers of scalars live: on the CPU for Gloo, on the rank's device for NCCL.
  at::TensorOptions scalar_options() const {
    return at::TensorOptions().dtype(at::kDouble).device(cuda ? cuda_device : at::Device(at::kCPU));
  }

  void allreduce_sum(at::Tensor& buffer) {
    with_process_group([&](auto& pg) {
      std::vector<at::Tensor> tensors{buffer};
      pg.allreduce(tensors)->wait();
    });
  }
  void broadcast(at::Tensor& buffer, int root) {
    with_process_group([&](auto& pg) {
      std::vector<at::Tensor> tensors{buffer};
      c10d::BroadcastOptions options;
      options.rootRank = root;
      pg.broadcast(tensors, options)->wait();
    });
  }
};

DataParallelGroup::DataParallelGroup(const DataParallelConfig& config, bool cuda, double timeout_seconds)
    : impl_(std::make_unique<Impl>()) {
  namespace detail = data_parallel_detail;
  detail::validate(config, timeout_seconds);
  impl_->world_size = config.world_size;
  impl_->rank = config.rank;
  impl_->cuda = cuda;
  impl_->master = config.master;
  if (config.world_size == 1) return;

#if !defined(USE_C10D_GLOO)
  if (!cuda)
    throw std::runtime_error(
        "data-parallel training with world_size " + std::to_string(config.world_size) +
        " on the CPU needs c10d's Gloo backend, but this build has no Gloo: install the Gloo headers "
        "(Debian/Ubuntu package libgloo-dev) and reconfigure (gpu/train/data_parallel.cmake)");
#endif
#if !defined(USE_C10D_NCCL)
  if (cuda)
    throw std::runtime_error(
        "data-parallel training with world_size " + std::to_string(config.world_size) +
        " on CUDA needs c10d's NCCL backend, but this build has none (it needs a LibTorch built with NCCL "
        "and nccl.h, e.g. package libnccl-dev, at configure time: gpu/train/data_parallel.cmake); "
        "train on the CPU (--device cpu, Gloo) or with world_size 1");
#endif

#if defined(USE_C10D_GLOO) || defined(USE_C10D_NCCL)
  const auto address = detail::parse_master(config.master);
  const std::string where = address.host + ":" + std::to_string(address.port);
  try {
    c10d::TCPStoreOptions store_options;
    store_options.port = static_cast<std::uint16_t>(address.port);
    store_options.isServer = config.rank == 0;
    store_options.numWorkers = static_cast<std::size_t>(config.world_size);
    store_options.waitWorkers = true;  // the server waits until every rank has connected
    store_options.timeout = detail::to_milliseconds(timeout_seconds);
    impl_->store = c10::make_intrusive<c10d::TCPStore>(address.host, store_options);
    // The TCP store's server stops waiting for the workers at its timeout without an error
    // (1.13), and Gloo's own rendezvous waits for the collective timeout: every rank counts
    // itself in through the store and waits, within the rendezvous timeout, for all others.
    const std::string key = "optverify/data_parallel/arrived";
    impl_->store->add(key, 1);
    const auto deadline = std::chrono::steady_clock::now() + detail::to_milliseconds(timeout_seconds);
    for (std::int64_t arrived = impl_->store->add(key, 0); arrived < config.world_size;
         arrived = impl_->store->add(key, 0)) {
      if (std::chrono::steady_clock::now() > deadline)
        throw std::runtime_error(std::to_string(arrived) + " of " + std::to_string(config.world_size) +
                                 " ranks arrived before the timeout");
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
  } catch (const std::exception& e) {
    throw std::runtime_error("data-parallel rendezvous at " + where + " failed (rank " + std::to_string(config.rank) +
                             " of world_size " + std::to_string(config.world_size) + ", timeout " +
                             std::to_string(timeout_seconds) + " s): " +
                             "not every rank reached rank 0's TCP store" +
                             " (are all ranks started with the same --world-size and --master, and is the port free "
                             "on rank 0 and reachable?). Cause: " +
                             std::string(e.what()).substr(0, 400));
  }
  const double collective_timeout = std::max(timeout_seconds, detail::kMinimumCollectiveTimeoutSeconds);
  try {
#ifdef USE_C10D_NCCL
    if (cuda) {
      auto options = c10d::ProcessGroupNCCL::Options::create();
      options->timeout = detail::to_milliseconds(collective_timeout);
      impl_->nccl = c10::make_intrusive<c10d::ProcessGroupNCCL>(impl_->store, config.rank, config.world_size, options);
    }
#endif
#ifdef USE_C10D_GLOO
    if (!cuda) {
      auto options = c10d::ProcessGroupGloo::Options::create(detail::to_milliseconds(collective_timeout));
      // All ranks on one machine (loopback master): bind to loopback. Otherwise the interface
      // named by GLOO_SOCKET_IFNAME (as PyTorch's launcher), else the address this machine's
      // hostname resolves to (falling back to loopback): never the master's address, which is
      // another machine's for every rank but 0.
      const bool loopback = address.host == "localhost" || address.host.rfind("127.", 0) == 0 || address.host == "::1";
      const char* interface = std::getenv("GLOO_SOCKET_IFNAME");
      if (loopback)
        options->devices.push_back(c10d::ProcessGroupGloo::createDeviceForHostname(address.host));
      else if (interface != nullptr && *interface != '\0')
        options->devices.push_back(c10d::ProcessGroupGloo::createDeviceForInterface(interface));
      else
        options->devices.push_back(c10d::ProcessGroupGloo::createDefaultDevice());
      impl_->gloo = c10::make_intrusive<c10d::ProcessGroupGloo>(impl_->store, config.rank, config.world_size, options);
    }
#endif
  } catch (const std::exception& e) {
    throw std::runtime_error("data-parallel rendezvous at " + where + ": the c10d " + (cuda ? "NCCL" : "Gloo") +
                             " process group could not connect the ranks (rank " + std::to_string(config.rank) +
                             " of " + std::to_string(config.world_size) + "): " + std::string(e.what()).substr(0, 400));
  }
#endif
}

DataParallelGroup::~DataParallelGroup() = default;

int DataParallelGroup::world_size() const { return impl_->world_size; }
int DataParallelGroup::rank() const { return impl_->rank; }

std::pair<std::int64_t, std::int64_t> DataParallelGroup::local_rows(std::int64_t n) const {
  if (n < 0) throw std::invalid_argument("DataParallelGroup::local_rows: n = " + std::to_string(n) + " (must be >= 0)");
  // Rank r gets n / W rows, plus one for the first n % W ranks.
  const std::int64_t w = impl_->world_size, r = impl_->rank;
  const std::int64_t base = n / w, extra = n % w;
  const std::int64_t begin = r * base + std::min(r, extra);
  return {begin, begin + base + (r < extra ? 1 : 0)};
}

double DataParallelGroup::average_loss_and_gradients(double local_mean_loss, std::int64_t local_count,
                                                     const std::vector<at::Tensor>& params) {
  namespace detail = data_parallel_detail;
  if (local_count < 0)
    throw std::invalid_argument("DataParallelGroup::average_loss_and_gradients: local_count = " +
                                std::to_string(local_count) + " (must be >= 0)");
  at::NoGradGuard no_grad;
  // Undefined gradients count as zero: allocated, so that every rank flattens the same
  // parameters into the same buffers (and optimizers then see the same gradients everywhere).
  std::vector<at::Tensor> grads;
  grads.reserve(params.size());
  for (const auto& p : params) {
    if (!p.grad().defined()) p.mutable_grad() = at::zeros_like(p);
    grads.push_back(p.grad());
  }
  // An empty block (n < world_size) contributes nothing: its mean loss (NaN) is not read.
  const double count = static_cast<double>(local_count);
  const double weighted_loss = local_count == 0 ? 0.0 : count * local_mean_loss;
  if (impl_->world_size == 1) {
    if (local_count == 0)
      throw std::runtime_error("DataParallelGroup::average_loss_and_gradients: the ranks' row counts sum to 0");
    return local_mean_loss;
  }
  // sum_r count_r * x_r, then / sum_r count_r: with dyadic inputs every product and sum is exact
  // and the one division rounds once, as a single process's mean over the global batch would.
  impl_->note_device(params);
  auto scalars = at::tensor(std::vector<double>{weighted_loss, count}, impl_->scalar_options());
  auto groups = detail::group_by_dtype_and_device(grads);
  std::vector<at::Tensor> buffers;
  for (const auto& g : groups) {
    auto buffer = detail::flatten(g.tensors);
    if (local_count == 0)
      buffer.zero_();
    else
      buffer.mul_(count);
    buffers.push_back(buffer);
  }
  impl_->allreduce_sum(scalars);
  for (auto& b : buffers) impl_->allreduce_sum(b);
  const double total = scalars[1].item<double>();
  if (!(total > 0))
    throw std::runtime_error("DataParallelGroup::average_loss_and_gradients: the ranks' row counts sum to 0");
  for (std::size_t i = 0; i < groups.size(); ++i) {
    buffers[i].div_(total);
    detail::unflatten_into(buffers[i], groups[i].tensors);
  }
  return scalars[0].item<double>() / total;
}

double DataParallelGroup::weighted_average(double local_value, double local_weight) {
  if (!(local_weight >= 0) || !std::isfinite(local_weight))
    throw std::invalid_argument("DataParallelGroup::weighted_average: local_weight = " + std::to_string(local_weight) +
                                " (must be finite and >= 0)");
  const double weighted = local_weight == 0 ? 0.0 : local_weight * local_value;
  if (impl_->world_size == 1) {
    if (local_weight == 0) throw std::runtime_error("DataParallelGroup::weighted_average: the weights sum to 0");
    return local_value;
  }
  auto scalars = at::tensor(std::vector<double>{weighted, local_weight}, impl_->scalar_options());
  impl_->allreduce_sum(scalars);
  const double total = scalars[1].item<double>();
  if (!(total > 0)) throw std::runtime_error("DataParallelGroup::weighted_average: the weights sum to 0");
  return scalars[0].item<double>() / total;
}

void DataParallelGroup::broadcast(const std::vector<at::Tensor>& tensors, int root) {
  if (root < 0 || root >= impl_->world_size)
    throw std::invalid_argument("DataParallelGroup::broadcast: root = " + std::to_string(root) + " is outside [0, " +
                                std::to_string(impl_->world_size - 1) + "]");
  if (impl_->world_size == 1) return;
  at::NoGradGuard no_grad;
  impl_->note_device(tensors);
  for (const auto& g : data_parallel_detail::group_by_dtype_and_device(tensors)) {
    auto buffer = data_parallel_detail::flatten(g.tensors);
    impl_->broadcast(buffer, root);
    data_parallel_detail::unflatten_into(buffer, g.tensors);
  }
}

void DataParallelGroup::barrier() {
  if (impl_->world_size == 1) return;
  impl_->with_process_group([](auto& pg) { pg.barrier()->wait(); });
}

}  // namespace ov::gpu::train
