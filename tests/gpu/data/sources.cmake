# Tests of gpu/data: image sets as tensors, the seeded transform pipeline (MBT CIFAR
# preset), seeded epoch batches and the MNIST / Fashion-MNIST / CIFAR loaders on small
# generated files (docs/data.md).
optverify_add_torch_test(NAME gpu_data_test LABELS unit SOURCES data/image_data_test.cpp LIBS optverify::gpu)
