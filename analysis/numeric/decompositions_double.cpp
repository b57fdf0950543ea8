// Explicit instantiation of the floating decompositions for double (one scalar per TU).
#include "analysis/numeric/decompositions_impl.hpp"

OPTVERIFY_INSTANTIATE_DECOMPOSITIONS(double)
