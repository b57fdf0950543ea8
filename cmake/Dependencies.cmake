# Every dependency comes from Debian 12 packages (scripts/install-deps.sh).
find_package(Boost 1.74 REQUIRED)
find_package(Eigen3 3.4 REQUIRED NO_MODULE)
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

if(OPTVERIFY_BUILD_TESTS)
  find_package(GTest REQUIRED)
  find_package(rapidcheck CONFIG REQUIRED)
  include(GoogleTest)
endif()
if(OPTVERIFY_BUILD_BENCH)
  find_package(benchmark REQUIRED)
endif()
if(OPTVERIFY_WITH_TORCH)
  find_package(Torch REQUIRED)
endif()

# The numeric stack every rigorous-core target uses: Boost.Multiprecision with
# the MPFR/MPFI/GMP/quadmath backends, Eigen, ceres::Jet.
add_library(optverify_numeric_deps INTERFACE)
target_include_directories(optverify_numeric_deps SYSTEM INTERFACE ${OPTVERIFY_MPFI_INCLUDE})
target_link_libraries(optverify_numeric_deps INTERFACE
  Boost::boost Eigen3::Eigen Ceres::ceres
  ${OPTVERIFY_MPFI_LIB} ${OPTVERIFY_MPFR_LIB} ${OPTVERIFY_GMP_LIB} ${OPTVERIFY_QUADMATH_LIB})
