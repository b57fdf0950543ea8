// What the LibTorch layer can run on: LibTorch's version and whether CUDA is usable.
#pragma once

#include <string>

namespace ov::gpu {

struct DeviceInfo {
  std::string torch_version;  // e.g. "1.13.1"
  bool cuda_available = false;
  int cuda_device_count = 0;
  std::string default_device;  // "cuda" when available, else "cpu"
};

DeviceInfo device_info();

}  // namespace ov::gpu
