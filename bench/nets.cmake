# Networks (issue 7): forward + backward of our double (and mp50) networks against LibTorch
# CPU on the same architectures and batches, in one run (docs/performance-networks.md).
# Needs the LibTorch layer; nothing is built without it (OPTVERIFY_WITH_TORCH=OFF).
if(OPTVERIFY_WITH_TORCH)
  optverify_add_bench(NAME nets_bench SOURCES nets_bench.cpp LIBS optverify::nets ${TORCH_LIBRARIES})
endif()
