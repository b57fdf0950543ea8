# Sources of nets/experiments (appended to OPTVERIFY_NETS_SOURCES): the 003 §5
# experiments at CPU scale (docs/experiments.md).
list(APPEND OPTVERIFY_NETS_SOURCES
  experiments/experiment_common.cpp
  experiments/gd_phases.cpp
  experiments/local_minima.cpp
  experiments/efficiency.cpp
  experiments/asymptotic.cpp)
