// The qualitative checks of the MBT protocols (000_47ba9189a2c8a171.txt §4): pure functions of
// the measurements (no LibTorch, no I/O), so that each can be tested on fabricated
// measurements that make it hold and fail (tests/gpu/bench/mbt_protocols_test.cpp). Each
// returns the verdict ("holds" | "refuted" | "inconclusive"), the rule it applied (with the
// threshold), a one-line summary and the deciding numbers; the runners wrap it into a
// ClaimResult (protocol_report.hpp) with the source and the setting that was run.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "gpu/bench/protocol_report.hpp"

namespace ov::gpu::bench {

struct MbtCheckOutcome {
  std::string verdict;   // holds | refuted | inconclusive
  std::string check;     // the rule, with its threshold
  std::string summary;   // the deciding numbers in one line
  nlohmann::json figures = nlohmann::json::object();
};

// The claim: `base` (id, title, source, hypotheses, statement, parameters, seed, seconds,
// series) completed with the outcome's verdict, check, summary and figures (merged into
// base.figures).
QualitativeCheck with_outcome(QualitativeCheck base, const MbtCheckOutcome& outcome);

// max / min of each row (NaN for a row with a value that is not finite and > 0).
std::vector<double> row_max_over_min(const std::vector<std::vector<double>>& table);
// Spearman's rank correlation of x and y (average ranks for ties); NaN when fewer than 2
// points, sizes differ, a value is not finite, or either has no spread.
double spearman_correlation(const std::vector<double>& x, const std::vector<double>& y);

// Table 1 (000 §4.4, L588): the found rate is nearly independent of the starting rate.
// rates[row][column] (rows: batch sizes, columns: starting rates). Holds when every row's
// max/min <= max_ratio; refuted when one exceeds it; inconclusive when a cell is not finite
// and positive, or a row has fewer than 2 cells, or there are no rows.
MbtCheckOutcome check_finder_start_independence(const std::vector<std::vector<double>>& rates,
                                                const std::vector<std::int64_t>& batch_sizes, double max_ratio);

// Table 1: the found rate grows with the batch size. row_values: one value per batch size
// (the row's median). Holds when Spearman's rho(batch size, value) >= min_spearman;
// refuted below; inconclusive with fewer than 3 distinct batch sizes or a non-finite value.
MbtCheckOutcome check_finder_grows_with_batch_size(const std::vector<std::int64_t>& batch_sizes,
                                                   const std::vector<double>& row_values, double min_spearman);

// Table 2 (000 §4.5, L611; issue 10): MBT beats a badly tuned baseline. Accuracies in [0, 1].
// Holds when mbt_accuracy >= worst_accuracy + min_gap; refuted otherwise; inconclusive when
// mbt_accuracy is not finite (a non-finite worst accuracy counts as chance_accuracy: a run
// that diverged before its first validation).
MbtCheckOutcome check_beats_badly_tuned(double mbt_accuracy, double worst_accuracy, double chance_accuracy,
                                        double min_gap);

// Table 2: MBT lands within `margin` of the best-tuned baseline. Holds when
// mbt_accuracy >= best_accuracy - margin; refuted otherwise; inconclusive when either is
// not finite.
MbtCheckOutcome check_near_best_tuned(double mbt_accuracy, double best_accuracy, double margin);

// Table 3 (000 §4.6, L628: "our automatic methods work robustly with high accuracies across
// many different architectures"): every MBT run (named) reaches best validation accuracy >=
// floor. Holds when all do; refuted when one is below or not finite (diverged); inconclusive
// with no runs or sizes that differ.
MbtCheckOutcome check_mbt_accuracy_floor(const std::vector<std::string>& runs, const std::vector<double>& accuracies,
                                         double floor);

// 000 L578: MBT-MMT/NAG train at 80-99 % of MMT/NAG's speed (20 finder batches per epoch).
// finder_seconds: one finder run; step_seconds: one plain momentum step at the same batch
// size; steps_per_epoch: the epoch length the claim is judged at (the paper's N/k). Speed
// fraction = E / (E + F) with E = steps_per_epoch * step_seconds, F = finder_seconds. Holds
// when it is >= min_fraction; refuted below; inconclusive for non-finite or non-positive
// times or steps_per_epoch < 1.
MbtCheckOutcome check_finder_overhead(double finder_seconds, double step_seconds, double steps_per_epoch,
                                      double min_fraction);

// Figure 2 (000 §4.2, L584; slides 001 L699-L702): full-batch two-way backtracking rates do
// not collapse to 0. Holds when every rate is finite and > 0 and the geometric mean of the
// last quarter of the trace is >= min_ratio times the largest rate of the trace; refuted
// otherwise; inconclusive with fewer than 4 rates.
MbtCheckOutcome check_rates_do_not_collapse(const std::vector<double>& rates, double min_ratio);

// Figure 2: the rates stabilise (two-way backtracking becomes Standard GD: a constant rate
// after finitely many iterates; slides: after ~40 on CIFAR-10). Holds when the last `window`
// rates take at most max_distinct values (equal within a relative 1e-9: the rates lie on the
// lattice delta0 * beta^k, so equal rates are equal up to rounding); refuted otherwise;
// inconclusive when the trace is shorter than 2 * window. Also reports the first iteration
// from which the rate stays constant to the end.
MbtCheckOutcome check_rates_stabilise(const std::vector<double>& rates, int window, int max_distinct);

// Figure 3 (000 §4.3, L586; slides 001 L716-L718: "behave similarly to the common scheme of
// learning rate warming up and decay"): per-epoch finder rates rise, then fall. Holds when
// the largest rate is at an interior epoch and both the first and the last epoch's rates are
// <= (1 - min_change) times it; refuted otherwise; inconclusive with fewer than 3 epochs or a
// rate that is not finite and > 0.
MbtCheckOutcome check_warmup_then_decay(const std::vector<double>& epoch_rates, double min_change);

}  // namespace ov::gpu::bench
