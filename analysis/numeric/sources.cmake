# analysis/numeric: scalars, exact rounding, decompositions (one TU per scalar),
# elementary functions, string round trips, interval predicates.
list(APPEND OPTVERIFY_ANALYSIS_SOURCES
  numeric/numeric.cpp
  numeric/string_io.cpp
  numeric/predicates.cpp
  numeric/elementary.cpp
  numeric/rounding.cpp
  numeric/decompositions_float.cpp
  numeric/decompositions_double.cpp
  numeric/decompositions_float128.cpp
  numeric/decompositions_mp50.cpp
  numeric/decompositions_mp100.cpp
  numeric/decompositions_rational.cpp
)
