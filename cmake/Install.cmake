# `cmake --install build/release --prefix P` (docs/conformance-package.md): the headers, the
# static libraries behind optverify::conformance (and their link closure), the optverify
# program, and the CMake package OptVerify, so that a user's project does
#   find_package(OptVerify CONFIG REQUIRED)
#   target_link_libraries(my_tests PRIVATE optverify::conformance)
# LibTorch stays out of the package (the LibTorch suites are used from the build tree).
# Only the full build (OPTVERIFY_RIGOROUS_CORE) installs. Nothing here changes how the
# project itself builds: install rules, export names and include paths for the install tree.
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

# The exported targets: optverify::conformance and its link closure (the names as users see
# them: EXPORT_NAME without the "optverify_" prefix).
set(OPTVERIFY_EXPORTED_TARGETS
  optverify_options optverify_numeric_deps optverify_optim optverify_analysis
  optverify_claims_framework optverify_conformance)
foreach(t IN LISTS OPTVERIFY_EXPORTED_TARGETS)
  string(REPLACE "optverify_" "" export_name ${t})
  set_target_properties(${t} PROPERTIES EXPORT_NAME ${export_name})
endforeach()
install(TARGETS ${OPTVERIFY_EXPORTED_TARGETS} EXPORT OptVerifyTargets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR})  # include/: optverify::options' install interface

# The LibTorch suites (gpu/conformance: OPTVERIFY_CONFORMANCE_SUITE on a TorchSubject) and their
# link closure, in a second export set: a consumer gets optverify::gpu_conformance only when it
# finds LibTorch too (OptVerifyConfig.cmake), so the core package never requires LibTorch.
set(OPTVERIFY_EXPORTED_TORCH_TARGETS "")
if(TARGET optverify_gpu_conformance)
  set(OPTVERIFY_EXPORTED_TORCH_TARGETS optverify_nets_data optverify_torch_models optverify_gpu optverify_gpu_conformance)
  foreach(t IN LISTS OPTVERIFY_EXPORTED_TORCH_TARGETS)
    string(REPLACE "optverify_" "" export_name ${t})
    set_target_properties(${t} PROPERTIES EXPORT_NAME ${export_name})
  endforeach()
  install(TARGETS ${OPTVERIFY_EXPORTED_TORCH_TARGETS} EXPORT OptVerifyTorchTargets
    ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
    LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR})
endif()

# The program, and its LibTorch half when built (cli/torch_executable.hpp: optverify executes
# optverify-torch from its own directory). LibTorch is found where it was linked from.
foreach(program optverify optverify-torch)
  if(TARGET ${program})
    set_target_properties(${program} PROPERTIES INSTALL_RPATH_USE_LINK_PATH ON)
    install(TARGETS ${program} RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
  endif()
endforeach()

# Headers, keeping the include paths "optim/...", "analysis/...", "nets/...", "proofs-checks/...";
# the generated ones (the git commit) at the top of include/.
install(DIRECTORY optim analysis nets proofs-checks gpu
  DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}
  FILES_MATCHING PATTERN "*.hpp" PATTERN "*.h")
install(DIRECTORY ${PROJECT_BINARY_DIR}/generated/
  DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}
  FILES_MATCHING PATTERN "*.hpp")

# The package. The build's C++ standard library ABI (LibTorch may have forced the old one)
# goes into the config: a consumer must compile with the same.
set(OPTVERIFY_PACKAGE_ABI_DEFINITION "")
if(CMAKE_CXX_FLAGS MATCHES "_GLIBCXX_USE_CXX11_ABI=0")
  set(OPTVERIFY_PACKAGE_ABI_DEFINITION "_GLIBCXX_USE_CXX11_ABI=0")
endif()
set(OPTVERIFY_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/OptVerify)
install(EXPORT OptVerifyTargets NAMESPACE optverify:: DESTINATION ${OPTVERIFY_CMAKE_DIR})
if(OPTVERIFY_EXPORTED_TORCH_TARGETS)
  install(EXPORT OptVerifyTorchTargets NAMESPACE optverify:: DESTINATION ${OPTVERIFY_CMAKE_DIR})
endif()
configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/OptVerifyConfig.cmake.in
  ${PROJECT_BINARY_DIR}/OptVerifyConfig.cmake INSTALL_DESTINATION ${OPTVERIFY_CMAKE_DIR})
write_basic_package_version_file(${PROJECT_BINARY_DIR}/OptVerifyConfigVersion.cmake
  VERSION ${PROJECT_VERSION} COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/OptVerifyConfig.cmake ${PROJECT_BINARY_DIR}/OptVerifyConfigVersion.cmake
  DESTINATION ${OPTVERIFY_CMAKE_DIR})
