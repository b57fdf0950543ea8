// Explicit instantiation of the floating decompositions for mp50 (one scalar per TU).
#include "analysis/numeric/decompositions_impl.hpp"

OPTVERIFY_INSTANTIATE_DECOMPOSITIONS(ov::mp50)
