list(APPEND OPTVERIFY_ANALYSIS_SOURCES
  problems/params.cpp
  problems/problem_info.cpp
  problems/registry.cpp
  problems/catalog_descriptors.cpp
  problems/evaluators_float.cpp
  problems/evaluators_double.cpp
  problems/evaluators_float128.cpp
  problems/evaluators_mp50.cpp
  problems/evaluators_mp100.cpp
  problems/evaluators_interval.cpp
  problems/evaluators_rational.cpp
)
# Owned by the verification work:
include(problems/verification_sources.cmake OPTIONAL)
# Optional non-template parts of problem families:
include(problems/functions/sources_documents.cmake OPTIONAL)
include(problems/functions/sources_classics.cmake OPTIONAL)
