# Use ccache when present. Precompiled headers need the sloppiness below.
find_program(OPTVERIFY_CCACHE ccache)
if(OPTVERIFY_CCACHE)
  set(CMAKE_CXX_COMPILER_LAUNCHER
      ${CMAKE_COMMAND} -E env CCACHE_SLOPPINESS=pch_defines,time_macros,include_file_mtime,include_file_ctime
      ${OPTVERIFY_CCACHE})
  message(STATUS "OptVerify: compiling through ccache (${OPTVERIFY_CCACHE})")
endif()
