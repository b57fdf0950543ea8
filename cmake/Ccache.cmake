# Use ccache when present. Precompiled headers need the sloppiness below; CCACHE_BASEDIR
# makes paths inside the checkout relative, so two clones in different folders share hits.
find_program(OPTVERIFY_CCACHE ccache)
if(OPTVERIFY_CCACHE)
  set(CMAKE_CXX_COMPILER_LAUNCHER
      ${CMAKE_COMMAND} -E env CCACHE_SLOPPINESS=pch_defines,time_macros,include_file_mtime,include_file_ctime
      CCACHE_BASEDIR=${PROJECT_SOURCE_DIR} ${OPTVERIFY_CCACHE})
  message(STATUS "OptVerify: compiling through ccache (${OPTVERIFY_CCACHE})")
endif()
