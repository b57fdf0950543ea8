// Backtracking NAG (000_47ba9189a2c8a171.txt §2.3, L223: "The update rule is similar
// to that for Backtracking MMT"; seed-000-001-backtracking.md A8). The paper does not
// write it out. Our reading: Backtracking MMT (backtracking_momentum.hpp) with the
// stage-1 direction
//
//   w = gamma' v_{n-1} + delta0 grad f(z_n - lambda v_{n-1}),
//
// conditions (4)-(5) and Armijo still measured against g = grad f(z_n) (as in A4 and
// Theorem 2.11's proof via Theorem 2.7), and v_n = sigma_n w, z_{n+1} = z_n - v_n.
// The look-ahead coefficient lambda is not specified; NesterovLookAhead selects it:
//   shrunk   lambda = gamma' (the current stage-1 value; one gradient per stage-1 trial,
//            the closest analogue of NAG's grad f(z - gamma v) with gamma = gamma'). Default.
//   initial  lambda = gamma0 (one look-ahead gradient per step, the literal
//            "grad f(z_n - gamma v_{n-1})" of L219 with gamma read as gamma0).
//            Caution: as gamma' -> 0, w -> delta0 grad f(z_n - gamma0 v_{n-1}), which need
//            not satisfy (4)-(5) against g = grad f(z_n), so stage 1 may exhaust
//            max_trials and refuse (seen on the double well in the double/mp100 test).
//            The paper's "it can be easily checked" (L219) holds for `shrunk` only.
// Note: in both, v_n = sigma gamma' v_{n-1} + sigma delta0 grad f(z_n - lambda v_{n-1}), so the
// look-ahead does not use the final gamma_n = sigma gamma' (that would need another gradient
// per stage-2 trial and would move the point the conditions were checked at).
// With v_{n-1} = 0 (the first step) both coincide with Backtracking MMT.
#pragma once

#include <stdexcept>
#include <string>

#include "optim/rules/backtracking_momentum.hpp"

namespace ov::optim {

enum class NesterovLookAhead { shrunk, initial };

inline const char* to_string(NesterovLookAhead l) { return l == NesterovLookAhead::shrunk ? "shrunk" : "initial"; }
inline NesterovLookAhead nesterov_look_ahead_from_string(const std::string& s) {
  if (s == "shrunk") return NesterovLookAhead::shrunk;
  if (s == "initial") return NesterovLookAhead::initial;
  throw std::invalid_argument("look_ahead = '" + s + "' is not one of shrunk, initial");
}

template <class S>
class BacktrackingNesterov : public BacktrackingMomentum<S> {
 public:
  explicit BacktrackingNesterov(const BacktrackingMomentumParameters<S>& p = {},
                                NesterovLookAhead look_ahead = NesterovLookAhead::shrunk)
      : BacktrackingMomentum<S>(p, "backtracking_nesterov"), look_ahead_(look_ahead) {}

  std::vector<Hyperparameter> hyperparameters() const override {
    auto h = BacktrackingMomentum<S>::hyperparameters();
    h.push_back({"look_ahead", to_string(look_ahead_)});
    return h;
  }
  NesterovLookAhead look_ahead() const { return look_ahead_; }

 protected:
  void begin_stage1() override { cached_ = false; }
  bool stage1_direction(Oracle<S>& f, const Vector<S>& x, const Vector<S>& g, const S& gp, Vector<S>& w) override {
    const Vector<S>& v = this->previous_velocity();
    if (is_zero_vector(v)) {
      w = this->p_.delta0 * g;
      return all_finite(w);
    }
    if (look_ahead_ == NesterovLookAhead::shrunk || !cached_) {
      const S lambda = look_ahead_ == NesterovLookAhead::shrunk ? gp : this->p_.gamma0;
      const Vector<S> y = x - lambda * v;
      look_ = all_finite(y) ? f.gradient(y) : y;
      cached_ = true;
    }
    w = gp * v + this->p_.delta0 * look_;
    return all_finite(w);
  }

 private:
  NesterovLookAhead look_ahead_;
  bool cached_ = false;
  Vector<S> look_;
};

}  // namespace ov::optim
