// OV_HOST_DEVICE marks the functions a rule's per-coordinate kernel calls (the kernels'
// operator() and the scalar functions of scalar_ops.hpp they use) as callable on a CUDA device
// when a translation unit is compiled by nvcc (gpu/optim/cuda_elementwise.cu runs the very
// kernels of optim/rules as one CUDA kernel per step). Everywhere else it is empty.
#pragma once

#if defined(__CUDACC__)
#define OV_HOST_DEVICE __host__ __device__
#else
#define OV_HOST_DEVICE
#endif
