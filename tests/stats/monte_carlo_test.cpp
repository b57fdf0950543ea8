// The Monte-Carlo runner: seeds, independence from --jobs and from the order,
// checkpoint resume (truncated, with an interrupted last line, corrupted, for
// another experiment), aggregation; and a real experiment (GD on the quartic
// from around its saddle) classified against the known critical points.
#include <gtest/gtest.h>

#include <atomic>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <unistd.h>

#include "analysis/numeric/exact_constant.hpp"
#include "analysis/stats/checkpoint.hpp"
#include "analysis/stats/monte_carlo.hpp"
#include "analysis/stats/problem_experiment.hpp"
#include "analysis/stats/run_seed.hpp"
#include "optim/rules/sgd.hpp"

namespace {

using namespace ov::stats;

// A cheap pure run: the outcome is a function of the seed only.
RunRecord toy_run(std::uint64_t index, std::uint64_t seed) {
  ov::optim::SplitMix64 g(seed);
  RunRecord r;
  r.index = index;
  r.seed = seed;
  const double u = g.uniform();
  r.x0 = {std::to_string(u)};
  r.x = {std::to_string(u * u)};
  r.value = "0";
  r.grad_norm = "0";
  r.iterations = 1;
  r.stop_reason = "max_iterations";
  r.outcome = u < 0.3 ? "a" : (u < 0.9 ? "b" : "undecided");
  r.escape_iteration = u < 0.5 ? static_cast<std::int64_t>(100 * u) : -1;
  return r;
}

std::string temp_path(const std::string& tag) {
  return testing::TempDir() + "ov_stats_" + tag + "_" + std::to_string(::getpid()) + ".jsonl";
}

MonteCarloPlan plan(std::uint64_t runs, unsigned jobs, const std::string& checkpoint = "") {
  MonteCarloPlan p;
  p.runs = runs;
  p.master_seed = 42;
  p.jobs = jobs;
  p.checkpoint = checkpoint;
  p.experiment = {{"what", "toy"}, {"scale", 0.5}};
  p.outcome_labels = {"a", "b", "diverged", "undecided"};
  return p;
}

std::string read(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  std::stringstream s;
  s << f.rdbuf();
  return s.str();
}

void write(const std::string& path, const std::string& text) {
  std::ofstream f(path, std::ios::binary | std::ios::trunc);
  f << text;
}

// The first `lines` lines of text (header included).
std::string first_lines(const std::string& text, int lines) {
  std::size_t pos = 0;
  for (int i = 0; i < lines; ++i) pos = text.find('\n', pos) + 1;
  return text.substr(0, pos);
}

TEST(RunSeed, IsTheSplitMix64Stream) {
  ov::optim::SplitMix64 g(42);
  for (std::uint64_t i = 0; i < 5; ++i) EXPECT_EQ(run_seed(42, i), g.next());
  EXPECT_NE(run_seed(42, 0), run_seed(43, 0));
}

TEST(MonteCarlo, ResultDoesNotDependOnJobs) {
  const auto one = run_monte_carlo(plan(200, 1), toy_run);
  const auto four = run_monte_carlo(plan(200, 4), toy_run);
  ASSERT_EQ(one.records.size(), 200u);
  EXPECT_EQ(one.records, four.records);
  for (std::uint64_t i = 0; i < 200; ++i) EXPECT_EQ(one.records[i].index, i);
}

TEST(MonteCarlo, ResumeFromATruncatedCheckpointEqualsAnUninterruptedRun) {
  const std::string path = temp_path("resume");
  std::remove(path.c_str());
  const auto full = run_monte_carlo(plan(60, 3, path), toy_run);
  EXPECT_EQ(full.resumed, 0u);
  const std::string text = read(path);
  // Interrupted after 11 runs, the 12th half written (no newline).
  const std::string cut = first_lines(text, 12);
  const std::string partial = text.substr(cut.size(), 25);
  write(path, cut + partial);
  std::ostringstream warnings;
  std::atomic<int> calls{0};
  const auto resumed = run_monte_carlo(plan(60, 2, path), [&](std::uint64_t i, std::uint64_t s) {
    ++calls;
    return toy_run(i, s);
  }, &warnings);
  EXPECT_EQ(resumed.resumed, 11u);
  EXPECT_EQ(calls.load(), 49);  // finished runs are not redone
  EXPECT_EQ(resumed.records, full.records);
  EXPECT_NE(warnings.str().find("line 13"), std::string::npos) << warnings.str();
  EXPECT_NE(warnings.str().find("incomplete"), std::string::npos) << warnings.str();
  // A complete file: nothing to do.
  calls = 0;
  const auto again = run_monte_carlo(plan(60, 2, path), [&](std::uint64_t i, std::uint64_t s) {
    ++calls;
    return toy_run(i, s);
  });
  EXPECT_EQ(calls.load(), 0);
  EXPECT_EQ(again.records, full.records);
  std::remove(path.c_str());
}

// Mutant: a run that depends on the order of the calls (a shared counter instead
// of its seed). The resume-equality check above must catch it.
TEST(MonteCarlo, OrderDependentRunIsCaughtByTheResumeCheck) {
  const std::string path = temp_path("mutant");
  std::remove(path.c_str());
  std::atomic<std::uint64_t> counter{0};
  auto impure = [&](std::uint64_t i, std::uint64_t) { return toy_run(i, counter++); };
  const auto full = run_monte_carlo(plan(40, 1, path), impure);
  write(path, first_lines(read(path), 11));
  counter = 0;
  const auto resumed = run_monte_carlo(plan(40, 1, path), impure);
  EXPECT_NE(resumed.records, full.records);
  std::remove(path.c_str());
}

TEST(MonteCarlo, CorruptCheckpointNamesFileLineAndByte) {
  const std::string path = temp_path("corrupt");
  std::remove(path.c_str());
  run_monte_carlo(plan(10, 1, path), toy_run);
  const std::string text = read(path);
  const std::string head = first_lines(text, 3);  // header + 2 runs
  std::string line4 = first_lines(text, 4).substr(head.size());
  const auto at = line4.find("\"outcome\":\"") + 11;
  line4[at] = line4[at] == 'a' ? 'b' : 'a';  // still valid JSON, wrong check
  write(path, head + line4 + text.substr(head.size() + line4.size()));
  try {
    run_monte_carlo(plan(10, 1, path), toy_run);
    FAIL() << "corrupt line accepted";
  } catch (const std::invalid_argument& e) {
    const std::string m = e.what();
    EXPECT_NE(m.find(path), std::string::npos) << m;
    EXPECT_NE(m.find("line 4"), std::string::npos) << m;
    EXPECT_NE(m.find("byte " + std::to_string(head.size())), std::string::npos) << m;
    EXPECT_NE(m.find("check"), std::string::npos) << m;
  }
  // Not JSON at all.
  write(path, head + "garbage\n");
  EXPECT_THROW(run_monte_carlo(plan(10, 1, path), toy_run), std::invalid_argument);
  // Another experiment's checkpoint.
  write(path, text);
  auto other = plan(10, 1, path);
  other.experiment["scale"] = 0.25;
  try {
    run_monte_carlo(other, toy_run);
    FAIL() << "foreign checkpoint accepted";
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("\"scale\""), std::string::npos) << e.what();
  }
  // A record whose seed is not run_seed(master, index) (a valid check).
  {
    RunRecord r = toy_run(3, 12345);
    write(path, first_lines(text, 1) + with_check(to_json(r)).dump() + "\n");
    EXPECT_THROW(run_monte_carlo(plan(10, 1, path), toy_run), std::invalid_argument);
  }
  std::remove(path.c_str());
}

