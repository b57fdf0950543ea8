# Non-template parts of the problem families from the source documents.
list(APPEND OPTVERIFY_ANALYSIS_SOURCES
  problems/functions/nonconvex_regression_data.cpp
)
