list(APPEND OPTVERIFY_ANALYSIS_SOURCES
  report/provenance.cpp
)
