# Sources of nets/landscape (appended to OPTVERIFY_NETS_SOURCES): smooth-function
# adapters, critical-point search and inertia, multi-start, cost against index.
list(APPEND OPTVERIFY_NETS_SOURCES
  landscape/function.cpp
  landscape/critical_point.cpp
  landscape/multistart.cpp
  landscape/cost_index.cpp
  landscape/network_landscape.cpp)
