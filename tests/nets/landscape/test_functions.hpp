// Hand-made smooth functions for the landscape tests, in any scalar S.
#pragma once

#include <functional>

#include "nets/landscape/function.hpp"

namespace ov::nets::landscape::testing {

// f(x, y) = x^p + y^2 (p = 3: degenerate saddle at 0; p = 4: degenerate minimum).
template <class S>
SmoothFunction<S> power_plus_square(int p) {
  SmoothFunction<S> f;
  f.dim = 2;
  f.value = [p](const Vec<S>& x) {
    S xp = 1;
    for (int k = 0; k < p; ++k) xp *= x[0];
    return S(xp + x[1] * x[1]);
  };
  f.gradient = [p](const Vec<S>& x) {
    S xp = 1;
    for (int k = 0; k < p - 1; ++k) xp *= x[0];
    Vec<S> g(2);
    g << S(p) * xp, S(2) * x[1];
    return g;
  };
  f.hessian = [p](const Vec<S>& x) {
    S xp = 1;
    for (int k = 0; k < p - 2; ++k) xp *= x[0];
    Mat<S> h(2, 2);
    h << S(p * (p - 1)) * xp, S(0), S(0), S(2);
    return h;
  };
  return f;
}

inline Landscape power_plus_square_landscape(int p) {
  Landscape l;
  l.name = "x^" + std::to_string(p) + " + y^2";
  l.fast = power_plus_square<double>(p);
  l.precise = power_plus_square<mp100>(p);
  l.exact = power_plus_square<rational>(p);
  return l;
}

// Apply `mutate` to one part of a landscape (all precisions).
enum class Part { gradient, hessian };
template <class S>
void mutate(SmoothFunction<S>& f, Part part, const S& factor) {
  if (part == Part::gradient) {
    auto g = f.gradient;
    f.gradient = [g, factor](const Vec<S>& x) { return Vec<S>(factor * g(x)); };
  } else {
    auto h = f.hessian;
    f.hessian = [h, factor](const Vec<S>& x) { return Mat<S>(factor * h(x)); };
  }
}
inline void mutate(Landscape& l, Part part, int num, int den) {
  mutate(l.fast, part, double(num) / den);
  mutate(l.precise, part, mp100(num) / den);
  if (l.exact) mutate(*l.exact, part, rational(num) / den);
}

}  // namespace ov::nets::landscape::testing
