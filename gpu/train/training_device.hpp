// The device a training run or a protocol computes on, from its name.
#pragma once

#include <c10/core/Device.h>

#include <string>

namespace ov::gpu::train {

// "auto" (cuda:0 when LibTorch sees a CUDA device, else cpu) | "cpu" | "cuda" (= cuda:0) |
// "cuda:N". Throws std::invalid_argument naming the device and the valid names (only auto and
// cpu without a CUDA device; N below the device count).
c10::Device resolve_training_device(const std::string& device);

}  // namespace ov::gpu::train
