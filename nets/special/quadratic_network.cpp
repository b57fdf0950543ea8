// The quadratic-activation network of 004 Proposition 4 (quadratic_network.hpp).
#include "nets/special/quadratic_network.hpp"

#include <cmath>
#include <stdexcept>
#include <string>

#include "nets/core/exact_parameter.hpp"
#include "nets/core/network_objective.hpp"

namespace ov::nets::special {

namespace {
void require(bool ok, const std::string& message) {
  if (!ok) throw std::invalid_argument(message);
}
}  // namespace

Architecture quadratic_network(int d, int k) {
  require(d >= 1, "quadratic_network: d (inputs) = " + std::to_string(d) + " must be >= 1");
  require(k >= 1, "quadratic_network: k (hidden width) = " + std::to_string(k) + " must be >= 1");
  Activation q, id;
  q.kind = ActivationKind::quadratic;
  id.kind = ActivationKind::identity;
  Loss loss;
  loss.kind = LossKind::half_square;
  return Architecture::fully_connected(d, {k}, q, 1, id, loss, /*biases=*/false);
}

int soltanolkotabi_min_width(int d) {
  require(d >= 1, "soltanolkotabi_min_width: d (inputs) = " + std::to_string(d) + " must be >= 1");
  return 2 * d;
}

bool soltanolkotabi_sign_condition(const Vec<double>& v, int d) {
  require(d >= 1, "soltanolkotabi_sign_condition: d (inputs) = " + std::to_string(d) + " must be >= 1");
  int pos = 0, neg = 0;
  for (Eigen::Index j = 0; j < v.size(); ++j) {
    require(std::isfinite(v[j]), "soltanolkotabi_sign_condition: v[" + std::to_string(j) + "] is not finite");
    pos += v[j] > 0;
    neg += v[j] < 0;
  }
  return pos >= d && neg >= d;
}

long quadratic_interpolation_threshold(int d) {
  require(d >= 1, "quadratic_interpolation_threshold: d (inputs) = " + std::to_string(d) + " must be >= 1");
  return static_cast<long>(d) * (d + 1) / 2;
}

template <class S>
Mat<S> quadratic_form(const Mat<S>& W, const Vec<S>& v) {
  require(W.rows() == v.size(), "quadratic_form: W has " + std::to_string(W.rows()) + " rows but v has " +
                                    std::to_string(v.size()) + " entries");
  return W.transpose() * v.asDiagonal() * W;
}

template <class S>
QuadraticNetworkObjective<S>::QuadraticNetworkObjective(const Dataset& data, const Vec<double>& v) {
  require(v.size() >= 1, "QuadraticNetworkObjective: v (the fixed output weights) is empty; k >= 1");
  require(data.input_dim() >= 1, "QuadraticNetworkObjective: the inputs have no feature (d = 0)");
  require(data.output_dim() == 1, "QuadraticNetworkObjective: the network has one output, but the targets have " +
                                      std::to_string(data.output_dim()) + " columns");
  for (Eigen::Index j = 0; j < v.size(); ++j)
    require(std::isfinite(v[j]), "QuadraticNetworkObjective: v[" + std::to_string(j) + "] is not finite");
  d_ = static_cast<int>(data.input_dim());
  k_ = static_cast<int>(v.size());
  arch_ = quadratic_network(d_, k_);
  v_.resize(k_);
  for (int j = 0; j < k_; ++j) v_[j] = data_as<S>(v[j]);
  net_ = std::make_unique<NetworkObjective<S>>(arch_, data);
}

template <class S>
QuadraticNetworkObjective<S>::~QuadraticNetworkObjective() = default;

template <class S>
std::size_t QuadraticNetworkObjective<S>::num_samples() const {
  return net_->num_samples();
}

template <class S>
void QuadraticNetworkObjective<S>::check(const optim::Vector<S>& W) const {
  if (W.size() != dim())
    throw std::invalid_argument("QuadraticNetworkObjective: W has " + std::to_string(W.size()) +
                                " entries, L(W) needs k d = " + std::to_string(dim()));
}

template <class S>
optim::Vector<S> QuadraticNetworkObjective<S>::full_parameters(const optim::Vector<S>& W) const {
  check(W);
  optim::Vector<S> theta(dim() + k_);
  theta.head(dim()) = W;
  theta.tail(k_) = v_;
  return theta;
}

template <class S>
S QuadraticNetworkObjective<S>::batch_value(const optim::Vector<S>& W, const optim::Batch& batch) const {
  return net_->batch_value(full_parameters(W), batch);
}

template <class S>
optim::Vector<S> QuadraticNetworkObjective<S>::batch_gradient(const optim::Vector<S>& W,
                                                              const optim::Batch& batch) const {
  return net_->batch_gradient(full_parameters(W), batch).head(dim());
}

template <class S>
S QuadraticNetworkObjective<S>::batch_value_and_gradient(const optim::Vector<S>& W, const optim::Batch& batch,
                                                         optim::Vector<S>& g) const {
  optim::Vector<S> full;
  const S value = net_->batch_value_and_gradient(full_parameters(W), batch, full);
  g = full.head(dim());
  return value;
}

template <class S>
optim::Vector<S> QuadraticNetworkObjective<S>::batch_hessian_vector(const optim::Vector<S>& W,
                                                                    const optim::Batch& batch,
                                                                    const optim::Vector<S>& u) const {
  check(u);
  optim::Vector<S> full = optim::Vector<S>::Zero(dim() + k_);
  full.head(dim()) = u;  // v does not move: the W block of the full Hessian
  return net_->batch_hessian_vector(full_parameters(W), batch, full).head(dim());
}

template <class S>
Mat<S> QuadraticNetworkObjective<S>::hessian(const optim::Vector<S>& W) const {
  return net_->hessian(full_parameters(W)).topLeftCorner(dim(), dim());
}

template Mat<double> quadratic_form<double>(const Mat<double>&, const Vec<double>&);
template Mat<mp100> quadratic_form<mp100>(const Mat<mp100>&, const Vec<mp100>&);
template Mat<rational> quadratic_form<rational>(const Mat<rational>&, const Vec<rational>&);
template class QuadraticNetworkObjective<double>;
template class QuadraticNetworkObjective<mp100>;
template class QuadraticNetworkObjective<rational>;

}  // namespace ov::nets::special
