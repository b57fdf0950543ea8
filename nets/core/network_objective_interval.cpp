#include "nets/core/network_objective_impl.hpp"

template class ov::nets::NetworkObjective<ov::interval>;
