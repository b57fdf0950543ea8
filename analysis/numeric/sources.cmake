list(APPEND OPTVERIFY_ANALYSIS_SOURCES
  numeric/numeric.cpp
)
