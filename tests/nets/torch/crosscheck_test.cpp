// Our networks (nets/core) against LibTorch 1.13 autograd on CPU in float64
// (tests/nets/torch/torch_network.hpp): the same architecture, parameters and batch give the
// same mean loss and backpropagated gradient, for random architectures over every activation
// torch has and every loss; both are also compared with the mp100 evaluation of ours (a
// higher precision), so a shared error could not pass unseen. A mutated torch network is
// caught; the two conventions at a kink (003's right derivative, torch's left one) and
// torch's softplus threshold are shown on exact points.
//
// Tolerance 1e-12, relative (loss: |l - l_ref| / |l_ref|; gradient: max-norm of the difference
// over the max-norm of the reference). Why: both sides evaluate the same formulas in binary64
// and differ only in the order of the sums (GEMM blocking, reduction order) and in the
// elementary-function implementations (glibc vs torch/Sleef, <= 1-2 ulp). A sum of n terms is
// accurate to about n u sum|terms| (u = 2^-53 = 1.1e-16); here n <= 8 (batch) x 6 (width) per
// layer through <= 4 layers, and the random data keep sum|terms| / |sum| moderate, so the
// expected error is ~1e-15 (measured: see the summary printed by the test and
// docs/performance-networks.md); 1e-12 leaves a factor ~100 for unlucky cancellations while a
// wrong activation, loss normalisation or parameter layout gives errors of order 1e-3 to 1.
#include <gtest/gtest.h>

#include <torch/torch.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "nets/core/initialization.hpp"
#include "nets/core/network_objective.hpp"
#include "optim/core/random.hpp"
#include "tests/nets/torch/torch_network.hpp"

