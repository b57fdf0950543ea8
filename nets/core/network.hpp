// Forward pass and backpropagation of a fully connected network (architecture.hpp),
// generic over the scalar T (an OptVerify scalar or a ceres::Jet over one).
//
// Backpropagation is 003 Algorithm 1 (003_61d556b637c4f269.txt L563-L580; eqs (4.3)-(4.6))
// and 004 Algorithm 2 (004_3d3d1f2b4537bb54.txt L254-L270; eqs (10)-(17)) generalised to a
// batch (one sample per column) and several outputs:
//   forward:  Z^(l) = W^(l) X^(l-1) + b^(l) 1^T,  X^(l) = sigma^(l)(Z^(l))          (2.4)
//   output:   delta^(L)_{:,s} = dL(y_s, sigma(z))/dz at z = Z^(L)_{:,s}               (4.3)
//   hidden:   delta^(l) = (W^(l+1)^T delta^(l+1)) o sigma'^(l)(Z^(l))                 (4.6)
//   gradient: dW^(l) = delta^(l) X^(l-1)^T,  db^(l) = delta^(l) 1                     (4.4), (4.5)
// with the pre-update weights (004 Alg. 2 leaves this open; correct backpropagation uses
// them: guide §1.5). The mean over the batch is returned (f = (1/n) sum_i L_i, 003 (2.6)).
// nets/core/backprop_reference.hpp keeps the scalar loops of Algorithm 1 literally, as the
// reference the tests compare this with.
//
// Non-finite values: where the batch loss is not finite, the first offending sample (by
// batch position) and the first layer where its activations stop being finite are
// reported in a NonFinite record (value returned as computed, NaN or inf).
#pragma once

#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "analysis/numeric/linear_algebra.hpp"
#include "nets/core/architecture.hpp"
#include "optim/core/scalar_ops.hpp"

