// Start points of Monte-Carlo runs: uniform in the Euclidean ball (or the box) of
// radius 1 around 0, in double, from a SplitMix64 stream; the caller scales by the
// radius and shifts by the centre in its own scalar type.
//  - ball: Gaussian direction (Box-Muller) scaled by U^(1/n) (uniform in volume);
//  - box : each coordinate 2U - 1.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "optim/core/random.hpp"

namespace ov::stats {

enum class StartRegion { ball, box };

const char* to_string(StartRegion r);
StartRegion start_region_from_string(const std::string& s);  // "ball" | "box", else invalid_argument

std::vector<double> unit_region_point(optim::SplitMix64& rng, int dim, StartRegion region);

}  // namespace ov::stats
