// compute_spectrum_in<mp50> (one precision per TU: Jets and Eigen over mp are heavy).
#include "analysis/spectra/spectrum_impl.hpp"

OPTVERIFY_INSTANTIATE_SPECTRUM(ov::mp50)
