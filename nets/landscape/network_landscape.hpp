// A network on a data set as a Landscape (function.hpp): the loss f(theta) of
// nets::NetworkObjective in double (search) and mp100 (refinement, inertia), and in
// rational where the network is a rational function of theta (identity, relu,
// leaky_relu, quadratic activations with a square-family loss), so that the landscape
// tools find and classify a network's critical points and report cost against index
// (Dauphin et al.'s correlation, 003 §3).
#pragma once

#include "nets/core/architecture.hpp"
#include "nets/data/dataset.hpp"
#include "nets/landscape/function.hpp"

namespace ov::nets::landscape {

Landscape network_landscape(const Architecture& architecture, const Dataset& data);

}  // namespace ov::nets::landscape
