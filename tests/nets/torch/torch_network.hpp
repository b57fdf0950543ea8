// The same fully connected network in LibTorch (CPU, float64, autograd), built from an
// ov::nets::Architecture and its parameter vector theta: the reference that
// tests/nets/torch/crosscheck_test.cpp and bench/nets_bench.cpp compare ours with.
// Only these two translation units include it (LibTorch headers cost ~30-60 s per TU).
//
// Layer l is torch::nn::Linear's map z = x W^T + b (torch::addmm), with W the d_l x d_{l-1}
// matrix of ours (both row-major: [W]_{ij} is the edge from neuron j of layer l-1 to neuron i
// of layer l, 003 §2.2, 003_61d556b637c4f269.txt L199), copied exactly (double to double) from
// theta at Architecture::weight_offset / bias_offset, so either parameter order works;
// a sample is a ROW here (B x d_0) and a column in ours (d_0 x B).
//
// Activations (torch 1.13 functional forms):
//   identity -> z; logistic -> sigmoid; tanh; relu; leaky_relu(z, a) with a = our slope rounded
//   to double (the same double ours uses); elu(z, alpha = c); silu; softplus(z, beta = 1,
//   threshold = kSoftplusThreshold); quadratic -> pow(z, 2).
//   torch's softplus returns z itself above its threshold (default 20): a relative error
//   e^-z / z, 3.6e-11 at z = 21, above the 1e-12 of the cross-check; with threshold 40 the
//   error e^-40/40 < 1e-19 is below double's rounding (the test shows both).
//   At a kink (pre-activation exactly 0) torch's backward gives the LEFT derivative (relu: 0,
//   leaky_relu: a, elu: alpha), ours the right one by default (003 §3.2, L374): an
//   Architecture with Kink::left matches torch there.
// Losses, as means over the batch of ours (nets/core/loss.hpp):
//   square       mse_loss(yhat, y, sum) / B
//   half_square  mse_loss(yhat, y, sum) / (2B)
//   mean_square  mse_loss(yhat, y, mean)            (mean over B x m entries = ours' 1/m, then 1/B)
//   log_loss     binary_cross_entropy_with_logits(z, y, sum) / B  (the output's logistic is
//                folded into the loss: the layer's sigmoid is NOT applied to z)
//   softmax_cross_entropy  cross_entropy(z, y, sum) / B with probability targets (torch >= 1.10):
//                -sum_k y_k log softmax_k(z) = (sum_k y_k) logsumexp(z) - y.z, ours.
#pragma once

#include <torch/torch.h>

#include <stdexcept>
#include <string>
#include <vector>

#include "nets/core/architecture.hpp"
#include "nets/core/exact_parameter.hpp"

namespace ov::nets::libtorch {

inline constexpr double kSoftplusThreshold = 40.0;

// A B x d matrix of doubles (rows = samples) as a float64 tensor (copied).
inline torch::Tensor rows_to_tensor(const Eigen::MatrixXd& rows) {
  torch::Tensor t = torch::empty({rows.rows(), rows.cols()}, torch::kFloat64);
  auto acc = t.accessor<double, 2>();
  for (Eigen::Index i = 0; i < rows.rows(); ++i)
    for (Eigen::Index j = 0; j < rows.cols(); ++j) acc[i][j] = rows(i, j);
  return t;
}

// sigma(z) with torch's functional ops. softplus_threshold: see the header comment.
inline torch::Tensor activate(const Activation& act, const torch::Tensor& z,
                              double softplus_threshold = kSoftplusThreshold) {
  switch (act.kind) {
    case ActivationKind::identity:
      return z;
    case ActivationKind::logistic:
      return torch::sigmoid(z);
    case ActivationKind::tanh:
      return torch::tanh(z);
    case ActivationKind::relu:
      return torch::relu(z);
    case ActivationKind::leaky_relu:
      return torch::leaky_relu(z, rational_to<double>(act.slope));
    case ActivationKind::elu:
      return torch::elu(z, rational_to<double>(act.elu_scale));
    case ActivationKind::silu:
      return torch::silu(z);
    case ActivationKind::softplus:
      return torch::softplus(z, 1.0, softplus_threshold);
    case ActivationKind::quadratic:
      return torch::pow(z, 2);
  }
  throw std::logic_error("libtorch::activate: unknown activation kind");
}

class TorchNetwork {
 public:
  // Parameters copied from theta (exact), as leaf tensors that require gradients.
  TorchNetwork(Architecture a, const Vec<double>& theta) : a_(std::move(a)) {
    a_.validate();
    if (theta.size() != a_.num_parameters())
      throw std::invalid_argument("TorchNetwork: theta has " + std::to_string(theta.size()) +
                                  " entries, the architecture " + std::to_string(a_.num_parameters()));
    for (int l = 1; l <= a_.depth(); ++l) {
      torch::Tensor w = torch::empty({a_.width(l), a_.width(l - 1)}, torch::kFloat64);
      std::copy(theta.data() + a_.weight_offset(l),
                theta.data() + a_.weight_offset(l) + static_cast<long>(a_.width(l)) * a_.width(l - 1),
                w.data_ptr<double>());
      w_.push_back(w.set_requires_grad(true));
      if (a_.biases) {
        torch::Tensor b = torch::empty({a_.width(l)}, torch::kFloat64);
        std::copy(theta.data() + a_.bias_offset(l), theta.data() + a_.bias_offset(l) + a_.width(l),
                  b.data_ptr<double>());
        b_.push_back(b.set_requires_grad(true));
      }
    }
    activations_.reserve(static_cast<std::size_t>(a_.depth()));
    for (int l = 1; l <= a_.depth(); ++l) activations_.push_back(a_.activation(l));
  }

