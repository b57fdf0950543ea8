# analysis/rates sources (OPTVERIFY_ANALYSIS_SOURCES); header-only parts need no entry.
# The only compiled parts are the Student t quantiles, one scalar per translation unit
# (Boost.Math's inverse incomplete beta is heavy to instantiate).
list(APPEND OPTVERIFY_ANALYSIS_SOURCES
  rates/student_t_double.cpp
  rates/student_t_float128.cpp
  rates/student_t_mp50.cpp
  rates/student_t_mp100.cpp
)
