# Data-parallel training (gpu/train/data_parallel.hpp) through LibTorch's c10d process groups
# (docs/data-parallel.md). Only data_parallel.cpp includes the c10d headers; it gets, for itself
# alone, USE_C10D_GLOO when the Gloo headers are found (Debian/Ubuntu: libgloo-dev; LibTorch's
# own Gloo symbols are in libtorch_cpu) and USE_C10D_NCCL when LibTorch has CUDA and was built
# with NCCL (nccl.h found and c10d::ProcessGroupNCCL links). Without Gloo, world_size > 1 on the
# CPU throws (naming libgloo-dev); without NCCL, world_size > 1 on CUDA throws.
list(APPEND OPTVERIFY_GPU_TRAIN_SOURCES ${CMAKE_CURRENT_LIST_DIR}/data_parallel.cpp)

set(optverify_data_parallel_definitions "")
set(optverify_data_parallel_includes "")

find_path(OPTVERIFY_GLOO_INCLUDE_DIR gloo/context.h HINTS ${TORCH_INCLUDE_DIRS}
          DOC "Gloo headers for c10d's ProcessGroupGloo (package libgloo-dev)")
if(OPTVERIFY_GLOO_INCLUDE_DIR)
  list(APPEND optverify_data_parallel_definitions USE_C10D_GLOO)
  if(NOT OPTVERIFY_GLOO_INCLUDE_DIR IN_LIST CMAKE_CXX_IMPLICIT_INCLUDE_DIRECTORIES)
    list(APPEND optverify_data_parallel_includes ${OPTVERIFY_GLOO_INCLUDE_DIR})
  endif()
else()
  message(STATUS "Data-parallel training: no Gloo headers (gloo/context.h; package libgloo-dev): "
                 "world_size > 1 on the CPU will be refused")
endif()

# NCCL: only for a LibTorch with CUDA (TORCH_CUDA_LIBRARIES set by TorchConfig.cmake), with nccl.h
# and a ProcessGroupNCCL that links (LibTorch may be built without it). Checked once (cached).
if(TORCH_CUDA_LIBRARIES)
  find_path(OPTVERIFY_NCCL_INCLUDE_DIR nccl.h HINTS ${TORCH_INCLUDE_DIRS} ${CUDAToolkit_INCLUDE_DIRS}
            PATH_SUFFIXES include DOC "nccl.h for c10d's ProcessGroupNCCL (package libnccl-dev)")
  if(OPTVERIFY_NCCL_INCLUDE_DIR)
    include(CheckCXXSourceCompiles)
    set(CMAKE_REQUIRED_INCLUDES ${TORCH_INCLUDE_DIRS} ${OPTVERIFY_NCCL_INCLUDE_DIR})
    set(CMAKE_REQUIRED_LIBRARIES ${TORCH_LIBRARIES})
    set(CMAKE_REQUIRED_DEFINITIONS -DUSE_C10D_NCCL)
    set(CMAKE_REQUIRED_FLAGS "-std=c++17")
    check_cxx_source_compiles([[
      #include <torch/csrc/distributed/c10d/ProcessGroupNCCL.hpp>
      int main(int argc, char**) {
        if (argc > 100) c10::make_intrusive<c10d::ProcessGroupNCCL>(c10::intrusive_ptr<c10d::Store>(), 0, 1);
        return 0;
      }]] OPTVERIFY_TORCH_HAS_PROCESS_GROUP_NCCL)
    unset(CMAKE_REQUIRED_INCLUDES)
    unset(CMAKE_REQUIRED_LIBRARIES)
    unset(CMAKE_REQUIRED_DEFINITIONS)
    unset(CMAKE_REQUIRED_FLAGS)
    if(OPTVERIFY_TORCH_HAS_PROCESS_GROUP_NCCL)
      list(APPEND optverify_data_parallel_definitions USE_C10D_NCCL)
      if(NOT OPTVERIFY_NCCL_INCLUDE_DIR IN_LIST CMAKE_CXX_IMPLICIT_INCLUDE_DIRECTORIES)
        list(APPEND optverify_data_parallel_includes ${OPTVERIFY_NCCL_INCLUDE_DIR})
      endif()
    endif()
  endif()
  if(NOT OPTVERIFY_TORCH_HAS_PROCESS_GROUP_NCCL)
    message(STATUS "Data-parallel training: no c10d NCCL (nccl.h or LibTorch's ProcessGroupNCCL missing): "
                   "world_size > 1 on CUDA will be refused")
  endif()
endif()

# The definitions change what the c10d headers declare: this file alone gets them, and it is
# kept out of the unity batches so that no other file sees them.
set_source_files_properties(${CMAKE_CURRENT_LIST_DIR}/data_parallel.cpp PROPERTIES
  COMPILE_DEFINITIONS "${optverify_data_parallel_definitions}"
  INCLUDE_DIRECTORIES "${optverify_data_parallel_includes}"
  SKIP_UNITY_BUILD_INCLUSION ON)
