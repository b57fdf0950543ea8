// `optverify run --precision float`: the run body instantiated for one scalar.
#include "cli/run_in_scalar.hpp"

namespace ov::cli {

RunOutcome run_float(const RunRequest& q) { return run_in<float>(q); }

}  // namespace ov::cli
