// DeepOBS' `quadratic_deep` test problem, deterministic version: a 100-D quadratic
// (1/2) theta^T Q theta whose spectrum has 90 eigenvalues in (0, 1] and 10 in (30, 60].
#pragma once

#include "analysis/problems/functions/quadratic.hpp"

namespace ov::problems {

// DeepOBS (deepobs/pytorch/testproblems/quadratic_deep.py, anchors-optimizers.md §4.1): a
// 100-D noisy quadratic 0.5 (theta - x)^T Q (theta - x), Q with 90 eigenvalues from U(0, 1)
// and 10 from U(30, 60), rotated by a Haar-random rotation (seed 42). Here:
//  - eigenvalues: 90 from U(0, 1] and 10 from U(30, 60] on 2^-20 grids (generated::deep_spectrum,
//    SeededStream(~seed)), exact dyadic rationals;
//  - rotation: the seeded Cayley rotation of quadratic_data.hpp (exactly orthogonal, not Haar);
//  - no noise: x = 0 (the deterministic expected objective up to the constant
//    E[x^T Q x]/2), so x* = 0 and f* = 0.
// The numbers therefore differ from DeepOBS' draws; the spectrum's shape is the same.
struct QuadraticDeepFamily {
  static constexpr const char* kName = "quadratic_deep";
  static constexpr const char* kTitle = "DeepOBS quadratic_deep (deterministic, exact)";
  static constexpr bool kRationalExact = true;
  static constexpr int kDim = 100;

  static Params defaults() { return {{"seed", "42"}}; }

  static std::shared_ptr<const generated::QuadraticData> data(const Params& p) {
    const auto seed = static_cast<std::uint64_t>(classic::int_param(p, kName, "seed", 0, 1L << 62));
    return generated::quadratic_data(kDim, seed, generated::deep_spectrum(seed), false);
  }

  static ProblemInfo describe(const Params& p) {
    auto d = data(p);
    ProblemInfo i;
    i.name = kName;
    i.title = kTitle;
    i.formula = "f(theta) = (1/2) theta^T A theta, A = Q diag(lambda) Q^T, lambda: 90 from U(0,1], 10 from "
                "U(30,60] (dyadic, seeded), Q seeded Cayley rotation, seed = " + p.text("seed");
    QuadraticFamily::fill_quadratic_info(*d, i);
    i.citation =
        "DeepOBS (Schneider, Balles & Hennig, ICLR 2019), deepobs/pytorch/testproblems/quadratic_deep.py, as "
        "summarised in anchors-optimizers.md §4.1 (lines ~400-403); deterministic exact variant";
    return i;
  }

  template <class S>
  struct Functor : generated::QuadraticModel<S> {
    explicit Functor(const Params& p) : generated::QuadraticModel<S>(*data(p)) {}
  };
};

}  // namespace ov::problems
