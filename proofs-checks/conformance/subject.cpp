#include "proofs-checks/conformance/subject.hpp"

#include <cmath>
#include <stdexcept>

namespace ov::conformance {

namespace subject_detail {
void require(bool ok, const std::string& subject, const std::string& field, double value, const std::string& range) {
  if (ok) return;
  throw std::invalid_argument("conformance subject '" + subject + "': " + field + " = " + std::to_string(value) +
                              " is outside its valid range " + range);
}
}  // namespace subject_detail

void validate(const Subject& s) {
  using subject_detail::require;
  if (s.name.empty()) throw std::invalid_argument("conformance subject: the name is empty");
  if (!s.make) throw std::invalid_argument("conformance subject '" + s.name + "': no factory (make is empty)");
  if (!s.make()) throw std::invalid_argument("conformance subject '" + s.name + "': the factory returned null");
  const Declarations& d = s.declared;
  if (d.descent) {
    require(std::isfinite(d.descent->step) && d.descent->step >= 0, s.name, "descent.step", d.descent->step,
            "[0, inf)");
    require(d.descent->stable_step_times_L > 0, s.name, "descent.stable_step_times_L",
            d.descent->stable_step_times_L, "(0, inf]");
  }
  if (d.line_search) {
    const auto& l = *d.line_search;
    require(l.armijo_alpha > 0 && l.armijo_alpha < 1, s.name, "line_search.armijo_alpha", l.armijo_alpha, "(0, 1)");
    if (l.wolfe_c2)
      require(*l.wolfe_c2 > l.armijo_alpha && *l.wolfe_c2 < 1, s.name, "line_search.wolfe_c2", *l.wolfe_c2,
              "(armijo_alpha, 1)");
    if (l.delta0) require(std::isfinite(*l.delta0) && *l.delta0 > 0, s.name, "line_search.delta0", *l.delta0, "(0, inf)");
    if (l.beta) require(*l.beta > 0 && *l.beta < 1, s.name, "line_search.beta", *l.beta, "(0, 1)");
    if (l.maximal && !(l.delta0 && l.beta))
      throw std::invalid_argument("conformance subject '" + s.name +
                                  "': line_search.maximal needs line_search.delta0 and line_search.beta");
    require(l.max_trials >= 1, s.name, "line_search.max_trials", l.max_trials, "[1, inf)");
  }
  if (d.momentum) {
    require(std::isfinite(d.momentum->step) && d.momentum->step > 0, s.name, "momentum.step", d.momentum->step,
            "(0, inf)");
    require(d.momentum->momentum >= 0 && d.momentum->momentum < 1, s.name, "momentum.momentum",
            d.momentum->momentum, "[0, 1)");
  }
  if (d.adaptive) {
    require(std::isfinite(d.adaptive->lr) && d.adaptive->lr > 0, s.name, "adaptive.lr", d.adaptive->lr, "(0, inf)");
    require(std::isfinite(d.adaptive->eps) && d.adaptive->eps >= 0, s.name, "adaptive.eps", d.adaptive->eps,
            "[0, inf)");
  }
  if (d.fixed_point)
    require(std::isfinite(d.fixed_point->safe_L) && d.fixed_point->safe_L > 0, s.name, "fixed_point.safe_L",
            d.fixed_point->safe_L, "(0, inf)");
  if (d.stochastic) {
    require(d.stochastic->batch_size >= 1, s.name, "stochastic.batch_size",
            static_cast<double>(d.stochastic->batch_size), "[1, inf)");
    require(std::isfinite(d.stochastic->step) && d.stochastic->step >= 0, s.name, "stochastic.step",
            d.stochastic->step, "[0, inf)");
  }
}

}  // namespace ov::conformance
