// Problem: one instance of a test function (a family with its parameters), with
// its metadata and, per scalar type, an Evaluator built on first use.
#pragma once

#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "analysis/numeric/scalars.hpp"
#include "analysis/problems/evaluator.hpp"
#include "analysis/problems/problem_info.hpp"
#include "analysis/problems/registry.hpp"

namespace ov::problems {

class unsupported_scalar : public std::logic_error {
 public:
  using std::logic_error::logic_error;
};

class Problem {
 public:
  Problem(std::shared_ptr<const ProblemDescriptor> descriptor, Params params);

  const ProblemInfo& info() const { return info_; }
  const std::string& name() const { return info_.name; }
  int dim() const { return info_.dim; }
  const Params& params() const { return params_; }

  template <class T>
  bool supports() const {
    return static_cast<bool>(std::get<EvaluatorFactory<T>>(descriptor_->factories));
  }

  // The evaluator in scalar T; throws unsupported_scalar (e.g. `rational` for a
  // transcendental function).
  template <class T>
  const Evaluator<T>& in() const {
    auto& slot = std::get<Slot<T>>(*slots_);
    std::call_once(slot.once, [&] {
      const auto& factory = std::get<EvaluatorFactory<T>>(descriptor_->factories);
      if (factory) slot.evaluator = factory(params_);
    });
    if (!slot.evaluator) {
      throw unsupported_scalar("problem '" + info_.name + "' cannot be evaluated in " +
                               std::string(scalar_name<T>()) +
                               (std::is_same_v<T, rational> ? " (it is not a rational function)" : ""));
    }
    return *slot.evaluator;
  }

  // Convenience forwards.
  template <class T>
  T value(const Vec<T>& x) const { return in<T>().value(x); }
  template <class T>
  Vec<T> gradient(const Vec<T>& x) const { return in<T>().gradient(x); }
  template <class T>
  Mat<T> hessian(const Vec<T>& x) const { return in<T>().hessian(x); }

  // A point of the problem's dimension from constant expressions ("1/3", "sqrt(2)").
  template <class T>
  Vec<T> point(const std::vector<std::string>& coords) const {
    if (static_cast<int>(coords.size()) != dim()) {
      throw std::invalid_argument("point has " + std::to_string(coords.size()) + " coordinates, problem '" +
                                  info_.name + "' has dimension " + std::to_string(dim()));
    }
    Vec<T> x(dim());
    for (int i = 0; i < dim(); ++i) x[i] = constant<T>(coords[i]);
    return x;
  }

 private:
  template <class T>
  struct Slot {
    std::once_flag once;
    std::shared_ptr<const Evaluator<T>> evaluator;
  };
  template <class Tuple>
  struct SlotsOf;
  template <class... Ts>
  struct SlotsOf<std::tuple<Ts...>> {
    using type = std::tuple<Slot<Ts>...>;
  };

  std::shared_ptr<const ProblemDescriptor> descriptor_;
  Params params_;
  ProblemInfo info_;
  std::shared_ptr<typename SlotsOf<all_scalars>::type> slots_;
};

// Build a problem by registry name; `overrides` replace default parameters.
// Unknown names throw unknown_problem (with close names suggested).
Problem make_problem(std::string_view name, const Params& overrides = {});

}  // namespace ov::problems
