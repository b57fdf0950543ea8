# Every dependency comes from Debian 12 packages (scripts/install-deps.sh).
find_package(Eigen3 3.4 REQUIRED NO_MODULE)
if(OPTVERIFY_RIGOROUS_CORE)
  find_package(Boost 1.74 REQUIRED)
  find_package(Ceres 2.1 REQUIRED)
  find_package(fmt REQUIRED)
  find_package(nlohmann_json 3.10 REQUIRED)
  find_package(CLI11 QUIET CONFIG)
  find_path(OPTVERIFY_CLI11_INCLUDE CLI/CLI.hpp REQUIRED)

  find_library(OPTVERIFY_MPFI_LIB mpfi REQUIRED)
  find_library(OPTVERIFY_MPFR_LIB mpfr REQUIRED)
  find_library(OPTVERIFY_GMP_LIB gmp REQUIRED)
  find_library(OPTVERIFY_QUADMATH_LIB quadmath PATHS /usr/lib/gcc/x86_64-linux-gnu/12 REQUIRED)
  find_path(OPTVERIFY_MPFI_INCLUDE mpfi.h REQUIRED)
endif()

if(OPTVERIFY_BUILD_TESTS)
  find_package(GTest REQUIRED)
  if(OPTVERIFY_RIGOROUS_CORE)
    find_package(rapidcheck CONFIG REQUIRED)
  endif()
  include(GoogleTest)
endif()
if(OPTVERIFY_BUILD_BENCH AND OPTVERIFY_RIGOROUS_CORE)
  find_package(benchmark REQUIRED)
endif()
if(OPTVERIFY_WITH_TORCH)
  find_package(Torch REQUIRED)
  # gpu/train and gpu/bench write JSON (header-only; also in the GPU-only build).
  find_package(nlohmann_json 3.10 REQUIRED)
  # A LibTorch built with the pre-C++11 string ABI (older pip wheels) must be linked with code
  # of the same ABI: then every target gets torch's flag, not just those that link torch.
  if(TORCH_CXX_FLAGS MATCHES "_GLIBCXX_USE_CXX11_ABI=0")
    string(APPEND CMAKE_CXX_FLAGS " ${TORCH_CXX_FLAGS}")
  endif()
endif()

# The numeric stack every rigorous-core target uses: Boost.Multiprecision with
# the MPFR/MPFI/GMP/quadmath backends, Eigen, ceres::Jet (Eigen alone without the core).
add_library(optverify_numeric_deps INTERFACE)
if(OPTVERIFY_RIGOROUS_CORE)
  target_include_directories(optverify_numeric_deps SYSTEM INTERFACE ${OPTVERIFY_MPFI_INCLUDE})
  target_link_libraries(optverify_numeric_deps INTERFACE
    Boost::boost Eigen3::Eigen Ceres::ceres
    ${OPTVERIFY_MPFI_LIB} ${OPTVERIFY_MPFR_LIB} ${OPTVERIFY_GMP_LIB} ${OPTVERIFY_QUADMATH_LIB})
else()
  target_link_libraries(optverify_numeric_deps INTERFACE Eigen3::Eigen)
endif()
