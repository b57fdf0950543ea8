# Compiler options shared by all OptVerify targets.
add_library(optverify_options INTERFACE)
# Install tree: the headers under include/ (cmake/Install.cmake).
target_include_directories(optverify_options INTERFACE $<BUILD_INTERFACE:${PROJECT_SOURCE_DIR}>
                                                       $<INSTALL_INTERFACE:include>)
# C++ only ($<COMPILE_LANGUAGE:CXX>): gpu/optim/cuda_elementwise.cu is compiled by nvcc, which takes
# other flags.
target_compile_options(optverify_options INTERFACE "$<$<COMPILE_LANGUAGE:CXX>:-Wall;-Wextra;-Wno-unused-parameter>")
# sqrt & co. never set errno: a square root is then one instruction and the elementwise
# loops of optim/core/elementwise.hpp vectorise (nothing in OptVerify reads errno).
target_compile_options(optverify_options INTERFACE $<$<COMPILE_LANGUAGE:CXX>:-fno-math-errno>)
if(OPTVERIFY_NATIVE)
  target_compile_options(optverify_options INTERFACE $<$<COMPILE_LANGUAGE:CXX>:-march=native>)
endif()
if(OPTVERIFY_SANITIZE)
  target_compile_options(optverify_options INTERFACE -fsanitize=address,undefined -fno-omit-frame-pointer)
  target_link_options(optverify_options INTERFACE -fsanitize=address,undefined)
endif()

# Precompiled header for translation units that use the numeric stack.
function(optverify_numeric_pch target)
  if(OPTVERIFY_PCH)
    target_precompile_headers(${target} PRIVATE
      <boost/multiprecision/mpfr.hpp> <boost/multiprecision/mpfi.hpp> <boost/multiprecision/gmp.hpp>
      <boost/multiprecision/float128.hpp> <Eigen/Core> <ceres/jet.h>)
  endif()
endfunction()
