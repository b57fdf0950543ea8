// Explicit instantiation of the approximate eigensystem for mp100 (one scalar per TU).
#include "analysis/spectra/eigensystem_impl.hpp"

OPTVERIFY_INSTANTIATE_EIGENSYSTEM(ov::mp100)
