// Line searches (optim/line_search): weak and strong Wolfe (000 section 2.6), 004's
// halving search with the zero-gradient guard, and the exact search on quadratics.
// (a) hand-computed steps in rational; (c) Wolfe / strict-decrease / line-minimum
// properties over random rational quadratics; (d) validation; bounded trials with the
// right status; (e) each property fails on a mutant search.
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <functional>
#include <string>
#include <vector>

#include "analysis/numeric/exact_constant.hpp"
#include "analysis/numeric/linear_algebra.hpp"
#include "analysis/numeric/scalars.hpp"
#include "optim/line_search/exact_quadratic.hpp"
#include "optim/line_search/halving.hpp"
#include "optim/line_search/wolfe.hpp"

namespace {

using namespace ov::optim;
using ov::rational;
using Q = rational;
using Mat = Eigen::Matrix<Q, Eigen::Dynamic, Eigen::Dynamic>;

Q q(const char* s) { return ov::constant<Q>(s); }

// f(x) = 1/2 x^T A x - b^T x.
class Quadratic : public Objective<Q> {
 public:
  Quadratic(Mat A, Vector<Q> b) : A_(std::move(A)), b_(std::move(b)) {}
  int dim() const override { return static_cast<int>(b_.size()); }
  Q value(const Vector<Q>& x) const override { return dot(x, Vector<Q>(A_ * x)) / Q(2) - dot(b_, x); }
  Vector<Q> gradient(const Vector<Q>& x) const override { return A_ * x - b_; }
  const Mat& A() const { return A_; }

