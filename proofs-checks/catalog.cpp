#include "proofs-checks/catalog.hpp"

#include <algorithm>
#include <set>


namespace ov::claims {

namespace {

std::size_t edit_distance(const std::string& a, const std::string& b) {
  std::vector<std::size_t> d(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) d[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diag = d[0];
    d[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t up = d[j];
      d[j] = std::min({d[j] + 1, d[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diag = up;
    }
  }
  return d[b.size()];
}

std::string join(const std::vector<std::string>& v) {
  std::string s;
  for (const auto& x : v) s += (s.empty() ? "" : ", ") + x;
  return s;
}

}  // namespace

void Catalog::add(Claim c) {
  validate(c);
  if (claims_.count(c.id)) throw std::invalid_argument("claims catalog: id '" + c.id + "' registered twice");
  const std::string id = c.id;
  claims_.emplace(id, std::move(c));
}

const Claim* Catalog::find(const std::string& id) const {
  auto it = claims_.find(id);
  return it == claims_.end() ? nullptr : &it->second;
}

const Claim& Catalog::get(const std::string& id) const {
  if (const Claim* c = find(id)) return *c;
  auto close = suggest(id);
  const std::string hint = close.empty() ? "; the catalog has: " + join(ids()) : "; did you mean: " + join(close) + "?";
  throw unknown_claim("unknown claim id '" + id + "'" + hint + " (`optverify claims list` shows all)",
                      std::move(close));
}

std::vector<const Claim*> Catalog::all() const {
  std::vector<const Claim*> v;
  for (const auto& kv : claims_) v.push_back(&kv.second);
  return v;
}

std::vector<std::string> Catalog::ids() const {
  std::vector<std::string> v;
  for (const auto& kv : claims_) v.push_back(kv.first);
  return v;
}

std::vector<const Claim*> Catalog::from_source(const std::string& file) const {
  if (file.empty()) throw std::invalid_argument("--source: empty document name; documents cited: " + join(sources()));
  std::vector<const Claim*> v;
  for (const auto& kv : claims_) {
    auto cites = [&file](const std::string& f) { return f == file || f.rfind(file, 0) == 0; };
    bool hit = cites(kv.second.source.file);
    for (const auto& o : kv.second.also_in) hit = hit || cites(o.file);
    if (hit) v.push_back(&kv.second);
  }
  if (v.empty())
    throw std::invalid_argument("--source '" + file + "': no claim cites this document; documents cited: " +
                                join(sources()));
  return v;
}

std::vector<std::string> Catalog::sources() const {
  std::set<std::string> s;
  for (const auto& kv : claims_) {
    s.insert(kv.second.source.file);
    for (const auto& o : kv.second.also_in) s.insert(o.file);
  }
  return {s.begin(), s.end()};
}

std::vector<std::string> Catalog::suggest(const std::string& id, std::size_t max) const {
  const std::size_t limit = std::max<std::size_t>(3, id.size() / 3);
  std::vector<std::pair<std::size_t, std::string>> close;
  for (const auto& kv : claims_) {
    // A claim id that contains the query counts as closest.
    const std::size_t d = kv.first.find(id) != std::string::npos && !id.empty() ? 0 : edit_distance(id, kv.first);
    if (d <= limit) close.emplace_back(d, kv.first);
  }
  std::sort(close.begin(), close.end());
  std::vector<std::string> out;
  for (std::size_t i = 0; i < close.size() && i < max; ++i) out.push_back(close[i].second);
  return out;
}

}  // namespace ov::claims
