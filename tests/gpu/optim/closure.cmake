# Tests of the closure-based optimizers (gpu/optim/closure_rule_optimizer.hpp; built only with
# the rigorous core, which they are compared with: NetworkObjective<double> and <mp100>).
if(OPTVERIFY_RIGOROUS_CORE)
  optverify_add_torch_test(NAME gpu_closure_optimizer_test LABELS unit
                           SOURCES optim/closure_rule_optimizer_test.cpp LIBS optverify::gpu optverify::nets)
endif()
