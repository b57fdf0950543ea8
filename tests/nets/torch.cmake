# nets against LibTorch: our loss and backpropagated gradient equal torch autograd's in
# float64 (random architectures, every activation and loss, the kink convention, torch's
# softplus threshold). Only with the LibTorch layer and the rigorous core; it shares the LibTorch
# tests' precompiled header (optverify_add_torch_test).
if(OPTVERIFY_WITH_TORCH AND OPTVERIFY_RIGOROUS_CORE)
  optverify_add_torch_test(NAME nets_torch_crosscheck_test LABELS unit SOURCES torch/crosscheck_test.cpp
                           LIBS optverify::nets)
endif()

# The LibTorch model zoo (nets/torch): parameter counts against the published figures and a count by
# formula (with mis-built variants), output shapes for 1x28x28 / 3x32x32 input and 10 / 100 classes,
# training/evaluation mode, seeded initialisation, bad input.
if(OPTVERIFY_WITH_TORCH)
  optverify_add_torch_test(NAME nets_torch_model_zoo_test LABELS unit SOURCES torch/model_zoo_test.cpp
                           LIBS optverify::torch_models)
endif()
