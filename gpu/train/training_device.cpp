#include "gpu/train/training_device.hpp"

#include <torch/cuda.h>

#include <stdexcept>

namespace ov::gpu::train {

c10::Device resolve_training_device(const std::string& device) {
  if (device == "auto") return torch::cuda::is_available() ? c10::Device(c10::kCUDA, 0) : c10::Device(c10::kCPU);
  if (device == "cpu") return c10::Device(c10::kCPU);
  if (device == "cuda" || device.rfind("cuda:", 0) == 0) {
    if (!torch::cuda::is_available())
      throw std::invalid_argument("device \"" + device + "\": this LibTorch sees no CUDA device (valid here: auto, cpu)");
    const c10::Device d(device == "cuda" ? std::string("cuda:0") : device);
    if (d.index() >= static_cast<int>(torch::cuda::device_count()))
      throw std::invalid_argument("device \"" + device + "\": only " + std::to_string(torch::cuda::device_count()) +
                                  " CUDA device(s)");
    return d;
  }
  throw std::invalid_argument("device \"" + device + "\" (valid: auto, cpu, cuda, cuda:N)");
}

}  // namespace ov::gpu::train
