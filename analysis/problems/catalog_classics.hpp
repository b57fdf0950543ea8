// Classic optimisation test functions and generated problem families.
#pragma once

#include "analysis/problems/family.hpp"
#include "analysis/problems/functions/ackley.hpp"
#include "analysis/problems/functions/beale.hpp"
#include "analysis/problems/functions/booth.hpp"
#include "analysis/problems/functions/himmelblau.hpp"
#include "analysis/problems/functions/huber_worst_case.hpp"
#include "analysis/problems/functions/least_squares.hpp"
#include "analysis/problems/functions/logistic_regression.hpp"
#include "analysis/problems/functions/matyas.hpp"
#include "analysis/problems/functions/mccormick.hpp"
#include "analysis/problems/functions/quadratic.hpp"
#include "analysis/problems/functions/quadratic_deep.hpp"
#include "analysis/problems/functions/rastrigin.hpp"
#include "analysis/problems/functions/rosenbrock.hpp"
#include "analysis/problems/functions/rosenbrock_chain.hpp"
#include "analysis/problems/functions/styblinski_tang.hpp"
#include "analysis/problems/functions/three_hump_camel.hpp"
#include "analysis/problems/functions/wood.hpp"

namespace ov::problems {

using ClassicFamilies =
    FamilyList<RosenbrockFamily, RosenbrockChainFamily, BealeFamily, BoothFamily, HimmelblauFamily, MatyasFamily,
               McCormickFamily, ThreeHumpCamelFamily, StyblinskiTangFamily, RastriginFamily, AckleyFamily, WoodFamily,
               QuadraticFamily, QuadraticDeepFamily, HuberWorstCaseFamily, LeastSquaresFamily,
               LogisticRegressionFamily>;

}  // namespace ov::problems
