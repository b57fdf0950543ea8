// `optverify run --precision mp100`: the run body instantiated for one scalar.
#include "cli/run_in_scalar.hpp"

namespace ov::cli {

RunOutcome run_mp100(const RunRequest& q) { return run_in<mp100>(q); }

}  // namespace ov::cli
