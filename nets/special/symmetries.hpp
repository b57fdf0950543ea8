// The symmetries of 003 §3.3 (003_61d556b637c4f269.txt L392-L420; guide C4/C5) as operations on a
// parameter vector theta of a fully connected network (nets/core/architecture.hpp), with the laws
// by which the gradient transforms.
//
// Each operation is a linear bijection theta' = T theta with f(T theta) = f(theta) (the outputs
// are unchanged), so grad f(theta') = T^{-T} grad f(theta) [DERIVED, chain rule]:
//
//  permute_hidden(a, theta, l, pi): neuron i of hidden layer l becomes old neuron pi[i]:
//      rows of W^(l), entries of b^(l) and columns of W^(l+1) permuted together (003 L392-L400).
//      T is a permutation (T^{-T} = T): the gradient is permuted the same way.
//  rescale_neuron(a, theta, l, j, c), c > 0, layer l with a positively homogeneous activation
//      (relu, leaky_relu, identity: sigma(c z) = c sigma(z)): row j of W^(l) and b^(l)_j times c,
//      column j of W^(l+1) times 1/c (003 L406: "multiply all incoming weights and the bias with
//      alpha > 0 ... scale the outgoing weights with 1/alpha"). T is diagonal: the gradient's row j
//      and bias j are multiplied by 1/c, the next layer's column j by c.
//  gl_transform(a, theta, C, l): hidden layer l with the identity activation (the linear networks
//      of 003 L418-L420), C invertible d_l x d_l: W^(l) -> C W^(l), b^(l) -> C b^(l),
//      W^(l+1) -> W^(l+1) C^{-1}. Gradient: grad_{W^(l)} -> C^{-T} grad_{W^(l)} (and b^(l) alike),
//      grad_{W^(l+1)} -> grad_{W^(l+1)} C^T.
//
// Errors (std::invalid_argument) name the argument and its valid range: layer in [1, L-1] (a hidden
// layer), neuron in [0, d_l - 1], a permutation of {0..d_l-1}, c > 0, an activation that is not
// positively homogeneous (named), C not d_l x d_l or singular, theta of the wrong size.
//
// Instantiated for double, mp100 and rational (one .cpp per operation).
#pragma once

#include <vector>

#include "analysis/numeric/linear_algebra.hpp"
#include "analysis/numeric/scalars.hpp"
#include "nets/core/architecture.hpp"

namespace ov::nets::special {

template <class S>
Vec<S> permute_hidden(const Architecture& a, const Vec<S>& theta, int layer, const std::vector<int>& permutation);
// The gradient law of permute_hidden: the same permutation applied to the gradient.
template <class S>
Vec<S> permute_hidden_gradient(const Architecture& a, const Vec<S>& gradient, int layer,
                               const std::vector<int>& permutation);

template <class S>
Vec<S> rescale_neuron(const Architecture& a, const Vec<S>& theta, int layer, int neuron, const S& c);
template <class S>
Vec<S> rescale_neuron_gradient(const Architecture& a, const Vec<S>& gradient, int layer, int neuron, const S& c);

template <class S>
Vec<S> gl_transform(const Architecture& a, const Vec<S>& theta, const Mat<S>& C, int layer = 1);
template <class S>
Vec<S> gl_transform_gradient(const Architecture& a, const Vec<S>& gradient, const Mat<S>& C, int layer = 1);

// C^{-1} by Gauss-Jordan elimination with partial pivoting (exact in rational); throws
// std::invalid_argument naming `what` when C is not square or is singular (a zero pivot).
template <class S>
Mat<S> small_inverse(const Mat<S>& C, const char* what);

}  // namespace ov::nets::special
