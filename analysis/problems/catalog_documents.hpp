// Problem families taken from the five source documents and their guides.
#pragma once

#include "analysis/problems/family.hpp"
#include "analysis/problems/functions/abs.hpp"
#include "analysis/problems/functions/abs_power.hpp"
#include "analysis/problems/functions/castera_quadratic.hpp"
#include "analysis/problems/functions/castera_quartic.hpp"
#include "analysis/problems/functions/cube.hpp"
#include "analysis/problems/functions/cubic_linear.hpp"
#include "analysis/problems/functions/cubic_oscillation.hpp"
#include "analysis/problems/functions/double_well.hpp"
#include "analysis/problems/functions/exp.hpp"
#include "analysis/problems/functions/mexican_hat.hpp"
#include "analysis/problems/functions/nesterov_example.hpp"
#include "analysis/problems/functions/nonconvex_regression.hpp"
#include "analysis/problems/functions/ring.hpp"
#include "analysis/problems/functions/saddle_cos.hpp"
#include "analysis/problems/functions/smoothed_abs.hpp"
#include "analysis/problems/functions/square.hpp"

namespace ov::problems {

// Paper 000/001 (backtracking GD), thesis 002 (Castera), survey 003 (Fleischmann).
using DocumentFamilies =
    FamilyList<AbsPowerFamily, SmoothedAbsFamily, AbsFamily, SquareFamily, CubeFamily, CubicLinearFamily, ExpFamily,
               RingFamily, DoubleWellFamily, MexicanHatFamily, NesterovExampleFamily, CubicOscillationFamily,
               CasteraQuarticFamily, CasteraQuadraticFamily, SaddleCosFamily, NonconvexRegressionFamily>;

}  // namespace ov::problems
