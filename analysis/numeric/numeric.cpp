// Non-template parts of analysis/numeric (filled by the numeric-types work).
#include "analysis/numeric/scalars.hpp"
