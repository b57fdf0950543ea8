// The seed of run i of a Monte-Carlo experiment with master seed m: the (i+1)-th
// output of the SplitMix64 stream started at m (Steele, Lea & Flood 2014), computed
// directly (the generator's state after i+1 steps is m + (i+1) * golden gamma).
// It depends only on (m, i), never on the number of workers or the order in which
// runs finish; run i then draws its start point from SplitMix64(run_seed(m, i)).
#pragma once

#include <cstdint>

#include "optim/core/random.hpp"

namespace ov::stats {

inline std::uint64_t run_seed(std::uint64_t master, std::uint64_t index) {
  optim::SplitMix64 g(master + index * 0x9e3779b97f4a7c15ULL);
  return g.next();
}

}  // namespace ov::stats
