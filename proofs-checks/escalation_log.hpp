// EscalationLog: collects the precision-ladder decisions of one check
// (analysis/numeric/precision_ladder.hpp) and turns them into the claim result's
// "precision" (the highest rung that had to decide), "escalations" (one entry per rung
// reached above double: how many decisions needed it and the first one, with the value
// and margin that forced it) and counts per rung for the evidence's figures.
#pragma once

#include <array>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "analysis/numeric/precision_ladder.hpp"
#include "proofs-checks/claim.hpp"

namespace ov::claims {

class EscalationLog {
 public:
  // `where` names the decision (e.g. "problem rosenbrock, start 3, step 17").
  void record(const ladder::SignDecision& d, const std::string& where);

  // Highest rung that decided some decision ("double" if none was recorded); a decision
  // left undecided counts with the last rung it tried.
  std::string precision_used() const;
  std::vector<Escalation> escalations() const;
  // {"decisions": n, "decided_by_double": ..., ..., "undecided": ...}
  nlohmann::json figures() const;
  int decisions() const { return decisions_; }
  int undecided() const { return undecided_; }
  // Every recorded decision was made by the interval or rational rung.
  bool all_certified() const { return decisions_ > 0 && certified_ == decisions_; }

 private:
  static constexpr int kRungs = 5;
  int decisions_ = 0, undecided_ = 0, certified_ = 0;
  std::array<int, kRungs> decided_by_{};  // per rung
  std::array<int, kRungs> reached_{};     // decisions that tried this rung
  std::array<std::string, kRungs> first_reason_{};
  int highest_ = 0;
};

}  // namespace ov::claims
