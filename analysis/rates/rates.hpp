// Rates against bounds (docs/rates.md): everything of analysis/rates in one include.
#pragma once

#include "analysis/rates/bound_check.hpp"
#include "analysis/rates/error_sequence.hpp"
#include "analysis/rates/line_fit.hpp"
#include "analysis/rates/rate_comparison.hpp"
#include "analysis/rates/rate_fit.hpp"
#include "analysis/rates/rate_json.hpp"
#include "analysis/rates/student_t.hpp"
#include "analysis/rates/trace_errors.hpp"
#include "analysis/rates/window_detection.hpp"
