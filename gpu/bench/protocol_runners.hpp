// The runner of each protocol kind (protocol.hpp). Each takes the parsed file, its settings
// block for the chosen scale and the options; protocol_registry.cpp maps kinds to runners.
#pragma once

#include <nlohmann/json.hpp>

#include "gpu/bench/protocol.hpp"

namespace ov::gpu::bench {

// MBT (000_47ba9189a2c8a171.txt §4): Table 1 (finder stability), Tables 2-3 (optimizer and
// model comparisons), Figures 2-3 (learning-rate traces).
ProtocolResult run_mbt_finder_stability(const ProtocolFile& file, const nlohmann::json& settings,
                                        const ProtocolOptions& options);
ProtocolResult run_mbt_optimizer_comparison(const ProtocolFile& file, const nlohmann::json& settings,
                                            const ProtocolOptions& options);
ProtocolResult run_mbt_learning_rate_traces(const ProtocolFile& file, const nlohmann::json& settings,
                                            const ProtocolOptions& options);

// Castera (002_dc929347c6f8ce02.txt): Chapter 2 (INNA against SGD, Adagrad, Adam; the (alpha,
// beta) grid; decays k^-q) and Table 4.1 problems (a)-(f), with the batch-reuse (Fig. 4.5)
// and batch-norm (Fig. 4.6) ablations.
ProtocolResult run_castera_inna_comparison(const ProtocolFile& file, const nlohmann::json& settings,
                                           const ProtocolOptions& options);
ProtocolResult run_castera_step_tuned_problems(const ProtocolFile& file, const nlohmann::json& settings,
                                               const ProtocolOptions& options);

}  // namespace ov::gpu::bench