 private:
  Mat A_;
  Vector<Q> b_;
};

// f(x) = -x_0: unbounded below, phi'(s) constant; no step satisfies the curvature condition.
class Linear : public Objective<Q> {
 public:
  int dim() const override { return 1; }
  Q value(const Vector<Q>& x) const override { return -x[0]; }
  Vector<Q> gradient(const Vector<Q>&) const override { return Vector<Q>::Constant(1, Q(-1)); }
};

// f(x) = |x_0| with the subgradient 1 reported at 0 (an AD artefact, 002 5.6): no step decreases f.
class Kink : public Objective<Q> {
 public:
  int dim() const override { return 1; }
  Q value(const Vector<Q>& x) const override { return x[0] < 0 ? Q(-x[0]) : x[0]; }
  Vector<Q> gradient(const Vector<Q>& x) const override { return Vector<Q>::Constant(1, x[0] < 0 ? Q(-1) : Q(1)); }
};

// Constant f with a (wrong) gradient 1: no strict decrease anywhere, f(x - eta g) == f(x).
class Flat : public Objective<Q> {
 public:
  int dim() const override { return 1; }
  Q value(const Vector<Q>&) const override { return Q(0); }
  Vector<Q> gradient(const Vector<Q>&) const override { return Vector<Q>::Constant(1, Q(1)); }
};

Vector<Q> vec(std::initializer_list<long> v) {
  Vector<Q> r(static_cast<Eigen::Index>(v.size()));
  Eigen::Index i = 0;
  for (long x : v) r[i++] = Q(x);
  return r;
}
Quadratic half_square(long a) {  // a x^2 / 2 in 1-D
  Mat A(1, 1);
  A(0, 0) = Q(a);
  return Quadratic(A, vec({0}));
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

// One line-search problem: objective, point, direction (v = g unless given), initial step.
struct Fixture {
  const Objective<Q>* f;
  Vector<Q> x, v;
  Q initial;
};

using WolfeSearch = std::function<LineSearchResult<Q>(Oracle<Q>&, const Vector<Q>&, const Q&, const Vector<Q>&,
                                                      const Vector<Q>&, const WolfeParameters<Q>&)>;

// Property: every accepted step satisfies the Wolfe conditions of p.kind (checked
// exactly, with a fresh evaluation), and the reported counts match the oracle's.
bool wolfe_property(const WolfeSearch& search, const std::vector<Fixture>& fixtures, WolfeKind kind) {
  for (const auto& fx : fixtures) {
    WolfeParameters<Q> p;
    p.kind = kind;
    p.initial_step = fx.initial;
    Oracle<Q> o(*fx.f);
    const Q f0 = fx.f->value(fx.x);
    const Vector<Q> g = fx.f->gradient(fx.x);
    const auto r = search(o, fx.x, f0, g, fx.v, p);
    if (r.trials > p.max_trials || r.values != o.evaluations().values) return false;
    if (!r.accepted()) continue;
    const Vector<Q> xn = fx.x - r.step * fx.v;
    if (!wolfe_conditions_hold(r.step, f0, dot(g, fx.v), fx.f->value(xn), dot(fx.f->gradient(xn), fx.v), p))
      return false;
  }
  return true;
}

const WolfeSearch real_wolfe = [](Oracle<Q>& o, const Vector<Q>& x, const Q& f0, const Vector<Q>& g,
                                  const Vector<Q>& v, const WolfeParameters<Q>& p) {
  return wolfe_search(o, x, f0, g, v, p);
};
// Mutant 1: Armijo-only backtracking (ignores the curvature condition).
const WolfeSearch armijo_only = [](Oracle<Q>& o, const Vector<Q>& x, const Q& f0, const Vector<Q>& g,
                                   const Vector<Q>& v, const WolfeParameters<Q>& p) {
  LineSearchResult<Q> r;
  Q s = p.initial_step;
  const Q gv = dot(g, v);
  while (r.trials < p.max_trials) {
    ++r.trials;
    ++r.values;
    const Q fs = o.value(Vector<Q>(x - s * v));
    r.step = s;
    if (fs - f0 <= -(p.c1 * s * gv)) return r;
    s /= 2;
  }
  r.status = LineSearchStatus::max_trials;
  return r;
};
// Mutant 2: the weak search used where the strong conditions are required.
const WolfeSearch weak_for_strong = [](Oracle<Q>& o, const Vector<Q>& x, const Q& f0, const Vector<Q>& g,
                                       const Vector<Q>& v, const WolfeParameters<Q>& p) {
  WolfeParameters<Q> w = p;
  w.kind = WolfeKind::weak;
  return wolfe_search(o, x, f0, g, v, w);
};

// ------------------------------------------------------------ (a) hand-computed

TEST(Wolfe, HandComputedSteps) {
  // f = x^2/2 at x = 1, v = g = 1: phi(s) = (1-s)^2/2, phi'(s) = s - 1.
  const Quadratic f = half_square(1);
  const Vector<Q> x = vec({1}), g = vec({1});
  WolfeParameters<Q> p;
  {  // s = 1: phi = 0 <= 1/2 - c1; |phi'(1)| = 0: accepted at once.
    Oracle<Q> o(f);
    const auto r = wolfe_search(o, x, q("1/2"), g, g, p);
    EXPECT_EQ(r.status, LineSearchStatus::accepted);
    EXPECT_EQ(r.step, Q(1));
    EXPECT_EQ(r.trials, 1);
    EXPECT_EQ(r.values, 1);
    EXPECT_EQ(r.gradients, 1);
    EXPECT_EQ(*r.value, Q(0));
  }
  {  // s = 39/20: Armijo holds (0.45125 <= 0.5 - 0.000195), phi' = 19/20 > 9/10 = c2 |phi'(0)|:
     // strong fails and phi' >= 0 -> zoom(39/20, 0): bisection 39/40, phi' = -1/40: accepted.
    p.initial_step = q("39/20");
    Oracle<Q> o(f);
    const auto r = wolfe_search(o, x, q("1/2"), g, g, p);
    EXPECT_EQ(r.status, LineSearchStatus::accepted);
    EXPECT_EQ(r.step, q("39/40"));
    EXPECT_EQ(r.trials, 2);
    // Weak: phi'(39/20) = 19/20 >= -9/10: the curvature condition holds: accepted at once.
    p.kind = WolfeKind::weak;
    Oracle<Q> o2(f);
    const auto w = wolfe_search(o2, x, q("1/2"), g, g, p);
    EXPECT_EQ(w.step, q("39/20"));
    EXPECT_EQ(w.trials, 1);
  }
  {  // s = 1/8: phi'(1/8) = -7/8 < -9/10? no: -7/8 > -9/10, so weak holds; strong |7/8| <= 9/10 holds.
     // s = 1/16: phi' = -15/16 < -9/10: curvature fails, double to 1/8: accepted after 2 trials.
    WolfeParameters<Q> p2;
    p2.initial_step = q("1/16");
    Oracle<Q> o(f);
    const auto r = wolfe_search(o, x, q("1/2"), g, g, p2);
    EXPECT_EQ(r.step, q("1/8"));
    EXPECT_EQ(r.trials, 2);
  }
}

TEST(Wolfe, StatusesAndBoundedTrials) {
  WolfeParameters<Q> p;
  p.max_trials = 7;
  for (WolfeKind kind : {WolfeKind::weak, WolfeKind::strong}) {
    p.kind = kind;
    // f = -x along v = g = -1: Armijo always holds, <g(x+), v> = 1 > c2 * 1: no step is acceptable;
    // the step doubles 7 times and the search stops with max_trials.
    const Linear lin;
    Oracle<Q> o(lin);
    const auto r = wolfe_search(o, vec({0}), Q(0), vec({-1}), vec({-1}), p);
    EXPECT_EQ(r.status, LineSearchStatus::max_trials);
    EXPECT_EQ(r.trials, 7);
    EXPECT_EQ(o.evaluations().values, 7);
    EXPECT_EQ(r.step, Q(64));
    // A direction of ascent: refused before any evaluation.
    const Quadratic f = half_square(1);
    Oracle<Q> o2(f);
    const auto a = wolfe_search(o2, vec({1}), q("1/2"), vec({1}), vec({-1}), p);
    EXPECT_EQ(a.status, LineSearchStatus::not_a_descent_direction);
    EXPECT_EQ(a.trials, 0);
    EXPECT_EQ(wolfe_search(o2, vec({0}), Q(0), vec({0}), vec({0}), p).status, LineSearchStatus::zero_gradient);
  }
}

TEST(Wolfe, Validation) {
  const Quadratic f = half_square(1);
  Oracle<Q> o(f);
  auto run = [&](WolfeParameters<Q> p) { wolfe_search(o, vec({1}), q("1/2"), vec({1}), vec({1}), p); };
  WolfeParameters<Q> p;
  p.c1 = Q(0);
  EXPECT_EQ(error_of([&] { run(p); }), "strong_wolfe: c1 = 0 is outside its valid range (0, c2)");
  p = {};
  p.c2 = p.c1;
  p.kind = WolfeKind::weak;
  EXPECT_EQ(error_of([&] { run(p); }), "weak_wolfe: c2 = 1/10000 is outside its valid range (c1, 1)");
  p = {};
  p.c2 = Q(1);
  EXPECT_NE(error_of([&] { run(p); }).find("c2 = 1 is outside its valid range (c1, 1)"), std::string::npos);
  p = {};
  p.max_trials = 0;
  EXPECT_NE(error_of([&] { run(p); }).find("max_trials = 0 is outside its valid range [1, inf)"), std::string::npos);
}

// ------------------------------------------------------------ (c) properties over random quadratics

// A = M^T M + I (SPD, small integers), b, x integers; v = g or a random direction with <g, v> > 0.
struct RandomQuadratic {
  Quadratic f;
  Vector<Q> x, v;
};
rc::Gen<RandomQuadratic> random_quadratic(bool v_is_g) {
  return rc::gen::exec([v_is_g] {
    const int n = *rc::gen::inRange(1, 4);
    auto small = [] { return Q(*rc::gen::inRange(-3, 4)); };
    Mat M(n, n);
    for (int i = 0; i < n; ++i)
      for (int j = 0; j < n; ++j) M(i, j) = small();
    Mat A = M.transpose() * M + Mat::Identity(n, n);
    Vector<Q> b(n), x(n), v(n);
    for (int i = 0; i < n; ++i) b[i] = small(), x[i] = small(), v[i] = small();
    Quadratic f(A, b);
    const Vector<Q> g = f.gradient(x);
    RC_PRE(squared_norm(g) != Q(0));
    if (v_is_g || !(dot(g, v) > Q(0))) v = g;
    return RandomQuadratic{f, x, v};
  });
}

RC_GTEST_PROP(Wolfe, AcceptedStepsSatisfyTheConditions, ()) {
  const auto rq = *random_quadratic(false);
  const Q init = Q(*rc::gen::inRange(1, 64)) / Q(16);
  const std::vector<Fixture> fx = {{&rq.f, rq.x, rq.v, init}};
  RC_ASSERT(wolfe_property(real_wolfe, fx, WolfeKind::weak));
  RC_ASSERT(wolfe_property(real_wolfe, fx, WolfeKind::strong));
  // On a strongly convex quadratic an acceptable step exists and the search finds it.
  Oracle<Q> o(rq.f);
  WolfeParameters<Q> p;
  p.initial_step = init;
  RC_ASSERT(wolfe_search(o, rq.x, rq.f.value(rq.x), rq.f.gradient(rq.x), rq.v, p).accepted());
}

TEST(Wolfe, MutantsFailTheProperty) {
  const Quadratic f = half_square(1);
  const std::vector<Fixture> fixtures = {{&f, vec({1}), vec({1}), q("1/1024")}, {&f, vec({1}), vec({1}), q("39/20")}};
  EXPECT_TRUE(wolfe_property(real_wolfe, fixtures, WolfeKind::weak));
  EXPECT_TRUE(wolfe_property(real_wolfe, fixtures, WolfeKind::strong));
  EXPECT_FALSE(wolfe_property(armijo_only, fixtures, WolfeKind::weak));         // 1/1024: curvature fails
  EXPECT_FALSE(wolfe_property(weak_for_strong, fixtures, WolfeKind::strong));  // 39/20: |phi'| = 19/20 > 9/10
}

// (b) double against mp100 on Rosenbrock f = (1 - x)^2 + 100 (y - x^2)^2 with v = g.
// Every trial step is 2^j (bracketing) or a bisection of such steps, so both scalars
// try the same dyadic steps as long as they take the same decisions; the decisions are
// comparisons whose margins here are far above double's rounding (checked: the same
// trial count), so the accepted steps agree EXACTLY and the values to ~1e-13 relative.
template <class S>
class Rosenbrock : public Objective<S> {
 public:
  int dim() const override { return 2; }
  S value(const Vector<S>& x) const override {
    const S a = S(1) - x[0], b = x[1] - x[0] * x[0];
    return a * a + S(100) * b * b;
  }
  Vector<S> gradient(const Vector<S>& x) const override {
    Vector<S> g(2);
    const S b = x[1] - x[0] * x[0];
    g[0] = S(-2) * (S(1) - x[0]) - S(400) * x[0] * b;
    g[1] = S(200) * b;
    return g;
  }
};

TEST(Wolfe, DoubleAgreesWithMp100) {
  const double starts[][2] = {{-1.5, 2.0}, {0.5, 0.5}, {-1.2, 1.0}, {2.0, 3.5}};
  for (const auto& st : starts) {
    for (WolfeKind kind : {WolfeKind::weak, WolfeKind::strong}) {
      auto run = [&](auto zero) {
        using S = decltype(zero);
        Rosenbrock<S> f;
        Vector<S> x(2);
        x << S(st[0]), S(st[1]);
        const Vector<S> g = f.gradient(x);
        Oracle<S> o(f);
        WolfeParameters<S> p;
        p.kind = kind;
        p.initial_step = ops::ratio<S>(1, 1024);
        return wolfe_search(o, x, f.value(x), g, g, p);
      };
      const auto d = run(0.0);
      const auto h = run(ov::mp100(0));
      ASSERT_TRUE(d.accepted() && h.accepted());
      EXPECT_EQ(d.trials, h.trials);
      EXPECT_EQ(ov::mp100(d.step), h.step);
      EXPECT_LT(abs((ov::mp100(*d.value) - *h.value) / *h.value), ov::mp100(1e-13));
    }
  }
}

// ------------------------------------------------------------ halving (004 Alg. 1)

using HalvingSearch = std::function<LineSearchResult<Q>(Oracle<Q>&, const Vector<Q>&, const Q&, const Vector<Q>&,
                                                        const Vector<Q>&, const HalvingParameters<Q>&)>;
const HalvingSearch real_halving = [](Oracle<Q>& o, const Vector<Q>& x, const Q& f0, const Vector<Q>& g,
                                      const Vector<Q>& v, const HalvingParameters<Q>& p) {
  return halving_search(o, x, f0, g, v, p);
};
// Mutant 1: accepts non-strict decrease (<=).
const HalvingSearch non_strict = [](Oracle<Q>& o, const Vector<Q>& x, const Q& f0, const Vector<Q>&,
                                    const Vector<Q>& v, const HalvingParameters<Q>& p) {
  LineSearchResult<Q> r;
  Q eta = p.initial_step;
  while (r.trials < p.max_trials) {
    ++r.trials;
    ++r.values;
    r.step = eta;
    if (o.value(Vector<Q>(x - eta * v)) <= f0) return r;
    eta /= 2;
  }
  r.status = LineSearchStatus::max_trials;
  return r;
};
// Mutant 2: 004 as printed, without the zero-gradient guard (bounded only by max_trials).
const HalvingSearch unguarded = [](Oracle<Q>& o, const Vector<Q>& x, const Q& f0, const Vector<Q>&,
                                   const Vector<Q>& v, const HalvingParameters<Q>& p) {
  LineSearchResult<Q> r;
  Q eta = p.initial_step;
  while (r.trials < p.max_trials) {
    ++r.trials;
    ++r.values;
    r.step = eta;
    if (o.value(Vector<Q>(x - eta * v)) < f0) return r;
    eta /= 2;
  }
  r.status = LineSearchStatus::max_trials;
  return r;
};

// Property: accepted => strict decrease (checked afresh); g = 0 => zero_gradient after 0
// trials; never more than max_trials; otherwise a non-accepted status.
bool halving_property(const HalvingSearch& search, const std::vector<Fixture>& fixtures) {
  for (const auto& fx : fixtures) {
    HalvingParameters<Q> p;
    p.max_trials = 20;
    Oracle<Q> o(*fx.f);
    const Q f0 = fx.f->value(fx.x);
    const Vector<Q> g = fx.f->gradient(fx.x);
    const auto r = search(o, fx.x, f0, g, fx.v, p);
    if (r.trials > p.max_trials) return false;
    if (squared_norm(g) == Q(0) && (r.status != LineSearchStatus::zero_gradient || r.trials != 0)) return false;
    if (r.accepted() && !(fx.f->value(Vector<Q>(fx.x - r.step * fx.v)) < f0)) return false;
  }
  return true;
}

TEST(Halving, HandComputedAndStatuses) {
  // f = 2 x^2 (A = 4) at x = 1, g = 4, f = 2: eta = 1 -> x = -3, f = 18; 1/2 -> -1, f = 2 (not < 2);
  // 1/4 -> 0, f = 0 < 2: accepted after 3 trials.
  const Quadratic f = half_square(4);
  Oracle<Q> o(f);
  const auto r = halving_search(o, vec({1}), Q(2), vec({4}), vec({4}), HalvingParameters<Q>{});
  EXPECT_EQ(r.status, LineSearchStatus::accepted);
  EXPECT_EQ(r.step, q("1/4"));
  EXPECT_EQ(r.trials, 3);
  EXPECT_EQ(r.values, 3);
  EXPECT_EQ(o.evaluations().values, 3);
  // Zero gradient: 004's loop would never end; guarded.
  const auto z = halving_search(o, vec({0}), Q(0), vec({0}), vec({0}), HalvingParameters<Q>{});
  EXPECT_EQ(z.status, LineSearchStatus::zero_gradient);
  EXPECT_EQ(z.trials, 0);
  // A kink with a reported subgradient: no decrease for any eta; bounded with max_trials.
  const Kink k;
  Oracle<Q> ok(k);
  HalvingParameters<Q> p;
  p.max_trials = 9;
  const auto m = halving_search(ok, vec({0}), Q(0), vec({1}), vec({1}), p);
  EXPECT_EQ(m.status, LineSearchStatus::max_trials);
  EXPECT_EQ(m.trials, 9);
  EXPECT_EQ(m.step, q("1/256"));
  EXPECT_EQ(halving_search(ok, vec({0}), Q(0), vec({1}), vec({-1}), p).status,
            LineSearchStatus::not_a_descent_direction);
  // Validation.
  p.initial_step = Q(0);
  EXPECT_EQ(error_of([&] { halving_search(ok, vec({0}), Q(0), vec({1}), vec({1}), p); }),
            "halving: initial_step = 0 is outside its valid range (0, inf)");
  p = {};
  p.max_trials = 0;
  EXPECT_NE(error_of([&] { halving_search(ok, vec({0}), Q(0), vec({1}), vec({1}), p); }).find("max_trials = 0"),
            std::string::npos);
}

RC_GTEST_PROP(Halving, StrictDecreaseOrStatus, ()) {
  const auto rq = *random_quadratic(*rc::gen::arbitrary<bool>());
  RC_ASSERT(halving_property(real_halving, {{&rq.f, rq.x, rq.v, Q(1)}}));
}

TEST(Halving, MutantsFailTheProperty) {
  const Flat flat;
  const Quadratic f = half_square(1);
  const std::vector<Fixture> fixtures = {{&flat, vec({0}), vec({1}), Q(1)}, {&f, vec({0}), vec({0}), Q(1)}};
  EXPECT_TRUE(halving_property(real_halving, fixtures));
  EXPECT_FALSE(halving_property(non_strict, {fixtures[0]}));  // accepts f(x - g) == f(x)
  EXPECT_FALSE(halving_property(unguarded, {fixtures[1]}));   // g = 0: max_trials, not zero_gradient
}

// ------------------------------------------------------------ exact line search on quadratics

using ExactSearch = std::function<LineSearchResult<Q>(const Vector<Q>&, const Vector<Q>&, const Mat&)>;
const ExactSearch real_exact = [](const Vector<Q>& g, const Vector<Q>& v, const Mat& A) {
  return exact_quadratic_search<Q>(g, v, A);
};
// Mutant: the steepest-descent formula g^T g / g^T A g used for a general direction v.
const ExactSearch gg_formula = [](const Vector<Q>& g, const Vector<Q>& v, const Mat& A) {
  LineSearchResult<Q> r = exact_quadratic_search<Q>(g, v, A);
  if (r.accepted()) r.step = squared_norm(g) / dot(g, Vector<Q>(A * g));
  return r;
};

// Property: the accepted step minimises phi(s) = f(x - s v): phi'(s) = -<g(x - s v), v> = 0
// exactly, and phi(s) < phi(s +- h) for h in {1, 1/1000} (exact in rational).
bool exact_property(const ExactSearch& search, const std::vector<RandomQuadratic>& problems) {
  for (const auto& pq : problems) {
    const Vector<Q> g = pq.f.gradient(pq.x);
    const auto r = search(g, pq.v, pq.f.A());
    if (!r.accepted()) return false;
    auto phi = [&](const Q& s) { return pq.f.value(Vector<Q>(pq.x - s * pq.v)); };
    if (dot(pq.f.gradient(Vector<Q>(pq.x - r.step * pq.v)), pq.v) != Q(0)) return false;
    for (const Q& h : {Q(1), q("1/1000")})
      if (!(phi(r.step) < phi(r.step + h) && phi(r.step) < phi(r.step - h))) return false;
  }
  return true;
}

TEST(ExactQuadratic, HandComputed) {
  // A = diag(1, 2), b = 0, x = (1, 1): g = (1, 2), v = g: s = 5 / (1 + 8) = 5/9.
  Mat A = Mat::Zero(2, 2);
  A(0, 0) = Q(1);
  A(1, 1) = Q(2);
  const auto r = exact_quadratic_search<Q>(vec({1, 2}), vec({1, 2}), A);
  EXPECT_EQ(r.status, LineSearchStatus::accepted);
  EXPECT_EQ(r.step, q("5/9"));
  EXPECT_EQ(r.values, 0);
  // v = (1, 0): s = <g, v> / <v, A v> = 1 / 1.
  EXPECT_EQ(exact_quadratic_search<Q>(vec({1, 2}), vec({1, 0}), A).step, Q(1));
  // Statuses: zero gradient, ascent, non-positive curvature (unbounded along the ray).
  EXPECT_EQ(exact_quadratic_search<Q>(vec({0, 0}), vec({1, 0}), A).status, LineSearchStatus::zero_gradient);
  EXPECT_EQ(exact_quadratic_search<Q>(vec({1, 2}), vec({-1, 0}), A).status,
            LineSearchStatus::not_a_descent_direction);
  A(0, 0) = Q(-1);
  EXPECT_EQ(exact_quadratic_search<Q>(vec({1, 2}), vec({1, 0}), A).status, LineSearchStatus::non_finite);
}

RC_GTEST_PROP(ExactQuadratic, MinimisesAlongTheLine, ()) {
  RC_ASSERT(exact_property(real_exact, {*random_quadratic(false)}));
}

TEST(ExactQuadratic, MutantFailsTheProperty) {
  // A = diag(1, 2), x = (1, 1), b = 0: g = (1, 2); v = (1, 0) (descent, not g): the mutant
  // takes 5/9 instead of 1.
  Mat A = Mat::Zero(2, 2);
  A(0, 0) = Q(1);
  A(1, 1) = Q(2);
  const std::vector<RandomQuadratic> problems = {{Quadratic(A, vec({0, 0})), vec({1, 1}), vec({1, 0})}};
  EXPECT_TRUE(exact_property(real_exact, problems));
  EXPECT_FALSE(exact_property(gg_formula, problems));
}

}  // namespace
