#include "gpu/conformance/torch_test_problems.hpp"

#include <torch/serialize/input-archive.h>
#include <torch/serialize/output-archive.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <sstream>
#include <stdexcept>

#include "optim/core/random.hpp"
#include "proofs-checks/conformance/test_problems.hpp"

namespace ov::conformance {

namespace torch_test_problems_detail {
at::Tensor from_eigen(const Vec& v) {
  std::vector<double> d(v.data(), v.data() + v.size());
  return double_tensor(d);
}
Vec to_eigen(const at::Tensor& t) {
  const std::vector<double> d = to_vector(t);
  Vec v(static_cast<Eigen::Index>(d.size()));
  for (std::size_t i = 0; i < d.size(); ++i) v[static_cast<Eigen::Index>(i)] = d[i];
  return v;
}
}  // namespace torch_test_problems_detail

at::Tensor double_tensor(const std::vector<double>& v) {
  at::Tensor t = at::empty({static_cast<std::int64_t>(v.size())}, at::TensorOptions().dtype(at::kDouble));
  if (!v.empty()) std::memcpy(t.data_ptr<double>(), v.data(), v.size() * sizeof(double));
  return t;
}

std::vector<double> to_vector(const at::Tensor& t) {
  const at::Tensor c = t.detach().to(at::kCPU, at::kDouble).contiguous().reshape({-1});
  const double* p = c.data_ptr<double>();
  return std::vector<double>(p, p + c.numel());
}

std::string format_vector(const at::Tensor& t) {
  std::ostringstream o;
  o.precision(17);
  o << "[";
  const std::vector<double> v = to_vector(t);
  for (std::size_t i = 0; i < v.size(); ++i) o << (i ? ", " : "") << v[i];
  o << "]";
  return o.str();
}

double TorchQuadratic::value(const at::Tensor& x) const {
  const at::Tensor d = x - x_star;
  return 0.5 * at::dot(d, at::mv(A, d)).item<double>();
}

double TorchQuadratic::distance(const at::Tensor& x) const { return at::norm(x - x_star).item<double>(); }

TorchQuadratic make_torch_quadratic(const Case& c, double L) {
  using namespace torch_test_problems_detail;
  const QuadraticObjective q = make_quadratic(c, L);
  TorchQuadratic t;
  const Mat& A = q.A();
  const auto n = static_cast<std::int64_t>(A.rows());
  t.A = at::empty({n, n}, at::TensorOptions().dtype(at::kDouble));
  for (std::int64_t i = 0; i < n; ++i)
    for (std::int64_t j = 0; j < n; ++j) t.A.data_ptr<double>()[i * n + j] = A(i, j);
  t.x_star = from_eigen(q.minimizer());
  t.mu = q.mu();
  t.L = q.L();
  // make_quadratic's documented spectrum (test_problems.hpp): geometric from mu to L, both ends
  // included (dim 1: L); mu and L themselves are those its eigen-solver measured.
  for (std::int64_t i = 0; i < n; ++i)
    t.eigenvalues.push_back(n == 1 ? t.L : t.mu * std::pow(t.L / t.mu, static_cast<double>(i) / static_cast<double>(n - 1)));
  return t;
}

at::Tensor torch_start_point(const Case& c, const at::Tensor& center, double radius, std::uint64_t stream) {
  using namespace torch_test_problems_detail;
  return from_eigen(start_point(c, to_eigen(center), radius, stream));
}

std::int64_t TorchLayout::size() const {
  std::int64_t n = 0;
  for (const auto& g : groups)
    for (std::int64_t s : g) n += s;
  return n;
}

std::string TorchLayout::describe() const {
  std::string s = "[";
  for (std::size_t g = 0; g < groups.size(); ++g) {
    s += (g ? ",[" : "[");
    for (std::size_t i = 0; i < groups[g].size(); ++i) s += (i ? "," : "") + std::to_string(groups[g][i]);
    s += "]";
  }
  return s + "]";
}

TorchLayout random_layout(std::uint64_t seed, std::int64_t n, bool groups) {
  if (n < 2) throw std::invalid_argument("random_layout: n = " + std::to_string(n) + " is outside [2, inf)");
  optim::SplitMix64 rng(seed ^ 0x9e3779b97f4a7c15ULL);
  // Cut points: each of the n-1 gaps is cut with probability 1/2, at least one cut.
  std::vector<std::int64_t> sizes;
  std::int64_t run = 1;
  for (std::int64_t i = 1; i < n; ++i) {
    if (rng.uniform() < 0.5) {
      sizes.push_back(run);
      run = 1;
    } else {
      ++run;
    }
  }
  sizes.push_back(run);
  if (sizes.size() == 1) sizes = {1, n - 1};
  TorchLayout l;
  if (groups) {
    for (std::int64_t s : sizes) l.groups.push_back({s});
  } else {
    l.groups.push_back(sizes);
  }
  return l;
}

TorchRun::TorchRun(const TorchSubject& s, const at::Tensor& x0, TorchLayout layout) : layout_(std::move(layout)) {
  if (layout_.size() != x0.numel())
    throw std::invalid_argument("TorchRun: the layout " + layout_.describe() + " has " +
                                std::to_string(layout_.size()) + " coordinates but x0 has " +
                                std::to_string(x0.numel()));
  const at::Tensor flat0 = x0.detach().to(at::kCPU, at::kDouble).contiguous();
  std::vector<torch::optim::OptimizerParamGroup> groups;
  std::int64_t at0 = 0;
  for (const auto& g : layout_.groups) {
    std::vector<at::Tensor> ps;
    for (std::int64_t sz : g) {
      at::Tensor p = flat0.slice(0, at0, at0 + sz).clone().to(at::Device(s.device)).detach();
      p.set_requires_grad(true);
      params_.push_back(p);
      ps.push_back(p);
      at0 += sz;
    }
    groups.emplace_back(std::move(ps));
  }
  opt_ = s.make(std::move(groups));
  if (!opt_) throw std::invalid_argument("TorchSubject '" + s.name + "': the factory returned null");
}

at::Tensor TorchRun::flat() const {
  std::vector<at::Tensor> parts;
  for (const auto& p : params_) parts.push_back(p.detach().to(at::kCPU, at::kDouble).reshape({-1}));
  return at::cat(parts).clone();
}

void TorchRun::set_gradient(const at::Tensor& g) {
  std::int64_t at0 = 0;
  for (auto& p : params_) {
    const std::int64_t sz = p.numel();
    p.mutable_grad() = g.slice(0, at0, at0 + sz).clone().to(p.device()).reshape(p.sizes());
    at0 += sz;
  }
}

void TorchRun::step_on(const TorchQuadratic& q) {
  set_gradient(q.gradient(flat()));
  opt_->step();
}

const std::vector<gpu::StepOutcome>* TorchRun::last_outcomes() const {
  const auto* r = dynamic_cast<const gpu::OutcomeReporter*>(opt_.get());
  return r ? &r->last_outcomes() : nullptr;
}

std::string TorchRun::save_bytes() const {
  torch::serialize::OutputArchive a;
  opt_->save(a);
  std::ostringstream o;
  a.save_to(o);
  return o.str();
}

void TorchRun::load_bytes(const std::string& bytes) {
  std::istringstream i(bytes);
  torch::serialize::InputArchive a;
  a.load_from(i);
  opt_->load(a);
}

bool bitwise_equal(const at::Tensor& a, const at::Tensor& b) {
  const std::vector<double> x = to_vector(a), y = to_vector(b);
  return x.size() == y.size() && (x.empty() || std::memcmp(x.data(), y.data(), x.size() * sizeof(double)) == 0);
}

double max_abs_difference(const at::Tensor& a, const at::Tensor& b) {
  const std::vector<double> x = to_vector(a), y = to_vector(b);
  if (x.size() != y.size()) return std::nan("");
  double m = 0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    const double d = std::fabs(x[i] - y[i]);
    if (std::isnan(d)) return d;
    m = std::max(m, d);
  }
  return m;
}

}  // namespace ov::conformance
