// A small but complete report document used by the report tests: three claims (one
// with a convergence figure and its bound, one certified, one refuted with its
// counterexample), a rate study, a spectrum and a Monte-Carlo study.
#pragma once

#include <cmath>
#include <nlohmann/json.hpp>
#include <string>

#include "analysis/report/report_writer.hpp"

namespace ov::report::test_support {

inline nlohmann::json sample_series_convergence(const std::string& plot) {
  nlohmann::json x = nlohmann::json::array(), err = nlohmann::json::array(), bound = nlohmann::json::array();
  for (int k = 1; k <= 60; ++k) {
    x.push_back(k);
    err.push_back(2.0 / (k * k) * (1.0 + 0.3 * std::sin(k)));  // O(1/k^2) with wiggles
    bound.push_back(4.0 / (k * k));
  }
  return nlohmann::json::array(
      {{{"name", "f(x_k) - f*"}, {"kind", "convergence"}, {"plot", plot}, {"role", "measured"}, {"x", x},
        {"y", err}, {"x_label", "iteration k"}, {"y_label", "f(x_k) - f*"}, {"log_x", true}, {"log_y", true}},
       {{"name", "4/k^2"}, {"kind", "convergence"}, {"plot", plot}, {"role", "bound"}, {"x", x}, {"y", bound},
        {"log_x", true}, {"log_y", true}}});
}

inline nlohmann::json sample_claim(const std::string& id, const std::string& verdict) {
  nlohmann::json c = {
      {"id", id},
      {"title", "Nesterov's method: f(x_k) - f* <= 2L|x0-x*|^2/(k+1)^2"},
      {"source", {{"file", "003_sample.txt"}, {"section", "2.2"}, {"equation", "(2.2.19)"}, {"lines", "L10-L20"}}},
      {"hypotheses", "f convex, L-smooth"},
      {"statement", "the gap decreases at least like 4/k^2"},
      {"check", "pointwise comparison with the bound over 60 iterations in mp50"},
      {"verdict", verdict},
      {"precision", "mp50"},
      {"escalations", nlohmann::json::array({{{"precision", "mp50"}, {"reason", "double within rounding margin"}}})},
      {"seed", 7},
      {"parameters", {{"L", "1"}, {"alpha", "1/2"}}},
      {"time_s", 0.25},
      {"evidence",
       {{"summary", "max err/bound = 0.65 over k in [1, 60]"},
        {"figures", {{"max_ratio", 0.65}, {"iterations", 60}, {"exact_gap", "1.0000000000000000000000000000001e-30"}}},
        {"series", nlohmann::json::array()},
        {"counterexample", nullptr}}}};
  return c;
}

inline nlohmann::json sample_document() {
  nlohmann::json d = new_report_document();
  nlohmann::json c1 = sample_claim("nesterov.rate", "holds");
  c1["evidence"]["series"] = sample_series_convergence("Nesterov gap against the bound");
  nlohmann::json c2 = sample_claim("castera.inna.det", "holds-certified");
  c2["title"] = "INNA Jacobian is invertible for every λ in [-L, L]";
  c2["precision"] = "interval";
  nlohmann::json c3 = sample_claim("gd.no-overshoot", "refuted");
  c3["title"] = "A false claim <script>alert('x')</script> & friends";
  c3["evidence"]["counterexample"] = {{"x0", {"1", "-2"}}, {"k", 3}};
  d["claims"] = nlohmann::json::array({c1, c2, c3});

  nlohmann::json rs = {{"name", "gd on quadratic"},
                       {"problem", "quadratic"},
                       {"optimizer", "gd"},
                       {"precision", "double"},
                       {"order", {{"estimate", 1.02}, {"ci", {0.98, 1.06}}, {"window", {5, 50}}}},
                       {"geometric_rate", nullptr},
                       {"bound_check", {{"pointwise", true}, {"max_ratio", 0.9}, {"first_violation", nullptr}}},
                       {"series", sample_series_convergence("GD error and bound")}};
  d["rate_studies"] = nlohmann::json::array({rs});

  nlohmann::json eig = nlohmann::json::array(), xs = nlohmann::json::array(), ys = nlohmann::json::array();
  const double pts[][2] = {{0.6, 0.5}, {0.6, -0.5}, {0.9, 0.0}, {-0.3, 0.0}};
  for (const auto& p : pts) {
    eig.push_back({{"re", p[0]}, {"im", p[1]}, {"modulus", std::hypot(p[0], p[1])}});
    xs.push_back(p[0]);
    ys.push_back(p[1]);
  }
  nlohmann::json enc = nlohmann::json::array();
  for (const auto& p : pts) enc.push_back({{"re", {p[0] - 1e-30, p[0] + 1e-30}}, {"im", {p[1] - 1e-30, p[1] + 1e-30}}});
  d["spectra"] = nlohmann::json::array(
      {{{"name", "INNA Jacobian at alpha=0.5"},
        {"method", "inna"},
        {"parameters", {{"alpha", "0.5"}, {"beta", "0.1"}, {"gamma", "0.5"}}},
        {"eigenvalues", eig},
        {"certified", true},
        {"enclosures", enc},
        {"series", nlohmann::json::array({{{"name", "eigenvalues"}, {"kind", "spectrum"}, {"plot", "INNA spectrum"},
                                           {"role", "measured"}, {"x", xs}, {"y", ys}}})}}});

  d["monte_carlo"] = nlohmann::json::array(
      {{{"name", "INNA saddle escape"},
        {"problem", "inna_saddle"},
        {"optimizer", "inna"},
        {"runs", 100},
        {"seed", 1},
        {"outcomes",
         nlohmann::json::array({{{"label", "minimum"}, {"count", 93}, {"proportion", 0.93},
                                 {"wilson", {0.8626, 0.9657}}, {"clopper_pearson", {0.8611, 0.9714}}},
                                {{"label", "saddle"}, {"count", 0}, {"proportion", 0.0},
                                 {"wilson", {0.0, 0.037}}, {"clopper_pearson", {0.0, 0.0362}}},
                                {{"label", "undecided"}, {"count", 7}, {"proportion", 0.07},
                                 {"wilson", {0.0343, 0.1374}}, {"clopper_pearson", {0.0286, 0.1389}}}})},
        {"series", nlohmann::json::array()}}});
  d["benchmarks"] = nlohmann::json::array({{{"name", "verify --all"}, {"seconds", 12.5}, {"jobs", 2}}});
  return d;
}

}  // namespace ov::report::test_support
