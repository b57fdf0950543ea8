#include "gpu/optim/mbt_learning_rate_finder.hpp"

#include <ATen/ATen.h>
#include <c10/core/GradMode.h>

#include <optional>
#include <stdexcept>
#include <utility>

#include "gpu/optim/evaluation_mode_guard.hpp"
#include "gpu/optim/parameter_checks.hpp"
#include "gpu/optim/torch_closure_objective.hpp"
#include "optim/core/oracle.hpp"

namespace ov::gpu {

namespace {

constexpr const char* kName = "mbt_learning_rate_finder";

// The caller's data set as a finite sum: the mean loss over `batch` is batch_closure(batch)
// evaluated with the parameters set to x (through a TorchClosureObjective per batch, which
// caches the last point: value and gradient at one point cost one closure call).
class BatchClosureFiniteSum final : public optim::FiniteSumObjective<double> {
 public:
  BatchClosureFiniteSum(const std::vector<at::Tensor>& params, const MbtLearningRateFinder::BatchClosure& closure,
                        std::size_t n)
      : params_(params), closure_(closure), n_(n), dim_(TorchClosureObjective(params, [] { return at::Tensor(); }, kName).dim()) {}

  int dim() const override { return dim_; }
  std::size_t num_samples() const override { return n_; }
  double batch_value(const optim::Vector<double>& x, const optim::Batch& b) const override {
    return on(b).value(x);
  }
  optim::Vector<double> batch_gradient(const optim::Vector<double>& x, const optim::Batch& b) const override {
    return on(b).gradient(x);
  }
  double batch_value_and_gradient(const optim::Vector<double>& x, const optim::Batch& b,
                                  optim::Vector<double>& g) const override {
    return on(b).value_and_gradient(x, g);
  }
  std::int64_t closure_calls() const { return calls_ + (current_ ? current_->closure_calls() : 0); }

 private:
  const TorchClosureObjective& on(const optim::Batch& b) const {
    if (!current_ || b != batch_) {
      if (current_) calls_ += current_->closure_calls();
      batch_ = b;
      indices_.assign(b.begin(), b.end());
      current_.emplace(params_, [this] { return closure_(indices_); }, kName);
    }
    return *current_;
  }

  const std::vector<at::Tensor>& params_;
  const MbtLearningRateFinder::BatchClosure& closure_;
  std::size_t n_;
  int dim_;
  mutable optim::Batch batch_;
  mutable std::vector<std::int64_t> indices_;
  mutable std::optional<TorchClosureObjective> current_;
  mutable std::int64_t calls_ = 0;
};

}  // namespace

MbtLearningRateFinder::MbtLearningRateFinder(std::vector<at::Tensor> params, std::size_t num_samples,
                                             std::size_t batch_size, MbtFinderOptions options)
    : params_(std::move(params)),
      options_(std::move(options)),
      finder_(options_.finder, kName),
      sampler_(num_samples, batch_size, optim::Sampling::reshuffle_each_epoch, options_.seed) {
  if (params_.empty()) throw std::invalid_argument(std::string(kName) + ": no parameters");
  check_parameter_group(params_, 0, kName);
}

optim::LrFinderResult<double> MbtLearningRateFinder::find(const BatchClosure& batch_closure) {
  return find(batch_closure, options_.finder.alpha);
}

optim::LrFinderResult<double> MbtLearningRateFinder::find(const BatchClosure& batch_closure, double alpha) {
  if (!batch_closure) throw std::invalid_argument(std::string(kName) + ": no batch closure");
  optim::require_open_unit(kName, "alpha", alpha);
  check_parameter_group(params_, 0, kName);
  std::vector<at::Tensor> saved;
  {
    c10::NoGradGuard no_grad;
    for (const at::Tensor& p : params_) saved.push_back(p.detach().clone());
  }
  BatchClosureFiniteSum f(params_, batch_closure, sampler_.num_samples());
  const optim::Vector<double> x0 =
      TorchClosureObjective(params_, [] { return at::Tensor(); }, kName).read_parameters();
  optim::BatchSampler sampler = sampler_;  // committed only when the run completes
  optim::LrFinderResult<double> result;
  {
    EvaluationModeGuard mode(options_.module, options_.evaluation_mode);
    optim::Oracle<double> oracle(f, sampler);
    try {
      result = finder_.find(oracle, x0, sampler, alpha);
    } catch (...) {
      c10::NoGradGuard no_grad;
      for (std::size_t i = 0; i < params_.size(); ++i) params_[i].copy_(saved[i]);
      throw;
    }
  }
  {
    c10::NoGradGuard no_grad;
    for (std::size_t i = 0; i < params_.size(); ++i) params_[i].copy_(saved[i]);
  }
  sampler_ = sampler;
  last_calls_ = f.closure_calls();
  return result;
}

}  // namespace ov::gpu