  // The activation torch applies in layer l (a mutant may differ from the architecture's).
  void set_activation(int l, const Activation& act) { activations_.at(static_cast<std::size_t>(l - 1)) = act; }
  void set_softplus_threshold(double t) { softplus_threshold_ = t; }

  // Mean loss over the batch (x: B x d_0, y: B x d_L), as a 0-dim tensor with its graph.
  torch::Tensor loss(const torch::Tensor& x, const torch::Tensor& y) const {
    const int L = a_.depth();
    const double B = static_cast<double>(x.size(0));
    torch::Tensor h = x;
    for (int l = 1; l <= L; ++l) {
      const auto li = static_cast<std::size_t>(l - 1);
      torch::Tensor z = a_.biases ? torch::addmm(b_[li], h, w_[li].t()) : torch::mm(h, w_[li].t());
      if (l == L && a_.loss.kind == LossKind::log_loss) {
        h = z;  // the logistic is inside binary_cross_entropy_with_logits
      } else {
        h = activate(activations_[li], z, softplus_threshold_);
      }
    }
    namespace F = torch::nn::functional;
    switch (a_.loss.kind) {
      case LossKind::square:
        return F::mse_loss(h, y, F::MSELossFuncOptions().reduction(torch::kSum)) / B;
      case LossKind::half_square:
        return F::mse_loss(h, y, F::MSELossFuncOptions().reduction(torch::kSum)) / (2 * B);
      case LossKind::mean_square:
        return F::mse_loss(h, y, F::MSELossFuncOptions().reduction(torch::kMean));
      case LossKind::log_loss:
        return F::binary_cross_entropy_with_logits(
                   h, y, F::BinaryCrossEntropyWithLogitsFuncOptions().reduction(torch::kSum)) /
               B;
      case LossKind::softmax_cross_entropy:
        return F::cross_entropy(h, y, F::CrossEntropyFuncOptions().reduction(torch::kSum)) / B;
    }
    throw std::logic_error("TorchNetwork::loss: unknown loss kind");
  }

  // One forward + backward pass (the timed unit of the benchmark): gradients accumulate
  // into fresh .grad tensors (the previous ones are dropped first).
  double forward_backward(const torch::Tensor& x, const torch::Tensor& y) {
    for (auto& p : w_) p.mutable_grad() = torch::Tensor();
    for (auto& p : b_) p.mutable_grad() = torch::Tensor();
    torch::Tensor f = loss(x, y);
    f.backward();
    return f.item<double>();
  }

  // Loss and the gradient laid out as ours' theta (the architecture's parameter order).
  double loss_and_gradient(const torch::Tensor& x, const torch::Tensor& y, Vec<double>& g) {
    const double v = forward_backward(x, y);
    g.resize(a_.num_parameters());
    for (int l = 1; l <= a_.depth(); ++l) {
      const auto li = static_cast<std::size_t>(l - 1);
      const torch::Tensor gw = w_[li].grad().contiguous();
      std::copy(gw.data_ptr<double>(), gw.data_ptr<double>() + gw.numel(), g.data() + a_.weight_offset(l));
      if (a_.biases) {
        const torch::Tensor gb = b_[li].grad().contiguous();
        std::copy(gb.data_ptr<double>(), gb.data_ptr<double>() + gb.numel(), g.data() + a_.bias_offset(l));
      }
    }
    return v;
  }

  const Architecture& architecture() const { return a_; }

  // The leaf tensors (for a torch::optim::Optimizer): w_1, b_1, w_2, b_2, ...
  std::vector<torch::Tensor> parameters() const {
    std::vector<torch::Tensor> ps;
    for (std::size_t l = 0; l < w_.size(); ++l) {
      ps.push_back(w_[l]);
      if (a_.biases) ps.push_back(b_[l]);
    }
    return ps;
  }
  // The current parameters laid out as ours' theta (the architecture's parameter order).
  Vec<double> theta() const {
    Vec<double> t(a_.num_parameters());
    for (int l = 1; l <= a_.depth(); ++l) {
      const auto li = static_cast<std::size_t>(l - 1);
      const torch::Tensor w = w_[li].detach().contiguous();
      std::copy(w.data_ptr<double>(), w.data_ptr<double>() + w.numel(), t.data() + a_.weight_offset(l));
      if (a_.biases) {
        const torch::Tensor b = b_[li].detach().contiguous();
        std::copy(b.data_ptr<double>(), b.data_ptr<double>() + b.numel(), t.data() + a_.bias_offset(l));
      }
    }
    return t;
  }

 private:
  Architecture a_;
  std::vector<torch::Tensor> w_, b_;
  std::vector<Activation> activations_;
  double softplus_threshold_ = kSoftplusThreshold;
};

}  // namespace ov::nets::libtorch
