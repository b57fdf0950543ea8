// The translation unit that builds the LibTorch tests' precompiled header
// (tests/CMakeLists.txt, optverify_torch_test_pch); it defines nothing.
