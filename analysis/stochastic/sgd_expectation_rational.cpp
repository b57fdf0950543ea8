// The exact SGD expectation oracle (sgd_expectation.hpp) instantiated for rational.
#include "analysis/numeric/scalars.hpp"
#include "analysis/stochastic/sgd_expectation_impl.hpp"

namespace ov::stochastic {

template struct FiniteSumQuadratic<rational>;
template FiniteSumQuadratic<rational> isotropic_means<rational>(const std::vector<Vec<rational>>& centers);
template class SgdExpectation<rational>;

}  // namespace ov::stochastic
