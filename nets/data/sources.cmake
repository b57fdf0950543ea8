# Sources of nets/data (appended to OPTVERIFY_NETS_SOURCES): seeded data generators
# (003 §4.2, §5.1, §5.2 shapes), the Fashion-MNIST IDX reader, the CIFAR-10/100 binary
# reader and seeded image augmentations (issue 9, torch-free); docs/data.md.
list(APPEND OPTVERIFY_NETS_SOURCES
  data/sampling.cpp
  data/regression_toy.cpp
  data/make_circles.cpp
  data/standardized_regression.cpp
  data/idx_reader.cpp
  data/fashion_mnist.cpp
  data/cifar_reader.cpp
  data/augmentation.cpp)
