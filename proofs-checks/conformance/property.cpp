#include "proofs-checks/conformance/property.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "optim/core/random.hpp"

namespace ov::conformance {

const char* to_string(Status s) {
  switch (s) {
    case Status::passed: return "passed";
    case Status::failed: return "failed";
    case Status::not_applicable: return "not applicable";
    case Status::undecided: return "undecided";
  }
  return "?";
}

nlohmann::json to_json(const Case& c) {
  return {{"seed", c.seed}, {"dim", c.dim}, {"condition", c.condition}, {"scale", c.scale}};
}

namespace property_detail {
double log_uniform(optim::SplitMix64& rng, double lo, double hi) {
  if (lo == hi) return lo;
  return lo * std::pow(hi / lo, rng.uniform());
}
}  // namespace property_detail

std::vector<Case> seeded_cases(std::uint64_t seed, int count, const CaseRanges& r) {
  if (count < 0) throw std::invalid_argument("seeded_cases: count = " + std::to_string(count) + " is outside [0, inf)");
  if (r.dim_min < 1 || r.dim_max < r.dim_min)
    throw std::invalid_argument("seeded_cases: dimension range [" + std::to_string(r.dim_min) + ", " +
                                std::to_string(r.dim_max) + "] is invalid (valid: 1 <= dim_min <= dim_max)");
  if (!(r.condition_min >= 1 && r.condition_max >= r.condition_min) || !(r.scale_min > 0 && r.scale_max >= r.scale_min))
    throw std::invalid_argument("seeded_cases: condition range must satisfy 1 <= min <= max, scale range 0 < min <= max");
  optim::SplitMix64 rng(seed);
  std::vector<Case> out;
  out.reserve(static_cast<std::size_t>(count));
  for (int i = 0; i < count; ++i) {
    Case c;
    c.seed = (rng.next() >> 2) | 1u;  // nonzero, fits a signed 64-bit integer in JSON
    c.dim = r.dim_min + static_cast<int>(rng.below(static_cast<std::uint64_t>(r.dim_max - r.dim_min + 1)));
    c.condition = property_detail::log_uniform(rng, r.condition_min, r.condition_max);
    c.scale = property_detail::log_uniform(rng, r.scale_min, r.scale_max);
    out.push_back(c);
  }
  return out;
}

claims::Finding fold_outcomes(const std::vector<std::pair<Case, Outcome>>& outcomes, const std::string& subject_name,
                              const std::string& origin) {
  claims::Finding f;
  f.precision = "double";
  int passed = 0, failed = 0, skipped = 0, undecided = 0;
  const std::pair<Case, Outcome>* first_failed = nullptr;
  const std::pair<Case, Outcome>* first_undecided = nullptr;
  const std::pair<Case, Outcome>* first_skipped = nullptr;
  for (const auto& co : outcomes) {
    switch (co.second.status) {
      case Status::passed: ++passed; break;
      case Status::failed:
        ++failed;
        if (!first_failed) first_failed = &co;
        break;
      case Status::not_applicable:
        ++skipped;
        if (!first_skipped) first_skipped = &co;
        break;
      case Status::undecided:
        ++undecided;
        if (!first_undecided) first_undecided = &co;
        break;
    }
  }
  f.parameters = {{"subject", subject_name}, {"cases", static_cast<int>(outcomes.size())}};
  if (!origin.empty()) f.parameters["origin"] = origin;
  f.evidence.figures = {{"cases_passed", passed},
                        {"cases_failed", failed},
                        {"cases_not_applicable", skipped},
                        {"cases_undecided", undecided}};
  const auto describe = [](const std::pair<Case, Outcome>& co) {
    return "case " + to_json(co.first).dump() + ": " + co.second.detail;
  };
  // The report schema's figures are numbers or strings (docs/report-schema.md): a vector or
  // object a property recorded is kept as its JSON text.
  const auto merge_figures = [&f](const Outcome& o) {
    for (auto it = o.figures.begin(); it != o.figures.end(); ++it) {
      const bool scalar = it.value().is_number() || it.value().is_string() || it.value().is_boolean();
      f.evidence.figures[it.key()] = scalar ? it.value() : nlohmann::json(it.value().dump());
    }
  };
  if (first_failed) {
    f.verdict = claims::Verdict::refuted;
    f.evidence.summary = subject_name + " fails: " + describe(*first_failed);
    f.evidence.counterexample = {{"case", to_json(first_failed->first)},
                                 {"detail", first_failed->second.detail},
                                 {"figures", first_failed->second.figures}};
    merge_figures(first_failed->second);
  } else if (undecided > 0) {
    f.verdict = claims::Verdict::inconclusive;
    f.evidence.summary = std::to_string(undecided) + " of " + std::to_string(outcomes.size()) +
                         " case(s) undecided; first: " + describe(*first_undecided);
    merge_figures(first_undecided->second);
  } else if (passed == 0) {
    f.verdict = claims::Verdict::inconclusive;
    f.evidence.summary = first_skipped ? "not applicable: " + first_skipped->second.detail : "no case was run";
  } else {
    f.verdict = claims::Verdict::holds;
    const auto& last = *std::find_if(outcomes.rbegin(), outcomes.rend(),
                                     [](const auto& co) { return co.second.status == Status::passed; });
    f.evidence.summary = std::to_string(passed) + " case(s) passed" +
                         (skipped ? " (" + std::to_string(skipped) + " not applicable)" : "") + "; last: " +
                         describe(last);
    merge_figures(last.second);
  }
  return f;
}

}  // namespace ov::conformance
