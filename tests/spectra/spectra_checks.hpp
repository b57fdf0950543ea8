// The checkers shared by the spectra tests. Each is shown to FAIL on a mutant in its
// own test (closed_forms_test.cpp, jacobian_property_test.cpp).
#pragma once

#include <complex>
#include <functional>
#include <vector>

#include "analysis/autodiff/forward_mode.hpp"
#include "analysis/spectra/closed_forms.hpp"
#include "analysis/spectra/eigensystem.hpp"
#include "analysis/spectra/enclosure.hpp"
#include "analysis/spectra/step_maps.hpp"

namespace ov::spectra::test {

// A closed form to check: lambda -> eigenvalues, in mp50 and in interval.
struct ClosedFormFns {
  std::function<EigenPair<mp50>(const mp50&)> mp;
  std::function<EigenPair<interval>(const interval&)> iv;
};

inline ClosedFormFns thesis_closed_form(Method m, const Parameters& p) {
  const Hyper<mp50> h = hyper_in<mp50>(p);
  const Hyper<interval> hi = hyper_in<interval>(p);
  return {[m, h](const mp50& l) { return closed_form(m, h, l); },
          [m, hi](const interval& l) { return closed_form(m, hi, l); }};
}

// Check 1: the closed form's interval enclosure overlaps the enclosure of the exact
// eigenvalues of the block built from the Jacobian entries, for each eigenvalue.
inline bool closed_form_matches_block(Method m, const Parameters& p, const ClosedFormFns& f, const interval& l) {
  const EigenPair<interval> be = block_eigenvalues(block_matrix(m, hyper_in<interval>(p), l));
  const EigenPair<interval> ce = f.iv(l);
  if (be.count != ce.count) return false;
  for (int k = 0; k < be.count; ++k) {
    bool found = false;
    for (int q = 0; q < ce.count; ++q) found = found || overlaps({be.re[k], be.im[k]}, {ce.re[q], ce.im[q]});
    if (!found) return false;
  }
  return true;
}

// Greedy largest distance between two multisets of complex numbers.
inline mp50 max_distance(std::vector<std::complex<mp50>> a, const std::vector<std::complex<mp50>>& b) {
  mp50 worst(0);
  for (const auto& z : b) {
    std::size_t best = 0;
    mp50 bd(-1);
    for (std::size_t k = 0; k < a.size(); ++k) {
      const mp50 d = abs(a[k] - z);
      if (bd < 0 || d < bd) {
        bd = d;
        best = k;
      }
    }
    if (a.empty()) return std::numeric_limits<mp50>::infinity();
    worst = std::max(worst, bd);
    a.erase(a.begin() + static_cast<long>(best));
  }
  return worst;
}

template <class Map>
std::vector<std::complex<mp50>> jacobian_eigenvalues(const Map& map, const Vec<mp50>& z) {
  const Mat<mp50> J = ad::jacobian(map, z);
  const Eigensystem<mp50> es = eigensystem<mp50>(J);
  return {es.values.data(), es.values.data() + es.values.size()};
}

inline std::vector<std::complex<mp50>> closed_eigenvalues(const ClosedFormFns& f, const std::vector<mp50>& lambdas) {
  std::vector<std::complex<mp50>> out;
  for (const auto& l : lambdas) {
    const EigenPair<mp50> e = f.mp(l);
    for (int k = 0; k < e.count; ++k) out.emplace_back(e.re[k], e.im[k]);
  }
  return out;
}

// Tolerance for numeric vs closed-form eigenvalues: sqrt(eps50) max(1, |J|_max)
// (simple eigenvalues move by O(eps ||J||), a double root by O(sqrt(eps ||J||))).
inline mp50 agreement_tolerance(const Mat<mp50>& J) {
  mp50 s(1);
  for (Eigen::Index a = 0; a < J.rows(); ++a)
    for (Eigen::Index b = 0; b < J.cols(); ++b) s = std::max(s, mp50(abs(J(a, b))));
  return mp50(sqrt(std::numeric_limits<mp50>::epsilon())) * s;
}

// Check 3: every closed-form eigenvalue (interval-evaluated) overlaps some certified
// enclosure of the Jacobian eigenvalues.
inline bool closed_form_inside_enclosures(const ClosedFormFns& f, const std::vector<interval>& lambdas,
                                          const EigenEnclosures& enc) {
  for (const auto& l : lambdas) {
    const EigenPair<interval> e = f.iv(l);
    for (int k = 0; k < e.count; ++k) {
      bool found = false;
      for (const auto& b : enc.boxes) found = found || overlaps(b, {e.re[k], e.im[k]});
      if (!found) return false;
    }
  }
  return true;
}

}  // namespace ov::spectra::test
