#include "nets/landscape/function.hpp"

#include <stdexcept>

#include "analysis/problems/problem.hpp"

namespace ov::nets::landscape {

template <class S>
void SmoothFunction<S>::validate(const std::string& what) const {
  if (dim < 1)
    throw std::invalid_argument(what + ": dim = " + std::to_string(dim) + ", it must be >= 1");
  if (!value) throw std::invalid_argument(what + ": the value callback is empty");
  if (!gradient) throw std::invalid_argument(what + ": the gradient callback is empty");
  if (!hessian) throw std::invalid_argument(what + ": the hessian callback is empty");
}

template struct SmoothFunction<double>;
template struct SmoothFunction<mp100>;
template struct SmoothFunction<rational>;

void Landscape::validate() const {
  fast.validate("landscape '" + name + "' (double)");
  precise.validate("landscape '" + name + "' (mp100)");
  if (precise.dim != fast.dim)
    throw std::invalid_argument("landscape '" + name + "': the mp100 function has dim " +
                                std::to_string(precise.dim) + ", the double one " + std::to_string(fast.dim));
  if (exact) {
    exact->validate("landscape '" + name + "' (rational)");
    if (exact->dim != fast.dim)
      throw std::invalid_argument("landscape '" + name + "': the rational function has dim " +
                                  std::to_string(exact->dim) + ", the double one " + std::to_string(fast.dim));
  }
}

namespace {
template <class S>
SmoothFunction<S> adapt(const problems::Problem& problem) {
  SmoothFunction<S> f;
  f.dim = problem.dim();
  f.value = [problem](const Vec<S>& x) { return problem.in<S>().value(x); };
  f.gradient = [problem](const Vec<S>& x) { return problem.in<S>().gradient(x); };
  f.hessian = [problem](const Vec<S>& x) { return problem.in<S>().hessian(x); };
  return f;
}
}  // namespace

Landscape from_problem(const problems::Problem& problem) {
  Landscape l;
  l.name = problem.name();
  l.fast = adapt<double>(problem);
  l.precise = adapt<mp100>(problem);
  if (problem.supports<rational>() && problem.info().rational_exact) l.exact = adapt<rational>(problem);
  l.validate();
  return l;
}

template <class S>
SmoothFunction<S> from_objective(std::shared_ptr<const optim::Objective<S>> objective,
                                 std::function<Mat<S>(const Vec<S>&)> hessian) {
  if (!objective) throw std::invalid_argument("from_objective: objective is null");
  if (!hessian) throw std::invalid_argument("from_objective: the hessian callback is empty");
  SmoothFunction<S> f;
  f.dim = objective->dim();
  f.value = [objective](const Vec<S>& x) { return objective->value(x); };
  f.gradient = [objective](const Vec<S>& x) { return objective->gradient(x); };
  f.hessian = std::move(hessian);
  f.validate("from_objective");
  return f;
}

template SmoothFunction<double> from_objective<double>(std::shared_ptr<const optim::Objective<double>>,
                                                       std::function<Mat<double>(const Vec<double>&)>);
template SmoothFunction<mp100> from_objective<mp100>(std::shared_ptr<const optim::Objective<mp100>>,
                                                     std::function<Mat<mp100>(const Vec<mp100>&)>);
template SmoothFunction<rational> from_objective<rational>(std::shared_ptr<const optim::Objective<rational>>,
                                                           std::function<Mat<rational>(const Vec<rational>&)>);

}  // namespace ov::nets::landscape
