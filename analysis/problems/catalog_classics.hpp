// Classic optimisation test functions and generated problem families.
#pragma once

#include "analysis/problems/family.hpp"
#include "analysis/problems/functions/rosenbrock.hpp"

namespace ov::problems {

using ClassicFamilies = FamilyList<RosenbrockFamily>;

}  // namespace ov::problems
