// The exact SGD expectation oracle (sgd_expectation.hpp) instantiated for mp100.
#include "analysis/numeric/scalars.hpp"
#include "analysis/stochastic/sgd_expectation_impl.hpp"

namespace ov::stochastic {

template struct FiniteSumQuadratic<mp100>;
template FiniteSumQuadratic<mp100> isotropic_means<mp100>(const std::vector<Vec<mp100>>& centers);
template class SgdExpectation<mp100>;

}  // namespace ov::stochastic
