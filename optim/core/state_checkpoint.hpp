// An optional interface of an update rule: its internal state (momentum buffers, step
// counters, previous steps) as text and back, so that a run can be checkpointed and
// continued. A rule that implements it promises: save_state() after step k, then
// load_state() into a fresh instance built with the same hyper-parameters, then step k+1
// onwards gives bitwise the same iterates as the uninterrupted run
// (docs/conformance.md, property universal.checkpoint-round-trip).
#pragma once

#include <string>

namespace ov::optim {

class StateCheckpoint {
 public:
  virtual ~StateCheckpoint() = default;
  // The whole internal state, exactly (e.g. hexadecimal floating point).
  virtual std::string save_state() const = 0;
  // Replaces the state; throws std::invalid_argument naming what is malformed and leaves
  // the state unchanged.
  virtual void load_state(const std::string& text) = 0;
};

}  // namespace ov::optim
