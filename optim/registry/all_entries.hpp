// Every optimizer family's registry entries, in one registry per scalar.
// (Plain includes, not __has_include: ccache's direct mode does not notice a file
// that __has_include would newly find, and would serve a stale object.)
#pragma once

#include "optim/registry/adaptive_entries.hpp"
#include "optim/registry/backtracking_entries.hpp"
#include "optim/registry/castera_entries.hpp"
#include "optim/registry/registry.hpp"
#include "optim/registry/sam_entries.hpp"

namespace ov::optim {

template <class S>
Registry<S> make_registry() {
  Registry<S> r;
  register_backtracking(r);
  register_castera(r);
  register_adaptive(r);
  register_sam(r);
  return r;
}

}  // namespace ov::optim
