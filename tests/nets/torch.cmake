# nets against LibTorch: our loss and backpropagated gradient equal torch autograd's in
# float64 (random architectures, every activation and loss, the kink convention, torch's
# softplus threshold). Only with the LibTorch layer (OPTVERIFY_WITH_TORCH); nothing otherwise.
# NO_PCH: GCC rejects the shared test header for a TU compiled with torch's flags (-Winvalid-pch:
# "not used because `_GLIBCXX_USE_CXX11_ABI' is defined"); the TU compiles in ~35 s without it.
if(OPTVERIFY_WITH_TORCH)
  optverify_add_test(NAME nets_torch_crosscheck_test LABELS unit SOURCES torch/crosscheck_test.cpp
                     LIBS optverify::nets ${TORCH_LIBRARIES} NO_PCH)
endif()
