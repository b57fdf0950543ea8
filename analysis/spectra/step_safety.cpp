#include "analysis/spectra/step_safety.hpp"

#include <fmt/core.h>

#include <stdexcept>
#include <vector>

#include "analysis/numeric/exact_constant.hpp"
#include "analysis/numeric/string_io.hpp"
#include "analysis/spectra/closed_forms.hpp"
#include "analysis/spectra/determinant_check.hpp"
#include "analysis/spectra/modes.hpp"

namespace ov::spectra {

namespace {

using nlohmann::json;
using T = mp50;

std::string str(const T& x) { return fmt::format("{:.12g}", static_cast<double>(x)); }

struct Sample {
  T lambda;
  ModeClass<T> mode;
};

}  // namespace

json step_safety(const Parameters& p, const std::string& L_text, int samples) {
  if (is_continuous(p.method))
    throw std::invalid_argument("--lipschitz without --lambda/--problem: the step-safety summary is for the iteration "
                                "maps gd, hb, nag, inna (din has no step); give --lambda for din");
  if (samples < 3) throw std::invalid_argument("samples = " + std::to_string(samples) + ": must be >= 3");
  T L;
  try {
    L = constant<T>(L_text);
  } catch (const std::invalid_argument& e) {
    throw std::invalid_argument("--lipschitz = " + L_text + ": " + e.what() + "; expected a number > 0 (e.g. 16, 1/10)");
  }
  if (!(L > T(0))) throw std::invalid_argument("--lipschitz = " + L_text + ": L must be > 0");
  const Hyper<T> h = hyper_in<T>(p);
  const Method m = p.method;
  json out;
  out["L"] = L_text;
  out["samples"] = samples;

  // Modes on the grid lambda_k = -L + 2L k / (samples - 1) (0 is a grid point when samples is odd).
  std::vector<Sample> grid;
  grid.reserve(static_cast<std::size_t>(samples));
  for (int k = 0; k < samples; ++k) {
    const T l = -L + T(2) * L * T(k) / T(samples - 1);
    grid.push_back({l, classify(m, closed_form(m, h, l))});
  }
  json runs = json::array();
  for (std::size_t i = 0; i < grid.size();) {
    std::size_t j = i;
    while (j + 1 < grid.size() && grid[j + 1].mode.stability == grid[i].mode.stability &&
           grid[j + 1].mode.spiral == grid[i].mode.spiral)
      ++j;
    runs.push_back({{"lambda_from", str(grid[i].lambda)},
                    {"lambda_to", str(grid[j].lambda)},
                    {"stability", to_string(grid[i].mode.stability)},
                    {"spiral", grid[i].mode.spiral},
                    {"points", j - i + 1}});
    i = j + 1;
  }
  out["runs"] = runs;
  out["runs_note"] = "observed on the grid (closed forms in mp50), not certified; boundaries are grid points";

  bool minima_stable = true, saddles_unstable = true;
  const Sample* slowest = nullptr;
  for (const auto& s : grid) {
    if (s.lambda > T(0)) {
      if (s.mode.stability != Stability::stable) minima_stable = false;
      if (!slowest || s.mode.radius > slowest->mode.radius) slowest = &s;
    } else if (s.lambda < T(0) && s.mode.stability != Stability::unstable) {
      saddles_unstable = false;
    }
  }
  out["minima"] = {{"all_stable", minima_stable},
                   {"slowest_lambda", slowest ? json(str(slowest->lambda)) : json(nullptr)},
                   {"slowest_radius", slowest ? json(str(slowest->mode.radius)) : json(nullptr)},
                   {"slowest_decay_rate", slowest ? json(str(slowest->mode.decay_rate)) : json(nullptr)}};
  out["saddles"] = {{"all_unstable", saddles_unstable}};

  // Spirals: the exact band of Lemma 3.6 for INNA.
  out["spiral_band"] = nullptr;
  if (m == Method::inna) {
    const auto band = complex_band(h.alpha, h.beta);
    if (band) {
      const T lo = (*band)[0] > -L ? (*band)[0] : -L, hi = (*band)[1] < L ? (*band)[1] : L;
      out["spiral_band"] = lo <= hi ? json{{"from", str(lo)}, {"to", str(hi)}, {"x_minus", str((*band)[0])},
                                           {"x_plus", str((*band)[1])}}
                                    : json{{"from", nullptr}, {"to", nullptr}, {"x_minus", str((*band)[0])},
                                           {"x_plus", str((*band)[1])}};
    }
  }

  // Step bound (3.20) for INNA.
  bool below_bound = true;
  if (m == Method::inna) {
    const StepBound<T> b = inna_step_bound(h.alpha, h.beta, L);
    below_bound = h.gamma < b.value;
    out["step_bound"] = {{"value", str(b.value)}, {"fallback_beta", b.fallback}, {"gamma_below_bound", below_bound}};
  }

  // Certified det != 0 on [-L, L].
  const NonsingularReport nr = certify_nonsingular(p, L_text);
  out["det_nonzero"] = {{"holds", ov::to_string(nr.verdict.holds)},
                        {"route", nr.verdict.route},
                        {"witness", nr.verdict.witness ? json(*nr.verdict.witness) : json(nullptr)}};
  const bool det_ok = nr.verdict.holds == Tribool::yes;

  const bool safe = det_ok && minima_stable && below_bound;
  out["safe"] = safe;
  std::vector<std::string> why;
  why.push_back(det_ok ? "det Jac != 0 on [-L, L] (certified)"
                       : (nr.verdict.holds == Tribool::no ? "det Jac vanishes in [-L, L]" + std::string(nr.verdict.witness ? " (" + *nr.verdict.witness + ")" : "")
                                                          : "det Jac != 0 on [-L, L] undecided"));
  if (m == Method::inna) why.push_back(below_bound ? "gamma below the bound (3.20)" : "gamma NOT below the bound (3.20)");
  why.push_back(minima_stable ? "every sampled lambda in (0, L] gives a stable mode"
                              : "some lambda in (0, L] gives a non-stable mode (see runs)");
  std::string because;
  for (std::size_t i = 0; i < why.size(); ++i) because += (i ? "; " : "") + why[i];
  out["answer"] = fmt::format("gamma = {} is {} for L = {}: {}", p.gamma, safe ? "safe" : "NOT safe", L_text, because);
  return out;
}

}  // namespace ov::spectra
