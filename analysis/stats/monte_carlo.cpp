#include "analysis/stats/monte_carlo.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <exception>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <thread>

#include "analysis/stats/checkpoint.hpp"
#include "analysis/stats/run_seed.hpp"

namespace ov::stats {

MonteCarloRun run_monte_carlo(const MonteCarloPlan& plan, const RunFunction& run, std::ostream* warnings) {
  if (plan.runs < 1) throw std::invalid_argument("--runs = 0 is outside its valid range [1, inf)");
  if (plan.jobs < 1) throw std::invalid_argument("--jobs = 0 is outside its valid range [1, inf)");
  const auto t0 = std::chrono::steady_clock::now();
  MonteCarloRun out;
  std::vector<RunRecord> done;
  std::unique_ptr<CheckpointWriter> writer;
  if (!plan.checkpoint.empty()) {
    done = read_checkpoint(plan.checkpoint, plan.experiment, plan.runs, plan.master_seed, plan.outcome_labels,
                           warnings)
               .records;
    writer = std::make_unique<CheckpointWriter>(plan.checkpoint, plan.experiment, done);
  }
  out.resumed = done.size();

  std::vector<RunRecord> slots(plan.runs);
  std::vector<char> have(plan.runs, 0);
  for (auto& r : done) {
    have[r.index] = 1;
    slots[r.index] = std::move(r);
  }
  std::vector<std::uint64_t> pending;
  for (std::uint64_t i = 0; i < plan.runs; ++i)
    if (!have[i]) pending.push_back(i);

  std::atomic<std::size_t> next{0};
  std::atomic<bool> failed{false};
  std::exception_ptr error;
  std::mutex error_mutex;
  auto worker = [&] {
    while (!failed.load()) {
      const std::size_t k = next.fetch_add(1);
      if (k >= pending.size()) return;
      const std::uint64_t i = pending[k];
      try {
        RunRecord r = run(i, run_seed(plan.master_seed, i));
        r.index = i;
        r.seed = run_seed(plan.master_seed, i);
        if (std::find(plan.outcome_labels.begin(), plan.outcome_labels.end(), r.outcome) ==
            plan.outcome_labels.end()) {
          throw std::logic_error("run " + std::to_string(i) + " has the unknown outcome \"" + r.outcome + "\"");
        }
        if (writer) writer->append(r);
        slots[i] = std::move(r);
      } catch (...) {
        std::lock_guard<std::mutex> lock(error_mutex);
        if (!error) error = std::current_exception();
        failed.store(true);
        return;
      }
    }
  };
  const unsigned workers = static_cast<unsigned>(std::min<std::size_t>(plan.jobs, std::max<std::size_t>(pending.size(), 1)));
  if (workers <= 1) {
    worker();
  } else {
    std::vector<std::thread> threads;
    for (unsigned t = 0; t < workers; ++t) threads.emplace_back(worker);
    for (auto& t : threads) t.join();
  }
  if (error) std::rethrow_exception(error);
  out.records = std::move(slots);
  out.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return out;
}

std::vector<OutcomeCount> count_outcomes(const std::vector<RunRecord>& records,
                                         const std::vector<std::string>& labels, double confidence) {
  if (records.empty()) throw std::invalid_argument("count_outcomes: no runs (n = 0); needs n >= 1");
  std::vector<OutcomeCount> out;
  for (const auto& l : labels) out.push_back({l, 0, 0, {}, {}});
  for (const auto& r : records) {
    auto it = std::find(labels.begin(), labels.end(), r.outcome);
    if (it == labels.end()) throw std::invalid_argument("count_outcomes: unknown outcome \"" + r.outcome + "\"");
    ++out[static_cast<std::size_t>(it - labels.begin())].count;
  }
  const std::uint64_t n = records.size();
  for (auto& o : out) {
    o.proportion = static_cast<double>(o.count) / static_cast<double>(n);
    o.wilson = wilson_interval(o.count, n, confidence);
    o.clopper_pearson = clopper_pearson_interval(o.count, n, confidence);
  }
  return out;
}

EscapeSummary summarize_escape(const std::vector<RunRecord>& records) {
  EscapeSummary s;
  long double sum = 0;
  for (const auto& r : records) {
    if (r.escape_iteration < 0) continue;
    ++s.escaped;
    sum += r.escape_iteration;
    if (s.min_iterations < 0 || r.escape_iteration < s.min_iterations) s.min_iterations = r.escape_iteration;
    if (r.escape_iteration > s.max_iterations) s.max_iterations = r.escape_iteration;
  }
  if (s.escaped > 0) s.mean_iterations = static_cast<double>(sum / s.escaped);
  return s;
}

}  // namespace ov::stats
