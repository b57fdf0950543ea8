// Shared helpers of the castera_step_tuned claims (002 Chapter 4, nonsmooth issues, errata):
// a quadratic finite sum J_n(theta) = 1/2 theta^T A_n theta - b_n^T theta (mean convention, any scalar),
// series objects for the report, and small conversions.
#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <vector>

#include "analysis/numeric/linear_algebra.hpp"
#include "analysis/numeric/scalars.hpp"
#include "optim/core/objective.hpp"

namespace ov::claims::castera_step_tuned {

template <class S>
using Mat = Eigen::Matrix<S, Eigen::Dynamic, Eigen::Dynamic>;

// Quadratic finite sum with constant Hessians A_n (symmetric, possibly indefinite).
template <class S>
class QuadraticSum : public optim::FiniteSumObjective<S> {
 public:
  QuadraticSum(std::vector<Mat<S>> A, std::vector<optim::Vector<S>> b) : A_(std::move(A)), b_(std::move(b)) {}
  int dim() const override { return static_cast<int>(b_.front().size()); }
  std::size_t num_samples() const override { return A_.size(); }
  S batch_value(const optim::Vector<S>& x, const optim::Batch& B) const override {
    S s(0);
    for (std::size_t i : B) s += S(x.dot(A_[i] * x)) / S(2) - S(b_[i].dot(x));
    return s / S(static_cast<long>(B.size()));
  }
  optim::Vector<S> batch_gradient(const optim::Vector<S>& x, const optim::Batch& B) const override {
    optim::Vector<S> g = optim::Vector<S>::Zero(x.size());
    for (std::size_t i : B) g += A_[i] * x - b_[i];
    return g / S(static_cast<long>(B.size()));
  }
  bool provides_hessian_vector() const override { return true; }
  optim::Vector<S> batch_hessian_vector(const optim::Vector<S>& x, const optim::Batch& B,
                                        const optim::Vector<S>& v) const override {
    optim::Vector<S> h = optim::Vector<S>::Zero(x.size());
    for (std::size_t i : B) h += A_[i] * v;
    return h / S(static_cast<long>(B.size()));
  }
  // The batch Hessian (mean of the A_n over B, repeats counted).
  Mat<S> batch_hessian(const optim::Batch& B) const {
    Mat<S> H = Mat<S>::Zero(dim(), dim());
    for (std::size_t i : B) H += A_[i];
    return H / S(static_cast<long>(B.size()));
  }

 private:
  std::vector<Mat<S>> A_;
  std::vector<optim::Vector<S>> b_;
};

// A seeded quadratic sum with small-integer-over-8 entries: A_n = D_n + (symmetric perturbation), entries
// k/8 with the diagonal in [lo_diag, hi_diag] (as multiples of 1/8), so some A_n can be indefinite.
QuadraticSum<rational> make_quadratic_sum_rational(int samples, int dim, std::uint64_t seed, int lo_diag8, int hi_diag8);
QuadraticSum<double> make_quadratic_sum_double(int samples, int dim, std::uint64_t seed, int lo_diag8, int hi_diag8);

// A report Series object.
nlohmann::json series(const std::string& name, const std::string& plot, const std::string& role,
                      const std::vector<double>& x, const std::vector<double>& y, const std::string& x_label,
                      const std::string& y_label, bool log_x, bool log_y);

double to_double(const rational& q);
std::string to_str(const rational& q);

}  // namespace ov::claims::castera_step_tuned
