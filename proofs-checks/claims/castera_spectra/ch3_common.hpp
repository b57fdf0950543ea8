// Shared helpers of the castera_spectra claims (002 Chapter 3): library rules as factories,
// seeded Gaussian draws, report Series objects.
#pragma once

#include "proofs-checks/figures.hpp"  // flatten_figures

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "analysis/numeric/scalars.hpp"
#include "optim/core/optimizer.hpp"
#include "optim/core/random.hpp"

namespace ov::claims::castera_ch3 {

inline constexpr const char* kThesis = "002_dc929347c6f8ce02.txt";

// A deterministic rule in double, built fresh for every run.
using DoubleRule = std::function<std::unique_ptr<optim::Optimizer<double>>()>;

// optim::InnaFixedStep<double> (3.19) with the thesis's psi_0 (L1481); alpha, beta, gamma exact
// rationals rounded once to double.
DoubleRule library_inna_fixed_step(const rational& alpha, const rational& beta, const rational& gamma);
// optim::Sgd<double> with a constant step (GD on a deterministic objective).
DoubleRule library_gd(const rational& gamma);

// Standard normal draw (Box-Muller on two SplitMix64 uniforms).
double normal(optim::SplitMix64& rng);

// A report-schema Series object (docs/report-schema.md).
nlohmann::json make_series(const std::string& name, const std::string& plot, const std::string& kind,
                           const std::string& role, const std::vector<double>& x, const std::vector<double>& y,
                           const std::string& x_label, const std::string& y_label, bool log_y = false);

double to_double(const rational& q);


}  // namespace ov::claims::castera_ch3
