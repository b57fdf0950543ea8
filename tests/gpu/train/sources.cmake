# Tests of gpu/train: the training runner (trainer.cmake) and data-parallel training
# (data_parallel.cmake).
include(${CMAKE_CURRENT_LIST_DIR}/trainer.cmake OPTIONAL)
include(${CMAKE_CURRENT_LIST_DIR}/data_parallel.cmake OPTIONAL)
