# Tests of gpu/bench: the protocols (mbt.cmake, castera.cmake).
include(${CMAKE_CURRENT_LIST_DIR}/mbt.cmake OPTIONAL)
include(${CMAKE_CURRENT_LIST_DIR}/castera.cmake OPTIONAL)
