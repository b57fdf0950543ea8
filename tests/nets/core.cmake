# nets/core: activations and losses, backpropagation against autodiff and finite
# differences, the network objective (batches, Hessian-vector products, bad input).
optverify_add_test(NAME nets_core_activation_test LABELS unit SOURCES core/activation_test.cpp LIBS optverify::nets)
optverify_add_test(NAME nets_core_backprop_test LABELS unit property SOURCES core/backprop_test.cpp
                   LIBS optverify::nets)
optverify_add_test(NAME nets_core_objective_test LABELS unit SOURCES core/objective_test.cpp LIBS optverify::nets)
