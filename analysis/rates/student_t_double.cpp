// Student t quantiles in double (one scalar per translation unit: Boost.Math is heavy).
#include "analysis/rates/student_t_impl.hpp"

OPTVERIFY_RATES_STUDENT_T(double)
