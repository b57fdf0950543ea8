#include "nets/landscape/multistart.hpp"

#include <algorithm>
#include <cmath>
#include <sstream>
#include <stdexcept>

#include "analysis/problems/problem.hpp"
#include "optim/core/random.hpp"

namespace ov::nets::landscape {

void MultiStartOptions::validate(int dim) const {
  auto bad = [](const std::string& name, const std::string& value, const std::string& range) {
    throw std::invalid_argument("MultiStartOptions." + name + " = " + value + " is invalid; valid: " + range);
  };
  if (num_starts < 1 || num_starts > 1000000) bad("num_starts", std::to_string(num_starts), "an integer in [1, 10^6]");
  if (static_cast<int>(box_lo.size()) != dim)
    bad("box_lo", "(" + std::to_string(box_lo.size()) + " entries)", std::to_string(dim) + " entries (the dimension)");
  if (static_cast<int>(box_hi.size()) != dim)
    bad("box_hi", "(" + std::to_string(box_hi.size()) + " entries)", std::to_string(dim) + " entries (the dimension)");
  for (int j = 0; j < dim; ++j) {
    if (!std::isfinite(box_lo[j]) || !std::isfinite(box_hi[j]) || !(box_lo[j] <= box_hi[j])) {
      std::ostringstream s;
      s << "[" << box_lo[j] << ", " << box_hi[j] << "]";
      bad("box[" + std::to_string(j) + "]", s.str(), "finite box_lo[j] <= box_hi[j]");
    }
  }
  if (!(dedup_tolerance > 0) || !(dedup_tolerance < 1))
    bad("dedup_tolerance", std::to_string(dedup_tolerance), "a number in (0, 1)");
  if (derivative_checks < 0) bad("derivative_checks", std::to_string(derivative_checks), "an integer >= 0");
  if (!(derivative_tolerance > 0)) bad("derivative_tolerance", std::to_string(derivative_tolerance), "a number > 0");
  search.validate();
}

int LandscapeReport::count(PointClass k) const {
  return static_cast<int>(std::count_if(points.begin(), points.end(),
                                        [k](const FoundPoint& p) { return p.classification.kind == k; }));
}

int LandscapeReport::count_index(int index) const {
  return static_cast<int>(std::count_if(points.begin(), points.end(), [index](const FoundPoint& p) {
    return p.classification.kind != PointClass::degenerate && p.classification.index == index;
  }));
}

namespace {
bool same_point(const Vec<mp100>& a, const Vec<mp100>& b, double tol) {
  const mp100 scale = std::max(mp100(1), mp100(b.cwiseAbs().maxCoeff()));
  return (a - b).cwiseAbs().maxCoeff() <= mp100(tol) * scale;
}
}  // namespace

LandscapeReport multistart(const Landscape& f, const MultiStartOptions& o) {
  f.validate();
  o.validate(f.dim());
  const int n = f.dim();
  LandscapeReport rep;
  rep.function = f.name;
  rep.dim = n;
  rep.options = o;
  optim::SplitMix64 rng(o.seed);
  for (int s = 0; s < o.num_starts; ++s) {
    Vec<double> start(n);
    for (int j = 0; j < n; ++j) start[j] = o.box_lo[j] + rng.uniform() * (o.box_hi[j] - o.box_lo[j]);
    if (s < o.derivative_checks) {
      Vec<mp100> xs(n);
      for (int j = 0; j < n; ++j) xs[j] = start[j];
      const DerivativeCheck c = check_derivatives(f.precise, xs);
      rep.max_gradient_error = std::max(rep.max_gradient_error, c.gradient_error);
      rep.max_hessian_error = std::max(rep.max_hessian_error, c.hessian_error);
      if (!(c.gradient_error <= o.derivative_tolerance))
        throw inconsistent_derivatives("landscape '" + f.name + "': the gradient disagrees with the value's central "
                                       "differences at start " + std::to_string(s) + ", component " +
                                       std::to_string(c.worst_gradient_component) + " (relative error " +
                                       std::to_string(c.gradient_error) + " > " +
                                       std::to_string(o.derivative_tolerance) + ")");
      if (!(c.hessian_error <= o.derivative_tolerance))
        throw inconsistent_derivatives("landscape '" + f.name + "': the Hessian disagrees with the gradient's central "
                                       "differences at start " + std::to_string(s) + ", column " +
                                       std::to_string(c.worst_hessian_column) + " (relative error " +
                                       std::to_string(c.hessian_error) + " > " +
                                       std::to_string(o.derivative_tolerance) + ")");
    }
    const CriticalPointResult r = find_critical_point(f, start, o.search);
    if (!r.converged()) {
      ++rep.failed_starts[to_string(r.status)];
      continue;
    }
    ++rep.converged_starts;
    bool merged = false;
    for (FoundPoint& p : rep.points) {
      if (same_point(r.x, p.x, o.dedup_tolerance)) {
        ++p.hits;
        merged = true;
        break;
      }
    }
    if (!merged) {
      FoundPoint p;
      p.x = r.x;
      p.value = r.value;
      p.gradient_norm = r.gradient_norm;
      p.newton_iterations = r.newton_iterations;
      p.classification = *r.classification;
      p.hits = 1;
      p.first_start = s;
      rep.points.push_back(std::move(p));
    }
  }
  std::stable_sort(rep.points.begin(), rep.points.end(), [](const FoundPoint& a, const FoundPoint& b) {
    if (a.value != b.value) return a.value < b.value;
    for (Eigen::Index i = 0; i < a.x.size(); ++i)
      if (a.x[i] != b.x[i]) return a.x[i] < b.x[i];
    return false;
  });
  return rep;
}

LandscapeReport multistart(const problems::Problem& problem, MultiStartOptions o) {
  if (o.box_lo.empty() && o.box_hi.empty()) {
    o.box_lo = problem.info().box_lo;
    o.box_hi = problem.info().box_hi;
  }
  return multistart(from_problem(problem), o);
}

}  // namespace ov::nets::landscape
