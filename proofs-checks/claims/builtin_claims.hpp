// Registers every built-in claim (one function per claim file; explicit, no static
// initialisation order tricks).
#pragma once

namespace ov::claims {

class Catalog;
void register_builtin_claims(Catalog& c);

}  // namespace ov::claims
