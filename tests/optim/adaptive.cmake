# The elementwise ("adaptive") rules: sgd, heavy_ball, adagrad, rmsprop(_global),
# adam (+ AdamW, 004's printed form), adamax, adadelta, nadam.
# Two translation units: double/rational (adaptive_test.cpp) and mp100
# (adaptive_precision_test.cpp), so the mp100 instantiations build in parallel.
optverify_add_test(NAME optim_adaptive_test LABELS unit property
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/adaptive_test.cpp ${CMAKE_CURRENT_LIST_DIR}/adaptive_precision_test.cpp)
