// Evaluator factories of every catalog family in scalar 'mp50' (one translation
// unit per scalar keeps the Jet/multiprecision instantiations parallel and small).
#include "analysis/problems/register_evaluators.hpp"

namespace ov::problems {
template void register_evaluators<ov::mp50>(Registry&);
}  // namespace ov::problems
