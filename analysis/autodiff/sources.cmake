# Autodiff is header-only (forward_mode.hpp, finite_difference.hpp). The exact and
# eigenvalue-based inertia used by the verification lives in numeric/ but is
# owned by the autodiff work.
list(APPEND OPTVERIFY_ANALYSIS_SOURCES
  numeric/inertia.cpp
)
