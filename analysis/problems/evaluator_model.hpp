// EvaluatorModel<S, F>: adapts a problem functor F (written once, generically)
// to the Evaluator<S> interface.
//
// A functor F is constructed from Params and provides
//   static constexpr int kDim;            // > 0 if the dimension is fixed, 0 otherwise
//   int dim() const;
//   template <class T> T operator()(const Vec<T>& x) const;   // T = S or Jets over S
// and optionally
//   Vec<S> gradient(const Vec<S>& x) const;                   // analytic gradient
//   Mat<S> hessian(const Vec<S>& x) const;                    // analytic Hessian
//   std::size_t num_samples() const;                          // finite sums:
//   template <class T> T sample(std::size_t i, const Vec<T>& x) const;
//   Vec<S> sample_gradient(std::size_t i, const Vec<S>& x) const;  // optional
// Autodiff uses exactly kDim partials when 1 <= kDim <= 4, chunks otherwise.
#pragma once

#include <stdexcept>
#include <string>
#include <type_traits>
#include <utility>

#include "analysis/autodiff/forward_mode.hpp"
#include "analysis/problems/evaluator.hpp"

namespace ov::problems {

namespace detail {

template <class F, class S, class = void>
struct has_gradient : std::false_type {};
template <class F, class S>
struct has_gradient<F, S, std::void_t<decltype(std::declval<const F&>().gradient(std::declval<const Vec<S>&>()))>>
    : std::true_type {};

template <class F, class S, class = void>
struct has_hessian : std::false_type {};
template <class F, class S>
struct has_hessian<F, S, std::void_t<decltype(std::declval<const F&>().hessian(std::declval<const Vec<S>&>()))>>
    : std::true_type {};

template <class F, class = void>
struct is_finite_sum : std::false_type {};
template <class F>
struct is_finite_sum<F, std::void_t<decltype(std::declval<const F&>().num_samples())>> : std::true_type {};

template <class F, class S, class = void>
struct has_sample_gradient : std::false_type {};
template <class F, class S>
struct has_sample_gradient<F, S,
                           std::void_t<decltype(std::declval<const F&>().sample_gradient(
                               std::size_t{}, std::declval<const Vec<S>&>()))>> : std::true_type {};

// The functor restricted to one sample, for autodiff of f_i.
template <class F>
struct SampleOf {
  const F& f;
  std::size_t i;
  template <class T>
  T operator()(const Vec<T>& x) const {
    return f.sample(i, x);
  }
};

template <int D, class S, class G>
S ad_value_and_gradient(const G& g, const Vec<S>& x, Vec<S>& grad) {
  if constexpr (D >= 1 && D <= ad::kChunk) {
    return ad::value_and_gradient_chunked<D>(g, x, grad);
  } else {
    return ad::value_and_gradient(g, x, grad);
  }
}

}  // namespace detail

template <class S, class F>
class EvaluatorModel final : public Evaluator<S> {
 public:
  explicit EvaluatorModel(F f) : f_(std::move(f)) {}

  const F& functor() const { return f_; }

