# analysis/stochastic sources (OPTVERIFY_ANALYSIS_SOURCES): the exact SGD expectation oracle,
# one scalar per translation unit.
list(APPEND OPTVERIFY_ANALYSIS_SOURCES
  stochastic/sgd_expectation_rational.cpp
  stochastic/sgd_expectation_mp100.cpp
  stochastic/sgd_expectation_double.cpp
)