namespace ov::nets {
namespace {

constexpr double kTol = 1e-12;

const ActivationKind kAll[] = {ActivationKind::identity, ActivationKind::logistic, ActivationKind::tanh,
                               ActivationKind::relu,     ActivationKind::leaky_relu, ActivationKind::elu,
                               ActivationKind::silu,     ActivationKind::softplus,  ActivationKind::quadratic};
const LossKind kLosses[] = {LossKind::square, LossKind::half_square, LossKind::mean_square, LossKind::log_loss,
                            LossKind::softmax_cross_entropy};

struct Case {
  Architecture arch;
  Vec<double> theta;
  Dataset data;  // B samples: the whole batch
};

double uniform(optim::SplitMix64& r, double lo, double hi) { return lo + (hi - lo) * r.uniform(); }
int int_in(optim::SplitMix64& r, int lo, int hi) {  // uniform in [lo, hi]
  return lo + static_cast<int>(r.below(static_cast<std::uint64_t>(hi - lo + 1)));
}

Activation random_activation(optim::SplitMix64& r) {
  Activation act;
  act.kind = kAll[r.below(9)];
  if (act.kind == ActivationKind::leaky_relu) act.slope = rational(int_in(r, 1, 15), 16);
  if (act.kind == ActivationKind::elu) act.elu_scale = rational(int_in(r, 1, 8), 4);
  return act;
}

// A random network and batch from one seed (SplitMix64; no std distributions).
Case random_case(std::uint64_t seed) {
  optim::SplitMix64 r(seed);
  Architecture a;
  a.input_dim = int_in(r, 1, 5);
  const int hidden = int_in(r, 0, 3);
  const LossKind loss = kLosses[r.below(5)];
  for (int l = 0; l < hidden; ++l) a.layers.push_back({int_in(r, 1, 6), random_activation(r)});
  const int m = loss == LossKind::softmax_cross_entropy ? int_in(r, 2, 4) : int_in(r, 1, 3);
  Activation out = random_activation(r);
  if (loss == LossKind::log_loss) out = Activation{ActivationKind::logistic};
  if (loss == LossKind::softmax_cross_entropy) out = Activation{ActivationKind::identity};
  a.layers.push_back({m, out});
  a.loss = Loss{loss};
  a.biases = r.below(4) != 0;
  a.order = r.below(2) ? ParameterOrder::layer_by_layer : ParameterOrder::weights_then_biases;
  a.validate();
  const int B = int_in(r, 1, 8);
  Case c{a, uniform_initialization(a, 1.0, r.next()), Dataset{}};
  c.data.name = "random";
  c.data.inputs.resize(B, a.input_dim);
  c.data.targets.resize(B, m);
  for (int s = 0; s < B; ++s) {
    for (int k = 0; k < a.input_dim; ++k) c.data.inputs(s, k) = uniform(r, -1, 1);
    if (loss == LossKind::log_loss) {
      for (int k = 0; k < m; ++k) c.data.targets(s, k) = static_cast<double>(r.below(2));
    } else if (loss == LossKind::softmax_cross_entropy) {
      c.data.targets.row(s).setZero();
      if (r.below(2)) {
        c.data.targets(s, static_cast<Eigen::Index>(r.below(static_cast<std::uint64_t>(m)))) = 1;  // one-hot
      } else {
        for (int k = 0; k < m; ++k) c.data.targets(s, k) = r.uniform();  // soft targets
      }
    } else {
      for (int k = 0; k < m; ++k) c.data.targets(s, k) = uniform(r, -1, 1);
    }
  }
  return c;
}

struct Eval {
  double loss;
  Vec<double> gradient;
};

Eval ours_double(const Case& c) {
  const NetworkObjective<double> f(c.arch, c.data);
  Eval e;
  e.loss = f.value_and_gradient(c.theta, e.gradient);
  return e;
}

Eval ours_mp100(const Case& c) {
  const NetworkObjective<mp100> f(c.arch, c.data);
  Vec<mp100> th(c.theta.size()), g;
  for (Eigen::Index i = 0; i < th.size(); ++i) th[i] = data_as<mp100>(c.theta[i]);
  const mp100 v = f.value_and_gradient(th, g);
  Eval e;
  e.loss = static_cast<double>(v);
  e.gradient.resize(g.size());
  for (Eigen::Index i = 0; i < g.size(); ++i) e.gradient[i] = static_cast<double>(g[i]);
  return e;
}

Eval torch_double(const Case& c, libtorch::TorchNetwork* net = nullptr) {
  libtorch::TorchNetwork own(c.arch, c.theta);
  libtorch::TorchNetwork& n = net ? *net : own;
  Eval e;
  e.loss = n.loss_and_gradient(libtorch::rows_to_tensor(c.data.inputs), libtorch::rows_to_tensor(c.data.targets),
                               e.gradient);
  return e;
}

double loss_error(const Eval& x, const Eval& ref) { return std::abs(x.loss - ref.loss) / std::abs(ref.loss); }
double gradient_error(const Eval& x, const Eval& ref) {
  const double scale = ref.gradient.cwiseAbs().maxCoeff();
  const double diff = (x.gradient - ref.gradient).cwiseAbs().maxCoeff();
  return scale > 0 ? diff / scale : diff;
}
double error(const Eval& x, const Eval& ref) { return std::max(loss_error(x, ref), gradient_error(x, ref)); }

class TorchCrossCheck : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { torch::set_num_threads(1); }
};

// 400 random architectures (seeds 0..399): ours = torch = mp100 to 1e-12; every activation
// kind and every loss occurs (counted); the mutant (torch's layer-1 activation swapped for
// another kind) differs from ours by more than 1e-6 in (almost) every case.
TEST_F(TorchCrossCheck, RandomArchitecturesAgreeWithAutogradAndMp100) {
  constexpr int kCases = 400;
  double worst_ours_torch = 0, worst_torch_ref = 0, worst_ours_ref = 0;
  int kinds_seen[9] = {}, losses_seen[5] = {}, caught = 0, mutants = 0;
  for (int seed = 0; seed < kCases; ++seed) {
    const Case c = random_case(static_cast<std::uint64_t>(seed));
    SCOPED_TRACE("seed " + std::to_string(seed) + ": " + c.arch.describe());
    for (int l = 1; l <= c.arch.depth(); ++l) ++kinds_seen[static_cast<int>(c.arch.activation(l).kind)];
    ++losses_seen[static_cast<int>(c.arch.loss.kind)];
    const Eval ours = ours_double(c), torch_e = torch_double(c), ref = ours_mp100(c);
    ASSERT_TRUE(std::isfinite(ref.loss));
    const double ot = error(ours, torch_e), tr = error(torch_e, ref), orf = error(ours, ref);
    EXPECT_LE(ot, kTol) << "ours vs torch";
    EXPECT_LE(tr, kTol) << "torch vs mp100";
    EXPECT_LE(orf, kTol) << "ours vs mp100";
    // The comparison sees a relative slip of 1e-10 in the gradient (100x the tolerance).
    Eval slipped = torch_e;
    slipped.gradient *= 1 + 1e-10;
    if (ref.gradient.cwiseAbs().maxCoeff() > 0) {
      EXPECT_GT(gradient_error(slipped, ref), kTol);
    }
    worst_ours_torch = std::max(worst_ours_torch, ot);
    worst_torch_ref = std::max(worst_torch_ref, tr);
    worst_ours_ref = std::max(worst_ours_ref, orf);
    // Mutant: layer 1 computes another activation in torch.
    libtorch::TorchNetwork mutant(c.arch, c.theta);
    const ActivationKind k1 = c.arch.activation(1).kind;
    Activation swapped{k1 == ActivationKind::logistic ? ActivationKind::tanh : ActivationKind::logistic};
    mutant.set_activation(1, swapped);
    if (c.arch.loss.kind == LossKind::log_loss && c.arch.depth() == 1) continue;  // torch skips the output sigmoid
    ++mutants;
    if (error(torch_double(c, &mutant), ours) > 1e-6) ++caught;
  }
  for (int k = 0; k < 9; ++k) EXPECT_GT(kinds_seen[k], 10) << "activation kind " << k << " under-sampled";
  for (int k = 0; k < 5; ++k) EXPECT_GT(losses_seen[k], 40) << "loss kind " << k << " under-sampled";
  // A swapped activation is invisible only when nothing downstream depends on layer 1: the 7
  // uncaught of seeds 0..399 (21, 93, 140, 206, 259, 363, 399) all have a later ReLU layer of
  // width <= 3 that is dead (z < 0) on the whole batch. At most 5% are allowed.
  EXPECT_GE(caught, mutants * 95 / 100) << caught << " of " << mutants << " mutants caught";
  std::printf("[ summary ] %d cases: worst relative error ours/torch %.3g, torch/mp100 %.3g, ours/mp100 %.3g; "
              "%d of %d mutants caught\n",
              kCases, worst_ours_torch, worst_torch_ref, worst_ours_ref, caught, mutants);
}

// The tolerance can fail: a torch network whose hidden layer is sigmoid instead of tanh, and
// one whose loss is torch's default-mean MSE over B x m entries for our `square` (a 1/m slip),
// are both far outside 1e-12.
TEST_F(TorchCrossCheck, MutantsAreCaught) {
  Case c;
  c.arch = Architecture::fully_connected(3, {4}, Activation{ActivationKind::tanh}, 2, Activation{},
                                         Loss{LossKind::square});
  c.theta = uniform_initialization(c.arch, 1.0, 11);
  c.data.inputs.resize(5, 3);
  c.data.targets.resize(5, 2);
  optim::SplitMix64 r(12);
  for (Eigen::Index i = 0; i < c.data.inputs.size(); ++i) c.data.inputs.data()[i] = uniform(r, -1, 1);
  for (Eigen::Index i = 0; i < c.data.targets.size(); ++i) c.data.targets.data()[i] = uniform(r, -1, 1);
  const Eval ours = ours_double(c);
  EXPECT_LE(error(torch_double(c), ours), kTol);
  libtorch::TorchNetwork sig(c.arch, c.theta);
  sig.set_activation(1, Activation{ActivationKind::logistic});
  EXPECT_GT(error(torch_double(c, &sig), ours), 1e-3);
  Case mean = c;
  mean.arch.loss = Loss{LossKind::mean_square};  // torch's reduction='mean' divides by B m = 10, ours by B = 5
  EXPECT_NEAR(torch_double(mean).loss * 2, ours.loss, 1e-14 * ours.loss);
  EXPECT_GT(loss_error(torch_double(mean), ours), 0.4);
}

// The kink: a hidden ReLU pre-activation exactly 0. 003 §3.2 (003_61d556b637c4f269.txt L374)
// returns the right derivative 1 (ours by default); torch's relu backward gives 0 (the left
// one), so ours with Kink::left equals torch. All numbers are dyadic, so the exact rational
// evaluation of ours is the reference and torch must equal it exactly (no tolerance).
TEST_F(TorchCrossCheck, ReluAtZeroTorchIsTheLeftDerivative) {
  for (const ActivationKind kind : {ActivationKind::relu, ActivationKind::leaky_relu}) {
    Case c;
    Activation act{kind};
    act.slope = rational(1, 4);  // leaky slope 1/4: dyadic, exact in double
    c.arch = Architecture::fully_connected(2, {2}, act, 1, Activation{}, Loss{LossKind::square});
    c.arch.order = ParameterOrder::layer_by_layer;
    // W1 = [[2, -1], [1, 1]], b1 = [0, 1/2], W2 = [[3/2, -1/2]], b2 = [1/4]; x = (1, 2), y = 1:
    // z1 = (2 - 2 + 0, 1 + 2 + 1/2) = (0, 7/2): neuron 1 sits exactly on the kink.
    c.theta.resize(9);
    c.theta << 2, -1, 1, 1, 0, 0.5, 1.5, -0.5, 0.25;
    c.data.inputs.resize(1, 2);
    c.data.inputs << 1, 2;
    c.data.targets.resize(1, 1);
    c.data.targets << 1;
    ASSERT_EQ((Eigen::Map<const Eigen::Matrix<double, 2, 2, Eigen::RowMajor>>(c.theta.data()) *
               Eigen::Vector2d(1, 2))[0],
              0.0);
    const Eval torch_e = torch_double(c);
    auto exact = [&](Kink kink) {
      Case k = c;
      for (auto& layer : k.arch.layers) layer.activation.kink = kink;
      const NetworkObjective<rational> f(k.arch, k.data);
      Vec<rational> th(9), g;
      for (int i = 0; i < 9; ++i) th[i] = data_as<rational>(c.theta[i]);
      const rational v = f.value_and_gradient(th, g);
      Eval e{static_cast<double>(v), Vec<double>(9)};
      for (int i = 0; i < 9; ++i) e.gradient[i] = static_cast<double>(g[i]);  // dyadic: exact
      return e;
    };
    const Eval right = exact(Kink::right), left = exact(Kink::left);
    SCOPED_TRACE(kind == ActivationKind::relu ? "relu" : "leaky_relu");
    EXPECT_EQ(torch_e.loss, left.loss);
    for (int i = 0; i < 9; ++i) EXPECT_EQ(torch_e.gradient[i], left.gradient[i]) << "entry " << i;
    // dL/dW1[0][0] = delta1_0 x_0: torch (left) 0 for relu, a delta for leaky; 003's right derivative differs.
    EXPECT_NE(torch_e.gradient[0], right.gradient[0]);
    EXPECT_EQ(torch_e.gradient[0], kind == ActivationKind::relu ? 0.0 : 0.25 * right.gradient[0]);
    // Ours in double with Kink::left: the same numbers.
    Case l = c;
    for (auto& layer : l.arch.layers) layer.activation.kink = Kink::left;
    const Eval ours_left = ours_double(l);
    for (int i = 0; i < 9; ++i) EXPECT_EQ(ours_left.gradient[i], torch_e.gradient[i]) << "entry " << i;
  }
}

// torch's softplus(z) returns z for z > threshold (default 20): at z = 21 that is off by
// log1p(e^-21) = 7.6e-10 absolute, 3.6e-11 relative (> 1e-12), and its derivative is 1
// instead of sigmoid(21) = 1 - 7.6e-10. Ours (z + log1p(e^-z)) and torch with threshold 40
// (torch_network.hpp) agree with mp100 to 1 ulp.
TEST_F(TorchCrossCheck, SoftplusThresholdOfTorch) {
  const Activation sp{ActivationKind::softplus};
  const double z = 21;
  const mp100 exact = mp100(z) + log(1 + exp(mp100(-z)));  // 100 digits: no cancellation issue
  const double ref = static_cast<double>(exact), dref = static_cast<double>(1 / (1 + exp(mp100(-z))));
  EXPECT_LE(std::abs(activate(sp, z) - ref), 0x1p-52 * ref);
  EXPECT_LE(std::abs(activate_derivative(sp, z) - dref), 0x1p-52);
  auto torch_value = [&](double threshold, double* derivative) {
    torch::Tensor t = torch::full({1}, z, torch::kFloat64).set_requires_grad(true);
    torch::Tensor y = libtorch::activate(sp, t, threshold);
    y.sum().backward();
    *derivative = t.grad().item<double>();
    return y.item<double>();
  };
  double d20 = 0, d40 = 0;
  const double v20 = torch_value(20, &d20), v40 = torch_value(libtorch::kSoftplusThreshold, &d40);
  EXPECT_EQ(v20, z);
  EXPECT_GT(std::abs(v20 - ref) / ref, 1e-11);
  EXPECT_EQ(d20, 1.0);
  EXPECT_GT(std::abs(d20 - dref), 1e-10);
  EXPECT_LE(std::abs(v40 - ref), 0x1p-52 * ref);
  EXPECT_LE(std::abs(d40 - dref), 0x1p-52);
}

TEST_F(TorchCrossCheck, BadParameterVectorIsNamed) {
  const Architecture a = Architecture::fully_connected(2, {3}, Activation{ActivationKind::relu}, 1, Activation{},
                                                       Loss{LossKind::square});
  try {
    libtorch::TorchNetwork n(a, Vec<double>::Zero(5));
    FAIL() << "no exception";
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("theta has 5 entries, the architecture 13"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace ov::nets
