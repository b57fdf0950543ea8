// The registry of problem families: name -> descriptor (defaults, metadata and
// one evaluator factory per scalar type). Descriptors are filled in
// catalog_descriptors.cpp; the evaluator factories of each scalar in their own
// translation unit (evaluators_<scalar>.cpp) to keep compile units small.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "analysis/numeric/scalars.hpp"
#include "analysis/problems/evaluator.hpp"
#include "analysis/problems/problem_info.hpp"

namespace ov::problems {

template <class T>
using EvaluatorFactory = std::function<std::shared_ptr<const Evaluator<T>>(const Params&)>;

template <class Tuple>
struct FactoriesOf;
template <class... Ts>
struct FactoriesOf<std::tuple<Ts...>> {
  using type = std::tuple<EvaluatorFactory<Ts>...>;
};

struct ProblemDescriptor {
  std::string name;
  std::string title;
  Params defaults;
  std::function<ProblemInfo(const Params&)> describe;
  typename FactoriesOf<all_scalars>::type factories;  // an empty factory: scalar unsupported
};

class unknown_problem : public std::invalid_argument {
 public:
  unknown_problem(const std::string& name, std::vector<std::string> suggestions);
  const std::vector<std::string>& suggestions() const { return suggestions_; }

 private:
  std::vector<std::string> suggestions_;
};

class Registry {
 public:
  static const Registry& instance();

  std::shared_ptr<const ProblemDescriptor> find(std::string_view name) const;  // nullptr if unknown
  std::shared_ptr<const ProblemDescriptor> get(std::string_view name) const;   // throws unknown_problem
  std::vector<std::string> names() const;
  // Up to `max` registered names closest to `name` (edit distance, prefixes first).
  std::vector<std::string> suggest(std::string_view name, std::size_t max = 3) const;

  // Used while the registry is built.
  ProblemDescriptor& add(ProblemDescriptor d);
  ProblemDescriptor& mutable_get(std::string_view name);

 private:
  Registry() = default;
  std::map<std::string, std::shared_ptr<ProblemDescriptor>, std::less<>> entries_;
};

// Defined by the catalog translation units.
void register_descriptors(Registry& r);
template <class S>
void register_evaluators(Registry& r);

}  // namespace ov::problems
