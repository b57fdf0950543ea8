#include "analysis/spectra/spectrum.hpp"

#include <stdexcept>

#include "analysis/problems/problem.hpp"

namespace ov::spectra {

nlohmann::json compute_spectrum(const SpectrumRequest& r) {
  const bool has_l = !r.lambdas.empty(), has_p = !r.problem.empty();
  if (has_l == has_p) {
    throw std::invalid_argument("spectrum: give exactly one of --lambda l1,l2,... or --problem P --at x1,x2,...");
  }
  if (has_p && r.at.empty()) throw std::invalid_argument("spectrum: --problem " + r.problem + " needs --at x1,x2,...");
  if (!has_p && !r.at.empty()) throw std::invalid_argument("spectrum: --at needs --problem");
  for (const auto& l : r.lambdas) {
    mp100 v;
    try {
      v = constant<mp100>(l);
    } catch (const std::exception& e) {
      throw std::invalid_argument("--lambda \"" + l + "\": not a number or constant expression (" + e.what() + ")");
    }
    if (!boost::multiprecision::isfinite(v)) throw std::invalid_argument("--lambda \"" + l + "\": must be finite");
  }
  if (r.lipschitz) {
    mp100 v;
    try {
      v = constant<mp100>(*r.lipschitz);
    } catch (const std::exception& e) {
      throw std::invalid_argument("--lipschitz \"" + *r.lipschitz + "\": not a number (" + e.what() + ")");
    }
    if (!boost::multiprecision::isfinite(v) || !(v > 0))
      throw std::invalid_argument("--lipschitz = " + *r.lipschitz + " is outside the valid range (0, inf)");
  }
  if (r.precision == "mp50") return compute_spectrum_in<mp50>(r);
  if (r.precision == "mp100") return compute_spectrum_in<mp100>(r);
  throw std::invalid_argument("--precision \"" + r.precision + "\": expected mp50 or mp100");
}

}  // namespace ov::spectra
