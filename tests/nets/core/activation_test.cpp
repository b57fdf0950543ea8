// Activations and losses: derivatives against mp100 central differences, the kink
// convention of 003 §3.2, names and validation, the stable log loss against the printed
// form, interval enclosures.
#include <gtest/gtest.h>

#include <ceres/jet.h>

#include "nets/core/activation.hpp"
#include "nets/core/loss.hpp"

namespace ov::nets {
namespace {

std::vector<Activation> all_activations() {
  std::vector<Activation> v;
  for (const auto& n : Activation::names()) v.push_back(Activation::parse(n));
  v.push_back(Activation::parse("leaky_relu:0.25"));
  v.push_back(Activation::parse("elu:2"));
  return v;
}

// sigma' against the mp100 central difference (h = 1e-30, error ~1e-60) away from kinks;
// the mutant (derivative of a different activation) must be rejected by the same tolerance.
TEST(Activation, DerivativesMatchMp100CentralDifferences) {
  const mp100 h("1e-30"), tol("1e-40");
  for (const auto& act : all_activations()) {
    for (const char* zs : {"-7.5", "-1.25", "-0.001", "0.003", "0.5", "2", "31"}) {
      const mp100 z(zs);
      const mp100 fd = (activate(act, mp100(z + h)) - activate(act, mp100(z - h))) / (2 * h);
      const mp100 d = activate_derivative(act, z);
      EXPECT_LT(abs(d - fd), tol * (1 + abs(fd))) << act.name() << " at " << zs;
      // Double agrees with mp100 to a few ulps (relative 1e-14 for these arguments).
      const double dd = activate_derivative(act, z.convert_to<double>());
      EXPECT_NEAR(dd, d.convert_to<double>(), 1e-14 * (1 + std::abs(dd))) << act.name() << " at " << zs;
    }
  }
  // Mutant: tanh's derivative used for logistic is caught.
  const mp100 z("0.5");
  const mp100 fd = (activate(Activation::parse("logistic"), mp100(z + h)) -
                    activate(Activation::parse("logistic"), mp100(z - h))) / (2 * h);
  EXPECT_GT(abs(activate_derivative(Activation::parse("tanh"), z) - fd), tol);
}

TEST(Activation, RightDerivativeAtTheKinkBy003AndLeftOnRequest) {
  Activation relu = Activation::parse("relu"), leaky = Activation::parse("leaky_relu");
  EXPECT_EQ(activate_derivative(relu, rational(0)), rational(1));  // 003 §3.2, L374
  EXPECT_EQ(activate_derivative(leaky, rational(0)), rational(1));
  relu.kink = Kink::left;
  leaky.kink = Kink::left;
  EXPECT_EQ(activate_derivative(relu, rational(0)), rational(0));
  EXPECT_EQ(activate_derivative(leaky, rational(0)), rational(1, 10));
  EXPECT_EQ(activate(leaky, rational(-3)), rational(-3, 10));  // max(z, 0.1 z) exactly
  // Jet: the chosen one-sided derivative propagates.
  ceres::Jet<double, 1> z(0.0, 0);
  EXPECT_EQ(activate(Activation::parse("relu"), z).v[0], 1.0);
  EXPECT_EQ(activate(relu, z).v[0], 0.0);
}

TEST(Activation, NamesAndParametersAreValidated) {
  try {
    Activation::parse("relu6");
    FAIL();
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("valid: identity, logistic, tanh, relu, leaky_relu"), std::string::npos)
        << e.what();
  }
  EXPECT_THROW(Activation::parse("leaky_relu:1"), std::invalid_argument);   // slope in (0, 1)
  EXPECT_THROW(Activation::parse("leaky_relu:abc"), std::invalid_argument);
  EXPECT_THROW(Activation::parse("tanh:2"), std::invalid_argument);        // takes no parameter
  EXPECT_THROW(Activation::parse("elu:0"), std::invalid_argument);
  EXPECT_EQ(Activation::parse("leaky_relu:0.1").slope, rational(1, 10));   // decimal read exactly
  try {
    Loss::parse("hinge");
    FAIL();
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("square, half_square, mean_square, log_loss, softmax_cross_entropy"),
              std::string::npos);
  }
  EXPECT_THROW(Loss::parse("log_loss").check_output_activation(Activation::parse("identity")),
               std::invalid_argument);
}

TEST(Activation, RationalWhereExactAndInexactOperationElsewhere) {
  EXPECT_EQ(activate(Activation::parse("quadratic"), rational(-3, 2)), rational(9, 4));
  EXPECT_EQ(activate(Activation::parse("logistic"), rational(0)), rational(1, 2));  // exp(0) is exact
  EXPECT_THROW(activate(Activation::parse("logistic"), rational(1)), inexact_operation);
}

