# Sources of nets/core (appended to OPTVERIFY_NETS_SOURCES).
list(APPEND OPTVERIFY_NETS_SOURCES
  core/activation_loss_names.cpp
  core/architecture.cpp
  core/network.cpp
  core/initialization.cpp
  core/network_objective_double.cpp
  core/network_objective_float128.cpp
  core/network_objective_mp50.cpp
  core/network_objective_mp100.cpp
  core/network_objective_interval.cpp
  core/network_objective_rational.cpp
)
