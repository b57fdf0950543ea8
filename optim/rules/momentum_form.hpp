// The three written forms of heavy-ball momentum and Nesterov's method, and how
// their states convert (derivations in docs/optimizers-backtracking.md):
//
//   paper     (000_47ba9189a2c8a171.txt §2.3, L203-210; Truong & Nguyen)
//             MMT: v_n = gamma v_{n-1} + delta grad f(z_n);              z_{n+1} = z_n - v_n
//             NAG: v_n = gamma v_{n-1} + delta grad f(z_n - gamma v_{n-1}); z_{n+1} = z_n - v_n
//   pytorch   (torch.optim.SGD, dampening = 0, no weight decay; not in the documents)
//             MMT: b = mu b + g;  x -= lr b
//             NAG: b = mu b + g;  x -= lr (g + mu b)        (g = grad f(x), no look-ahead)
//   sutskever (Sutskever, Martens, Dahl & Hinton 2013, eqs. (1)-(4); not in the documents)
//             MMT: v = mu v - eps grad f(theta);           theta += v
//             NAG: v = mu v - eps grad f(theta + mu v);    theta += v
//
// With delta = lr = eps and gamma = mu, and every velocity starting at 0:
//   paper <-> sutskever: v_sutskever = -v_paper, theta = z (same iterates);
//   paper <-> pytorch:   v_paper = lr b; MMT: x = z (same iterates);
//                        NAG: x_n = z_n - gamma v_{n-1} (PyTorch iterates the look-ahead point).
#pragma once

#include <stdexcept>
#include <string>

namespace ov::optim {

enum class MomentumForm { paper, pytorch, sutskever };

inline const char* to_string(MomentumForm f) {
  switch (f) {
    case MomentumForm::paper: return "paper";
    case MomentumForm::pytorch: return "pytorch";
    case MomentumForm::sutskever: return "sutskever";
  }
  return "?";
}

inline MomentumForm momentum_form_from_string(const std::string& s) {
  if (s == "paper") return MomentumForm::paper;
  if (s == "pytorch") return MomentumForm::pytorch;
  if (s == "sutskever") return MomentumForm::sutskever;
  throw std::invalid_argument("form = '" + s + "' is not one of paper, pytorch, sutskever");
}

}  // namespace ov::optim
