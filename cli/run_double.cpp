// `optverify run --precision double`: the run body instantiated for one scalar.
#include "cli/run_in_scalar.hpp"

namespace ov::cli {

RunOutcome run_double(const RunRequest& q) { return run_in<double>(q); }

}  // namespace ov::cli
