# Benchmarks of the numeric area.
optverify_add_bench(NAME numeric_expression_templates SOURCES ${CMAKE_CURRENT_LIST_DIR}/numeric_expression_templates.cpp)
