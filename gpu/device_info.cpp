#include "gpu/device_info.hpp"

#include <torch/torch.h>

namespace ov::gpu {

DeviceInfo device_info() {
  DeviceInfo d;
  d.torch_version = std::to_string(TORCH_VERSION_MAJOR) + "." + std::to_string(TORCH_VERSION_MINOR) + "." +
                    std::to_string(TORCH_VERSION_PATCH);
  d.cuda_available = torch::cuda::is_available();
  d.cuda_device_count = d.cuda_available ? static_cast<int>(torch::cuda::device_count()) : 0;
  d.default_device = d.cuda_available ? "cuda" : "cpu";
  return d;
}

}  // namespace ov::gpu
