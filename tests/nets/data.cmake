# Tests of nets/data: seeded generators (sampling, 003 §4.2 toy, make_circles, the
# §5.2-shaped standardized regression), the IDX / Fashion-MNIST reader, and the
# CIFAR-10/100 reader with the seeded image augmentations.
optverify_add_test(NAME nets_data_generators_test LABELS unit property
  SOURCES data/sampling_test.cpp data/generators_test.cpp LIBS optverify::nets)
optverify_add_test(NAME nets_data_images_test LABELS unit property
  SOURCES data/images_test.cpp LIBS optverify::nets)
optverify_add_test(NAME nets_data_cifar_test LABELS unit
  SOURCES data/cifar_augmentation_test.cpp LIBS optverify::nets)