TEST(MonteCarlo, BadPlansNameTheArgument) {
  try {
    run_monte_carlo(plan(0, 1), toy_run);
    FAIL();
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("--runs"), std::string::npos);
  }
  EXPECT_THROW(run_monte_carlo(plan(5, 0), toy_run), std::invalid_argument);
  // An exception inside a run reaches the caller.
  EXPECT_THROW(run_monte_carlo(plan(20, 2), [](std::uint64_t i, std::uint64_t s) -> RunRecord {
                 if (i == 7) throw std::runtime_error("boom");
                 return toy_run(i, s);
               }),
               std::runtime_error);
}

TEST(MonteCarlo, CountsAndIntervals) {
  const auto r = run_monte_carlo(plan(500, 2), toy_run);
  const auto c = count_outcomes(r.records, plan(1, 1).outcome_labels);
  ASSERT_EQ(c.size(), 4u);
  EXPECT_EQ(c[0].count + c[1].count + c[2].count + c[3].count, 500u);
  EXPECT_EQ(c[2].count, 0u);
  // P(a) = 0.3, P(b) = 0.6: the 95% intervals should contain them (a 5%-per-interval
  // chance of failing for a random seed; this seed is fixed, so the test is deterministic).
  EXPECT_LE(c[0].clopper_pearson.lo, 0.3);
  EXPECT_GE(c[0].clopper_pearson.hi, 0.3);
  EXPECT_LE(c[1].wilson.lo, 0.6);
  EXPECT_GE(c[1].wilson.hi, 0.6);
  EXPECT_EQ(c[2].clopper_pearson.lo, 0.0);
  const auto esc = summarize_escape(r.records);
  std::uint64_t escaped = 0;
  double sum = 0;
  for (const auto& x : r.records)
    if (x.escape_iteration >= 0) ++escaped, sum += double(x.escape_iteration);
  EXPECT_EQ(esc.escaped, escaped);
  EXPECT_DOUBLE_EQ(esc.mean_iterations, sum / double(escaped));
  EXPECT_LE(esc.max_iterations, 49);
}

