// The qualitative checks of Castera's experiments (castera_checks.hpp): pure functions of the
// measured losses.
#include "gpu/bench/castera_checks.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <sstream>
#include <stdexcept>

namespace ov::gpu::bench {

namespace castera_checks_detail {

constexpr const char* kThesis = "002_dc929347c6f8ce02.txt";

nlohmann::json source(const char* section, const char* lines) {
  return {{"file", kThesis}, {"section", section}, {"lines", lines}};
}

std::string number(double v) {
  if (!std::isfinite(v)) return "diverged";
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.4g", v);
  return buffer;
}

std::string describe(const LabeledLoss& l) {
  if (l.loss.diverged) return l.label + " diverged";
  return l.label + " " + number(l.loss.mean) + " [" + number(l.loss.min) + ", " + number(l.loss.max) + "]";
}

// A figure value: the mean, or null when diverged (the schema refuses non-finite numbers).
nlohmann::json figure(const LossSummary& s) {
  if (s.diverged || !std::isfinite(s.mean)) return nullptr;
  return s.mean;
}

QualitativeCheck base(const std::string& id, const std::string& title, nlohmann::json src,
                      const std::string& statement, const std::string& check) {
  QualitativeCheck c;
  c.id = id;
  c.title = title;
  c.source = std::move(src);
  c.statement = statement;
  c.check = check;
  c.verdict = "inconclusive";
  return c;
}

const char* pair_word(int outcome) { return outcome < 0 ? "beats" : outcome > 0 ? "loses to" : "ties with"; }

}  // namespace castera_checks_detail

int compare_losses(const LossSummary& a, const LossSummary& b, double tie_tolerance) {
  if (!(tie_tolerance >= 0) || !std::isfinite(tie_tolerance))
    throw std::invalid_argument("compare_losses: tie_tolerance must be finite and >= 0, got " +
                                std::to_string(tie_tolerance));
  const bool da = a.diverged || !std::isfinite(a.mean), db = b.diverged || !std::isfinite(b.mean);
  if (da && db) return 0;
  if (da) return 1;
  if (db) return -1;
  // A win needs both a relative gap in the means and separated seed ranges (a's worst seed better
  // than b's best): a difference within the seed-to-seed spread is not a result.
  const double scale = std::max(std::fabs(a.mean), std::fabs(b.mean));
  const double diff = b.mean - a.mean;
  if (diff > tie_tolerance * scale && a.max < b.min) return -1;
  if (-diff > tie_tolerance * scale && b.max < a.min) return 1;
  return 0;
}

LossSummary summarize_losses(const std::vector<double>& per_seed) {
  LossSummary s;
  if (per_seed.empty()) {
    s.diverged = true;
    s.mean = s.min = s.max = std::numeric_limits<double>::quiet_NaN();
    return s;
  }
  s.min = std::numeric_limits<double>::infinity();
  s.max = -std::numeric_limits<double>::infinity();
  double sum = 0;
  for (double v : per_seed) {
    if (!std::isfinite(v)) s.diverged = true;
    sum += v;
    s.min = std::min(s.min, v);
    s.max = std::max(s.max, v);
  }
  s.mean = sum / static_cast<double>(per_seed.size());
  if (s.diverged) s.mean = s.min = s.max = std::numeric_limits<double>::quiet_NaN();
  return s;
}

QualitativeCheck check_alpha_beta_mostly_speed(const std::vector<LabeledLoss>& configs, double factor) {
  using namespace castera_checks_detail;
  std::ostringstream chk;
  chk << "final training loss (mean over seeds, at the common gradient budget) of every (alpha, beta) "
         "configuration, each with its own grid-searched gamma_0: holds when none diverged and max/min <= "
      << factor << ", refuted otherwise (a configuration that diverges or trains to a loss more than " << factor
      << " times another's matters for more than speed)";
  QualitativeCheck c = base("alpha-beta-mostly-speed", "INNA: the (alpha, beta) choice mostly affects speed",
                            source("2.6.2.2", "L1492"),
                            "Figure 2.2 suggests that the tuning of the hyper-parameters alpha and beta is not crucial to "
                            "obtain satisfactory results ... The hyper-parameters mostly affect the training speed",
                            chk.str());
  if (configs.size() < 2) {
    c.summary = "fewer than two (alpha, beta) configurations were measured";
    return c;
  }
  double lo = std::numeric_limits<double>::infinity(), hi = 0;
  bool diverged = false;
  std::string text;
  for (const auto& l : configs) {
    c.figures[l.label] = figure(l.loss);
    text += (text.empty() ? "" : "; ") + describe(l);
    if (l.loss.diverged || !std::isfinite(l.loss.mean)) {
      diverged = true;
      continue;
    }
    lo = std::min(lo, l.loss.mean);
    hi = std::max(hi, l.loss.mean);
  }
  if (diverged) {
    c.verdict = "refuted";
    c.summary = "a configuration diverged: " + text;
    return c;
  }
  const double ratio = lo > 0 ? hi / lo : std::numeric_limits<double>::infinity();
  c.figures["max_over_min"] = std::isfinite(ratio) ? nlohmann::json(ratio) : nlohmann::json(nullptr);
  c.figures["factor"] = factor;
  c.verdict = ratio <= factor ? "holds" : "refuted";
  c.summary = "max/min final loss " + number(ratio) + (ratio <= factor ? " <= " : " > ") + number(factor) + ": " + text;
  return c;
}

QualitativeCheck check_default_config_near_best(const std::vector<LabeledLoss>& configs,
                                                const std::string& default_label, double margin) {
  using namespace castera_checks_detail;
  std::ostringstream chk;
  chk << "final training loss (mean over seeds) of the default configuration <= (1 + " << margin
      << ") x the best configuration's: holds, else refuted";
  QualitativeCheck c = base("default-alpha-beta-good", "INNA: (alpha, beta) = (0.5, 0.1) is a good default",
                            source("2.6.2.2", "L1492"),
                            "Setting (alpha, beta) = (0.5, 0.1) appears to be a good default choice", chk.str());
  const LabeledLoss* def = nullptr;
  const LabeledLoss* best = nullptr;
  for (const auto& l : configs) {
    c.figures[l.label] = figure(l.loss);
    if (l.label == default_label) def = &l;
    if (!l.loss.diverged && std::isfinite(l.loss.mean) && (!best || l.loss.mean < best->loss.mean)) best = &l;
  }
  if (!def) {
    c.summary = "the default configuration " + default_label + " was not measured";
    return c;
  }
  if (!best || def->loss.diverged || !std::isfinite(def->loss.mean)) {
    c.verdict = best ? "refuted" : "inconclusive";
    c.summary = best ? "the default diverged, the best is " + describe(*best) : "every configuration diverged";
    return c;
  }
  const double ratio = def->loss.mean / best->loss.mean;
  c.figures["default_over_best"] = ratio;
  c.figures["margin"] = margin;
  c.verdict = ratio <= 1 + margin ? "holds" : "refuted";
  c.summary = "default " + describe(*def) + ", best " + describe(*best) + ": ratio " + number(ratio) +
              (ratio <= 1 + margin ? " <= " : " > ") + number(1 + margin);
  return c;
}

QualitativeCheck check_all_beat(const std::string& id, const std::string& title, const std::string& statement,
                                const std::vector<LabeledLoss>& winners, const std::vector<LabeledLoss>& losers,
                                double tie_tolerance) {
  using namespace castera_checks_detail;
  std::ostringstream chk;
  chk << "training loss at the common gradient budget, mean over seeds; a beats b when b - a > " << tie_tolerance
      << " x max(a, b) and the seed ranges [min, max] do not overlap (else a tie); holds when every "
         "listed winner beats every listed loser, refuted when one loses, inconclusive when some pair ties";
  QualitativeCheck c = base(id, title, {{"file", kThesis}}, statement, chk.str());
  if (winners.empty() || losers.empty()) {
    c.summary = "a method of the comparison was not measured";
    return c;
  }
  int won = 0, lost = 0, tied = 0;
  std::string text;
  for (const auto& w : winners) c.figures[w.label] = figure(w.loss);
  for (const auto& l : losers) c.figures[l.label] = figure(l.loss);
  for (const auto& w : winners) {
    for (const auto& l : losers) {
      const int o = compare_losses(w.loss, l.loss, tie_tolerance);
      (o < 0 ? won : o > 0 ? lost : tied)++;
      text += (text.empty() ? "" : "; ") + describe(w) + " " + pair_word(o) + " " + describe(l);
    }
  }
  c.figures["pairs_won"] = won;
  c.figures["pairs_lost"] = lost;
  c.figures["pairs_tied"] = tied;
  c.verdict = lost > 0 ? "refuted" : tied > 0 ? "inconclusive" : "holds";
  c.summary = text;
  return c;
}

QualitativeCheck check_inna_adam_beat_sgd_adagrad(const LabeledLoss& inna, const LabeledLoss& adam,
                                                  const LabeledLoss& sgd, const LabeledLoss& adagrad,
                                                  double tie_tolerance) {
  auto c = check_all_beat("inna-adam-beat-sgd-adagrad", "INNA and Adam train better than SGD and Adagrad",
                          "In our comparison, INNA and ADAM outperform SGD and ADAGRAD for training", {inna, adam},
                          {sgd, adagrad}, tie_tolerance);
  c.source = castera_checks_detail::source("2.6.2.2", "L1494");
  return c;
}

QualitativeCheck check_quarter_decay_beats_half(const LabeledLoss& quarter, const LabeledLoss& half,
                                                double tie_tolerance) {
  auto c = check_all_beat("decay-quarter-beats-half", "INNA: decay k^-1/4 trains faster than k^-1/2",
                          "some decays slower than q = 1/2 make INNA a little faster ... with a step-size decay "
                          "proportional to k^-1/4, INNA outperforms ADAM (Figure 2.4)",
                          {quarter}, {half}, tie_tolerance);
  c.source = castera_checks_detail::source("2.6.2.2", "L1496");
  return c;
}

QualitativeCheck check_sixteenth_decay_too_slow(const LabeledLoss& sixteenth, const LabeledLoss& quarter,
                                                double tie_tolerance) {
  auto c = check_all_beat("decay-sixteenth-too-slow", "INNA: decay k^-1/16 is too slow (k^-1/4 beats it)",
                          "Except when q is too small (too slow decay, e.g., q = 1/16), these results show that some "
                          "decays slower than q = 1/2 make INNA a little faster",
                          {quarter}, {sixteenth}, tie_tolerance);
  c.source = castera_checks_detail::source("2.6.2.2", "L1496");
  return c;
}

QualitativeCheck check_inna_quarter_decay_beats_adam(const LabeledLoss& inna_quarter, const LabeledLoss& adam,
                                                     double tie_tolerance) {
  auto c = check_all_beat("inna-quarter-decay-beats-adam", "INNA with decay k^-1/4 trains better than Adam",
                          "In particular, with a step-size decay proportional to k^-1/4, INNA outperforms ADAM "
                          "(bottom of Figure 2.4)",
                          {inna_quarter}, {adam}, tie_tolerance);
  c.source = castera_checks_detail::source("2.6.2.2", "L1496");
  return c;
}

const LabeledLoss* ProblemLosses::find(const std::string& label) const {
  for (const auto& m : methods)
    if (m.label == label) return &m;
  return nullptr;
}

QualitativeCheck check_majority_beats(const std::string& id, const std::string& title, const std::string& statement,
                                      const std::vector<PairOutcome>& pairs, double tie_tolerance) {
  using namespace castera_checks_detail;
  std::ostringstream chk;
  chk << "for each pair (a, b), training losses at the common gradient budget, mean over seeds; a beats b when b - a > "
      << tie_tolerance
      << " x max(a, b) and the seed ranges [min, max] do not overlap (else a tie); of n pairs, holds when a wins more than n/2, refuted when wins + "
         "ties <= n/2, else inconclusive";
  QualitativeCheck c = base(id, title, {{"file", kThesis}}, statement, chk.str());
  int won = 0, lost = 0, tied = 0;
  std::string text;
  for (const auto& p : pairs) {
    const int o = compare_losses(p.a, p.b, tie_tolerance);
    (o < 0 ? won : o > 0 ? lost : tied)++;
    text += (text.empty() ? "" : "; ") + p.name + ": " + number(p.a.mean) + " " + pair_word(o) + " " + number(p.b.mean);
    c.figures[p.name + " a"] = figure(p.a);
    c.figures[p.name + " b"] = figure(p.b);
  }
  const int n = static_cast<int>(pairs.size());
  c.figures["pairs"] = n;
  c.figures["won"] = won;
  c.figures["lost"] = lost;
  c.figures["tied"] = tied;
  if (n == 0) {
    c.summary = "no pair was measured";
    return c;
  }
  if (2 * won > n) c.verdict = "holds";
  else if (2 * (won + tied) <= n) c.verdict = "refuted";
  c.summary = std::to_string(won) + " of " + std::to_string(n) + " won (" + std::to_string(tied) + " tied): " + text;
  return c;
}

QualitativeCheck check_step_tuned_beats_sgd_on_most(const std::vector<ProblemLosses>& problems,
                                                    const std::string& step_tuned, const std::string& sgd,
                                                    double tie_tolerance) {
  std::vector<PairOutcome> pairs;
  std::string missing;
  for (const auto& p : problems) {
    const LabeledLoss* a = p.find(step_tuned);
    const LabeledLoss* b = p.find(sgd);
    if (a && b) pairs.push_back({"(" + p.problem + ")", a->loss, b->loss});
    else missing += " (" + p.problem + ")";
  }
  auto c = check_majority_beats("step-tuned-beats-sgd", "Step-Tuned SGD trains better than SGD on most problems",
                                "Step-Tuned SGD ... at least outperforms SGD in five of the six problems considered",
                                pairs, tie_tolerance);
  c.source = castera_checks_detail::source("4.5.2", "L2412");
  if (!missing.empty()) c.summary += " [not measured on" + missing + "]";
  return c;
}

QualitativeCheck check_adaptive_beat_scalar_on_autoencoder(const ProblemLosses& d, const std::string& adam,
                                                           const std::string& rmsprop, const std::string& sgd,
                                                           const std::string& step_tuned, double tie_tolerance) {
  std::vector<LabeledLoss> winners, losers;
  for (const auto& l : {adam, rmsprop})
    if (const auto* m = d.find(l)) winners.push_back(*m);
  for (const auto& l : {sgd, step_tuned})
    if (const auto* m = d.find(l)) losers.push_back(*m);
  const bool complete = winners.size() == 2 && losers.size() == 2;
  auto c = check_all_beat("autoencoder-adaptive-beat-scalar",
                          "Auto-encoder (d): Adam and RMSprop train better than SGD and Step-Tuned SGD",
                          "in Problem (d), ADAM and RMSprop are notably better than SGD and Step-Tuned SGD",
                          complete ? winners : std::vector<LabeledLoss>{}, losers, tie_tolerance);
  c.source = castera_checks_detail::source("4.5.2", "L2448");
  if (!complete) c.summary = "not all of " + adam + ", " + rmsprop + ", " + sgd + ", " + step_tuned +
                             " were measured on problem (" + d.problem + ")";
  return c;
}

QualitativeCheck check_batch_reuse_usually_hurts(const std::vector<PairOutcome>& without_vs_with_reuse,
                                                 double tie_tolerance) {
  auto c = check_majority_beats("batch-reuse-usually-hurts", "Using each mini-batch twice usually hurts the baselines",
                                "using each mini-batch twice usually reduces the performance of SGD, INNA, ADAM and "
                                "RMSprop except on Problem (c) where it benefits the latter two in terms of training error",
                                without_vs_with_reuse, tie_tolerance);
  c.source = castera_checks_detail::source("4.5.2", "L2459");
  return c;
}

QualitativeCheck check_batch_norm_helps_step_tuned(const LabeledLoss& with_bn, const LabeledLoss& without_bn,
                                                   double tie_tolerance) {
  auto c = check_all_beat("batch-norm-helps-step-tuned",
                          "Batch norm helps Step-Tuned SGD: LeNet with BN (f) trains better than without (e)",
                          "our method achieves its best results on networks where batch normalization ... is used. "
                          "Figure 4.6 corroborates these observations: BatchNorm has a positive effect on Step-Tuned SGD",
                          {with_bn}, {without_bn}, tie_tolerance);
  c.source = castera_checks_detail::source("4.5.2", "L2461");
  return c;
}

QualitativeCheck check_inna_among_top(const std::vector<ProblemLosses>& problems, const std::string& inna,
                                      int max_rank, const std::vector<std::string>& excluded,
                                      double tie_tolerance) {
  using namespace castera_checks_detail;
  std::ostringstream chk;
  chk << "on each problem run (except";
  for (const auto& e : excluded) chk << " (" << e << ")";
  chk << "), INNA's rank among the methods by training loss at the common gradient budget (mean over seeds; 1 = "
         "lowest; a method counts as better only when it beats INNA by more than "
      << tie_tolerance << " relative with separated seed ranges) must be <= " << max_rank
      << ": holds when it is on every such problem, refuted when it is not on one";
  QualitativeCheck c = base("inna-among-top-three", "INNA (0.5, 0.1) is among the three best methods in training",
                            source("4.5.2", "L2463-L2466"),
                            "INNA performs quite well: it is always among the three best algorithms in terms of "
                            "training performances except for Problem (e)",
                            chk.str());
  int checked = 0, failed = 0;
  std::string text;
  for (const auto& p : problems) {
    const LabeledLoss* me = p.find(inna);
    if (!me) continue;
    int rank = 1;
    for (const auto& m : p.methods)
      if (&m != me && compare_losses(m.loss, me->loss, tie_tolerance) < 0) ++rank;
    c.figures["rank (" + p.problem + ")"] = rank;
    const bool skip = std::find(excluded.begin(), excluded.end(), p.problem) != excluded.end();
    text += (text.empty() ? "" : "; ") + std::string("(") + p.problem + ") rank " + std::to_string(rank) + " of " +
            std::to_string(p.methods.size()) + (skip ? " [excluded]" : "");
    if (skip) continue;
    ++checked;
    if (rank > max_rank) ++failed;
  }
  if (checked == 0) {
    c.summary = "no problem (other than the excluded ones) with INNA was measured" + (text.empty() ? "" : ": " + text);
    return c;
  }
  c.verdict = failed > 0 ? "refuted" : "holds";
  c.summary = text;
  return c;
}

}  // namespace ov::gpu::bench
