// The spectrum analysis behind `optverify spectrum` (docs/spectra.md): for a method
// and its hyper-parameters, and either a list of Hessian eigenvalues or a problem and
// a point, the Jacobian eigenvalues (autodiff of the step map, high precision), the
// closed forms per lambda with mode classification, the complex band, the INNA step
// bound (3.20), and with `certify` the enclosures and the det != 0 verdict.
// The result is a Spectrum object of the report schema (briefs: report_schema.md),
// with extra keys; high-precision numbers are decimal strings.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "analysis/numeric/linear_algebra.hpp"
#include "analysis/numeric/scalars.hpp"
#include "analysis/spectra/method.hpp"

namespace ov::problems {
class Problem;
}

namespace ov::spectra {

struct SpectrumRequest {
  Parameters params;
  std::vector<std::string> lambdas;      // Hessian eigenvalues (constant expressions), or
  std::string problem;                   // a problem name and
  std::vector<std::string> at;           // a point
  std::optional<std::string> lipschitz;  // L for the step bound and the det check
  bool certify = false;
  std::string precision = "mp50";        // mp50 | mp100
};

// Throws std::invalid_argument for bad input (naming the argument).
nlohmann::json compute_spectrum(const SpectrumRequest& r);

// Per-precision implementation (spectrum_<precision>.cpp).
template <class T>
nlohmann::json compute_spectrum_in(const SpectrumRequest& r);
extern template nlohmann::json compute_spectrum_in<mp50>(const SpectrumRequest&);
extern template nlohmann::json compute_spectrum_in<mp100>(const SpectrumRequest&);

// Interval Jacobians of the step map (spectrum_interval.cpp): for the quadratic
// f = x^T diag(lambda) x / 2 at 0, and for a problem at a point (evaluated in a forked
// child, isolation.hpp; throws std::runtime_error with the reason when it fails).
Mat<interval> interval_jacobian_quadratic(const Parameters& p, const std::vector<std::string>& lambdas);
Mat<interval> interval_jacobian_problem(const Parameters& p, const problems::Problem& prob,
                                        const std::vector<std::string>& at);

// [lo, hi] as decimal strings with `digits` significant digits, rounded outward
// (lo down, hi up), so the printed interval still encloses the value.
nlohmann::json outward_json(const interval& x, int digits = 25);

}  // namespace ov::spectra
