#include "analysis/stats/outcome.hpp"

#include <cmath>
#include <limits>
#include <stdexcept>

#include "analysis/numeric/exact_constant.hpp"

namespace ov::stats {

namespace {

std::string text(double x) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.17g", x);
  return buf;
}

double distance(const std::vector<double>& a, const std::vector<double>& b) {
  double s = 0;
  for (std::size_t i = 0; i < a.size(); ++i) s += (a[i] - b[i]) * (a[i] - b[i]);
  return std::sqrt(s);
}

}  // namespace

void validate(const ClassifyOptions& o) {
  auto positive = [](const char* name, double v) {
    if (!(std::isfinite(v) && v > 0)) {
      throw std::invalid_argument(std::string(name) + " = " + text(v) + " is outside its valid range (0, inf)");
    }
  };
  positive("classification radius", o.radius);
  positive("classification gradient tolerance", o.gradient_tolerance);
  positive("divergence norm", o.divergence_norm);
}

std::vector<KnownPoint> known_points(const problems::ProblemInfo& info) {
  std::vector<KnownPoint> out;
  for (const auto& c : info.critical_points) {
    KnownPoint p;
    p.kind = c.kind;
    std::string coords;
    for (const auto& s : c.x) {
      p.x.push_back(constant<double>(s));
      coords += (coords.empty() ? "" : ", ") + s;
    }
    p.label = std::string(problems::to_string(c.kind)) + " (" + coords + ")";
    out.push_back(std::move(p));
  }
  return out;
}

void check_radius_separates(const std::vector<KnownPoint>& points, double radius) {
  for (std::size_t i = 0; i < points.size(); ++i) {
    for (std::size_t j = i + 1; j < points.size(); ++j) {
      const double d = distance(points[i].x, points[j].x);
      if (!(radius < d / 2)) {
        throw std::invalid_argument("classification radius = " + text(radius) + " is outside its valid range (0, " +
                                    text(d / 2) + "): half the distance between the known critical points " +
                                    points[i].label + " and " + points[j].label);
      }
    }
  }
}

std::vector<std::string> outcome_labels(const std::vector<KnownPoint>& points) {
  std::vector<std::string> out;
  for (const auto& p : points) out.push_back(p.label);
  out.emplace_back(kDivergedLabel);
  out.emplace_back(kUndecidedLabel);
  return out;
}

Outcome classify_outcome(const std::vector<KnownPoint>& points, const std::vector<double>& x, double grad_norm,
                         const ClassifyOptions& options) {
  validate(options);
  Outcome o;
  o.distance = std::numeric_limits<double>::quiet_NaN();
  bool finite = std::isfinite(grad_norm);
  double norm2 = 0;
  for (double v : x) {
    finite = finite && std::isfinite(v);
    norm2 += v * v;
  }
  if (!finite || !std::isfinite(norm2) || std::sqrt(norm2) > options.divergence_norm) {
    o.kind = OutcomeKind::diverged;
    o.label = kDivergedLabel;
    return o;
  }
  int nearest = -1;
  for (std::size_t i = 0; i < points.size(); ++i) {
    if (points[i].x.size() != x.size()) {
      throw std::invalid_argument("classify_outcome: the point has " + std::to_string(x.size()) +
                                  " coordinates, the known point " + points[i].label + " has " +
                                  std::to_string(points[i].x.size()));
    }
    const double d = distance(points[i].x, x);
    if (nearest < 0 || d < o.distance) {
      nearest = static_cast<int>(i);
      o.distance = d;
    }
  }
  if (nearest >= 0 && o.distance <= options.radius && grad_norm <= options.gradient_tolerance) {
    o.kind = OutcomeKind::converged;
    o.point = nearest;
    o.label = points[static_cast<std::size_t>(nearest)].label;
    return o;
  }
  o.kind = OutcomeKind::undecided;
  o.label = kUndecidedLabel;
  return o;
}

}  // namespace ov::stats
