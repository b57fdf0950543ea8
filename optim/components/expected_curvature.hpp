// E[C_{J_A}(theta)] with C_{J_B} = Hess J_B grad J_B (Castera's thesis, 002_dc929347c6f8ce02.txt
// eq. (4.12), L2269), the expectation taken over the random mini-batch A of size b drawn from
// N samples: the quantity Step-Tuned SGD's Algorithm 6 ("Expected-GV", L2720-L2740) needs.
//
// It is computed EXACTLY from per-sample quantities, without enumerating batches. With
// g_i = grad J_i(theta), H_i = Hess J_i(theta), g = (1/N) sum g_i, H = (1/N) sum H_i and
// m1 = (1/N) sum_i H_i g_i, writing J_A = (1/b) sum_{j<b} J_{a_j}:
//   E[H_A g_A] = (1/b^2) sum_{j,l} E[H_{a_j} g_{a_l}]
//   * A uniform over the subsets of size b (the thesis's choice, §4.3.2 L2220 and §1.3.4 L672):
//       E[H_{a_j} g_{a_l}] = m1 (j = l),  (N^2 H g - N m1) / (N (N-1))  (j != l), hence
//       E[C_A] = (N - b) / (b (N - 1)) m1 + N (b - 1) / (b (N - 1)) H g;
//   * A drawn with replacement (b independent uniform indices):
//       E[C_A] = (1/b) m1 + ((b - 1)/b) H g.
// Both give m1 for b = 1 and the uniform one gives H g for b = N (tested by enumerating all
// batches in exact arithmetic: tests/optim/castera_test.cpp). A deterministic objective is the
// case A = everything: E[C_A] = Hess J grad J.
// Cost: N per-sample gradients and N per-sample Hessian-vector products when the m1 term is
// present, one full Hessian-vector product when the H g term is (all counted by the Oracle).
#pragma once

#include <cstddef>
#include <string>

#include "optim/core/batch_sampler.hpp"
#include "optim/core/oracle.hpp"
#include "optim/core/scalar_ops.hpp"
#include "optim/core/vector.hpp"

namespace ov::optim {

enum class BatchLaw { uniform_subset, with_replacement };

inline const char* to_string(BatchLaw l) {
  return l == BatchLaw::uniform_subset ? "uniform_subset" : "with_replacement";
}

// The weights (c1, c2) of E[C_A] = c1 m1 + c2 H g for batches of size b out of n samples.
template <class S>
struct CurvatureWeights {
  S c1, c2;
};

template <class S>
CurvatureWeights<S> expected_curvature_weights(BatchLaw law, std::size_t n, std::size_t b) {
  const S N(static_cast<long>(n)), B(static_cast<long>(b));
  if (b == 1) return {S(1), S(0)};
  if (law == BatchLaw::with_replacement) return {S(S(1) / B), S((B - S(1)) / B)};
  return {S((N - B) / (B * (N - S(1)))), S(N * (B - S(1)) / (B * (N - S(1))))};
}

// E[C_{J_A}(x)] for the batches of the oracle's sampler (size = its batch size), or Hess J grad J
// on a deterministic oracle. `full_gradient`, when given, is grad J(x) already computed by the
// caller (used on a deterministic oracle only). The oracle must provide Hessian-vector products.
template <class S>
Vector<S> expected_curvature(Oracle<S>& f, const Vector<S>& x, BatchLaw law, const Vector<S>* full_gradient = nullptr) {
  if (!f.stochastic()) {
    const Vector<S> g = full_gradient ? *full_gradient : f.full_gradient(x);
    return f.full_hessian_vector(x, g);
  }
  const std::size_t n = f.finite_sum()->num_samples();
  const std::size_t b = f.sampler()->batch_size();
  const CurvatureWeights<S> w = expected_curvature_weights<S>(law, n, b);
  Vector<S> g = Vector<S>::Zero(x.size());
  Vector<S> m1 = Vector<S>::Zero(x.size());
  const S inv_n = S(1) / S(static_cast<long>(n));
  for (std::size_t i = 0; i < n; ++i) {
    const Batch one{i};
    const Vector<S> gi = f.batch_gradient(x, one);
    g += gi;
    if (!(w.c1 == S(0))) m1 += f.batch_hessian_vector(x, one, gi);
  }
  g *= inv_n;
  Vector<S> out = S(w.c1 * inv_n) * m1;
  if (!(w.c2 == S(0))) out += w.c2 * f.full_hessian_vector(x, g);
  return out;
}

}  // namespace ov::optim
