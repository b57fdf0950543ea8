# The problem-library verification engine (optverify problems check).
list(APPEND OPTVERIFY_ANALYSIS_SOURCES
  problems/verification.cpp
)
