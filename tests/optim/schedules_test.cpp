// Step-size schedules (optim/schedules): exact values (rational where the schedule is
// rational, mp100 otherwise), the factory's parsing and errors, validation messages,
// and the ANALYTIC series properties (sum = inf, sum of squares < inf, o(1/log k))
// cross-checked numerically in mp100 by Cauchy condensation ratios; each check is shown
// to fail on a mutant schedule that misreports.
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <functional>
#include <limits>
#include <string>

#include "analysis/numeric/exact_constant.hpp"
#include "analysis/numeric/scalars.hpp"
#include "optim/schedules/schedule_factory.hpp"

namespace {

using namespace ov::optim;
using ov::mp100;
using ov::rational;

rational q(const char* s) { return ov::constant<rational>(s); }
mp100 m(const char* s) { return ov::constant<mp100>(s); }

template <class S>
std::unique_ptr<Schedule<S>> make(const std::string& spec) {
  return make_schedule<S>(spec, [](const std::string& t) { return ov::constant<S>(t); });
}

template <class F>
std::string error_of(F&& f) {
  try {
    f();
  } catch (const std::exception& e) {
    return e.what();
  }
  return "(no error)";
}

// ------------------------------------------------------------ (a) exact values

TEST(Schedules, ExactRationalValues) {
  // Hand-derived: constant 1/10 at any k.
  EXPECT_EQ(make<rational>("constant:lr=1/10")->at(12345), q("1/10"));
  // 003 Fig. 4.6 blocks (defaults): 3/100 on [0,25), 3/200 on [25,50), 3/400, 3/800 from 75 on.
  auto pc = make<rational>("piecewise_constant");
  EXPECT_EQ(pc->at(0), q("3/100"));
  EXPECT_EQ(pc->at(24), q("3/100"));
  EXPECT_EQ(pc->at(25), q("3/200"));
  EXPECT_EQ(pc->at(74), q("3/400"));
  EXPECT_EQ(pc->at(75), q("3/800"));
  EXPECT_EQ(pc->at(1000000), q("3/800"));
  // gamma0 r^k = 3/100 * (1/2)^3 = 3/800.
  EXPECT_EQ(make<rational>("exponential:gamma0=3/100,r=1/2")->at(3), q("3/800"));
  // 3 (2k + 1)^-2: k = 1 -> 3/9 = 1/3; k = 2 -> 3/25.
  auto poly = make<rational>("polynomial:alpha1=3,beta=2,gamma=2");
  EXPECT_EQ(poly->at(0), q("3"));
  EXPECT_EQ(poly->at(1), q("1/3"));
  EXPECT_EQ(poly->at(2), q("3/25"));
  // 2/(k+1): k = 3 -> 1/2.
  EXPECT_EQ(make<rational>("inverse_linear:gamma0=2")->at(3), q("1/2"));
  // 1/sqrt(k+1) at perfect squares: k = 3 -> 1/2, k = 8 -> 1/3; irrational otherwise.
  auto isq = make<rational>("inverse_sqrt");
  EXPECT_EQ(isq->at(3), q("1/2"));
  EXPECT_EQ(isq->at(8), q("1/3"));
  EXPECT_THROW(isq->at(1), std::domain_error);
  // (k+1)^-3: k = 1 -> 1/8.
  EXPECT_EQ(make<rational>("inverse_power:gamma0=1,a=3")->at(1), q("1/8"));
  // A fractional power cannot be held exactly: an error, not a silent rounding.
  EXPECT_THROW(make<rational>("polynomial")->at(1), std::domain_error);
  EXPECT_THROW(make<rational>("constant:lr=1")->at(-1), std::invalid_argument);
}

TEST(Schedules, Mp100Values) {
  const mp100 tol = m("1e-95");
  // 3/100 (k+1)^-1/2: k = 3 -> 3/200 exactly; k = 1 -> (3/100) sqrt(2)/2.
  auto poly = make<mp100>("polynomial");
  EXPECT_EQ(poly->at(3), m("3/200"));
  EXPECT_LT(abs(poly->at(1) - m("3/100") * sqrt(mp100(2)) / 2), tol);
  // step_tuned_epoch alpha = 1, delta = 1/1000, E = 10: q = 1 on k in [0, 10), then 2^-0.501.
  auto st = make<mp100>("step_tuned_epoch:alpha=1,iterations_per_epoch=10");
  EXPECT_EQ(st->at(0), mp100(1));
  EXPECT_EQ(st->at(9), mp100(1));
  EXPECT_LT(abs(st->at(10) - exp(-m("501/1000") * log(mp100(2)))), tol);
  EXPECT_LT(abs(st->at(29) - exp(-m("501/1000") * log(mp100(3)))), tol);
  // inverse_sqrt off the squares: 1/sqrt(2).
  EXPECT_LT(abs(make<mp100>("inverse_sqrt")->at(1) - 1 / sqrt(mp100(2))), tol);
  // Exponential at k = 10: (3/100) (1/3)^10 = 3 / (100 * 59049), correctly rounded.
  EXPECT_LT(abs(make<mp100>("exponential:gamma0=3/100,r=1/3")->at(10) - mp100(3) / mp100(5904900)), tol);
}

// (b) double against mp100: each value is a few correctly rounded operations (pow and
// sqrt within 1 ulp in glibc for these arguments), so the relative gap is below
// 8 u (u = 2^-53); we allow 16 u. Exception found by this test: in `exponential` the
// rounding of r (relative u) is raised to the power k, so the gap grows like (k + 16) u,
// and r^k underflows in double (0.9^123456 ~ 1e-5650): values below DBL_MIN are only
// required to be 0 or subnormal in double.
TEST(Schedules, DoubleAgreesWithMp100) {
  const char* specs[] = {"piecewise_constant", "exponential:gamma0=3/100,r=9/10", "polynomial",
                         "polynomial:alpha1=1/3,beta=7/4,gamma=3/4", "inverse_linear:gamma0=1/10", "inverse_sqrt",
                         "inverse_power:gamma0=1/10,a=1/4", "step_tuned_epoch:alpha=1/10,iterations_per_epoch=7"};
  const mp100 u = ldexp(mp100(1), -53);
  for (const char* spec : specs) {
    const bool geometric = std::string(spec).rfind("exponential", 0) == 0;
    auto d = make<double>(spec);
    auto h = make<mp100>(spec);
    for (long k : {0L, 1L, 2L, 9L, 10L, 99L, 1000L, 123456L}) {
      const mp100 exact = h->at(k);
      if (exact < mp100(std::numeric_limits<double>::min())) {
        EXPECT_LT(d->at(k), std::numeric_limits<double>::min()) << spec << " k = " << k;
        continue;
      }
      const mp100 tol = (geometric ? mp100(k + 16) : mp100(16)) * u;
      EXPECT_LT(abs((mp100(d->at(k)) - exact) / exact), tol) << spec << " k = " << k;
    }
  }
}

// ------------------------------------------------------------ (d) validation and factory errors

TEST(Schedules, ValidationMessages) {
  EXPECT_EQ(error_of([] { make<rational>("polynomial:gamma=-1"); }),
            "polynomial: gamma = -1 is outside its valid range [0, inf)");
  EXPECT_EQ(error_of([] { make<rational>("exponential:r=3/2"); }),
            "exponential: r = 3/2 is outside its valid range (0, 1]");
  EXPECT_EQ(error_of([] { make<rational>("constant:lr=0"); }), "constant: lr = 0 is outside its valid range (0, inf)");
  EXPECT_EQ(error_of([] { make<rational>("step_tuned_epoch:alpha=1,delta=1/2,iterations_per_epoch=3"); }),
            "step_tuned_epoch: delta = 1/2 is outside its valid range (0, 1/2)");
  EXPECT_EQ(error_of([] { make<rational>("step_tuned_epoch:alpha=1,iterations_per_epoch=0"); }),
            "step_tuned_epoch: iterations_per_epoch = 0 is outside its valid range [1, inf)");
  EXPECT_NE(error_of([] { make<rational>("piecewise_constant:milestones=5;5,values=1;1;1"); })
                .find("milestones[1] = 5 is outside its valid range [6, inf)"),
            std::string::npos);
  EXPECT_NE(error_of([] { make<rational>("piecewise_constant:milestones=5,values=1"); }).find("one more than"),
            std::string::npos);
  EXPECT_NE(error_of([] { make<rational>("piecewise_constant:milestones=5,values=1;0"); })
                .find("values[1] = 0 is outside its valid range (0, inf)"),
            std::string::npos);
}

TEST(Schedules, FactoryErrors) {
  EXPECT_NE(error_of([] { make<rational>("cosine"); }).find("unknown schedule 'cosine' (valid: constant,"),
            std::string::npos);
  EXPECT_NE(error_of([] { make<rational>("constant:rate=1"); }).find("unknown parameter 'rate' (valid: lr)"),
            std::string::npos);
  EXPECT_EQ(error_of([] { make<rational>("constant"); }), "constant: the parameter 'lr' is required");
  EXPECT_EQ(error_of([] { make<rational>("exponential"); }), "exponential: the parameter 'r' is required");
  EXPECT_NE(error_of([] { make<rational>("constant:lr=abc"); }).find("constant: lr = 'abc' is not a number"),
            std::string::npos);
  EXPECT_NE(error_of([] { make<rational>("constant:lr"); }).find("schedule spec 'constant:lr'"), std::string::npos);
  EXPECT_NE(error_of([] { make<rational>("piecewise_constant:milestones=a"); }).find("'a' is not an integer"),
            std::string::npos);
  EXPECT_EQ(make<rational>("polynomial:alpha1=1/10,beta=2,gamma=1")->describe(),
            "polynomial: alpha1 = 1/10, beta = 2, gamma = 1");
}

// ------------------------------------------------------------ series properties vs numerics

// Numerical verdicts from Cauchy condensation in mp100 (the schedules are
// non-increasing): sum a_k < inf iff sum 2^j a_{2^j} < inf. With c_j = 2^j a(2^j),
// the ratio c_J / c_{J-1} at J = 60 is 2^{1-p} for a power law k^-p (>= 1 iff p <= 1;
// the offsets k+1 push it above 1 at p = 1) and ~0 for a geometric decay (which may
// underflow to 0: summable). o(1/log k): a(2^j) * j decreasing over j in [50, 60] (or 0).
// These verdicts are decisive for the parameter sets used (powers not within 1e-3 of
// the thresholds 1 and 1/2, and whose a(k) log k peaks before k = 2^50).
struct NumericVerdict {
  bool sum_diverges, square_summable, o_inverse_log;
};

NumericVerdict numeric_verdict(const Schedule<mp100>& s) {
  const int J = 60;
  auto a = [&](int j) { return s.at(1L << j); };
  auto c = [&](int j) { return ldexp(a(j), j); };
  auto d = [&](int j) { return ldexp(a(j) * a(j), j); };
  const mp100 threshold = 1 - m("1e-3");
  NumericVerdict v;
  v.sum_diverges = c(J) != 0 && c(J) / c(J - 1) > threshold;
  v.square_summable = d(J) == 0 || d(J) / d(J - 1) < threshold;
  v.o_inverse_log = a(J) == 0 || a(J) * J < a(J - 10) * (J - 10);  // 0: underflow of a geometric decay
  return v;
}

// The check the tests apply (and that must fail on mutants).
bool properties_consistent(const Schedule<mp100>& s) {
  const SeriesProperties p = s.properties();
  const NumericVerdict v = numeric_verdict(s);
  return p.sum_diverges.holds == v.sum_diverges && p.square_summable.holds == v.square_summable &&
         p.o_inverse_log.holds == v.o_inverse_log && !p.sum_diverges.reason.empty() &&
         !p.square_summable.reason.empty() && !p.o_inverse_log.reason.empty();
}

TEST(Schedules, AnalyticPropertiesMatchNumerics) {
  const char* specs[] = {"constant:lr=1/10",
                         "piecewise_constant",
                         "exponential:gamma0=3/100,r=1/2",
                         "exponential:gamma0=3/100,r=1",
                         "polynomial",
                         "polynomial:alpha1=1,beta=2,gamma=1",
                         "polynomial:alpha1=1,beta=1,gamma=3/4",
                         "polynomial:alpha1=1,beta=1,gamma=2",
                         "polynomial:alpha1=1,beta=1,gamma=0",
                         "polynomial:alpha1=1,beta=0,gamma=1",
                         "inverse_linear",
                         "inverse_sqrt",
                         "inverse_power:gamma0=1,a=1/4",
                         "inverse_power:gamma0=1,a=3/2",
                         "step_tuned_epoch:alpha=1,iterations_per_epoch=10",
                         "step_tuned_epoch:alpha=1/10,delta=1/4,iterations_per_epoch=3"};
  for (const char* spec : specs) EXPECT_TRUE(properties_consistent(*make<mp100>(spec))) << spec;
}

// The verdicts the documents state (seed-003-004 guide 1.3; seed-002 guide 4.2).
TEST(Schedules, DocumentedVerdicts) {
  EXPECT_FALSE(make<mp100>("exponential:gamma0=3/100,r=1/2")->properties().robbins_monro());  // 003 Fig 4.6
  EXPECT_FALSE(make<mp100>("polynomial")->properties().robbins_monro());                      // square root
  EXPECT_FALSE(make<mp100>("piecewise_constant")->properties().robbins_monro());
  EXPECT_TRUE(make<mp100>("inverse_linear")->properties().robbins_monro());       // 004's 1/k
  EXPECT_FALSE(make<mp100>("inverse_sqrt")->properties().robbins_monro());        // 004's 1/sqrt k
  EXPECT_TRUE(make<mp100>("inverse_sqrt")->properties().castera_assumption());    // 002 Ch. 2
  EXPECT_TRUE(make<mp100>("inverse_power:gamma0=1,a=1/4")->properties().castera_assumption());
  EXPECT_FALSE(make<mp100>("constant:lr=1")->properties().castera_assumption());  // 002 5.5 negative control
  EXPECT_TRUE(make<mp100>("step_tuned_epoch:alpha=1,iterations_per_epoch=5")->properties().robbins_monro());
}

// (c) over random polynomial schedules: gamma = n/8, beta = b/4, alpha1 = a/10.
RC_GTEST_PROP(Schedules, PolynomialPropertiesMatchNumerics, ()) {
  const int n = *rc::gen::inRange(0, 25);
  const int b = *rc::gen::inRange(0, 9);
  const int a = *rc::gen::inRange(1, 100);
  const std::string spec = "polynomial:alpha1=" + std::to_string(a) + "/10,beta=" + std::to_string(b) +
                           "/4,gamma=" + std::to_string(n) + "/8";
  RC_ASSERT(properties_consistent(*make<mp100>(spec)));
}

// ------------------------------------------------------------ (e) mutants

// Square summability misreported at the threshold (gamma >= 1/2 instead of > 1/2).
class SquareSummableMutant : public PolynomialSchedule<mp100> {
 public:
  using PolynomialSchedule<mp100>::PolynomialSchedule;
  SeriesProperties properties() const override {
    SeriesProperties p = PolynomialSchedule<mp100>::properties();
    p.square_summable = {true, "mutant"};
    return p;
  }
};
// Divergence of the sum misreported (claims sum = inf for every power).
class SumMutant : public PolynomialSchedule<mp100> {
 public:
  using PolynomialSchedule<mp100>::PolynomialSchedule;
  SeriesProperties properties() const override {
    SeriesProperties p = PolynomialSchedule<mp100>::properties();
    p.sum_diverges = {true, "mutant"};
    return p;
  }
};
// A constant schedule claiming o(1/log k).
class LogMutant : public ConstantSchedule<mp100> {
 public:
  using ConstantSchedule<mp100>::ConstantSchedule;
  SeriesProperties properties() const override {
    SeriesProperties p = ConstantSchedule<mp100>::properties();
    p.o_inverse_log = {true, "mutant"};
    return p;
  }
};
// Values off by one in the index (k instead of k+1): the exact-value check sees it.
class OffByOneInverseLinear : public InverseLinearSchedule<rational> {
 public:
  using InverseLinearSchedule<rational>::InverseLinearSchedule;
  rational at(long k) const override { return InverseLinearSchedule<rational>::at(k + 1); }
};

TEST(Schedules, MutantsAreCaught) {
  EXPECT_FALSE(properties_consistent(SquareSummableMutant(mp100(1), mp100(1), m("1/2"))));
  EXPECT_FALSE(properties_consistent(SumMutant(mp100(1), mp100(1), m("3/2"))));
  EXPECT_FALSE(properties_consistent(LogMutant(mp100(1))));
  EXPECT_NE(OffByOneInverseLinear(rational(2)).at(3), q("1/2"));
}

}  // namespace
