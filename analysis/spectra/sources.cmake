# analysis/spectra sources (OPTVERIFY_ANALYSIS_SOURCES); header-only parts need no entry.
# Heavy per-precision instantiations live in their own TUs (eigensystem_*, spectrum_*).
list(APPEND OPTVERIFY_ANALYSIS_SOURCES
  spectra/method.cpp
  spectra/determinant_check.cpp
  spectra/enclosure.cpp
  spectra/isolation.cpp
  spectra/lipschitz.cpp
  spectra/eigensystem_double.cpp
  spectra/eigensystem_mp50.cpp
  spectra/eigensystem_mp100.cpp
  spectra/spectrum.cpp
  spectra/spectrum_interval.cpp
  spectra/spectrum_mp50.cpp
  spectra/spectrum_mp100.cpp
  spectra/step_safety.cpp
)
