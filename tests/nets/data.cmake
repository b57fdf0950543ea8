# Tests of nets/data: seeded generators (sampling, 003 §4.2 toy, make_circles, the
# §5.2-shaped standardized regression) and the IDX / Fashion-MNIST reader.
optverify_add_test(NAME nets_data_generators_test LABELS unit property
  SOURCES data/sampling_test.cpp data/generators_test.cpp LIBS optverify::nets)
optverify_add_test(NAME nets_data_images_test LABELS unit property
  SOURCES data/images_test.cpp LIBS optverify::nets)
