// Definitions of NetworkObjective<S> (network_objective.hpp); included only by the
// network_objective_<scalar>.cpp files that instantiate it.
#pragma once

#include <ceres/jet.h>

#include "nets/core/exact_parameter.hpp"
#include "nets/core/network_objective.hpp"

namespace ov::nets {

template <class S>
NetworkObjective<S>::NetworkObjective(Architecture architecture, const Dataset& data)
    : arch_(std::move(architecture)) {
  arch_.validate();
  if (data.size() == 0) throw std::invalid_argument("data set '" + data.name + "' has no samples");
  check_batch_shape(arch_, data.input_dim(), data.output_dim(), data.size(), data.size());
  inputs_.resize(data.input_dim(), data.size());
  targets_.resize(data.output_dim(), data.size());
  for (Eigen::Index s = 0; s < data.size(); ++s) {
    for (Eigen::Index k = 0; k < data.input_dim(); ++k) inputs_(k, s) = data_as<S>(data.inputs(s, k));
    for (Eigen::Index k = 0; k < data.output_dim(); ++k) targets_(k, s) = data_as<S>(data.targets(s, k));
  }
}

template <class S>
NetworkObjective<S>::NetworkObjective(Architecture architecture, Mat<S> inputs, Mat<S> targets)
    : arch_(std::move(architecture)), inputs_(std::move(inputs)), targets_(std::move(targets)) {
  arch_.validate();
  if (inputs_.cols() == 0) throw std::invalid_argument("NetworkObjective: no samples (inputs have 0 columns)");
  check_batch_shape(arch_, inputs_.rows(), targets_.rows(), inputs_.cols(), targets_.cols());
}

template <class S>
void NetworkObjective<S>::record(const std::optional<NonFinite>& nf) const {
  if (!nf) return;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    last_ = nf;
  }
  if (throw_) throw non_finite_error(*nf);
}

template <class S>
std::optional<NonFinite> NetworkObjective<S>::last_non_finite() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return last_;
}

namespace detail {
template <class T, class S>
Mat<T> gather(const Mat<S>& m, const optim::Batch& batch) {
  Mat<T> r(m.rows(), static_cast<Eigen::Index>(batch.size()));
  for (std::size_t c = 0; c < batch.size(); ++c) {
    if (batch[c] >= static_cast<std::size_t>(m.cols()))
      throw std::out_of_range("sample index " + std::to_string(batch[c]) + " out of range [0, " +
                              std::to_string(m.cols()) + ")");
    for (Eigen::Index k = 0; k < m.rows(); ++k) r(k, static_cast<Eigen::Index>(c)) = lift<T>(m(k, static_cast<Eigen::Index>(batch[c])));
  }
  return r;
}
}  // namespace detail

template <class S>
S NetworkObjective<S>::evaluate(const optim::Vector<S>& theta, const optim::Batch* batch, optim::Vector<S>* g) const {
  std::optional<NonFinite> nf;
  S v;
  if (batch) {
    if (batch->empty()) throw std::invalid_argument("empty mini-batch");
    v = batch_loss_and_gradient<S>(arch_, theta, detail::gather<S>(inputs_, *batch),
                                   detail::gather<S>(targets_, *batch), g, &nf, batch);
  } else {
    v = batch_loss_and_gradient<S>(arch_, theta, inputs_, targets_, g, &nf, nullptr);
  }
  record(nf);
  return v;
}

template <class S>
optim::Vector<S> NetworkObjective<S>::hvp(const optim::Vector<S>& theta, const optim::Batch* batch,
                                          const optim::Vector<S>& v) const {
  using J = ceres::Jet<S, 1>;
  if (v.size() != theta.size())
    throw std::invalid_argument("Hessian-vector product: direction has " + std::to_string(v.size()) +
                                " entries, parameters " + std::to_string(theta.size()));
  Vec<J> tj(theta.size());
  for (Eigen::Index i = 0; i < theta.size(); ++i) {
    tj[i] = J(theta[i]);
    tj[i].v[0] = v[i];
  }
  Vec<J> gj;
  if (batch) {
    if (batch->empty()) throw std::invalid_argument("empty mini-batch");
    batch_loss_and_gradient<J>(arch_, tj, detail::gather<J>(inputs_, *batch), detail::gather<J>(targets_, *batch),
                               &gj);
  } else {
    optim::Batch all(num_samples());
    for (std::size_t i = 0; i < all.size(); ++i) all[i] = i;
    batch_loss_and_gradient<J>(arch_, tj, detail::gather<J>(inputs_, all), detail::gather<J>(targets_, all), &gj);
  }
  optim::Vector<S> hv(theta.size());
  for (Eigen::Index i = 0; i < theta.size(); ++i) hv[i] = gj[i].v[0];
  return hv;
}

template <class S>
S NetworkObjective<S>::batch_value(const optim::Vector<S>& theta, const optim::Batch& batch) const {
  return evaluate(theta, &batch, nullptr);
}
template <class S>
optim::Vector<S> NetworkObjective<S>::batch_gradient(const optim::Vector<S>& theta, const optim::Batch& batch) const {
  optim::Vector<S> g;
  evaluate(theta, &batch, &g);
  return g;
}
template <class S>
S NetworkObjective<S>::batch_value_and_gradient(const optim::Vector<S>& theta, const optim::Batch& batch,
                                                optim::Vector<S>& g) const {
  return evaluate(theta, &batch, &g);
}
template <class S>
optim::Vector<S> NetworkObjective<S>::batch_hessian_vector(const optim::Vector<S>& theta, const optim::Batch& batch,
                                                           const optim::Vector<S>& v) const {
  return hvp(theta, &batch, v);
}
template <class S>
S NetworkObjective<S>::value(const optim::Vector<S>& theta) const {
  return evaluate(theta, nullptr, nullptr);
}
template <class S>
optim::Vector<S> NetworkObjective<S>::gradient(const optim::Vector<S>& theta) const {
  optim::Vector<S> g;
  evaluate(theta, nullptr, &g);
  return g;
}
template <class S>
S NetworkObjective<S>::value_and_gradient(const optim::Vector<S>& theta, optim::Vector<S>& g) const {
  return evaluate(theta, nullptr, &g);
}
template <class S>
void NetworkObjective<S>::gradient_into(const optim::Vector<S>& theta, optim::Vector<S>& g) const {
  evaluate(theta, nullptr, &g);
}
template <class S>
optim::Vector<S> NetworkObjective<S>::hessian_vector(const optim::Vector<S>& theta, const optim::Vector<S>& v) const {
  return hvp(theta, nullptr, v);
}
template <class S>
Mat<S> NetworkObjective<S>::hessian(const optim::Vector<S>& theta) const {
  const Eigen::Index d = theta.size();
  Mat<S> h(d, d);
  optim::Vector<S> e = optim::Vector<S>::Zero(d);
  for (Eigen::Index j = 0; j < d; ++j) {
    e[j] = integer<S>(1);
    h.col(j) = hvp(theta, nullptr, e);
    e[j] = integer<S>(0);
  }
  const S half = S(integer<S>(1) / integer<S>(2));
  Mat<S> sym(d, d);
  for (Eigen::Index i = 0; i < d; ++i)
    for (Eigen::Index j = 0; j < d; ++j) sym(i, j) = (h(i, j) + h(j, i)) * half;
  return sym;
}
template <class S>
optim::Vector<S> NetworkObjective<S>::sample_gradient(const optim::Vector<S>& theta, std::size_t i) const {
  return batch_gradient(theta, optim::Batch{i});
}

}  // namespace ov::nets
