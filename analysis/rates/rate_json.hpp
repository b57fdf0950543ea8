// JSON of the rate analyses: the RateStudy object of the report schema
// (docs/report-schema.md; /work/briefs/report_schema.md):
//   {"name","problem","optimizer","precision",
//    "order": {"estimate","ci":[lo,hi],"window":[k0,k1], ...details} | null,
//    "geometric_rate": {same} | null,
//    "bound_check": {"pointwise": true|false|null, "max_ratio", "first_violation", ...} | null,
//    "series": [Series ...]}
// "pointwise" is null when the comparison was undecided at the working precision.
// Scalars: a JSON number when the value is a double exactly (always for double), otherwise its
// decimal string (ov::to_string: every digit of float128 / mp50 / mp100); non-finite values
// are the strings "inf", "-inf", "nan". Series values are doubles (plot data).
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "analysis/numeric/string_io.hpp"
#include "analysis/rates/bound_check.hpp"
#include "analysis/rates/error_sequence.hpp"
#include "analysis/rates/rate_comparison.hpp"
#include "analysis/rates/rate_fit.hpp"
#include "analysis/rates/window_detection.hpp"

namespace ov::rates {

template <class S>
nlohmann::json json_number(const S& x) {
  if (!ov::optim::ops::is_finite(x)) return ov::to_string(x);
  if constexpr (std::is_same_v<S, double> || std::is_same_v<S, float>) {
    return static_cast<double>(x);
  } else {
    const double d = to_double(x);
    if (S(d) == x) return d;
    return ov::to_string(x);
  }
}

inline nlohmann::json to_json(const Window& w) { return nlohmann::json::array({w.k0, w.k1}); }

inline nlohmann::json to_json(const Exclusions& e) {
  return {{"zeros", e.zeros}, {"negatives", e.negatives}, {"non_finite", e.non_finite},
          {"k_not_positive", e.k_not_positive}};
}

template <class S>
nlohmann::json to_json(const RateFit<S>& f) {
  nlohmann::json j;
  j["kind"] = to_string(f.kind);
  j["ok"] = f.ok;
  j["requested_window"] = to_json(f.requested);
  j["excluded"] = to_json(f.excluded);
  j["level"] = f.line.level;
  if (!f.ok) {
    j["reason"] = f.reason;
    j["estimate"] = nullptr;
    j["ci"] = nullptr;
    j["window"] = to_json(f.requested);
    return j;
  }
  j["estimate"] = json_number(f.estimate);
  j["ci"] = nlohmann::json::array({json_number(f.lo), json_number(f.hi)});
  j["window"] = to_json(f.used);
  j["points"] = f.line.points;
  j["slope"] = json_number(f.line.slope);
  j["slope_se"] = json_number(f.line.slope_se);
  j["intercept"] = json_number(f.line.intercept);
  j["intercept_se"] = json_number(f.line.intercept_se);
  j["constant"] = json_number(f.constant);
  j["residual_sd"] = json_number(f.line.residual_sd);
  j["r_squared"] = json_number(f.line.r_squared);
  j["t_quantile"] = json_number(f.line.t_quantile);
  return j;
}

inline nlohmann::json to_json(const WindowDetection& d) {
  nlohmann::json j{{"found", d.found},
                   {"kind", to_string(d.kind)},
                   {"usable_points", d.usable_points},
                   {"transient_points", d.transient_points},
                   {"floor_points", d.floor_points},
                   {"floor_level_cut", d.floor_level_cut},
                   {"excluded", to_json(d.excluded)},
                   {"candidates", d.candidates},
                   {"accepted", d.accepted}};
  if (d.found) {
    j["window"] = to_json(d.window);
    j["straight_window"] = to_json(d.straight);
    j["residual_sd"] = d.residual_sd;
    j["curvature"] = d.curvature;
    j["curvature_se"] = d.curvature_se;
  } else {
    j["reason"] = d.reason;
  }
  return j;
}

template <class S>
nlohmann::json to_json(const PointwiseBoundCheck<S>& c) {
  nlohmann::json j;
  j["pointwise"] = c.verdict == Tribool::yes ? nlohmann::json(true)
                                              : (c.verdict == Tribool::no ? nlohmann::json(false) : nlohmann::json());
  j["verdict"] = c.verdict == Tribool::yes ? "holds" : (c.verdict == Tribool::no ? "violated" : "undecided");
  j["precision"] = c.precision;
  j["margin_ulps"] = c.margin_ulps;
  j["checked"] = c.checked;
  j["violations"] = c.violations;
  j["undecided"] = c.undecided;
  j["nan_points"] = c.nan_points;
  j["max_ratio"] = c.max_ratio ? json_number(*c.max_ratio) : nlohmann::json();
  j["max_ratio_k"] = c.max_ratio_k ? nlohmann::json(*c.max_ratio_k) : nlohmann::json();
  j["first_violation"] = c.first_violation ? nlohmann::json(*c.first_violation) : nlohmann::json();
  if (c.first_violation) {
    j["first_violation_err"] = json_number(*c.first_violation_err);
    j["first_violation_bound"] = json_number(*c.first_violation_bound);
  }
  j["first_undecided"] = c.first_undecided ? nlohmann::json(*c.first_undecided) : nlohmann::json();
  return j;
}

template <class S>
nlohmann::json to_json(const TrendCheck<S>& t) {
  return {{"verdict", to_string(t.verdict)}, {"tolerance", t.tolerance}, {"bound_not_positive", t.bound_not_positive},
          {"fit", to_json(t.fit)}};
}

template <class S>
nlohmann::json to_json(const RateComparison<S>& c) {
  nlohmann::json j{{"kind", to_string(c.kind)},
                   {"verdict", to_string(c.verdict)},
                   {"stated", json_number(c.stated)},
                   {"tolerance", json_number(c.tolerance)}};
  if (c.verdict == RateVerdict::undecided) {
    j["reason"] = c.reason;
  } else {
    j["estimate"] = json_number(c.estimate);
    j["ci"] = nlohmann::json::array({json_number(c.lo), json_number(c.hi)});
  }
  return j;
}

// Everything one rate study produced; to_json gives the RateStudy object.
template <class S>
struct RateStudy {
  std::string name, problem, optimizer;
  ErrorSequence<S> sequence;
  std::optional<WindowDetection> detection;
  std::optional<RateFit<S>> order;
  std::optional<RateFit<S>> geometric;
  std::optional<PointwiseBoundCheck<S>> pointwise;
  std::optional<TrendCheck<S>> trend;
  std::vector<RateComparison<S>> comparisons;
  std::function<S(std::int64_t)> bound;  // drawn as the "bound" series when set
  std::string bound_name = "bound";
};

namespace detail {
inline nlohmann::json series(const std::string& plot, const std::string& name, const std::string& role,
                             const std::string& y_label, std::vector<double> x, std::vector<double> y) {
  return {{"name", name},       {"kind", "convergence"}, {"plot", plot},    {"role", role},
          {"x", std::move(x)},  {"y", std::move(y)},     {"x_label", "k"}, {"y_label", y_label},
          {"log_x", true},      {"log_y", true}};
}

template <class S>
nlohmann::json fit_series(const RateStudy<S>& st, const RateFit<S>& f, const std::string& name) {
  std::vector<double> x, y;
  for (std::size_t i = 0; i < st.sequence.size(); ++i) {
    const std::int64_t k = st.sequence.k[i];
    if (!f.used.contains(k)) continue;
    const S v = f.kind == RateKind::order ? S(f.constant * ov::num::pow(S(k), S(-f.estimate)))
                                          : S(f.constant * ov::num::pow(f.estimate, S(k)));
    x.push_back(static_cast<double>(k));
    y.push_back(to_double(v));
  }
  return series(st.name, name, "fit", st.sequence.name, std::move(x), std::move(y));
}
}  // namespace detail

template <class S>
nlohmann::json to_json(const RateStudy<S>& st) {
  nlohmann::json j;
  j["name"] = st.name;
  j["problem"] = st.problem;
  j["optimizer"] = st.optimizer;
  j["precision"] = std::string(ov::scalar_name<S>());
  j["quantity"] = st.sequence.name;
  j["missing"] = st.sequence.missing;
  j["order"] = st.order ? to_json(*st.order) : nlohmann::json();
  j["geometric_rate"] = st.geometric ? to_json(*st.geometric) : nlohmann::json();
  j["window_detection"] = st.detection ? to_json(*st.detection) : nlohmann::json();
  j["bound_check"] = st.pointwise ? to_json(*st.pointwise) : nlohmann::json();
  if (st.trend) j["bound_trend"] = to_json(*st.trend);
  nlohmann::json cmp = nlohmann::json::array();
  for (const auto& c : st.comparisons) cmp.push_back(to_json(c));
  j["comparisons"] = cmp;
  // Series: the measured sequence (positive finite values only: the plot is log-log), the
  // fits over their windows, and the bound.
  nlohmann::json series = nlohmann::json::array();
  std::vector<double> x, y, bx, by;
  for (std::size_t i = 0; i < st.sequence.size(); ++i) {
    const S& e = st.sequence.err[i];
    const double k = static_cast<double>(st.sequence.k[i]);
    if (ov::optim::ops::is_finite(e) && e > 0) {
      x.push_back(k);
      y.push_back(to_double(e));
    }
    if (st.bound) {
      const S b = st.bound(st.sequence.k[i]);
      if (ov::optim::ops::is_finite(b) && b > 0) {
        bx.push_back(k);
        by.push_back(to_double(b));
      }
    }
  }
  series.push_back(detail::series(st.name, st.sequence.name, "measured", st.sequence.name, std::move(x), std::move(y)));
  if (st.order && st.order->ok) series.push_back(detail::fit_series(st, *st.order, "order fit"));
  if (st.geometric && st.geometric->ok) series.push_back(detail::fit_series(st, *st.geometric, "geometric fit"));
  if (st.bound) series.push_back(detail::series(st.name, st.bound_name, "bound", st.sequence.name, std::move(bx), std::move(by)));
  j["series"] = series;
  return j;
}

}  // namespace ov::rates
