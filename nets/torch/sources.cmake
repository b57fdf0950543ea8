# Sources of nets/torch (the LibTorch model zoo; appended to OPTVERIFY_TORCH_MODELS_SOURCES).
# model_spec.cpp and model_zoo.cpp do not include LibTorch; each model is one file pair. The target is
# compiled as one unity TU (nets/CMakeLists.txt): names in anonymous namespaces must be distinct
# across these files.
list(APPEND OPTVERIFY_TORCH_MODELS_SOURCES
  torch/model_spec.cpp
  torch/model_zoo.cpp
  torch/zoo_model.cpp
  torch/lenet.cpp
  torch/resnet_cifar.cpp
  torch/preact_resnet.cpp
  torch/senet.cpp
  torch/mobilenetv2.cpp
  torch/densenet.cpp
  torch/network_in_network.cpp
  torch/mnist_autoencoder.cpp)
