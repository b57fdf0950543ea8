// `optverify run --precision float128`: the run body instantiated for one scalar.
#include "cli/run_in_scalar.hpp"

namespace ov::cli {

RunOutcome run_float128(const RunRequest& q) { return run_in<float128>(q); }

}  // namespace ov::cli
