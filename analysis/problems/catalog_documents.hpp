// Problem families taken from the five source documents and their guides.
#pragma once

#include "analysis/problems/family.hpp"
#include "analysis/problems/functions/abs_power.hpp"

namespace ov::problems {

using DocumentFamilies = FamilyList<AbsPowerFamily>;

}  // namespace ov::problems
