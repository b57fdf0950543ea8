#include "proofs-checks/claim_runner.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>

namespace ov::claims {

RunOutcome run_claims(const std::vector<const Claim*>& claims, const RunContext& ctx, const RunnerOptions& opt) {
  if (opt.jobs < 1) throw std::invalid_argument("--jobs = " + std::to_string(opt.jobs) + " must be >= 1");
  RunOutcome out;
  out.results.resize(claims.size());
  out.reused.assign(claims.size(), false);
  std::vector<bool> pending(claims.size(), true);
  std::mutex done_mutex;
  // Reused results first (cheap, sequential, in order).
  for (std::size_t k = 0; k < claims.size(); ++k) {
    if (!opt.reuse) break;
    if (auto r = opt.reuse(*claims[k])) {
      out.results[k] = std::move(*r);
      out.reused[k] = true;
      pending[k] = false;
      if (opt.on_done) opt.on_done(out.results[k], true);
    }
  }
  std::atomic<std::size_t> next{0};
  std::exception_ptr failure;  // the first exception of on_done (e.g. a file that cannot be written)
  const auto worker = [&] {
    for (;;) {
      const std::size_t k = next.fetch_add(1);
      if (k >= claims.size()) return;
      if (!pending[k]) continue;
      ClaimResult r = run_claim(*claims[k], ctx);
      std::lock_guard<std::mutex> lock(done_mutex);
      out.results[k] = std::move(r);
      if (failure) return;
      try {
        if (opt.on_done) opt.on_done(out.results[k], false);
      } catch (...) {
        failure = std::current_exception();
        return;
      }
    }
  };
  const int threads = std::min<int>(opt.jobs, static_cast<int>(claims.size()));
  if (threads <= 1) {
    worker();
  } else {
    std::vector<std::thread> pool;
    for (int t = 0; t < threads; ++t) pool.emplace_back(worker);
    for (auto& th : pool) th.join();
  }
  if (failure) std::rethrow_exception(failure);
  return out;
}

}  // namespace ov::claims
