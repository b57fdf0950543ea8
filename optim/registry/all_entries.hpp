// Every optimizer family's registry entries, in one registry per scalar.
// Families whose entry file is absent are skipped (__has_include), so a family
// can land on its own.
#pragma once

#include "optim/registry/registry.hpp"

#if __has_include("optim/registry/backtracking_entries.hpp")
#include "optim/registry/backtracking_entries.hpp"
#define OPTVERIFY_HAS_BACKTRACKING_ENTRIES 1
#endif
#if __has_include("optim/registry/castera_entries.hpp")
#include "optim/registry/castera_entries.hpp"
#define OPTVERIFY_HAS_CASTERA_ENTRIES 1
#endif
#if __has_include("optim/registry/adaptive_entries.hpp")
#include "optim/registry/adaptive_entries.hpp"
#define OPTVERIFY_HAS_ADAPTIVE_ENTRIES 1
#endif
#if __has_include("optim/registry/sam_entries.hpp")
#include "optim/registry/sam_entries.hpp"
#define OPTVERIFY_HAS_SAM_ENTRIES 1
#endif

namespace ov::optim {

template <class S>
Registry<S> make_registry() {
  Registry<S> r;
#ifdef OPTVERIFY_HAS_BACKTRACKING_ENTRIES
  register_backtracking(r);
#endif
#ifdef OPTVERIFY_HAS_CASTERA_ENTRIES
  register_castera(r);
#endif
#ifdef OPTVERIFY_HAS_ADAPTIVE_ENTRIES
  register_adaptive(r);
#endif
#ifdef OPTVERIFY_HAS_SAM_ENTRIES
  register_sam(r);
#endif
  return r;
}

}  // namespace ov::optim
