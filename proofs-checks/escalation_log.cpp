#include "proofs-checks/escalation_log.hpp"

#include <fmt/core.h>

namespace ov::claims {

void EscalationLog::record(const ladder::SignDecision& d, const std::string& where) {
  ++decisions_;
  if (d.certified) ++certified_;
  for (std::size_t p = 0; p < d.attempts.size(); ++p) {
    const int r = static_cast<int>(d.attempts[p].rung);
    ++reached_[r];
    if (r > highest_) highest_ = r;
    if (p > 0 && first_reason_[r].empty()) {
      const auto& below = d.attempts[p - 1];
      first_reason_[r] = fmt::format("{}: at {} value {}{} ({})", ladder::to_string(below.rung), where, below.value,
                                     below.margin.empty() ? "" : ", margin " + below.margin, below.why);
    }
  }
  if (d.decided && d.rung) {
    ++decided_by_[static_cast<int>(*d.rung)];
  } else {
    ++undecided_;
  }
}

std::string EscalationLog::precision_used() const { return ladder::to_string(static_cast<ladder::Rung>(highest_)); }

std::vector<Escalation> EscalationLog::escalations() const {
  std::vector<Escalation> out;
  for (int r = 1; r < kRungs; ++r) {
    if (reached_[r] == 0) continue;
    const char* name = ladder::to_string(static_cast<ladder::Rung>(r));
    out.push_back({name, fmt::format("{} of {} decisions could not be decided below {}; first: {}", reached_[r],
                                     decisions_, name, first_reason_[r])});
  }
  return out;
}

nlohmann::json EscalationLog::figures() const {
  nlohmann::json j = {{"decisions", decisions_}, {"undecided", undecided_}};
  for (int r = 0; r < kRungs; ++r)
    j[std::string("decided_by_") + ladder::to_string(static_cast<ladder::Rung>(r))] = decided_by_[r];
  return j;
}

}  // namespace ov::claims
