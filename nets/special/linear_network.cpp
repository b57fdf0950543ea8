// Linear networks and the exact Baldi-Hornik machinery (linear_network.hpp).
#include "nets/special/linear_network.hpp"

#include <sstream>
#include <stdexcept>
#include <string>

#include "analysis/numeric/decompositions.hpp"
#include "nets/core/network.hpp"
#include "optim/core/random.hpp"

namespace ov::nets::special {

namespace {
std::string str(const rational& q) {
  std::ostringstream o;
  o << q;
  return o.str();
}
void require(bool ok, const std::string& message) {
  if (!ok) throw std::invalid_argument(message);
}
}  // namespace

Architecture linear_network(int m, int p, int m_out) {
  require(m >= 1, "linear_network: m (inputs) = " + std::to_string(m) + " must be >= 1");
  require(p >= 1, "linear_network: p (hidden width) = " + std::to_string(p) + " must be >= 1");
  require(m_out >= 1, "linear_network: m_out (outputs) = " + std::to_string(m_out) + " must be >= 1");
  Activation id;
  id.kind = ActivationKind::identity;
  Loss loss;
  loss.kind = LossKind::square;
  return Architecture::fully_connected(m, {p}, id, m_out, id, loss, /*biases=*/false);
}

// A^{-1} by the shared exact Gauss-Jordan solve (analysis/numeric/decompositions.hpp); a singular A
// is reported with `what`.
Mat<rational> exact_inverse(const Mat<rational>& A, const char* what) {
  require(A.rows() == A.cols(), std::string(what) + " must be square, got " + std::to_string(A.rows()) + " x " +
                                    std::to_string(A.cols()));
  try {
    return exact_solve(A, Mat<rational>::Identity(A.rows(), A.rows()));
  } catch (const singular_matrix& e) {
    throw std::invalid_argument(std::string(what) + " is singular (" + e.what() + "); an invertible matrix is required");
  }
}

LinearMoments linear_moments(const Dataset& data) {
  require(data.size() >= 1, "linear_moments: the data set '" + data.name + "' is empty");
  require(data.targets.rows() == data.inputs.rows(),
          "linear_moments: inputs have " + std::to_string(data.inputs.rows()) + " rows but targets have " +
              std::to_string(data.targets.rows()));
  const Eigen::Index n = data.size(), m = data.input_dim(), mo = data.output_dim();
  Mat<rational> X(m, n), Y(mo, n);
  for (Eigen::Index i = 0; i < n; ++i) {
    for (Eigen::Index j = 0; j < m; ++j) X(j, i) = rational(data.inputs(i, j));
    for (Eigen::Index j = 0; j < mo; ++j) Y(j, i) = rational(data.targets(i, j));
  }
  LinearMoments r;
  r.n = static_cast<long>(n);
  r.xx = X * X.transpose();
  r.xy = X * Y.transpose();
  r.yx = Y * X.transpose();
  r.yy = Y * Y.transpose();
  r.xx_inverse = exact_inverse(r.xx, "Sigma_XX = sum_i x_i x_i^T (Theorem 3.5 assumes it invertible)");
  r.sigma = r.yx * r.xx_inverse * r.xy;
  return r;
}

Mat<rational> cayley_orthogonal(const Mat<rational>& K) {
  require(K.rows() == K.cols(), "cayley_orthogonal: K must be square, got " + std::to_string(K.rows()) + " x " +
                                    std::to_string(K.cols()));
  for (Eigen::Index i = 0; i < K.rows(); ++i)
    for (Eigen::Index j = 0; j <= i; ++j)
      require(K(i, j) == -K(j, i), "cayley_orthogonal: K must be skew-symmetric, but K(" + std::to_string(i) + "," +
                                       std::to_string(j) + ") = " + str(K(i, j)) + " and K(" + std::to_string(j) +
                                       "," + std::to_string(i) + ") = " + str(K(j, i)));
  const Mat<rational> I = Mat<rational>::Identity(K.rows(), K.cols());
  return (I - K) * exact_inverse(Mat<rational>(I + K), "I + K");
}

bool is_eigenbasis(const Mat<rational>& sigma, const Mat<rational>& U, const Vec<rational>& lambda) {
  if (sigma.rows() != sigma.cols() || U.rows() != sigma.rows() || U.cols() != sigma.cols() ||
      lambda.size() != sigma.rows())
    return false;
  const Mat<rational> I = Mat<rational>::Identity(U.cols(), U.cols());
  if (Mat<rational>(U.transpose() * U) != I) return false;
  return Mat<rational>(sigma * U) == Mat<rational>(U * lambda.asDiagonal());
}

BaldiHornikData baldi_hornik_data(const std::vector<long>& s, int extra, std::uint64_t seed) {
  const int m = static_cast<int>(s.size());
  require(m >= 1, "baldi_hornik_data: singular_values is empty; give m >= 1 distinct positive integers");
  for (int k = 0; k < m; ++k) {
    require(s[static_cast<std::size_t>(k)] >= 1 && s[static_cast<std::size_t>(k)] <= 1000,
            "baldi_hornik_data: singular_values[" + std::to_string(k) + "] = " +
                std::to_string(s[static_cast<std::size_t>(k)]) + " must be in [1, 1000]");
    if (k > 0)
      require(s[static_cast<std::size_t>(k)] < s[static_cast<std::size_t>(k - 1)],
              "baldi_hornik_data: singular_values must be strictly descending (distinct eigenvalues), but entry " +
                  std::to_string(k) + " = " + std::to_string(s[static_cast<std::size_t>(k)]) + " follows " +
                  std::to_string(s[static_cast<std::size_t>(k - 1)]));
  }
  require(extra >= 0 && extra <= 1000, "baldi_hornik_data: extra = " + std::to_string(extra) + " must be in [0, 1000]");
  optim::SplitMix64 rng(seed);
  Mat<rational> K = Mat<rational>::Zero(m, m);
  for (int i = 0; i < m; ++i)
    for (int j = i + 1; j < m; ++j) {
      K(i, j) = rational(static_cast<long>(rng.below(5)) - 2);
      K(j, i) = -K(i, j);
    }
  BaldiHornikData r;
  r.U = cayley_orthogonal(K);
  using integer_t = bmp::number<bmp::gmp_int, bmp::et_off>;
  integer_t q = 1;
  for (Eigen::Index i = 0; i < r.U.rows(); ++i)
    for (Eigen::Index j = 0; j < r.U.cols(); ++j) q = bmp::lcm(q, integer_t(denominator(r.U(i, j))));
  Mat<rational> A(m, m);
  r.lambda.resize(m);
  for (int k = 0; k < m; ++k) {
    const rational scale = rational(q) * rational(s[static_cast<std::size_t>(k)]);
    A.col(k) = r.U.col(k) * scale;
    r.lambda[k] = scale * scale;
  }
  const int n = m + extra;
  r.data.name = "baldi_hornik";
  r.data.description =
      "003 §3.3 Theorem 3.5 test data: x_i = i e_i, y_i = A e_i (i = 1..m), A = U diag(q s) with U a Cayley "
      "orthogonal matrix, plus samples with x = 0 (nets/special/linear_network.hpp)";
  r.data.seed = seed;
  r.data.inputs = Eigen::MatrixXd::Zero(n, m);
  r.data.targets = Eigen::MatrixXd::Zero(n, m);
  for (int i = 0; i < m; ++i) {
    r.data.inputs(i, i) = i + 1;
    for (int j = 0; j < m; ++j) {
      const double v = A(j, i).convert_to<double>();
      if (rational(v) != A(j, i)) throw std::logic_error("baldi_hornik_data: A is not an exact double");
      r.data.targets(i, j) = v;
    }
  }
  for (int i = m; i < n; ++i)
    for (int j = 0; j < m; ++j) r.data.targets(i, j) = static_cast<double>(static_cast<long>(rng.below(7)) - 3);
  return r;
}

Vec<rational> baldi_hornik_point(const LinearMoments& mo, const Mat<rational>& U, const std::vector<int>& I,
                                 const Mat<rational>& C, int hidden) {
  const Eigen::Index mo_dim = mo.sigma.rows(), m = mo.xx.rows();
  require(U.rows() == mo_dim && U.cols() == mo_dim,
          "baldi_hornik_point: U must be " + std::to_string(mo_dim) + " x " + std::to_string(mo_dim) +
              " (Sigma's size), got " + std::to_string(U.rows()) + " x " + std::to_string(U.cols()));
  const int p = static_cast<int>(I.size());
  require(p >= 1, "baldi_hornik_point: the index set I is empty");
  for (int k = 0; k < p; ++k) {
    const int i = I[static_cast<std::size_t>(k)];
    require(i >= 0 && i < mo_dim, "baldi_hornik_point: I[" + std::to_string(k) + "] = " + std::to_string(i) +
                                      " is outside [0, " + std::to_string(mo_dim - 1) + "]");
    require(k == 0 || i > I[static_cast<std::size_t>(k - 1)],
            "baldi_hornik_point: I must be strictly increasing (an ordered index set), but I[" + std::to_string(k) +
                "] = " + std::to_string(i) + " <= I[" + std::to_string(k - 1) + "]");
  }
  require(C.rows() == p && C.cols() == p, "baldi_hornik_point: C must be p x p = " + std::to_string(p) + " x " +
                                              std::to_string(p) + ", got " + std::to_string(C.rows()) + " x " +
                                              std::to_string(C.cols()));
  const Mat<rational> Cinv = exact_inverse(C, "baldi_hornik_point: C");
  Mat<rational> UI(mo_dim, p);
  for (int k = 0; k < p; ++k) UI.col(k) = U.col(I[static_cast<std::size_t>(k)]);
  const Mat<rational> W2 = UI * C;
  const Mat<rational> W1 = Cinv * UI.transpose() * mo.yx * mo.xx_inverse;
  if (hidden == 0) hidden = p;
  require(hidden >= p, "baldi_hornik_point: hidden = " + std::to_string(hidden) + " must be >= |I| = " +
                           std::to_string(p) + " (or 0 for |I|)");
  const Architecture a = linear_network(static_cast<int>(m), hidden, static_cast<int>(mo_dim));
  Vec<rational> theta = Vec<rational>::Zero(a.num_parameters());
  weights(a, theta, 1).topRows(p) = W1;
  weights(a, theta, 2).leftCols(p) = W2;
  return theta;
}

rational baldi_hornik_cost(const LinearMoments& mo, const Vec<rational>& lambda, const std::vector<int>& I) {
  rational s = mo.yy.trace();
  for (const int i : I) {
    require(i >= 0 && i < lambda.size(), "baldi_hornik_cost: index " + std::to_string(i) + " is outside [0, " +
                                             std::to_string(lambda.size() - 1) + "]");
    s -= lambda[i];
  }
  return s / rational(mo.n);
}

std::vector<std::vector<int>> index_sets(int m, int p) {
  require(m >= 1 && p >= 1 && p <= m, "index_sets: need 1 <= p <= m, got m = " + std::to_string(m) +
                                          ", p = " + std::to_string(p));
  std::vector<std::vector<int>> out;
  std::vector<int> c(static_cast<std::size_t>(p));
  for (int k = 0; k < p; ++k) c[static_cast<std::size_t>(k)] = k;
  while (true) {
    out.push_back(c);
    int k = p - 1;
    while (k >= 0 && c[static_cast<std::size_t>(k)] == m - p + k) --k;
    if (k < 0) break;
    ++c[static_cast<std::size_t>(k)];
    for (int j = k + 1; j < p; ++j) c[static_cast<std::size_t>(j)] = c[static_cast<std::size_t>(j - 1)] + 1;
  }
  return out;
}

}  // namespace ov::nets::special
