// The test problems and the driver of the LibTorch conformance suites (docs/conformance-torch.md):
// quadratics written with torch ops on CPU float64 tensors, built from the same seeded Case as
// the generic-rule suites (proofs-checks/conformance/test_problems.hpp), and TorchRun, which
// holds one optimizer of a TorchSubject over one flat parameter vector split into tensors and
// parameter groups (TorchLayout), feeds it gradients and reads the parameters back.
#pragma once

#include <ATen/ATen.h>
#include <torch/optim/optimizer.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "gpu/conformance/torch_subject.hpp"
#include "proofs-checks/conformance/property.hpp"

namespace ov::conformance {

// f(x) = 1/2 (x - x*)^T A (x - x*) on float64 CPU tensors: A and x* are those of
// make_quadratic(c, L) (test_problems.hpp), copied bit for bit.
struct TorchQuadratic {
  at::Tensor A;       // n x n
  at::Tensor x_star;  // n
  double mu = 0, L = 0;
  std::vector<double> eigenvalues;  // ascending: make_quadratic's geometric spectrum from mu to L
  at::Tensor gradient(const at::Tensor& x) const { return at::mv(A, x - x_star); }
  double value(const at::Tensor& x) const;
  double distance(const at::Tensor& x) const;  // ||x - x*||_2
};
TorchQuadratic make_torch_quadratic(const Case& c, double L);
// A seeded start point at distance `radius` from `center` (start_point of test_problems.hpp).
at::Tensor torch_start_point(const Case& c, const at::Tensor& center, double radius, std::uint64_t stream = 0);
// A float64 CPU tensor of the given values.
at::Tensor double_tensor(const std::vector<double>& v);

// How n coordinates are split: groups[g] = the sizes of group g's tensors (all positive,
// summing to n over all groups).
struct TorchLayout {
  std::vector<std::vector<std::int64_t>> groups;
  static TorchLayout one_tensor(std::int64_t n) { return {{{n}}}; }
  std::int64_t size() const;
  std::string describe() const;  // e.g. "[[2,1],[3]]"
};
// A seeded split of n >= 2 coordinates into 2..n tensors, all in one group (groups = false)
// or each tensor in a group of its own (groups = true).
TorchLayout random_layout(std::uint64_t seed, std::int64_t n, bool groups);

// One optimizer of the subject over x0 split by `layout`: parameters are fresh leaf tensors
// (requires_grad) on the subject's device, groups carry no options (the optimizer's defaults).
class TorchRun {
 public:
  TorchRun(const TorchSubject& s, const at::Tensor& x0, TorchLayout layout);
  // The parameters as one flat float64 CPU tensor (a copy).
  at::Tensor flat() const;
  // Sets every parameter's gradient from a flat vector (copied into fresh tensors).
  void set_gradient(const at::Tensor& g);
  // step() after set_gradient(q.gradient(flat())).
  void step_on(const TorchQuadratic& q);
  void step() { opt_->step(); }
  torch::optim::Optimizer& optimizer() { return *opt_; }
  const std::vector<at::Tensor>& params() const { return params_; }
  // Outcomes of the last step when the optimizer is an ov::gpu::OutcomeReporter (else null).
  const std::vector<gpu::StepOutcome>* last_outcomes() const;
  // save() into an in-memory archive, as bytes; load() from such bytes.
  std::string save_bytes() const;
  void load_bytes(const std::string& bytes);

 private:
  TorchLayout layout_;
  std::vector<at::Tensor> params_;
  std::unique_ptr<torch::optim::Optimizer> opt_;
};

// Bitwise equality of two float64 tensors of the same shape (NaN payloads compared as bits).
bool bitwise_equal(const at::Tensor& a, const at::Tensor& b);
// max_i |a_i - b_i| (NaN when a NaN occurs).
double max_abs_difference(const at::Tensor& a, const at::Tensor& b);
// The tensor's values as doubles (for details and figures).
std::vector<double> to_vector(const at::Tensor& t);
std::string format_vector(const at::Tensor& t);

}  // namespace ov::conformance