  S value(const Vec<S>& x) const override {
    check(x);
    return f_(x);
  }
  Vec<S> gradient(const Vec<S>& x) const override {
    check(x);
    if constexpr (detail::has_gradient<F, S>::value) {
      return f_.gradient(x);
    } else {
      return autodiff_gradient(x);
    }
  }
  S value_and_gradient(const Vec<S>& x, Vec<S>& g) const override {
    check(x);
    if constexpr (detail::has_gradient<F, S>::value) {
      g = f_.gradient(x);
      return f_(x);
    } else {
      return detail::ad_value_and_gradient<F::kDim>(f_, x, g);
    }
  }
  Vec<S> autodiff_gradient(const Vec<S>& x) const override {
    check(x);
    Vec<S> g;
    detail::ad_value_and_gradient<F::kDim>(f_, x, g);
    return g;
  }
  Mat<S> hessian(const Vec<S>& x) const override {
    check(x);
    if constexpr (detail::has_hessian<F, S>::value) {
      return f_.hessian(x);
    } else {
      return autodiff_hessian(x);
    }
  }
  Mat<S> autodiff_hessian(const Vec<S>& x) const override {
    check(x);
    if constexpr (F::kDim >= 1 && F::kDim <= ad::kChunk) {
      return ad::hessian_chunked<F::kDim>(f_, x);
    } else {
      return ad::hessian(f_, x);
    }
  }
  Vec<S> hessian_vector_product(const Vec<S>& x, const Vec<S>& v) const override {
    check(x);
    if constexpr (detail::has_hessian<F, S>::value) {
      ad::detail::check_size(v.size(), x.size(), "hessian_vector_product: direction v");
      return f_.hessian(x) * v;
    } else if constexpr (F::kDim >= 1 && F::kDim <= ad::kChunk) {
      return ad::hessian_vector_product_chunked<F::kDim>(f_, x, v);
    } else {
      return ad::hessian_vector_product(f_, x, v);
    }
  }

  std::size_t num_samples() const override {
    if constexpr (detail::is_finite_sum<F>::value) {
      return f_.num_samples();
    } else {
      return 0;
    }
  }
  S sample_value(std::size_t i, const Vec<S>& x) const override {
    check(x);
    if constexpr (detail::is_finite_sum<F>::value) {
      check_sample(i);
      return f_.sample(i, x);
    } else {
      not_finite_sum();
    }
  }
  Vec<S> sample_gradient(std::size_t i, const Vec<S>& x) const override {
    check(x);
    if constexpr (detail::is_finite_sum<F>::value) {
      check_sample(i);
      if constexpr (detail::has_sample_gradient<F, S>::value) {
        return f_.sample_gradient(i, x);
      } else {
        Vec<S> g;
        detail::ad_value_and_gradient<F::kDim>(detail::SampleOf<F>{f_, i}, x, g);
        return g;
      }
    } else {
      not_finite_sum();
    }
  }
  Vec<S> sample_hessian_vector_product(std::size_t i, const Vec<S>& x, const Vec<S>& v) const override {
    check(x);
    if constexpr (detail::is_finite_sum<F>::value) {
      check_sample(i);
      const detail::SampleOf<F> fi{f_, i};
      if constexpr (F::kDim >= 1 && F::kDim <= ad::kChunk) {
        return ad::hessian_vector_product_chunked<F::kDim>(fi, x, v);
      } else {
        return ad::hessian_vector_product(fi, x, v);
      }
    } else {
      not_finite_sum();
    }
  }
  S batch_value(const std::vector<std::size_t>& batch, const Vec<S>& x) const override {
    check_batch(batch);
    S sum(0);
    for (std::size_t i : batch) sum += sample_value(i, x);
    return sum / S(static_cast<long>(batch.size()));
  }
  Vec<S> batch_gradient(const std::vector<std::size_t>& batch, const Vec<S>& x) const override {
    check_batch(batch);
    Vec<S> sum = Vec<S>::Zero(x.size());
    for (std::size_t i : batch) sum += sample_gradient(i, x);
    return sum / S(static_cast<long>(batch.size()));
  }

 private:
  void check(const Vec<S>& x) const {
    if (x.size() != f_.dim()) {
      throw std::invalid_argument("point has dimension " + std::to_string(x.size()) + ", the problem has dimension " +
                                  std::to_string(f_.dim()));
    }
  }
  void check_sample(std::size_t i) const {
    if (i >= num_samples()) {
      throw std::out_of_range("sample index " + std::to_string(i) + " is out of range [0, " +
                              std::to_string(num_samples()) + ")");
    }
  }
  void check_batch(const std::vector<std::size_t>& batch) const {
    if (num_samples() == 0) not_finite_sum();
    if (batch.empty()) throw std::invalid_argument("empty mini-batch");
  }
  [[noreturn]] static void not_finite_sum() {
    throw std::logic_error("this problem is not a finite sum: it has no samples");
  }

  F f_;
};

}  // namespace ov::problems
