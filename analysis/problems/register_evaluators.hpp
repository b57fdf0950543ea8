// register_evaluators<S>: installs, for every family of the catalog that supports
// scalar S, a factory building EvaluatorModel<S, Family::Functor<S>>.
// Instantiated once per scalar, in evaluators_<scalar>.cpp.
#pragma once

#include <memory>

#include "analysis/problems/catalog.hpp"
#include "analysis/problems/evaluator_model.hpp"
#include "analysis/problems/registry.hpp"

namespace ov::problems {

namespace detail {
template <class S, class... Families>
void register_family_evaluators(Registry& r, FamilyList<Families...>) {
  (
      [&r] {
        if constexpr (family_supports_v<Families, S>) {
          using F = typename Families::template Functor<S>;
          std::get<EvaluatorFactory<S>>(r.mutable_get(Families::kName).factories) =
              [](const Params& p) -> std::shared_ptr<const Evaluator<S>> {
            return std::make_shared<EvaluatorModel<S, F>>(F(p));
          };
        }
      }(),
      ...);
}
}  // namespace detail

template <class S>
void register_evaluators(Registry& r) {
  detail::register_family_evaluators<S>(r, Catalog{});
}

}  // namespace ov::problems
