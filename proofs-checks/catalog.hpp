// The claims catalog: a registry of claims by id (ids unique and well formed, checked on
// add), kept sorted by id. Lookup of an unknown id throws unknown_claim, whose message
// lists the closest ids (edit distance) or, when none is close, every id.
#pragma once

#include <map>
#include <stdexcept>
#include <string>
#include <vector>

#include "proofs-checks/claim.hpp"

namespace ov::claims {

class unknown_claim : public std::invalid_argument {
 public:
  unknown_claim(const std::string& what, std::vector<std::string> suggestions)
      : std::invalid_argument(what), suggestions_(std::move(suggestions)) {}
  const std::vector<std::string>& suggestions() const { return suggestions_; }

 private:
  std::vector<std::string> suggestions_;
};

class Catalog {
 public:
  // Throws std::invalid_argument for a malformed claim (validate()) or a duplicate id.
  void add(Claim c);

  bool contains(const std::string& id) const { return claims_.count(id) > 0; }
  const Claim* find(const std::string& id) const;
  const Claim& get(const std::string& id) const;  // throws unknown_claim

  // Every claim, sorted by id (the catalog order used by --shard).
  std::vector<const Claim*> all() const;
  std::vector<std::string> ids() const;
  // Claims whose source document is `file` (exact file name, or a prefix such as "000");
  // throws std::invalid_argument listing the documents cited when none matches.
  std::vector<const Claim*> from_source(const std::string& file) const;
  std::vector<std::string> sources() const;  // distinct cited documents, sorted
  // Up to `max` ids closest to `id` (edit distance <= max(3, |id|/3)), closest first.
  std::vector<std::string> suggest(const std::string& id, std::size_t max = 3) const;
  std::size_t size() const { return claims_.size(); }

 private:
  std::map<std::string, Claim> claims_;
};

// The built-in catalog (every claim of proofs-checks/claims/), built once.
const Catalog& builtin_catalog();

}  // namespace ov::claims
