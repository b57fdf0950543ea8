#include "analysis/problems/registry.hpp"

#include <algorithm>

#include "analysis/problems/problem.hpp"

namespace ov::problems {

namespace {

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t sub = prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, sub});
    }
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

std::string join(const std::vector<std::string>& v) {
  std::string s;
  for (const auto& x : v) s += (s.empty() ? "" : ", ") + x;
  return s;
}

template <class... Ts>
void register_all_scalars(Registry& r, std::tuple<Ts...>*) {
  (register_evaluators<Ts>(r), ...);
}

}  // namespace

unknown_problem::unknown_problem(const std::string& name, std::vector<std::string> suggestions)
    : std::invalid_argument("unknown problem '" + name + "'" +
                            (suggestions.empty() ? std::string(" (see `optverify problems list`)")
                                                 : "; did you mean: " + join(suggestions) + "?")),
      suggestions_(std::move(suggestions)) {}

const Registry& Registry::instance() {
  static const Registry registry = [] {
    Registry r;
    register_descriptors(r);
    register_all_scalars(r, static_cast<all_scalars*>(nullptr));
    return r;
  }();
  return registry;
}

ProblemDescriptor& Registry::add(ProblemDescriptor d) {
  auto name = d.name;
  auto [it, inserted] = entries_.emplace(name, std::make_shared<ProblemDescriptor>(std::move(d)));
  if (!inserted) throw std::logic_error("problem '" + name + "' registered twice");
  return *it->second;
}

ProblemDescriptor& Registry::mutable_get(std::string_view name) {
  auto it = entries_.find(name);
  if (it == entries_.end()) throw std::logic_error("evaluators for unregistered problem '" + std::string(name) + "'");
  return *it->second;
}

std::shared_ptr<const ProblemDescriptor> Registry::find(std::string_view name) const {
  auto it = entries_.find(name);
  return it == entries_.end() ? nullptr : it->second;
}

std::shared_ptr<const ProblemDescriptor> Registry::get(std::string_view name) const {
  auto d = find(name);
  if (!d) throw unknown_problem(std::string(name), suggest(name));
  return d;
}

std::vector<std::string> Registry::names() const {
  std::vector<std::string> v;
  for (const auto& [k, _] : entries_) v.push_back(k);
  return v;
}

std::vector<std::string> Registry::suggest(std::string_view name, std::size_t max) const {
  std::vector<std::pair<std::size_t, std::string>> scored;
  for (const auto& [k, _] : entries_) {
    std::size_t d = edit_distance(name, k);
    bool related = k.find(name) != std::string::npos || name.find(k) != std::string::npos;
    if (related) d = 0;
    if (d <= std::max<std::size_t>(2, name.size() / 3)) scored.emplace_back(d, k);
  }
  std::sort(scored.begin(), scored.end());
  std::vector<std::string> out;
  for (std::size_t i = 0; i < scored.size() && i < max; ++i) out.push_back(scored[i].second);
  return out;
}

Problem::Problem(std::shared_ptr<const ProblemDescriptor> descriptor, Params params)
    : descriptor_(std::move(descriptor)),
      params_(std::move(params)),
      info_(descriptor_->describe(params_)),
      slots_(std::make_shared<typename SlotsOf<all_scalars>::type>()) {
  info_.params = params_;
}

Problem make_problem(std::string_view name, const Params& overrides) {
  auto d = Registry::instance().get(name);
  return Problem(d, d->defaults.merged(overrides, d->name));
}

}  // namespace ov::problems
