#include "proofs-checks/shard.hpp"

#include <cctype>
#include <stdexcept>

namespace ov::claims {

namespace {
bool parse_positive(const std::string& s, int& out) {
  if (s.empty() || s.size() > 9) return false;
  for (char c : s)
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  out = std::stoi(s);
  return out >= 1;
}
}  // namespace

Shard parse_shard(const std::string& text) {
  const auto bad = [&](const std::string& why) {
    return std::invalid_argument("--shard = '" + text + "': " + why +
                                 "; the valid form is i/n with integers 1 <= i <= n (e.g. --shard 2/4)");
  };
  const auto slash = text.find('/');
  if (slash == std::string::npos) throw bad("no '/'");
  Shard s;
  if (!parse_positive(text.substr(0, slash), s.index)) throw bad("i is not a positive integer");
  if (!parse_positive(text.substr(slash + 1), s.count)) throw bad("n is not a positive integer");
  if (s.index > s.count) throw bad("i is larger than n");
  return s;
}

bool in_shard(std::size_t catalog_index, const Shard& s) {
  return static_cast<int>(catalog_index % static_cast<std::size_t>(s.count)) == s.index - 1;
}

std::vector<const Claim*> select_shard(const std::vector<const Claim*>& ordered, const Shard& s) {
  std::vector<const Claim*> out;
  for (std::size_t k = 0; k < ordered.size(); ++k)
    if (in_shard(k, s)) out.push_back(ordered[k]);
  return out;
}

}  // namespace ov::claims
