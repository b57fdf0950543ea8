// Registers the descriptor (name, defaults, metadata) of every catalog family.
#include "analysis/problems/catalog.hpp"
#include "analysis/problems/registry.hpp"

namespace ov::problems {

namespace {
template <class... Families>
void add_all(Registry& r, FamilyList<Families...>) {
  (r.add(ProblemDescriptor{Families::kName, Families::kTitle, Families::defaults(),
                           [](const Params& p) { return Families::describe(p); },
                           {}}),
   ...);
}
}  // namespace

void register_descriptors(Registry& r) { add_all(r, Catalog{}); }

}  // namespace ov::problems