namespace ov::nets {

// Where a non-finite value first appeared.
struct NonFinite {
  long sample = -1;  // index into the data set (or the batch position when no index map is given)
  int layer = -1;    // 1..L: first layer with a non-finite pre-activation or activation; L+1: the loss
  std::string what;  // "pre-activation", "activation", "loss"
  std::string message() const;
};

template <class T>
using RowMajorMat = Eigen::Matrix<T, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

// W^(l) as a d_l x d_{l-1} view into theta.
template <class T>
Eigen::Map<const RowMajorMat<T>> weights(const Architecture& a, const Vec<T>& theta, int l) {
  return Eigen::Map<const RowMajorMat<T>>(theta.data() + a.weight_offset(l), a.width(l), a.width(l - 1));
}
template <class T>
Eigen::Map<RowMajorMat<T>> weights(const Architecture& a, Vec<T>& theta, int l) {
  return Eigen::Map<RowMajorMat<T>>(theta.data() + a.weight_offset(l), a.width(l), a.width(l - 1));
}
template <class T>
Eigen::Map<const Vec<T>> bias(const Architecture& a, const Vec<T>& theta, int l) {
  return Eigen::Map<const Vec<T>>(theta.data() + a.bias_offset(l), a.width(l));
}
template <class T>
Eigen::Map<Vec<T>> bias(const Architecture& a, Vec<T>& theta, int l) {
  return Eigen::Map<Vec<T>>(theta.data() + a.bias_offset(l), a.width(l));
}

// Throws std::invalid_argument naming the sizes when theta does not fit the architecture
// or the batch's inputs/targets do not fit layer 0 / layer L.
void check_parameter_size(const Architecture& a, Eigen::Index theta_size);
void check_batch_shape(const Architecture& a, Eigen::Index input_rows, Eigen::Index target_rows,
                       Eigen::Index input_cols, Eigen::Index target_cols);

namespace detail {

// X = sigma(Z) elementwise. For float and double, identity, relu and leaky_relu are whole-matrix
// Eigen expressions (vectorised); everything else goes through PreparedActivation::value.
template <class T>
void apply_activation(const PreparedActivation<T>& act, const Mat<T>& z, Mat<T>& x) {
  if constexpr (std::is_same_v<T, double> || std::is_same_v<T, float>) {
    switch (act.act.kind) {
      case ActivationKind::identity:
        x = z;
        return;
      case ActivationKind::relu:
        x = z.cwiseMax(T(0));
        return;
      case ActivationKind::leaky_relu:
        x = (z.array() >= T(0)).select(z, act.slope * z);
        return;
      default:
        break;
    }
  }
  x.resize(z.rows(), z.cols());
  for (Eigen::Index j = 0; j < z.cols(); ++j)
    for (Eigen::Index i = 0; i < z.rows(); ++i) x(i, j) = act.value(z(i, j));
}

// D = D o sigma'(Z) elementwise, with the same fast cases (the kink's one-sided derivative kept:
// right: z >= 0 counts as the positive branch; left: z > 0).
template <class T>
void multiply_by_derivative(const PreparedActivation<T>& act, const Mat<T>& z, Mat<T>& d) {
  if constexpr (std::is_same_v<T, double> || std::is_same_v<T, float>) {
    const bool right = act.act.kink == Kink::right;
    switch (act.act.kind) {
      case ActivationKind::identity:
        return;
      case ActivationKind::relu:
        if (right) d = (z.array() >= T(0)).select(d, T(0));
        else d = (z.array() > T(0)).select(d, T(0));
        return;
      case ActivationKind::leaky_relu:
        if (right) d = (z.array() >= T(0)).select(d, act.slope * d);
        else d = (z.array() > T(0)).select(d, act.slope * d);
        return;
      default:
        break;
    }
  }
  for (Eigen::Index j = 0; j < d.cols(); ++j)
    for (Eigen::Index i = 0; i < d.rows(); ++i) d(i, j) *= act.derivative(z(i, j));
}

template <class T>
bool all_finite(const Mat<T>& m) {
  for (Eigen::Index j = 0; j < m.cols(); ++j)
    for (Eigen::Index i = 0; i < m.rows(); ++i)
      if (!optim::ops::is_finite(value_of(m(i, j)))) return false;
  return true;
}
template <class T>
bool column_finite(const Mat<T>& m, Eigen::Index c) {
  for (Eigen::Index i = 0; i < m.rows(); ++i)
    if (!optim::ops::is_finite(value_of(m(i, c)))) return false;
  return true;
}
}  // namespace detail

namespace detail {
// The forward pass (2.4) keeping every layer: Z[l] = W^(l) X[l-1] + b^(l), X[l] = sigma(Z[l]),
// X[0] = inputs (Z[0] unused).
template <class T>
void forward_layers(const Architecture& a, const Vec<T>& theta, const Mat<T>& inputs, std::vector<Mat<T>>& Z,
                    std::vector<Mat<T>>& X) {
  const int L = a.depth();
  Z.assign(static_cast<std::size_t>(L + 1), Mat<T>());
  X.assign(static_cast<std::size_t>(L + 1), Mat<T>());
  X[0] = inputs;
  for (int l = 1; l <= L; ++l) {
    const auto li = static_cast<std::size_t>(l);
    Z[li] = weights(a, theta, l) * X[li - 1];
    if (a.biases) Z[li].colwise() += bias(a, theta, l);
    apply_activation(PreparedActivation<T>(a.activation(l)), Z[li], X[li]);
  }
}
}  // namespace detail

// The network's outputs h(x_s, theta) for the columns of `inputs` (d_0 x B): a d_L x B matrix.
template <class T>
Mat<T> forward(const Architecture& a, const Vec<T>& theta, const Mat<T>& inputs) {
  check_parameter_size(a, theta.size());
  check_batch_shape(a, inputs.rows(), a.output_dim(), inputs.cols(), inputs.cols());
  std::vector<Mat<T>> Z, X;
  detail::forward_layers(a, theta, inputs, Z, X);
  return std::move(X.back());
}

// Mean loss over the batch and (when gradient != nullptr) its gradient with respect to
// theta, by backpropagation. inputs: d_0 x B, targets: d_L x B. sample_index (optional)
// maps batch positions to data-set indices for the NonFinite report.
template <class T>
T batch_loss_and_gradient(const Architecture& a, const Vec<T>& theta, const Mat<T>& inputs, const Mat<T>& targets,
                          Vec<T>* gradient, std::optional<NonFinite>* non_finite = nullptr,
                          const std::vector<std::size_t>* sample_index = nullptr) {
  check_parameter_size(a, theta.size());
  check_batch_shape(a, inputs.rows(), targets.rows(), inputs.cols(), targets.cols());
  const int L = a.depth();
  const Eigen::Index B = inputs.cols();
  if (B == 0) throw std::invalid_argument("empty batch");
  // Forward: keep Z^(l) and X^(l) (X^(0) = inputs).
  std::vector<Mat<T>> Z, X;
  detail::forward_layers(a, theta, inputs, Z, X);
  // Losses and delta^(L), sample by sample (fixed order: reproducible sums).
  const Eigen::Index m = a.output_dim();
  Mat<T> delta(m, B);
  T total = integer<T>(0);
  Vec<T> zs(m), ys(m), ds(m);
  std::optional<long> bad_sample;
  for (Eigen::Index s = 0; s < B; ++s) {
    zs = Z[static_cast<std::size_t>(L)].col(s);
    ys = targets.col(s);
    const T ls = loss_and_delta(a.loss, a.activation(L), zs, ys, gradient ? &ds : nullptr);
    if (!bad_sample && !optim::ops::is_finite(value_of(ls))) bad_sample = static_cast<long>(s);
    total += ls;
    if (gradient) delta.col(s) = ds;
  }
  if (bad_sample && non_finite) {
    NonFinite nf;
    const auto s = *bad_sample;
    nf.sample = sample_index ? static_cast<long>((*sample_index)[static_cast<std::size_t>(s)]) : s;
    nf.layer = L + 1;
    nf.what = "loss";
    for (int l = 1; l <= L; ++l) {
      if (!detail::column_finite(Z[static_cast<std::size_t>(l)], s)) {
        nf.layer = l;
        nf.what = "pre-activation";
        break;
      }
      if (!detail::column_finite(X[static_cast<std::size_t>(l)], s)) {
        nf.layer = l;
        nf.what = "activation";
        break;
      }
    }
    *non_finite = nf;
  }
  const T inv_b = T(integer<T>(1) / integer<T>(static_cast<long>(B)));
  if (gradient) {
    gradient->resize(theta.size());
    for (int l = L; l >= 1; --l) {
      const auto li = static_cast<std::size_t>(l);
      weights(a, *gradient, l) = (delta * X[li - 1].transpose()) * inv_b;
      if (a.biases) bias(a, *gradient, l) = delta.rowwise().sum() * inv_b;
      if (l > 1) {
        Mat<T> prev = weights(a, theta, l).transpose() * delta;
        detail::multiply_by_derivative(PreparedActivation<T>(a.activation(l - 1)), Z[li - 1], prev);
        delta = std::move(prev);
      }
    }
  }
  return T(total * inv_b);
}

// Loss only (no backward pass): the function autodiff differentiates in the tests.
template <class T>
T batch_loss(const Architecture& a, const Vec<T>& theta, const Mat<T>& inputs, const Mat<T>& targets) {
  return batch_loss_and_gradient<T>(a, theta, inputs, targets, nullptr);
}

}  // namespace ov::nets