TEST(Activation, IntervalEnclosuresContainTheMp100Values) {
  for (const auto& act : all_activations()) {
    for (const char* zs : {"-2.5", "0.7", "3"}) {
      const interval z = interval(std::string(zs));
      const interval v = activate(act, z), d = activate_derivative(act, z);
      const mp100 zm(zs);
      EXPECT_TRUE(lower(v) <= activate(act, zm) && activate(act, zm) <= upper(v)) << act.name();
      EXPECT_TRUE(lower(d) <= activate_derivative(act, zm) && activate_derivative(act, zm) <= upper(d));
    }
  }
  // Straddling 0: the hull of both branches.
  const interval z(-1, 2);
  const interval v = activate(Activation::parse("leaky_relu"), z);
  EXPECT_EQ(lower(v), mp50("-0.1"));
  EXPECT_EQ(upper(v), 2);
  const interval d = activate_derivative(Activation::parse("relu"), z);
  EXPECT_EQ(lower(d), 0);
  EXPECT_EQ(upper(d), 1);
}

// The stable log loss softplus(z) - y z equals the printed form -(y log s + (1-y) log(1-s)),
// s = logistic(z), in mp100 (003 §2.3.1), and its delta is s - y; in double the printed form
// loses everything for large |z| while the stable one does not.
TEST(Loss, StableLogLossEqualsThePrintedForm) {
  const Loss loss = Loss::parse("log_loss");
  const Activation out = Activation::parse("logistic");
  for (const char* zs : {"-30", "-2", "0", "0.75", "12", "40"}) {
    for (int y : {0, 1}) {
      Vec<mp100> z(1), t(1), d(1);
      z[0] = mp100(zs);
      t[0] = y;
      const mp100 l = loss_and_delta(loss, out, z, t, &d);
      const mp100 s = activate(out, z[0]);
      const mp100 printed = -(y * log(s) + (1 - y) * log(1 - s));
      // The printed form computes 1 - s (or s) after rounding s to 100 digits: for |z| large
      // it cancels, losing about |z| / ln 10 digits, so the tolerance is 1e-95 e^|z|.
      EXPECT_LT(abs(l - printed), mp100("1e-95") * exp(abs(z[0])) * (1 + abs(l))) << zs << " y=" << y;
      EXPECT_LT(abs(d[0] - (s - y)), mp100("1e-95"));
    }
  }
  Vec<double> z(1), t(1);
  z[0] = 40;
  t[0] = 0;
  EXPECT_NEAR(loss_and_delta(loss, out, z, t, static_cast<Vec<double>*>(nullptr)), 40.0, 1e-12);
}

TEST(Loss, NormalisationsAreNamed) {
  Vec<rational> z(2), y(2), d(2);
  z << 1, 2;
  y << 0, 0;
  const Activation id = Activation::parse("identity");
  EXPECT_EQ(loss_and_delta(Loss::parse("square"), id, z, y, &d), rational(5));
  EXPECT_EQ(d, (Vec<rational>(2) << 2, 4).finished());
  EXPECT_EQ(loss_and_delta(Loss::parse("half_square"), id, z, y, &d), rational(5, 2));
  EXPECT_EQ(d, (Vec<rational>(2) << 1, 2).finished());
  EXPECT_EQ(loss_and_delta(Loss::parse("mean_square"), id, z, y, &d), rational(5, 2));
  EXPECT_EQ(d, (Vec<rational>(2) << 1, 2).finished());
}

}  // namespace
}  // namespace ov::nets

#include "nets/core/architecture.hpp"

namespace ov::nets {
namespace {

TEST(Architecture, ParsedFromTheCompactText) {
  const Architecture a = parse_architecture("2-20:leaky_relu:1e-1-1:logistic");
  EXPECT_EQ(a.input_dim, 2);
  ASSERT_EQ(a.depth(), 2);
  EXPECT_EQ(a.width(1), 20);
  EXPECT_EQ(a.activation(1).slope, rational(1, 10));
  EXPECT_EQ(a.loss.kind, LossKind::log_loss);  // default for a logistic output
  EXPECT_EQ(a.num_parameters(), 2 * 20 + 20 + 20 + 1);
  const Architecture b = parse_architecture("8-12-12-1", "mean_square", false, ParameterOrder::layer_by_layer);
  EXPECT_EQ(b.activation(1).kind, ActivationKind::relu);      // hidden default
  EXPECT_EQ(b.activation(3).kind, ActivationKind::identity);  // output default
  EXPECT_EQ(b.num_parameters(), 8 * 12 + 12 * 12 + 12);
  for (const char* bad : {"2", "2-x-1", "2-0-1", "2-3:swish-1", "2-3-1:identity"}) {
    try {
      parse_architecture(bad, bad == std::string("2-3-1:identity") ? "log_loss" : "");
      ADD_FAILURE() << bad;
    } catch (const std::invalid_argument& e) {
      EXPECT_NE(std::string(e.what()).size(), 0u);
    }
  }
  try {
    parse_architecture("2-x-1");
  } catch (const std::invalid_argument& e) {
    EXPECT_EQ(std::string(e.what()), "architecture '2-x-1': layer 1: width 'x' is not a positive integer");
  }
}

}  // namespace
}  // namespace ov::nets
