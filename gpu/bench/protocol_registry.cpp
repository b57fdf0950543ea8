// The protocol kinds (protocol.hpp) and their runners (protocol_runners.hpp).
#include <stdexcept>
#include <string>
#include <vector>

#include "gpu/bench/protocol.hpp"
#include "gpu/bench/protocol_runners.hpp"

namespace ov::gpu::bench {

namespace protocol_registry_detail {

using Runner = ProtocolResult (*)(const ProtocolFile&, const nlohmann::json&, const ProtocolOptions&);

struct Entry {
  ProtocolKind kind;
  Runner runner;
};

const std::vector<Entry>& entries() {
  static const std::vector<Entry> all = {
      {{"mbt_finder_stability",
        "MBT Table 1: the learning-rate finder's rate over starting rates x batch sizes (000 §4.4)"},
       &run_mbt_finder_stability},
      {{"mbt_optimizer_comparison",
        "MBT Tables 2-3: baselines over a learning-rate grid against MBT-GD/MMT/NAG, models x data sets (000 §4.5-4.6)"},
       &run_mbt_optimizer_comparison},
      {{"mbt_learning_rate_traces",
        "MBT Figures 2-3: two-way backtracking rates (full batch) and per-epoch finder rates (000 §4.2-4.3)"},
       &run_mbt_learning_rate_traces},
      {{"castera_inna_comparison",
        "Castera Chapter 2: INNA against SGD, Adagrad, Adam; the (alpha, beta) grid; decays k^-q (002 §2.5)"},
       &run_castera_inna_comparison},
      {{"castera_step_tuned_problems",
        "Castera Table 4.1 problems (a)-(f): Step-Tuned SGD, INNA and baselines; batch-reuse and batch-norm ablations (002 §4.5)"},
       &run_castera_step_tuned_problems},
  };
  return all;
}

}  // namespace protocol_registry_detail

const std::vector<ProtocolKind>& protocol_kinds() {
  static const std::vector<ProtocolKind> kinds = [] {
    std::vector<ProtocolKind> k;
    for (const auto& e : protocol_registry_detail::entries()) k.push_back(e.kind);
    return k;
  }();
  return kinds;
}

ProtocolResult run_protocol(const ProtocolFile& file, const ProtocolOptions& options) {
  for (const auto& e : protocol_registry_detail::entries()) {
    if (e.kind.kind == file.kind) {
      ProtocolResult r = e.runner(file, file.settings(options.scale), options);
      r.name = file.name;
      r.kind = file.kind;
      return r;
    }
  }
  std::string valid;
  for (const auto& k : protocol_kinds()) valid += (valid.empty() ? "" : ", ") + k.kind;
  throw std::invalid_argument(file.path + ": unknown protocol kind \"" + file.kind + "\" (valid: " + valid + ")");
}

}  // namespace ov::gpu::bench
