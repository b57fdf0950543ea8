// --shard i/n: split a catalog over n machines. The claims are taken in catalog order
// (sorted by id); shard i (1-based, 1 <= i <= n) runs the claims whose 0-based index k
// satisfies k mod n == i - 1. The n shards partition the catalog: each claim runs in
// exactly one shard.
#pragma once

#include <string>
#include <vector>

#include "proofs-checks/claim.hpp"

namespace ov::claims {

struct Shard {
  int index = 1;  // i, 1-based
  int count = 1;  // n
};

// Parses "i/n" (decimal integers, 1 <= i <= n); throws std::invalid_argument naming
// `--shard`, the value and the valid form.
Shard parse_shard(const std::string& text);

bool in_shard(std::size_t catalog_index, const Shard& s);

// The claims of `ordered` (catalog order) that belong to shard s.
std::vector<const Claim*> select_shard(const std::vector<const Claim*>& ordered, const Shard& s);

}  // namespace ov::claims
