// `optverify run --precision mp50`: the run body instantiated for one scalar.
#include "cli/run_in_scalar.hpp"

namespace ov::cli {

RunOutcome run_mp50(const RunRequest& q) { return run_in<mp50>(q); }

}  // namespace ov::cli
