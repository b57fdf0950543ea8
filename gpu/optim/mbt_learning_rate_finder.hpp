// The MBT learning-rate finder (000_47ba9189a2c8a171.txt §4.1.1-4.1.2, L550-580;
// anchors-optimizers.md §2.1) on LibTorch parameters: the core's
// optim::MinibatchLrFinder<double> (optim/components/minibatch_lr_finder.hpp), run
// unchanged on a finite sum whose mini-batch means come from a batch closure.
//
// Why not a ClosureRuleOptimizer: the finder draws its OWN K mini-batches (20 in the paper)
// and evaluates each several times (two-way backtracking per batch), so one LossClosure on
// one batch cannot feed it. Here the caller gives a closure that evaluates ANY batch:
//
//   batch_closure(indices) -> loss: zero the gradients, run forward and backward on the
//   samples `indices` (0-based rows of the caller's data set of num_samples samples,
//   repeats allowed) and return the MEAN loss over them (optim/core/objective.hpp's
//   convention: a batch of all samples is f itself).
//
// The batches come from an own seeded optim::BatchSampler (reshuffled each epoch, batch
// size k of N samples), exactly as in the core's mbt_* rules; the sampler continues across
// find() calls (the rules rerun the finder every epoch on fresh batches). The result's lr
// is rescale(k/N) * mean of the per-batch rates (sqrt(k/N) by default, 000 L550-560).
// The parameters are restored bit for bit afterwards (the finder's x is a copy; its
// optional discarded SGD steps, FinderAdvance::sgd_step, never reach the caller). With a
// module given, it is in eval() during every evaluation (000 Remark 4.1, L582: dropout
// off, batch-norm statistics untouched) and each submodule's mode is restored after.
//
// What to do with the rate (the MBT schedule): train with sgd / momentum / nesterov at lr
// (e.g. torch::optim::SGD or the elementwise optimizers of gpu/optim), rerun find() at the
// start of each epoch for MBT-MMT/NAG, and switch alpha to 1/2 once the training loss
// stalls (the core rule's `patience`, 000 L572-574) - the loop is the caller's.
#pragma once

#include <ATen/core/Tensor.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "optim/components/minibatch_lr_finder.hpp"
#include "optim/core/batch_sampler.hpp"

namespace torch::nn {
class Module;
}

namespace ov::gpu {

struct MbtFinderOptions {
  optim::MinibatchLrFinderParameters<double> finder;  // alpha 1e-4, beta 1/2, K = 20, start 1/100, ...
  std::uint64_t seed = 0;                              // seed of the finder's own batch sampler
  std::shared_ptr<torch::nn::Module> module;           // 000 Remark 4.1: eval() during the finder
  bool evaluation_mode = true;                         // false: keep the module's mode
};

class MbtLearningRateFinder {
 public:
  using BatchClosure = std::function<at::Tensor(const std::vector<std::int64_t>& indices)>;

  // params: one dtype and device (gpu/optim/parameter_checks.hpp); batch_size in [1, num_samples].
  MbtLearningRateFinder(std::vector<at::Tensor> params, std::size_t num_samples, std::size_t batch_size,
                        MbtFinderOptions options = {});

  // One finder run (K batches). `alpha` is the Armijo constant (the paper's 1e-4; 1/2 once
  // stuck); by default options.finder.alpha.
  optim::LrFinderResult<double> find(const BatchClosure& batch_closure);
  optim::LrFinderResult<double> find(const BatchClosure& batch_closure, double alpha);

  // Closure calls of the last find().
  std::int64_t last_closure_calls() const { return last_calls_; }

 private:
  std::vector<at::Tensor> params_;
  MbtFinderOptions options_;
  optim::MinibatchLrFinder<double> finder_;
  optim::BatchSampler sampler_;
  std::int64_t last_calls_ = 0;
};

}  // namespace ov::gpu
