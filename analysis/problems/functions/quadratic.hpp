// Generated quadratic (1/2) x^T A x - b^T x with a prescribed spectrum and a seeded,
// exactly orthogonal rational rotation: A = Q diag(lambda) Q^T (see quadratic_data.hpp).
#pragma once

#include <string>

#include "analysis/problems/functions/classic_support.hpp"
#include "analysis/problems/functions/quadratic_data.hpp"
#include "analysis/problems/functions/quadratic_model.hpp"
#include "analysis/problems/params.hpp"
#include "analysis/problems/problem_info.hpp"

namespace ov::problems {

// Parameters:
//   n          dimension, 1..200
//   seed       rotation and b seed, 0..2^62
//   spectrum   linear | geometric | list
//   mu, L      0 < mu <= L: eigenvalue magnitudes spaced linearly or geometrically from mu to
//              L (geometric interior values rounded to the grid mu 2^-60, then exact)
//   eigenvalues  for spectrum = list: comma-separated nonzero rational constants (n entries)
//   negative   k in [0, n]: the k eigenvalues of smallest magnitude are made negative
//   b          seeded (U[-1, 1) on a 2^-20 grid) | zero
struct QuadraticFamily {
  static constexpr const char* kName = "quadratic";
  static constexpr const char* kTitle = "Quadratic with prescribed spectrum and seeded rotation";
  static constexpr bool kRationalExact = true;

  static Params defaults() {
    return {{"n", "10"},     {"seed", "1"},        {"spectrum", "linear"}, {"mu", "1"},
            {"L", "100"},    {"eigenvalues", "1"}, {"negative", "0"},      {"b", "seeded"}};
  }

  static std::shared_ptr<const generated::QuadraticData> data(const Params& p) {
    const std::string bkind = p.text("b");
    if (bkind != "seeded" && bkind != "zero") {
      throw std::invalid_argument(std::string(kName) + ": parameter 'b' = \"" + bkind + "\" must be seeded or zero");
    }
    const auto seed = static_cast<std::uint64_t>(classic::int_param(p, kName, "seed", 0, 1L << 62));
    auto ev = generated::quadratic_spectrum(p, kName);
    return generated::quadratic_data(static_cast<int>(ev.size()), seed, ev, bkind == "seeded");
  }

  // Metadata shared with quadratic_deep.
  static void fill_quadratic_info(const generated::QuadraticData& d, ProblemInfo& i) {
    const int n = d.n;
    i.dim = n;
    i.domain = "R^" + std::to_string(n);
    int negatives = 0;
    rational lmax(0);
    for (const auto& e : d.eigenvalues) {
      if (e < 0) ++negatives;
      if (abs(e) > lmax) lmax = abs(e);
    }
    std::vector<std::string> xs;
    for (const auto& v : d.xstar) xs.push_back(generated::constant_string(v));
    const PointKind kind = negatives == 0   ? PointKind::minimum
                           : negatives == n ? PointKind::maximum
                                            : PointKind::strict_saddle;
    i.critical_points = {{xs, kind, true,
                          "the unique critical point A^{-1} b (" + std::to_string(negatives) +
                              " negative eigenvalues); f = " + generated::constant_string(d.fstar)}};
    i.critical_points_note = "A is nonsingular: exactly one critical point";
    if (negatives == 0) {
      i.f_star = generated::constant_string(d.fstar);
      i.mu = generated::constant_string(d.eigenvalues.front());
    }
    i.lipschitz = generated::constant_string(lmax);
    i.smoothness = Smoothness::analytic;
    for (const auto& v : d.xstar) {
      const double c = static_cast<double>(mp100(v));
      i.box_lo.push_back(c - 2);
      i.box_hi.push_back(c + 2);
    }
    i.rational_exact = true;
    i.analytic_gradient = true;
    i.analytic_hessian = true;
  }

  static ProblemInfo describe(const Params& p) {
    auto d = data(p);
    ProblemInfo i;
    i.name = kName;
    i.title = kTitle;
    std::string ev;
    for (std::size_t k = 0; k < d->eigenvalues.size() && k < 12; ++k) {
      ev += (k ? ", " : "") + generated::constant_string(d->eigenvalues[k]);
    }
    if (d->eigenvalues.size() > 12) ev += ", ...";
    i.formula = "f(x) = (1/2) x^T A x - b^T x, A = Q diag(" + ev + ") Q^T, Q = (I - K)(I + K)^{-1} (Cayley, K "
                "seeded skew-symmetric), n = " + std::to_string(d->n) + ", seed = " + p.text("seed") +
                ", spectrum = " + p.text("spectrum") + ", b = " + p.text("b");
    fill_quadratic_info(*d, i);
    i.citation =
        "standard strongly convex (or indefinite) quadratic model, e.g. Nesterov, Lectures on Convex Optimization "
        "(2018) §2.1.4 worst-case quadratics; Cayley transform: Cayley 1846 / Golub & Van Loan, Matrix "
        "Computations; exact rational construction documented in functions/quadratic_data.hpp";
    return i;
  }

  template <class S>
  struct Functor : generated::QuadraticModel<S> {
    explicit Functor(const Params& p) : generated::QuadraticModel<S>(*data(p)) {}
  };
};

}  // namespace ov::problems