// GD (step 1/50) on theta1^4 - 4 theta1^2 + theta2^2 from the ball of radius 1e-3
// around the strict saddle: every run escapes to one of the minima (+-sqrt 2, 0),
// by symmetry about half each.
TEST(ProblemExperiment, GradientDescentEscapesTheQuarticSaddle) {
  ProblemExperimentSpec spec;
  spec.problem = "castera_quartic";
  spec.optimizer = "sgd:lr=1/50";
  spec.radius = "1e-3";
  spec.iters = 1500;
  spec.master_seed = 7;
  auto make = [] {
    ov::optim::SgdOptions<double> o;
    o.lr = 0.02;
    return std::make_unique<ov::optim::Sgd<double>>(o);
  };
  const auto e = prepare_problem_experiment<double>(spec, make);
  EXPECT_EQ(e.centre, (std::vector<std::string>{"0", "0"}));
  EXPECT_NE(e.centre_source.find("strict saddle"), std::string::npos);
  MonteCarloPlan p;
  p.runs = 200;
  p.master_seed = 7;
  p.jobs = 2;
  p.experiment = e.experiment;
  p.outcome_labels = e.labels;
  const auto run = run_monte_carlo(p, e.run);
  const auto c = count_outcomes(run.records, e.labels);
  // labels: saddle, +sqrt2, -sqrt2, diverged, undecided
  EXPECT_EQ(c[0].count, 0u);
  EXPECT_EQ(c[1].count + c[2].count, 200u);
  // Symmetric escape: the 95% Clopper-Pearson interval of P(+sqrt 2) contains 1/2
  // (fixed seed: deterministic).
  EXPECT_LE(c[1].clopper_pearson.lo, 0.5);
  EXPECT_GE(c[1].clopper_pearson.hi, 0.5);
  // Starts are in the ball.
  for (const auto& r : run.records) {
    const double a = std::stod(r.x0[0]), b = std::stod(r.x0[1]);
    EXPECT_LE(a * a + b * b, 1e-6 * (1 + 1e-12));
  }
  // Escape iterations against an independent GD loop on the analytic gradient
  // (same operations as sgd's kernel x - lr g, so equal to the bit): the first k
  // with |x_k|^2 >= (1/10)^2.
  for (std::size_t i = 0; i < 20; ++i) {
    const auto& r = run.records[i];
    double a = std::stod(r.x0[0]), b = std::stod(r.x0[1]);
    std::int64_t first = -1;
    for (std::int64_t k = 1; k <= 1500 && first < 0; ++k) {
      const double ga = 4 * a * a * a - 8 * a, gb = 2 * b;
      a = a - 0.02 * ga;
      b = b - 0.02 * gb;
      if (a * a + b * b >= 0.01) first = k;
    }
    EXPECT_EQ(r.escape_iteration, first) << "run " << i;
  }
  EXPECT_EQ(summarize_escape(run.records).escaped, 200u);
}

