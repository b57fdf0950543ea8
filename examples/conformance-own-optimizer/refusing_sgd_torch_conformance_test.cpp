// The LibTorch suites on the example's own torch::optim::Optimizer: one line again
// (the TorchSubject overloads come with refusing_sgd_torch.hpp, included first).
#include "refusing_sgd_torch.hpp"
#include "proofs-checks/conformance/gtest_suite.hpp"

OPTVERIFY_CONFORMANCE_SUITE(RefusingSgd, [] { return my_example::refusing_sgd_subject(); });
