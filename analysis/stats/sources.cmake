# analysis/stats sources (OPTVERIFY_ANALYSIS_SOURCES); header-only parts need no entry.
list(APPEND OPTVERIFY_ANALYSIS_SOURCES
  stats/binomial_interval.cpp
  stats/coverage.cpp
  stats/outcome.cpp
  stats/start_point.cpp
  stats/run_record.cpp
  stats/checkpoint.cpp
  stats/monte_carlo.cpp
  stats/monte_carlo_json.cpp
  stats/problem_experiment.cpp
)
