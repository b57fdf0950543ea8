#include "proofs-checks/claims/castera_step_tuned/common.hpp"

#include "analysis/numeric/rounding.hpp"
#include "analysis/numeric/string_io.hpp"
#include "optim/core/random.hpp"

namespace ov::claims::castera_step_tuned {

namespace {

// Integer data (numerators over 8), drawn once so that the rational and double sums are the same problem.
struct IntData {
  std::vector<std::vector<long>> A;  // row-major dim x dim, symmetric
  std::vector<std::vector<long>> b;
};

IntData draw(int samples, int dim, std::uint64_t seed, int lo_diag8, int hi_diag8) {
  optim::SplitMix64 rng(seed);
  IntData d;
  const auto span = static_cast<std::uint64_t>(hi_diag8 - lo_diag8 + 1);
  for (int n = 0; n < samples; ++n) {
    std::vector<long> a(static_cast<std::size_t>(dim * dim), 0);
    for (int i = 0; i < dim; ++i) {
      a[static_cast<std::size_t>(i * dim + i)] = lo_diag8 + static_cast<long>(rng.below(span));
      for (int j = i + 1; j < dim; ++j) {
        const long off = static_cast<long>(rng.below(5)) - 2;  // in {-2/8, ..., 2/8}
        a[static_cast<std::size_t>(i * dim + j)] = off;
        a[static_cast<std::size_t>(j * dim + i)] = off;
      }
    }
    std::vector<long> b(static_cast<std::size_t>(dim));
    for (auto& v : b) v = static_cast<long>(rng.below(17)) - 8;
    d.A.push_back(std::move(a));
    d.b.push_back(std::move(b));
  }
  return d;
}

template <class S>
QuadraticSum<S> build(const IntData& d, int dim) {
  std::vector<Mat<S>> A;
  std::vector<optim::Vector<S>> b;
  for (std::size_t n = 0; n < d.A.size(); ++n) {
    Mat<S> a(dim, dim);
    for (int i = 0; i < dim; ++i)
      for (int j = 0; j < dim; ++j) a(i, j) = S(d.A[n][static_cast<std::size_t>(i * dim + j)]) / S(8);
    optim::Vector<S> v(dim);
    for (int i = 0; i < dim; ++i) v[i] = S(d.b[n][static_cast<std::size_t>(i)]) / S(8);
    A.push_back(a);
    b.push_back(v);
  }
  return QuadraticSum<S>(std::move(A), std::move(b));
}

}  // namespace

QuadraticSum<rational> make_quadratic_sum_rational(int samples, int dim, std::uint64_t seed, int lo_diag8,
                                                   int hi_diag8) {
  return build<rational>(draw(samples, dim, seed, lo_diag8, hi_diag8), dim);
}

QuadraticSum<double> make_quadratic_sum_double(int samples, int dim, std::uint64_t seed, int lo_diag8, int hi_diag8) {
  return build<double>(draw(samples, dim, seed, lo_diag8, hi_diag8), dim);
}

nlohmann::json series(const std::string& name, const std::string& plot, const std::string& role,
                      const std::vector<double>& x, const std::vector<double>& y, const std::string& x_label,
                      const std::string& y_label, bool log_x, bool log_y) {
  return {{"name", name},       {"plot", plot},       {"kind", "convergence"}, {"role", role},
          {"x", x},             {"y", y},             {"x_label", x_label},    {"y_label", y_label},
          {"log_x", log_x},     {"log_y", log_y}};
}

double to_double(const rational& q) { return round_to<double>(q); }
std::string to_str(const rational& q) { return ov::to_string(q); }

}  // namespace ov::claims::castera_step_tuned
