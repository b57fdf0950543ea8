// The whole catalog of problem families.
#pragma once

#include "analysis/problems/catalog_classics.hpp"
#include "analysis/problems/catalog_documents.hpp"
#include "analysis/problems/family.hpp"

namespace ov::problems {

using Catalog = decltype(concat(DocumentFamilies{}, ClassicFamilies{}));

}  // namespace ov::problems
