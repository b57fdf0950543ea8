// Explicit instantiation of the approximate eigensystem for double (one scalar per TU).
#include "analysis/spectra/eigensystem_impl.hpp"

OPTVERIFY_INSTANTIATE_EIGENSYSTEM(double)
