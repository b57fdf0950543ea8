// Shared pieces of the fleischmann_sgd claims (003 §4.3-4.5): the canonical finite-sum quadratics
// with EXACT constants L, M, M_G, f_inf of Assumptions 3.4, 4.1 and 4.6 (seed-003-004 guide §2.4
// item 2), their exact evaluation in rational, and small helpers (json of rationals, plots, fits).
//
// Canonical problems (f = (1/n) sum_i f_i, f_i(theta) = 1/2 theta^T H_i theta - r_i^T theta + c_i):
//   isotropic   f_i = 1/2 ||theta - c_i||^2: L = 1, M_G = 1, M = sigma^2_pop = (1/n) sum ||c_i - cbar||^2,
//               f_inf = sigma^2_pop / 2. E||g||^2 = ||grad f||^2 + sigma^2_pop EXACTLY, so (4.16) holds with equality.
//   shared_A    f_i = 1/2 (theta - c_i)^T A (theta - c_i), A = [[s, t], [t, s]], s > t > 0 (eigenvalues s +- t):
//               L = s + t, M_G = 1, M = (1/n) sum ||A (c_i - cbar)||^2 (the gradient noise does not depend on theta).
//   varying_H   H_i = diag(h_i) different per sample: theta = theta* + delta, grad f = H delta,
//               g_i - grad f = D_i delta + e_i (D_i = H_i - H, e_i = g_i(theta*)), so by ||a + b||^2 <= 2||a||^2 + 2||b||^2
//               Var <= 2 V* + 2 sum_j s_j delta_j^2 <= 2 V* + 2 max_j (s_j / H_jj^2) ||grad f||^2
//               (V* = (1/n) sum ||e_i||^2, s_j = (1/n) sum_i (h_ij - H_jj)^2): M = 2 V*, M_G = 1 + 2 max_j s_j / H_jj^2,
//               L = max_j H_jj, f_inf = f(theta*). Valid (not tight) constants, all rational.
// With a mini-batch of b indices drawn with replacement the noise variance is divided by b (Bottou p. 252, 003
// L845): M_b = M / b, M_G,b = 1 + (M_G - 1) / b; without replacement it is further multiplied by (n - b)/(n - 1) <= 1,
// so the same constants remain valid.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "analysis/numeric/scalars.hpp"
#include "analysis/stochastic/sgd_expectation.hpp"
#include "optim/core/random.hpp"

namespace ov::claims::fleischmann_sgd {

inline constexpr const char* k003 = "003_61d556b637c4f269.txt";  // Fleischmann's thesis

using RVec = Vec<rational>;
using Fsq = stochastic::FiniteSumQuadratic<rational>;

struct Canonical {
  std::string name;  // "isotropic", "shared_A", "varying_H"
  Fsq q;
  rational L, M, M_G, f_inf;
  RVec theta_star;
  nlohmann::json describe() const;  // name, n, d, L, M, M_G, f_inf (strings)
};

// Seeded instances (n samples, dimension d; shared_A has d = 2). Centers/entries are small rationals.
Canonical isotropic_problem(optim::SplitMix64& rng, int n, int d);
Canonical shared_a_problem(optim::SplitMix64& rng, int n);
Canonical varying_h_problem(optim::SplitMix64& rng, int n, int d);
// The three kinds, in this order.
std::vector<Canonical> canonical_problems(optim::SplitMix64& rng, int n, int d);

// The constants for mini-batches of b indices (with or without replacement): M / b, 1 + (M_G - 1) / b.
rational batch_M(const Canonical& p, int b);
rational batch_MG(const Canonical& p, int b);

// Exact evaluation (independent of the oracle's own implementation).
rational value(const Fsq& q, const RVec& theta);
RVec gradient(const Fsq& q, const RVec& theta);
RVec sample_gradient(const Fsq& q, int i, const RVec& theta);
rational dot(const RVec& a, const RVec& b);
rational sq_norm(const RVec& a);

// A seeded rational point: theta* + offset, offset coordinates k / 4 with k in [-span, span].
RVec seeded_point(optim::SplitMix64& rng, const RVec& center, int span);
// A seeded rational in (0, 1]: k / 16, k in [1, 16].
rational seeded_unit(optim::SplitMix64& rng);

double to_d(const rational& q);
std::string str(const rational& q);
nlohmann::json vec_json(const RVec& v);

// A report-schema Series object (docs/report-schema.md).
nlohmann::json series(const std::string& plot, const std::string& name, const std::string& role,
                      const std::vector<double>& x, const std::vector<double>& y, const std::string& x_label,
                      const std::string& y_label, bool log_x, bool log_y);

// Least squares y = a + b x (double): slope, intercept, R^2.
struct LineFit {
  double slope = 0, intercept = 0, r2 = 0;
};
LineFit fit_line(const std::vector<double>& x, const std::vector<double>& y);
// Least squares through the origin y = s x: slope and uncentred R^2.
LineFit fit_through_origin(const std::vector<double>& x, const std::vector<double>& y);

}  // namespace ov::claims::fleischmann_sgd
