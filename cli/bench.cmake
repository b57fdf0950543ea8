# `optverify bench train | protocol | list` (cli/bench_command.hpp): the training runner and the
# benchmark protocols, only with LibTorch, in optverify-torch. Included by cli/CMakeLists.txt.
target_sources(optverify-torch PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/bench_command.cpp
  ${CMAKE_CURRENT_LIST_DIR}/bench_train_command.cpp
  ${CMAKE_CURRENT_LIST_DIR}/bench_protocol_command.cpp
  ${CMAKE_CURRENT_LIST_DIR}/progress_bar.cpp
)
# The --suite default (bench_command.hpp: default_protocol_directory): the checkout's protocols.
set_source_files_properties(${CMAKE_CURRENT_LIST_DIR}/bench_command.cpp PROPERTIES
  COMPILE_DEFINITIONS "OPTVERIFY_BENCH_PROTOCOL_DIR=\"${PROJECT_SOURCE_DIR}/bench/protocols\"")
target_link_libraries(optverify-torch PRIVATE optverify::gpu_bench)
# Command-line glue: -O1 (a third less compile time on the 2-core CI machine; the work runs in
# the libraries and LibTorch).
set_source_files_properties(${CMAKE_CURRENT_LIST_DIR}/bench_command.cpp ${CMAKE_CURRENT_LIST_DIR}/bench_train_command.cpp
  ${CMAKE_CURRENT_LIST_DIR}/bench_protocol_command.cpp ${CMAKE_CURRENT_LIST_DIR}/progress_bar.cpp
  PROPERTIES COMPILE_OPTIONS "$<$<CONFIG:Release>:-O1>")
