#include "proofs-checks/conformance/test_problems.hpp"

#include <malloc.h>

#include <cmath>
#include <limits>
#include <numeric>
#include <stdexcept>

#include <Eigen/Eigenvalues>
#include <Eigen/QR>

#include "optim/core/random.hpp"

namespace ov::conformance {

double gaussian(optim::SplitMix64& rng) {
  const double u1 = 1.0 - rng.uniform();  // in (0, 1]: log(u1) is finite
  const double u2 = rng.uniform();
  return std::sqrt(-2.0 * std::log(u1)) * std::cos(6.283185307179586 * u2);
}

double CaseStreams::uniform(const Case& c, std::uint64_t stream, double lo, double hi) const {
  optim::SplitMix64 rng(c.seed * seed_multiplier + stream_multiplier * (stream + 1));
  rng.next();
  return lo + (hi - lo) * rng.uniform();
}

namespace test_problems_detail {
Vec gaussian_vector(optim::SplitMix64& rng, int n) {
  Vec v(n);
  for (int i = 0; i < n; ++i) v[i] = gaussian(rng);
  return v;
}
// Independent streams of one case: the seed mixed with a stream number.
optim::SplitMix64 stream_rng(std::uint64_t seed, std::uint64_t stream) {
  optim::SplitMix64 mix(seed ^ (0x5851f42d4c957f2dULL * (stream + 1)));
  return optim::SplitMix64(mix.next());
}
}  // namespace test_problems_detail

QuadraticObjective::QuadraticObjective(Mat A, Vec x_star, double f_star)
    : A_(std::move(A)), x_star_(std::move(x_star)), f_star_(f_star) {
  if (A_.rows() != A_.cols() || A_.rows() != x_star_.size() || A_.rows() == 0)
    throw std::invalid_argument("QuadraticObjective: A must be square with the size of x* (>= 1)");
  const Eigen::SelfAdjointEigenSolver<Mat> eig(A_, Eigen::EigenvaluesOnly);
  mu_ = eig.eigenvalues().minCoeff();
  L_ = eig.eigenvalues().maxCoeff();
}

double QuadraticObjective::value(const Vec& x) const {
  const Vec d = x - x_star_;
  return 0.5 * d.dot(A_ * d) + f_star_;
}

Vec QuadraticObjective::gradient(const Vec& x) const { return A_ * (x - x_star_); }

void QuadraticObjective::gradient_into(const Vec& x, Vec& g) const {
  g.resize(x.size());
  g.noalias() = A_ * (x - x_star_);
}

QuadraticObjective make_quadratic(const Case& c, double L) {
  using namespace test_problems_detail;
  if (c.dim < 1) throw std::invalid_argument("make_quadratic: dim = " + std::to_string(c.dim) + " is outside [1, inf)");
  if (!(L > 0) || !std::isfinite(L)) throw std::invalid_argument("make_quadratic: L must be finite and > 0");
  if (!(c.condition >= 1) || !std::isfinite(c.condition))
    throw std::invalid_argument("make_quadratic: condition = " + std::to_string(c.condition) + " is outside [1, inf)");
  const int n = c.dim;
  optim::SplitMix64 rng = stream_rng(c.seed, 0);
  Mat G(n, n);
  for (int j = 0; j < n; ++j)
    for (int i = 0; i < n; ++i) G(i, j) = gaussian(rng);
  const Mat Q = Eigen::HouseholderQR<Mat>(G).householderQ();
  Vec lambda(n);
  const double mu = L / c.condition;
  for (int i = 0; i < n; ++i) lambda[i] = n == 1 ? L : mu * std::pow(c.condition, static_cast<double>(i) / (n - 1));
  lambda[n - 1] = L;  // exactly L at the top, exactly mu at the bottom (n > 1)
  Mat A = Q * lambda.asDiagonal() * Q.transpose();
  A = 0.5 * (A + A.transpose()).eval();  // exactly symmetric
  Vec x_star = gaussian_vector(rng, n);
  x_star *= c.scale / x_star.norm();
  return QuadraticObjective(std::move(A), std::move(x_star), 0.0);
}

Vec random_unit_vector(std::uint64_t seed, int n) {
  optim::SplitMix64 rng = test_problems_detail::stream_rng(seed, 7);
  Vec v = test_problems_detail::gaussian_vector(rng, n);
  return v / v.norm();
}

Vec start_point(const Case& c, const Vec& center, double radius, std::uint64_t stream) {
  optim::SplitMix64 rng = test_problems_detail::stream_rng(c.seed, 100 + stream);
  Vec v = test_problems_detail::gaussian_vector(rng, static_cast<int>(center.size()));
  return center + (radius / v.norm()) * v;
}

std::vector<int> random_permutation(std::uint64_t seed, int n) {
  std::vector<int> p(static_cast<std::size_t>(n));
  std::iota(p.begin(), p.end(), 0);
  optim::SplitMix64 rng = test_problems_detail::stream_rng(seed, 11);
  rng.shuffle(p);
  return p;
}

PoisonedObjective::PoisonedObjective(const optim::Objective<double>& inner, double bad, int coordinate,
                                     Poisoned target)
    : inner_(&inner), bad_(bad), coordinate_(coordinate), target_(target) {
  if (coordinate < 0 || coordinate >= inner.dim())
    throw std::invalid_argument("PoisonedObjective: coordinate = " + std::to_string(coordinate) + " is outside [0, " +
                                std::to_string(inner.dim()) + ")");
}

double PoisonedObjective::value(const Vec& x) const {
  return active_ && target_ != Poisoned::gradient ? bad_ : inner_->value(x);
}

Vec PoisonedObjective::gradient(const Vec& x) const {
  Vec g = inner_->gradient(x);
  if (active_ && target_ != Poisoned::value) g[coordinate_] = bad_;
  return g;
}

PermutedObjective::PermutedObjective(const optim::Objective<double>& inner, std::vector<int> perm)
    : inner_(&inner), perm_(std::move(perm)) {
  if (static_cast<int>(perm_.size()) != inner.dim())
    throw std::invalid_argument("PermutedObjective: the permutation has " + std::to_string(perm_.size()) +
                                " entries, the objective dimension " + std::to_string(inner.dim()));
  std::vector<int> seen(perm_.size(), 0);
  for (int p : perm_) {
    if (p < 0 || p >= inner.dim() || seen[static_cast<std::size_t>(p)]++)
      throw std::invalid_argument("PermutedObjective: not a permutation of 0.." + std::to_string(inner.dim() - 1));
  }
}

Vec PermutedObjective::permute(const Vec& x) const {
  Vec y(x.size());
  for (std::size_t i = 0; i < perm_.size(); ++i) y[static_cast<Eigen::Index>(i)] = x[perm_[i]];
  return y;
}

Vec PermutedObjective::unpermute(const Vec& y) const {
  Vec x(y.size());
  for (std::size_t i = 0; i < perm_.size(); ++i) x[perm_[i]] = y[static_cast<Eigen::Index>(i)];
  return x;
}

double PermutedObjective::value(const Vec& y) const { return inner_->value(unpermute(y)); }
Vec PermutedObjective::gradient(const Vec& y) const { return permute(inner_->gradient(unpermute(y))); }

std::size_t heap_bytes_in_use() {
  const struct mallinfo2 m = mallinfo2();
  return m.uordblks + m.hblkhd;
}

}  // namespace ov::conformance
