// evidence.figures holds scalars only (number, string, boolean or null: docs/report-schema.md),
// so that every report writer can show them as a key/value table. A check that has a nested
// result (a table, a fit, per-case figures) flattens it: {"fit": {"slope": 1.9}, "runs": [3, 4]}
// becomes {"fit.slope": 1.9, "runs.0": 3, "runs.1": 4}.
#pragma once

#include <nlohmann/json.hpp>

namespace ov::claims {

nlohmann::json flatten_figures(const nlohmann::json& figures);

}  // namespace ov::claims
