// Student t quantiles in float128 (one scalar per translation unit: Boost.Math is heavy).
#include "analysis/rates/student_t_impl.hpp"

OPTVERIFY_RATES_STUDENT_T(ov::float128)
