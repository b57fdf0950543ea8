// The qualitative claims of Castera's deep-learning experiments (002_dc929347c6f8ce02.txt
// §2.6.2 L1469-L1520, §4.5 L2380-L2470) as pure functions of measured training losses
// (docs/protocols-castera.md). Each returns a QualitativeCheck with the claim's statement, the
// rule that decides it, the verdict and the deciding numbers; the runner adds the id prefix,
// the hypotheses (scale, stand-in data), the curves and the time.
//
// Measurements: a LossSummary is a method's training loss at the comparison budget (the same
// number of gradient evaluations for every method compared, the thesis's x-axis, 002 L2444),
// mean / min / max over the seeds. A diverged run makes the summary diverged (worse than any
// finite loss).
//
// Comparing two methods (compare_losses): a beats b when b.mean - a.mean > tie_tolerance *
// max(|a.mean|, |b.mean|) AND a.max < b.min (the ranges over seeds are separated: a difference
// within the seed-to-seed spread decides nothing), loses in the mirror case, else they tie. Verdicts: "holds" when the
// claim's comparisons all go its way, "refuted" when one goes clearly the other way, and
// "inconclusive" when ties (differences within the tolerance) or missing measurements leave it
// open.
#pragma once

#include <string>
#include <vector>

#include "gpu/bench/protocol_report.hpp"

namespace ov::gpu::bench {

struct LossSummary {
  double mean = 0, min = 0, max = 0;
  bool diverged = false;  // a seed's loss became non-finite (or the run stopped early)
};

// A labelled measurement: a method, an (alpha, beta) configuration, a problem's method ...
struct LabeledLoss {
  std::string label;
  LossSummary loss;
};

// -1: a beats b (lower loss), +1: b beats a, 0: tie (relative difference <= tie_tolerance, or
// overlapping seed ranges, or both diverged). A diverged summary loses to any finite one.
int compare_losses(const LossSummary& a, const LossSummary& b, double tie_tolerance);

// Summary of values (one per seed): mean, min, max; diverged if any is non-finite.
LossSummary summarize_losses(const std::vector<double>& per_seed);

// ---- Chapter 2 (INNA, 002 §2.6.2.2, L1488-L1498) ----

// "The tuning of (alpha, beta) is not crucial ... [it] mostly affect[s] the training speed"
// (L1492): holds when every configuration converged and the largest final loss is at most
// `factor` times the smallest; refuted when a configuration diverged or the ratio exceeds it.
QualitativeCheck check_alpha_beta_mostly_speed(const std::vector<LabeledLoss>& configs, double factor);

// "(alpha, beta) = (0.5, 0.1) appears to be a good default choice" (L1492): holds when the default
// configuration's final loss is within (1 + margin) of the best configuration's; refuted otherwise.
QualitativeCheck check_default_config_near_best(const std::vector<LabeledLoss>& configs,
                                                const std::string& default_label, double margin);

// Every winner beats every loser (compare_losses): holds when all pairs are won, refuted when
// one pair is lost, inconclusive when some tie and none is lost, or a measurement is missing.
// The generic rule behind the pairwise claims below; statement/title/id given by the caller.
QualitativeCheck check_all_beat(const std::string& id, const std::string& title, const std::string& statement,
                                const std::vector<LabeledLoss>& winners, const std::vector<LabeledLoss>& losers,
                                double tie_tolerance);

// "INNA and ADAM outperform SGD and ADAGRAD for training" (L1494).
QualitativeCheck check_inna_adam_beat_sgd_adagrad(const LabeledLoss& inna, const LabeledLoss& adam,
                                                  const LabeledLoss& sgd, const LabeledLoss& adagrad,
                                                  double tie_tolerance);

// Fig. 2.4 (L1496): decays gamma_0 (k+1)^-q slower than q = 1/2 make INNA faster, "except when
// q is too small (... q = 1/16)". Holds when q = 1/4 beats q = 1/2.
QualitativeCheck check_quarter_decay_beats_half(const LabeledLoss& quarter, const LabeledLoss& half,
                                                double tie_tolerance);
// ... and q = 1/16 is too slow: q = 1/4 beats q = 1/16.
QualitativeCheck check_sixteenth_decay_too_slow(const LabeledLoss& sixteenth, const LabeledLoss& quarter,
                                                double tie_tolerance);
// "with a step-size decay proportional to k^-1/4, INNA outperforms ADAM" (L1496).
QualitativeCheck check_inna_quarter_decay_beats_adam(const LabeledLoss& inna_quarter, const LabeledLoss& adam,
                                                     double tie_tolerance);

// ---- Chapter 4 (Step-Tuned SGD, 002 §4.5.2, L2408-L2468) ----

// One problem's measurements: a loss per method label (methods not run are absent).
struct ProblemLosses {
  std::string problem;                 // "a" ... "f"
  std::vector<LabeledLoss> methods;
  const LabeledLoss* find(const std::string& label) const;
};

// Majority rule: of n pairs (a_i, b_i), a beats b in w, loses in l, ties in t. Holds when
// w > n/2; refuted when w + t <= n/2 (no majority even with every tie counted as a win);
// inconclusive otherwise or when n = 0.
struct PairOutcome {
  std::string name;
  LossSummary a, b;
};
QualitativeCheck check_majority_beats(const std::string& id, const std::string& title, const std::string& statement,
                                      const std::vector<PairOutcome>& pairs, double tie_tolerance);

// "Step-Tuned SGD ... at least outperforms SGD in five of the six problems" (L2412): Step-Tuned
// SGD beats SGD on a majority of the problems run (labels `step_tuned`, `sgd`).
QualitativeCheck check_step_tuned_beats_sgd_on_most(const std::vector<ProblemLosses>& problems,
                                                    const std::string& step_tuned, const std::string& sgd,
                                                    double tie_tolerance);

// "in Problem (d), ADAM and RMSprop are notably better than SGD and Step-Tuned SGD" (L2448).
QualitativeCheck check_adaptive_beat_scalar_on_autoencoder(const ProblemLosses& d, const std::string& adam,
                                                           const std::string& rmsprop, const std::string& sgd,
                                                           const std::string& step_tuned, double tie_tolerance);

// Fig. 4.5 (L2459): "using each mini-batch twice usually reduces the performance of SGD, INNA,
// ADAM and RMSprop": over the (problem, method) pairs, the loss without reuse beats the loss with
// reuse in a majority (a = without reuse, b = with reuse).
QualitativeCheck check_batch_reuse_usually_hurts(const std::vector<PairOutcome>& without_vs_with_reuse,
                                                 double tie_tolerance);

// Fig. 4.6 (L2461): "BatchNorm has a positive effect on Step-Tuned SGD": Step-Tuned SGD's loss on
// the network with batch norm (problem (f)) beats its loss on the one without (problem (e)).
QualitativeCheck check_batch_norm_helps_step_tuned(const LabeledLoss& with_bn, const LabeledLoss& without_bn,
                                                   double tie_tolerance);

// Remark 4.5 (L2463-L2470): INNA (0.5, 0.1) "is always among the three best algorithms in terms of
// training performances except for Problem (e)". For each problem not in `excluded`, INNA's rank
// (1 = lowest loss; ties within the tolerance share the better rank) is <= max_rank. Holds when
// all are, refuted when one is not, inconclusive when no problem is left or INNA was not run.
QualitativeCheck check_inna_among_top(const std::vector<ProblemLosses>& problems, const std::string& inna,
                                      int max_rank, const std::vector<std::string>& excluded,
                                      double tie_tolerance);

}  // namespace ov::gpu::bench
