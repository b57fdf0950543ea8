// The iterations whose Jacobian spectra ov::spectra studies, and their
// hyper-parameters (one naming for all of them; docs/spectra.md).
//
//   method  state        parameters used                                   source
//   gd      x            gamma = step                                      002 (1.15)
//   hb      (x, d)       gamma = step, beta = momentum mu in [0, 1)        002 (1.28); optim/rules/heavy_ball.hpp
//   nag     (x, v)       gamma = step, beta = momentum mu in [0, 1)        002 (1.29); optim/rules/nesterov.hpp (paper form)
//   inna    (theta, psi) alpha >= 0, beta > 0, gamma = step > 0            002 §3.4 (3.19)
//   din     (theta, psi) alpha >= 0, beta > 0 (continuous time: no step)   002 (2.6) = (3.1)
//
// alpha is INNA/DIN's viscous damping and beta its Newton damping (002 (2.5)); for the
// momentum methods beta carries the momentum coefficient (mu of (1.28)-(1.29), called
// `momentum` in optim/rules). A parameter that a method does not use is refused, so a
// command line never silently ignores a value.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "analysis/numeric/exact_constant.hpp"

namespace ov::spectra {

enum class Method { gd, hb, nag, inna, din };

const char* to_string(Method m);
// "gd, hb, nag, inna, din"
std::string method_list();
// Throws std::invalid_argument naming the value and listing the methods that exist.
Method parse_method(const std::string& name);

// Continuous-time (a vector field: stability means Re sigma < 0) or an iteration map
// (stability means |sigma| < 1).
bool is_continuous(Method m);
// Size of the per-Hessian-eigenvalue block: 1 for gd, 2 for the others.
int block_size(Method m);

// Hyper-parameters as given (constant expressions, exact_constant.hpp: "1/10", "0.5",
// "sqrt(2)"); absent = not given.
struct RawParameters {
  std::optional<std::string> alpha, beta, gamma;
};

// Validated hyper-parameters: the strings a method uses ("" for unused ones).
struct Parameters {
  Method method = Method::inna;
  std::string alpha, beta, gamma;

  // alpha, beta, gamma in scalar T (unused ones are 0).
  template <class T>
  T alpha_in() const { return alpha.empty() ? T(0) : constant<T>(alpha); }
  template <class T>
  T beta_in() const { return beta.empty() ? T(0) : constant<T>(beta); }
  template <class T>
  T gamma_in() const { return gamma.empty() ? T(0) : constant<T>(gamma); }
  // True when every used parameter is a rational number (exact route available).
  bool rational() const;
};

// Checks presence and ranges; throws std::invalid_argument naming the argument
// (--alpha/--beta/--gamma), its value and its valid range, or a parameter the method
// does not use. Ranges are decided in mp100 (non-finite or unparsable values refused).
Parameters validate(Method m, const RawParameters& raw);

}  // namespace ov::spectra
