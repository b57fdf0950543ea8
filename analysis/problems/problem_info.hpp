// Metadata of a test problem: what is known about it mathematically, with its
// citation. Exact quantities are constant expressions (exact_constant.hpp).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "analysis/problems/params.hpp"

namespace ov::problems {

enum class PointKind {
  minimum,             // Hessian positive definite
  degenerate_minimum,  // local minimum, Hessian positive semidefinite and singular
  strict_saddle,       // Hessian has a negative eigenvalue; not a local maximum
  degenerate_saddle,   // not an extremum, Hessian positive or negative semidefinite and singular
  maximum,             // Hessian negative definite
  nonsmooth,           // no Hessian there (|x|, |x|^(1+g), ...): inertia not checked
};
const char* to_string(PointKind k);

struct CriticalPoint {
  std::vector<std::string> x;  // coordinates as constant expressions
  PointKind kind;
  // true: x is exact. false: x is an approximation (>= 17 digits) of the root of
  // grad f, refined by Newton's method in mp100 before any check.
  bool exact = true;
  std::string note;
};

enum class Smoothness { nonsmooth, c1, c11, c2, analytic };
const char* to_string(Smoothness s);

struct LocalLipschitz {
  std::string value;                // L of grad f on the ball
  std::vector<std::string> center;  // ball centre
  std::string radius;
};

struct ProblemInfo {
  std::string name;         // registry id, e.g. "rosenbrock"
  std::string title;        // "Rosenbrock function"
  std::string formula;      // human-readable definition
  int dim = 0;
  std::string domain = "R^n";
  std::vector<CriticalPoint> critical_points;  // known ones (all, or as stated in note)
  std::string critical_points_note;            // e.g. "a circle of minima; three sample points listed"
  std::optional<std::string> f_star;           // global minimum value, when it exists
  std::optional<std::string> lipschitz;        // global Lipschitz constant of grad f
  std::optional<LocalLipschitz> local_lipschitz;
  std::optional<std::string> mu;               // strong convexity modulus
  Smoothness smoothness = Smoothness::analytic;
  std::string nonsmooth_set;                   // where derivatives fail, e.g. "x = 0"
  std::string citation;                        // document file, section, equation
  std::vector<double> box_lo, box_hi;          // sampling box for property tests and checks
  Params params;
  bool rational_exact = false;                 // value is a rational function: exact in `rational`
  bool analytic_gradient = false;
  bool analytic_hessian = false;
  bool finite_sum = false;
  std::size_t num_samples = 0;
};

}  // namespace ov::problems
