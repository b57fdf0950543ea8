// Where the stabilising epsilon of the adaptive rules goes:
//   inside_sqrt   lr * g / sqrt(eps + v)   004 eqs (39)-(40), (42), (47) (as printed)
//   outside_sqrt  lr * g / (sqrt(v) + eps) Kingma & Ba 2015 Alg. 1, torch::optim
//                                          (Adagrad, RMSprop, Adam)
// Kernels take it branch-free as two constants: eps_in (eps or 0) and eps_out
// (0 or eps), denominator sqrt(eps_in + v) + eps_out; the unused one adds an exact 0.
#pragma once

#include <stdexcept>
#include <string>

namespace ov::optim {

enum class EpsilonPlacement { inside_sqrt, outside_sqrt };

inline const char* to_string(EpsilonPlacement p) {
  return p == EpsilonPlacement::inside_sqrt ? "inside_sqrt" : "outside_sqrt";
}

inline EpsilonPlacement epsilon_placement_from_string(const std::string& s) {
  if (s == "inside_sqrt" || s == "inside") return EpsilonPlacement::inside_sqrt;
  if (s == "outside_sqrt" || s == "outside") return EpsilonPlacement::outside_sqrt;
  throw std::invalid_argument("epsilon_placement = '" + s + "' is not one of inside_sqrt, outside_sqrt");
}

template <class S>
struct EpsilonSplit {
  S in, out;
};

template <class S>
EpsilonSplit<S> split_epsilon(EpsilonPlacement p, const S& eps) {
  if (p == EpsilonPlacement::inside_sqrt) return {eps, S(0)};
  return {S(0), eps};
}

}  // namespace ov::optim
