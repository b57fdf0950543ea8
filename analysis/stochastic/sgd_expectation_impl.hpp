// The template implementation of sgd_expectation.hpp (docs/sgd-expectation.md). Included only
// by sgd_expectation_{rational,mp100,double}.cpp, each of which instantiates ONE scalar.
//
// Compile time: every product is an explicit loop (Eigen's GEMM kernels instantiated for
// GMP rationals and MPFR numbers are slow to compile and gain nothing at these sizes).
#pragma once

#include <cstdint>
#include <limits>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "analysis/stochastic/sgd_expectation.hpp"

namespace ov::stochastic {
namespace detail {

// x is finite (rationals always are; inf - inf and NaN - NaN are NaN, which is != 0).
template <class T>
bool is_finite(const T& x) {
  return x - x == T(0);
}

template <class T>
Mat<T> mat_mul(const Mat<T>& A, const Mat<T>& B) {
  Mat<T> C(A.rows(), B.cols());
  for (Eigen::Index i = 0; i < A.rows(); ++i)
    for (Eigen::Index j = 0; j < B.cols(); ++j) {
      T s(0);
      for (Eigen::Index k = 0; k < A.cols(); ++k) s += A(i, k) * B(k, j);
      C(i, j) = s;
    }
  return C;
}

template <class T>
Vec<T> mat_vec(const Mat<T>& A, const Vec<T>& x) {
  Vec<T> y(A.rows());
  for (Eigen::Index i = 0; i < A.rows(); ++i) {
    T s(0);
    for (Eigen::Index k = 0; k < A.cols(); ++k) s += A(i, k) * x[k];
    y[i] = s;
  }
  return y;
}

template <class T>
T dot(const Vec<T>& a, const Vec<T>& b) {
  T s(0);
  for (Eigen::Index i = 0; i < a.size(); ++i) s += a[i] * b[i];
  return s;
}

// tr(A B) for square A, B of equal size.
template <class T>
T trace_of_product(const Mat<T>& A, const Mat<T>& B) {
  T s(0);
  for (Eigen::Index i = 0; i < A.rows(); ++i)
    for (Eigen::Index k = 0; k < A.cols(); ++k) s += A(i, k) * B(k, i);
  return s;
}

// I - alpha H.
template <class T>
Mat<T> one_minus(const T& alpha, const Mat<T>& H) {
  Mat<T> A(H.rows(), H.cols());
  for (Eigen::Index i = 0; i < H.rows(); ++i)
    for (Eigen::Index j = 0; j < H.cols(); ++j) A(i, j) = (i == j ? T(1) : T(0)) - alpha * H(i, j);
  return A;
}

// Q(A, rho) = A S A^T + u rho^T + rho u^T + rho rho^T with u = A m: the second moment of
// A theta + rho for a deterministic affine map and E[theta] = m, E[theta theta^T] = S.
// Added (times w) into `out`, which must be d x d.
template <class T>
void add_second_moment(const Mat<T>& A, const Vec<T>& rho, const Moments<T>& m, const T& w, Mat<T>& out) {
  const Eigen::Index d = A.rows();
  const Mat<T> AS = mat_mul(A, m.second);
  const Vec<T> u = mat_vec(A, m.mean);
  for (Eigen::Index i = 0; i < d; ++i)
    for (Eigen::Index j = i; j < d; ++j) {
      T s(0);
      for (Eigen::Index k = 0; k < d; ++k) s += AS(i, k) * A(j, k);
      s += u[i] * rho[j] + rho[i] * u[j] + rho[i] * rho[j];
      out(i, j) += w * s;
    }
}

template <class T>
void mirror_upper(Mat<T>& S) {
  for (Eigen::Index i = 0; i < S.rows(); ++i)
    for (Eigen::Index j = 0; j < i; ++j) S(i, j) = S(j, i);
}

// C(N, K), or cap + 1 as soon as it exceeds cap.
inline std::uint64_t binomial_capped(std::uint64_t N, std::uint64_t K, std::uint64_t cap) {
  if (K > N) return 0;
  if (K > N - K) K = N - K;
  unsigned __int128 c = 1;
  for (std::uint64_t i = 1; i <= K; ++i) {
    c = c * (N - K + i) / i;  // exact: C(N-K+i, i); increasing in i because K <= N/2
    if (c > cap) return cap + 1;
  }
  return static_cast<std::uint64_t>(c);
}

inline std::string draw_name(BatchDraw d) {
  return d == BatchDraw::with_replacement ? "with_replacement" : "without_replacement";
}

}  // namespace detail

// ---------------------------------------------------------------- FiniteSumQuadratic

template <class T>
void FiniteSumQuadratic<T>::validate() const {
  const std::string where = "FiniteSumQuadratic: ";
  const int n = num_samples();
  if (n == 0) throw std::invalid_argument(where + "the number of samples n = 0 is outside its valid range [1, inf)");
  const int d = dim();
  if (d < 1) throw std::invalid_argument(where + "the dimension d = rows of H[0] = 0 is outside its valid range [1, inf)");
  if (static_cast<int>(r.size()) != n)
    throw std::invalid_argument(where + "r has " + std::to_string(r.size()) + " vectors but H has n = " +
                                std::to_string(n) + " matrices (r must have n entries)");
  if (!c.empty() && static_cast<int>(c.size()) != n)
    throw std::invalid_argument(where + "c has " + std::to_string(c.size()) + " constants; it must be empty or have n = " +
                                std::to_string(n));
  for (int i = 0; i < n; ++i) {
    const std::string hi = "H[" + std::to_string(i) + "]";
    if (H[static_cast<std::size_t>(i)].rows() != d || H[static_cast<std::size_t>(i)].cols() != d)
      throw std::invalid_argument(where + hi + " is " + std::to_string(H[static_cast<std::size_t>(i)].rows()) + "x" +
                                  std::to_string(H[static_cast<std::size_t>(i)].cols()) + " but must be d x d = " +
                                  std::to_string(d) + "x" + std::to_string(d));
    if (r[static_cast<std::size_t>(i)].size() != d)
      throw std::invalid_argument(where + "r[" + std::to_string(i) + "] has " +
                                  std::to_string(r[static_cast<std::size_t>(i)].size()) + " entries but must have d = " +
                                  std::to_string(d));
    const Mat<T>& Hi = H[static_cast<std::size_t>(i)];
    for (int a = 0; a < d; ++a) {
      for (int b = 0; b < d; ++b) {
        if (!detail::is_finite(Hi(a, b)))
          throw std::invalid_argument(where + hi + "(" + std::to_string(a) + "," + std::to_string(b) + ") is not finite");
        if (b < a && Hi(a, b) != Hi(b, a))
          throw std::invalid_argument(where + hi + " must be symmetric: " + hi + "(" + std::to_string(a) + "," +
                                      std::to_string(b) + ") != " + hi + "(" + std::to_string(b) + "," +
                                      std::to_string(a) + ")");
      }
      if (!detail::is_finite(r[static_cast<std::size_t>(i)][a]))
        throw std::invalid_argument(where + "r[" + std::to_string(i) + "](" + std::to_string(a) + ") is not finite");
    }
    if (!c.empty() && !detail::is_finite(c[static_cast<std::size_t>(i)]))
      throw std::invalid_argument(where + "c[" + std::to_string(i) + "] is not finite");
  }
}

template <class T>
Mat<T> FiniteSumQuadratic<T>::mean_hessian() const {
  const int d = dim();
  Mat<T> M = Mat<T>::Zero(d, d);
  for (const auto& Hi : H) M += Hi;
  M /= T(num_samples());
  return M;
}

template <class T>
Vec<T> FiniteSumQuadratic<T>::mean_linear() const {
  Vec<T> v = Vec<T>::Zero(dim());
  for (const auto& ri : r) v += ri;
  v /= T(num_samples());
  return v;
}

template <class T>
T FiniteSumQuadratic<T>::value(const Vec<T>& theta) const {
  T cbar(0);
  for (const auto& ci : c) cbar += ci;
  if (!c.empty()) cbar /= T(num_samples());
  return detail::dot(theta, detail::mat_vec(mean_hessian(), theta)) / T(2) - detail::dot(mean_linear(), theta) + cbar;
}

template <class T>
Vec<T> FiniteSumQuadratic<T>::gradient(const Vec<T>& theta) const {
  return detail::mat_vec(mean_hessian(), theta) - mean_linear();
}

template <class T>
Vec<T> FiniteSumQuadratic<T>::sample_gradient(int i, const Vec<T>& theta) const {
  if (i < 0 || i >= num_samples())
    throw std::invalid_argument("FiniteSumQuadratic::sample_gradient: i = " + std::to_string(i) +
                                " is outside its valid range [0, " + std::to_string(num_samples() - 1) + "]");
  return detail::mat_vec(H[static_cast<std::size_t>(i)], theta) - r[static_cast<std::size_t>(i)];
}

namespace detail {
template <class T>
T sum_sq_gradient_deviation(const FiniteSumQuadratic<T>& p, const Vec<T>& theta) {
  const Vec<T> g = p.gradient(theta);
  T s(0);
  for (int i = 0; i < p.num_samples(); ++i) {
    const Vec<T> e = p.sample_gradient(i, theta) - g;
    s += dot(e, e);
  }
  return s;
}
}  // namespace detail

template <class T>
T FiniteSumQuadratic<T>::gradient_variance_population(const Vec<T>& theta) const {
  return detail::sum_sq_gradient_deviation(*this, theta) / T(num_samples());
}

template <class T>
T FiniteSumQuadratic<T>::gradient_variance_sample(const Vec<T>& theta) const {
  if (num_samples() < 2)
    throw std::invalid_argument("FiniteSumQuadratic::gradient_variance_sample: n = " + std::to_string(num_samples()) +
                                " is outside its valid range [2, inf) (the sample variance divides by n - 1)");
  return detail::sum_sq_gradient_deviation(*this, theta) / T(num_samples() - 1);
}

template <class T>
FiniteSumQuadratic<T> isotropic_means(const std::vector<Vec<T>>& centers) {
  FiniteSumQuadratic<T> p;
  for (const auto& ci : centers) {
    p.H.push_back(Mat<T>::Identity(ci.size(), ci.size()));
    p.r.push_back(ci);
    p.c.push_back(detail::dot(ci, ci) / T(2));
  }
  return p;
}

// ---------------------------------------------------------------- SgdExpectation

template <class T>
SgdExpectation<T>::SgdExpectation(FiniteSumQuadratic<T> problem, int batch, BatchDraw draw)
    : problem_(std::move(problem)), batch_(batch), draw_(draw) {
  problem_.validate();
  const int n = problem_.num_samples();
  const int d = problem_.dim();
  const bool with = draw_ == BatchDraw::with_replacement;
  if (batch_ < 1 || (!with && batch_ > n))
    throw std::invalid_argument("SgdExpectation: batch = " + std::to_string(batch_) +
                                " is outside its valid range " + (with ? std::string("[1, inf)") : "[1, " + std::to_string(n) + "]") +
                                " (" + detail::draw_name(draw_) + ", n = " + std::to_string(n) + ")");
  const auto N = static_cast<std::uint64_t>(n), b = static_cast<std::uint64_t>(batch_);
  // Distinct batches: multisets C(n + b - 1, b) with replacement, subsets C(n, b) without.
  const std::uint64_t distinct =
      with ? detail::binomial_capped(N + b - 1, b, max_distinct_batches) : detail::binomial_capped(N, b, max_distinct_batches);
  if (distinct > max_distinct_batches)
    throw std::invalid_argument("SgdExpectation: n = " + std::to_string(n) + " samples and batch b = " +
                                std::to_string(batch_) + " (" + detail::draw_name(draw_) + ") give more than " +
                                std::to_string(max_distinct_batches) +
                                " distinct batches to enumerate; reduce n or b (or use step_closed_form on a smaller "
                                "batch count)");
  weights_.reserve(distinct);
  batch_H_.reserve(distinct);
  batch_r_.reserve(distinct);
  std::vector<int> idx(static_cast<std::size_t>(batch_));
  for (int j = 0; j < batch_; ++j) idx[static_cast<std::size_t>(j)] = with ? 0 : j;
  const T uniform_subset = T(1) / T(static_cast<long long>(distinct));
  while (true) {
    Mat<T> HB = Mat<T>::Zero(d, d);
    Vec<T> rB = Vec<T>::Zero(d);
    // With replacement, the multiset's probability b! / (prod_j count_j!) / n^b, as the product
    // over positions t = 1..b of t / (s n) with s the position of idx[t-1] within its run.
    T w = with ? T(1) : uniform_subset;
    int run = 0;
    for (int t = 0; t < batch_; ++t) {
      const auto i = static_cast<std::size_t>(idx[static_cast<std::size_t>(t)]);
      HB += problem_.H[i];
      rB += problem_.r[i];
      if (with) {
        run = (t > 0 && idx[static_cast<std::size_t>(t)] == idx[static_cast<std::size_t>(t - 1)]) ? run + 1 : 1;
        w *= T(t + 1) / (T(run) * T(n));
      }
    }
    HB /= T(batch_);
    rB /= T(batch_);
    weights_.push_back(std::move(w));
    batch_H_.push_back(std::move(HB));
    batch_r_.push_back(std::move(rB));
    // Next multiset (non-decreasing) or subset (increasing) in lexicographic order.
    int j = batch_ - 1;
    if (with) {
      while (j >= 0 && idx[static_cast<std::size_t>(j)] == n - 1) --j;
      if (j < 0) break;
      ++idx[static_cast<std::size_t>(j)];
      for (int t = j + 1; t < batch_; ++t) idx[static_cast<std::size_t>(t)] = idx[static_cast<std::size_t>(j)];
    } else {
      while (j >= 0 && idx[static_cast<std::size_t>(j)] == n - batch_ + j) --j;
      if (j < 0) break;
      ++idx[static_cast<std::size_t>(j)];
      for (int t = j + 1; t < batch_; ++t) idx[static_cast<std::size_t>(t)] = idx[static_cast<std::size_t>(t - 1)] + 1;
    }
  }
  H_ = problem_.mean_hessian();
  H2_ = detail::mat_mul(H_, H_);
  r_ = problem_.mean_linear();
  Hr_ = detail::mat_vec(H_, r_);
  cbar_ = T(0);
  for (const auto& ci : problem_.c) cbar_ += ci;
  if (!problem_.c.empty()) cbar_ /= T(n);
}

template <class T>
std::uint64_t SgdExpectation<T>::batch_count() const {
  const auto n = static_cast<std::uint64_t>(problem_.num_samples());
  if (draw_ == BatchDraw::without_replacement) return static_cast<std::uint64_t>(weights_.size());
  std::uint64_t c = 1;
  for (int t = 0; t < batch_; ++t) {
    if (c > std::numeric_limits<std::uint64_t>::max() / n) return std::numeric_limits<std::uint64_t>::max();
    c *= n;
  }
  return c;
}

template <class T>
void SgdExpectation<T>::check_moments(const Moments<T>& m, const char* fn) const {
  const int d = problem_.dim();
  if (m.mean.size() != d || m.second.rows() != d || m.second.cols() != d)
    throw std::invalid_argument(std::string("SgdExpectation::") + fn + ": the moments have sizes mean " +
                                std::to_string(m.mean.size()) + ", second " + std::to_string(m.second.rows()) + "x" +
                                std::to_string(m.second.cols()) + " but the problem has d = " + std::to_string(d));
}

template <class T>
void SgdExpectation<T>::check_point(const Vec<T>& theta, const char* fn) const {
  if (theta.size() != problem_.dim())
    throw std::invalid_argument(std::string("SgdExpectation::") + fn + ": theta has " + std::to_string(theta.size()) +
                                " entries but the problem has d = " + std::to_string(problem_.dim()));
}

template <class T>
Moments<T> SgdExpectation<T>::start(const Vec<T>& theta1) const {
  check_point(theta1, "start");
  const Eigen::Index d = theta1.size();
  Moments<T> m;
  m.mean = theta1;
  m.second.resize(d, d);
  for (Eigen::Index i = 0; i < d; ++i)
    for (Eigen::Index j = 0; j < d; ++j) m.second(i, j) = theta1[i] * theta1[j];
  return m;
}

template <class T>
Moments<T> SgdExpectation<T>::step(const Moments<T>& m, const T& alpha) const {
  check_moments(m, "step");
  if (!detail::is_finite(alpha))
    throw std::invalid_argument("SgdExpectation::step: the step alpha is not finite (valid range: finite reals)");
  const int d = problem_.dim();
  Moments<T> out;
  out.mean = Vec<T>::Zero(d);
  out.second = Mat<T>::Zero(d, d);
  for (std::size_t q = 0; q < weights_.size(); ++q) {
    const Mat<T> A = detail::one_minus(alpha, batch_H_[q]);
    const Vec<T> rho = alpha * batch_r_[q];
    out.mean += weights_[q] * (detail::mat_vec(A, m.mean) + rho);
    detail::add_second_moment(A, rho, m, weights_[q], out.second);
  }
  detail::mirror_upper(out.second);
  return out;
}

template <class T>
T SgdExpectation<T>::covariance_factor() const {
  const int n = problem_.num_samples();
  if (draw_ == BatchDraw::with_replacement) return T(1) / T(batch_);
  if (n == 1) return T(0);
  return T(n - batch_) / (T(batch_) * T(n - 1));
}

template <class T>
Moments<T> SgdExpectation<T>::step_closed_form(const Moments<T>& m, const T& alpha) const {
  check_moments(m, "step_closed_form");
  if (!detail::is_finite(alpha))
    throw std::invalid_argument("SgdExpectation::step_closed_form: the step alpha is not finite (valid range: finite reals)");
  const int n = problem_.num_samples();
  const int d = problem_.dim();
  const T kappa = covariance_factor();
  // E_B[q(X_B)] = q(X) + kappa (mean_i q(X_i) - q(X)) for the quadratic q = Q(A, rho) of the
  // batch mean X_B = (A_B, rho_B) of X_i = (I - alpha H_i, alpha r_i).
  const Mat<T> Abar = detail::one_minus(alpha, H_);
  const Vec<T> rhobar = alpha * r_;
  Moments<T> out;
  out.mean = detail::mat_vec(Abar, m.mean) + rhobar;
  Mat<T> Qbar = Mat<T>::Zero(d, d);
  detail::add_second_moment(Abar, rhobar, m, T(1), Qbar);
  Mat<T> Qmean = Mat<T>::Zero(d, d);
  const T inv_n = T(1) / T(n);
  for (int i = 0; i < n; ++i) {
    const Mat<T> Ai = detail::one_minus(alpha, problem_.H[static_cast<std::size_t>(i)]);
    const Vec<T> rhoi = alpha * problem_.r[static_cast<std::size_t>(i)];
    detail::add_second_moment(Ai, rhoi, m, inv_n, Qmean);
  }
  out.second = Qbar + kappa * (Qmean - Qbar);
  detail::mirror_upper(out.second);
  return out;
}

template <class T>
T SgdExpectation<T>::expected_value(const Moments<T>& m) const {
  check_moments(m, "expected_value");
  return detail::trace_of_product(H_, m.second) / T(2) - detail::dot(r_, m.mean) + cbar_;
}

template <class T>
T SgdExpectation<T>::expected_grad_sq(const Moments<T>& m) const {
  check_moments(m, "expected_grad_sq");
  return detail::trace_of_product(H2_, m.second) - T(2) * detail::dot(Hr_, m.mean) + detail::dot(r_, r_);
}

template <class T>
Vec<T> SgdExpectation<T>::expected_batch_gradient(const Vec<T>& theta) const {
  check_point(theta, "expected_batch_gradient");
  Vec<T> g = Vec<T>::Zero(problem_.dim());
  for (std::size_t q = 0; q < weights_.size(); ++q)
    g += weights_[q] * (detail::mat_vec(batch_H_[q], theta) - batch_r_[q]);
  return g;
}

template <class T>
T SgdExpectation<T>::expected_batch_gradient_sq(const Vec<T>& theta) const {
  check_point(theta, "expected_batch_gradient_sq");
  T s(0);
  for (std::size_t q = 0; q < weights_.size(); ++q) {
    const Vec<T> g = detail::mat_vec(batch_H_[q], theta) - batch_r_[q];
    s += weights_[q] * detail::dot(g, g);
  }
  return s;
}

template <class T>
std::vector<ExpectationRecord<T>> SgdExpectation<T>::run(const Vec<T>& theta1, const std::function<T(int)>& alpha,
                                                         int K) const {
  if (K < 0) throw std::invalid_argument("SgdExpectation::run: K = " + std::to_string(K) + " is outside its valid range [0, inf)");
  if (!alpha) throw std::invalid_argument("SgdExpectation::run: the step schedule alpha is empty");
  std::vector<ExpectationRecord<T>> out;
  out.reserve(static_cast<std::size_t>(K) + 1);
  Moments<T> m = start(theta1);
  for (int k = 1; k <= K + 1; ++k) {
    ExpectationRecord<T> rec;
    rec.k = k;
    rec.step = k <= K ? alpha(k) : T(0);
    rec.expected_value = expected_value(m);
    rec.expected_grad_sq = expected_grad_sq(m);
    rec.moments = m;
    if (k <= K) {
      if (!detail::is_finite(rec.step))
        throw std::invalid_argument("SgdExpectation::run: alpha(" + std::to_string(k) +
                                    ") is not finite (valid range: finite reals)");
      m = step(m, rec.step);
    }
    out.push_back(std::move(rec));
  }
  return out;
}

}  // namespace ov::stochastic
