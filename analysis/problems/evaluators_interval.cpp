// Evaluator factories of every catalog family in scalar 'interval' (one translation
// unit per scalar keeps the Jet/multiprecision instantiations parallel and small).
#include "analysis/problems/register_evaluators.hpp"

namespace ov::problems {
template void register_evaluators<ov::interval>(Registry&);
}  // namespace ov::problems