// Negative control (002 Table 3.1, "on the stable manifold"): started on the line
// theta1 = 0 GD stays on it and converges to the saddle, and the classifier says
// so; random starts in a box around the same point (off the manifold a.s.) escape.
TEST(ProblemExperiment, OnTheStableManifoldGradientDescentReachesTheSaddle) {
  ov::optim::SgdOptions<double> o;
  o.lr = 0.02;
  auto make = [o] { return std::make_unique<ov::optim::Sgd<double>>(o); };
  const auto problem = ov::problems::make_problem("castera_quartic");
  {
    ov::problems::ProblemObjective<double> f(problem);
    ov::optim::Oracle<double> oracle(f);
    ov::optim::Vector<double> x(2);
    x << 0.0, 0.5;
    ov::optim::RunOptions<double> ro;
    ro.max_iterations = 1500;
    ro.monitor_every = 0;
    const auto opt = make();
    const auto r = ov::optim::minimize(*opt, oracle, x, ro);
    const auto pts = known_points(problem.info());
    EXPECT_EQ(x[0], 0.0);
    EXPECT_EQ(classify_outcome(pts, {x[0], x[1]}, *r.grad_norm).label, "strict saddle (0, 0)");
  }
  ProblemExperimentSpec spec;
  spec.problem = "castera_quartic";
  spec.optimizer = "sgd:lr=1/50";
  spec.centre = std::vector<std::string>{"0", "1/2"};
  spec.radius = "1e-3";
  spec.region = StartRegion::box;
  spec.iters = 1500;
  const auto e = prepare_problem_experiment<double>(spec, make);
  EXPECT_EQ(e.centre_source, "--center");
  MonteCarloPlan p;
  p.runs = 40;
  p.jobs = 1;
  p.experiment = e.experiment;
  p.outcome_labels = e.labels;
  const auto c = count_outcomes(run_monte_carlo(p, e.run).records, e.labels);
  EXPECT_EQ(c[1].count + c[2].count, 40u);
}

TEST(ProblemExperiment, BadInputNamesTheArgument) {
  ProblemExperimentSpec spec;
  spec.problem = "castera_quartic";
  auto make = [] { return std::make_unique<ov::optim::Sgd<double>>(); };
  auto message = [&](ProblemExperimentSpec s) {
    try {
      prepare_problem_experiment<double>(s, make);
    } catch (const std::invalid_argument& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  auto s = spec;
  s.radius = "0";
  EXPECT_NE(message(s).find("--radius"), std::string::npos);
  s = spec;
  s.radius = "-1";
  EXPECT_NE(message(s).find("(0, inf)"), std::string::npos);
  s = spec;
  s.centre = std::vector<std::string>{"1"};
  EXPECT_NE(message(s).find("dimension 2"), std::string::npos);
  s = spec;
  s.iters = -1;
  EXPECT_NE(message(s).find("--iters"), std::string::npos);
  s = spec;
  s.classify.radius = 1;
  EXPECT_NE(message(s).find("radius"), std::string::npos);
}

}  // namespace
