// The objectives the conformance properties run optimizers on, all built from a Case
// (property.hpp) so that a reported case reproduces them exactly.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include <Eigen/Core>

#include "optim/core/objective.hpp"
#include "optim/core/vector.hpp"
#include "proofs-checks/conformance/property.hpp"

namespace ov::optim {
class SplitMix64;
}

namespace ov::conformance {

using Vec = optim::Vector<double>;
using Mat = Eigen::MatrixXd;

// f(x) = 1/2 (x - x*)^T A (x - x*) + f_star with A = Q diag(lambda) Q^T symmetric positive
// definite: Q a seeded random orthogonal matrix (QR of a Gaussian matrix), lambda spaced
// geometrically from mu = L / condition to L (both ends included; dim 1 gives lambda = L).
// x* is seeded, of norm `scale`. Hessian-vector products are provided.
class QuadraticObjective : public optim::Objective<double> {
 public:
  QuadraticObjective(Mat A, Vec x_star, double f_star = 0);
  int dim() const override { return static_cast<int>(x_star_.size()); }
  double value(const Vec& x) const override;
  Vec gradient(const Vec& x) const override;
  void gradient_into(const Vec& x, Vec& g) const override;
  bool provides_hessian_vector() const override { return true; }
  Vec hessian_vector(const Vec& x, const Vec& v) const override { return A_ * v; }

  const Mat& A() const { return A_; }
  const Vec& minimizer() const { return x_star_; }
  double min_value() const { return f_star_; }
  double mu() const { return mu_; }  // smallest eigenvalue
  double L() const { return L_; }    // largest eigenvalue

 private:
  Mat A_;
  Vec x_star_;
  double f_star_;
  double mu_ = 0, L_ = 0;
};

// The quadratic of case c with largest eigenvalue L and condition c.condition.
QuadraticObjective make_quadratic(const Case& c, double L);
// A seeded start point at distance `radius` from `center` (uniform direction).
Vec start_point(const Case& c, const Vec& center, double radius, std::uint64_t stream = 0);
// A seeded unit vector of dimension n.
Vec random_unit_vector(std::uint64_t seed, int n);
// A seeded permutation of 0..n-1.
std::vector<int> random_permutation(std::uint64_t seed, int n);
// A standard normal deviate (Box-Muller on SplitMix64's 53-bit uniforms).
double gaussian(optim::SplitMix64& rng);

// Seeded uniform numbers of a case, one independent stream per use: stream `stream` of case c
// is the second number of SplitMix64(c.seed * seed_multiplier + stream_multiplier * (stream + 1)),
// mapped to [lo, hi]. Each suite has its own multipliers.
struct CaseStreams {
  std::uint64_t seed_multiplier;
  std::uint64_t stream_multiplier;
  double uniform(const Case& c, std::uint64_t stream, double lo, double hi) const;
};

// What a PoisonedObjective corrupts.
enum class Poisoned { gradient, value_and_gradient, value };

// Wraps an objective; while active (set_active(true)) it returns `bad` (NaN or +inf) in
// coordinate `coordinate` of every gradient and/or as the value, as `target` says.
class PoisonedObjective : public optim::Objective<double> {
 public:
  PoisonedObjective(const optim::Objective<double>& inner, double bad, int coordinate, Poisoned target);
  int dim() const override { return inner_->dim(); }
  double value(const Vec& x) const override;
  Vec gradient(const Vec& x) const override;
  // Curvature is forwarded unpoisoned (rules that ask for it, e.g. expected_gv_sgd, still see
  // the poisoned gradient).
  bool provides_hessian_vector() const override { return inner_->provides_hessian_vector(); }
  Vec hessian_vector(const Vec& x, const Vec& v) const override { return inner_->hessian_vector(x, v); }
  void set_active(bool on) { active_ = on; }

 private:
  const optim::Objective<double>* inner_;
  double bad_;
  int coordinate_;
  Poisoned target_;
  bool active_ = false;
};

// g(y) = f(P^T y) with (P x)_i = x_{perm[i]}: the same problem with the coordinates permuted.
class PermutedObjective : public optim::Objective<double> {
 public:
  PermutedObjective(const optim::Objective<double>& inner, std::vector<int> perm);
  int dim() const override { return inner_->dim(); }
  double value(const Vec& y) const override;
  Vec gradient(const Vec& y) const override;
  bool provides_hessian_vector() const override { return inner_->provides_hessian_vector(); }
  // P H P^T v.
  Vec hessian_vector(const Vec& y, const Vec& v) const override {
    return permute(inner_->hessian_vector(unpermute(y), unpermute(v)));
  }
  Vec permute(const Vec& x) const;    // P x
  Vec unpermute(const Vec& y) const;  // P^T y

 private:
  const optim::Objective<double>* inner_;
  std::vector<int> perm_;
};

// c * f: the same problem at another scale (scale invariance of adaptive methods).
class ScaledObjective : public optim::Objective<double> {
 public:
  ScaledObjective(const optim::Objective<double>& inner, double c) : inner_(&inner), c_(c) {}
  int dim() const override { return inner_->dim(); }
  double value(const Vec& x) const override { return c_ * inner_->value(x); }
  Vec gradient(const Vec& x) const override { return c_ * inner_->gradient(x); }
  bool provides_hessian_vector() const override { return inner_->provides_hessian_vector(); }
  Vec hessian_vector(const Vec& x, const Vec& v) const override { return c_ * inner_->hessian_vector(x, v); }

 private:
  const optim::Objective<double>* inner_;
  double c_;
};

// Heap bytes in use (glibc mallinfo2().uordblks): for the allocation-growth properties.
std::size_t heap_bytes_in_use();

}  // namespace ov::conformance
