# Sources of gpu/data (appended to OPTVERIFY_GPU_SOURCES): image data sets as tensors,
# the seeded per-sample transform pipeline (MBT CIFAR preset), seeded epoch batches and
# the MNIST / Fashion-MNIST / CIFAR-10 / CIFAR-100 loaders (docs/data.md, issue 9).
list(APPEND OPTVERIFY_GPU_SOURCES
  data/transform_pipeline.cpp
  data/epoch_batches.cpp
  data/image_dataset_files.cpp
  data/image_tensors.cpp
  data/image_batch_loader.cpp)
