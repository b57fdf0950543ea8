// Explicit instantiation of the floating decompositions for float128 (one scalar per TU).
#include "analysis/numeric/decompositions_impl.hpp"

OPTVERIFY_INSTANTIATE_DECOMPOSITIONS(ov::float128)
