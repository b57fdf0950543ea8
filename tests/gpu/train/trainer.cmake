# Tests of the training runner (gpu/train/trainer.hpp, docs/benchmarks.md): config, optimizer
# specs, schedules, reproducibility, evaluation counts, checkpoints and resume (Fashion-MNIST).
optverify_add_torch_test(NAME gpu_trainer_test LABELS unit
                         SOURCES ${CMAKE_CURRENT_LIST_DIR}/trainer_test.cpp LIBS optverify::gpu_train)
