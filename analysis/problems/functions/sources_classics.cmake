# Non-template parts of the classic and generated problem families (exact data
# generation, certified bounds): compiled once into optverify_analysis.
list(APPEND OPTVERIFY_ANALYSIS_SOURCES
  problems/functions/quadratic_data.cpp
  problems/functions/regression_data.cpp
)
